"""A question numbered without its prefix among prefixed ones: `8.   Is your mind made up …?`
between `Q.7` and `Q.9`.

Typists drop a label's prefix now and then. A bare number that sits where the prefixed series
expects it (one more than the label before, less than the label after), set at the labels'
indent and asking a question, is that series' label (`Q8`); an answer numbered `8.` under a
question is indented and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label, looks_like_question
from fielder.compiler.lines import Line

_BARE_RE = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<rest>\S.*)$")
_PREFIXED_ID_RE = re.compile(r"^(?P<prefix>[A-Z]{1,3})(?P<n>\d{1,3})[a-z]?$")


def stray_number_lines(lines: list[Line]) -> list[Line]:
    """The lines with each bare number that continues a prefixed series given the prefix."""
    labels = [_prefixed(line) for line in lines]
    out = list(lines)
    for place, line in enumerate(lines):
        bare = _BARE_RE.match(line.text) if not line.is_option and not line.label else None
        if bare is None or not looks_like_question(bare["rest"]):
            continue
        before = next((labels[i] for i in range(place - 1, -1, -1) if labels[i]), None)
        after = next((labels[i] for i in range(place + 1, len(lines)) if labels[i]), None)
        if before is None or after is None or before[0] != after[0] or before[2] != line.level:
            continue
        number = int(bare["n"])
        if before[1] + 1 == number < after[1]:
            text = f"{before[0]}{number}. {bare['rest']}"
            out[place] = replace(line, text=text, spaced=text)
    return out


def _prefixed(line: Line) -> tuple[str, int, int] | None:
    """(prefix, number, indent) of a line's prefixed question label ("Q.7" → ("Q", 7, 0))."""
    if line.is_option or not line.text:
        return None
    label = find_label(line)
    found = _PREFIXED_ID_RE.match(label.id) if label and label.style == "prefixed" else None
    return (found["prefix"], int(found["n"]), line.level) if found else None
