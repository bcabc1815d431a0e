"""`4 is exclusive.` under a list: the answer with that code is the exclusive one.

Item banks and specs name an exclusive answer by its code in a sentence of their own under the
answers ("4 is exclusive.", "Code 9 is exclusive", "Codes 8 and 9 are exclusive"), instead of a
tag beside it. Read as an answer line it became a fifth answer ("is exclusive."). The sentence is
the answers' tag: it is moved onto the answer lines with those codes, as `EXCLUSIVE`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import parse_option_text

_EXCLUSIVE_RE = re.compile(
    r"^\W*(?:codes?\s+)?(?P<codes>\d{1,3}(?:\s*(?:,|and|&|/)\s*\d{1,3})*)\s+(?:is|are)\s+"
    r"(?:an?\s+)?(?:exclusive|single[- ]code)(?:\s+answers?|\s+codes?)?\s*\.?\s*$",
    re.I,
)


def exclusive_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with each "N is exclusive." sentence made the tag of answer N above it."""
    out: list[Line] = []
    for line in lines:
        found = _EXCLUSIVE_RE.match(line.text) if line.text and not line.rows else None
        if found is None:
            out.append(line)
            continue
        codes = set(re.findall(r"\d{1,3}", found["codes"]))
        answers = _answers_above(out)
        hit = [i for i, code in answers if code in codes]
        if not hit or len(hit) != len(codes):
            out.append(line)
            continue
        for index in hit:
            out[index] = replace(out[index], instructions=[*out[index].instructions, "EXCLUSIVE"])
        if line.instructions:
            out.append(replace(line, text="", spaced="", raw=" ".join(line.instructions)))
    return out


def _answers_above(out: list[Line]) -> list[tuple[int, str]]:
    """The coded answer lines right above (index, code), nearest last."""
    found: list[tuple[int, str]] = []
    for index in range(len(out) - 1, -1, -1):
        line = out[index]
        if not line.text:
            continue
        written = parse_option_text(line.text)
        code = line.code or (written[0].code if written else None)
        if not code:
            break
        found.append((index, code))
    return found[::-1]
