"""Codes printed after each tick box or bullet: `☐ 1 Yes`, `☐ (2) No`, `□ 3 Not sure`.

Paper cards and forms print the data-entry code between the box and the answer's words with
no gap to tell them apart, so one answer alone reads like "1 Yes" as a whole label. Read over
the question's answers together, numbers that count up by one from 0 or 1, each followed by
an answer's own words (starting with a capital, a digit or a bracket, as a label does), are
the codes, with or without a dash after them (`☐ 1 — Yes`): "1 child / 2 children / 3 or more
children" are not, as the words after the number go on in small letters.
"""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption

_LEAD_CODE_RE = re.compile(
    r"^[(\[]?(?P<n>\d{1,3})(?:[)\]]|[.)](?=\s))?(?:\s+[—–-](?=\s))?\s+(?P<words>\S.*)$"
)


def counted_codes(raw: list[RawOption]) -> list[RawOption]:
    """Uncoded, marked answers that each open with their number counting up, with the
    numbers as codes and the words after them as labels."""
    if len(raw) < 2 or any(o.code is not None or o.marker != "•" for o in raw):
        return raw
    found = [_LEAD_CODE_RE.match(o.label.strip()) for o in raw]
    if not all(found):
        return raw
    matches = [m for m in found if m is not None]
    numbers = [int(m["n"]) for m in matches]
    if numbers[0] > 1 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return raw
    if any(m["words"][:1].islower() for m in matches):
        return raw  # "1 child", "2 children": the number is part of the answer
    for option, match in zip(raw, matches, strict=True):
        option.code = match["n"]
        option.label = match["words"]
    return raw
