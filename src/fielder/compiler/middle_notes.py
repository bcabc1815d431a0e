"""Routing and tags printed between an answer and its code.

Some layouts set the code flush with the right margin and the answer's routing or tags in the
gap before it (`☐ Não   → ENCERRE   2`, `☐ Nenhum destes   (EXCLUSIVA) Pule para P11   99`).
The plain order is the answer, its code, then what it does (`Não  2  → ENCERRE`), which the
option reader knows; such lines are put in that order.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.glossary import route_to_english, to_english
from fielder.compiler.lines import Line

# the label is the whole first cell (a look-ahead finds its letter): no quadratic backtracking
_MIDDLE_RE = re.compile(
    r"^(?P<label>(?=[^\t]*[^\W\d_])[^\t]*+)\t+(?P<middle>[^\t]+?)\t+(?P<code>\d{1,3})\s*$"
)
_ACTION_RE = re.compile(r"→|->|=>|\b(?:GO\s+TO|SKIP\s+TO|TERMINATE|EXCLUSIVE|SPECIFY)\b", re.I)
_INNER_TAG_RE = re.compile(
    r"^(?P<label>(?=[^\t(]*[^\W\d_])(?:[^\S\t]*+[^\t(\s]++)*+)\s*+(?P<tag>\([^\W\d_a-z]{3,}\))"
    r"(?P<rest>\s*+:?\s*+_{2,}+[^\t]*+\t++\d{1,3}\s*)$"
)
_TAG_RE = re.compile(r"^\(?[^\W\d_a-z]{3,}(?:[\s–-]+[^\W\d_a-z]+)*\)?$")


def middle_notes(lines: list[Line]) -> list[Line]:
    """The lines with routing or tags between an answer and its code moved after the code."""
    return [_moved(_inner_tag(line)) for line in lines]


def _inner_tag(line: Line) -> Line:
    """ "Outro (ANOTAR): ____  96": a tag in capitals inside the answer goes after its code."""
    spaced = line.spaced or ""
    # the pattern backtracks quadratically on long lines: try it only where it can match
    if "(" not in spaced or "__" not in spaced or "\t" not in spaced:
        return line
    match = _INNER_TAG_RE.match(spaced)
    if match is None:
        return line
    spaced = f"{match['label']}{match['rest'].rstrip()}\t{match['tag']}"
    return replace(line, spaced=spaced, text=" ".join(spaced.split()))


def _moved(line: Line) -> Line:
    if (line.spaced or "").count("\t") < 2:
        return line  # no gap both sides of a middle: skip the pattern, slow on long lines
    match = _MIDDLE_RE.match(line.spaced or "")
    if match is None:
        return line
    middle = match["middle"].strip()
    english = route_to_english(to_english(middle))
    if not (_ACTION_RE.search(english) or _TAG_RE.match(middle)):
        return line
    spaced = f"{match['label'].rstrip()}\t{match['code']}\t{middle}"
    return replace(line, spaced=spaced, text=" ".join(spaced.split()))
