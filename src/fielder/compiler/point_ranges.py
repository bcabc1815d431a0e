"""Middle points of a scale written once as a range between its two labelled ends.

    1 = Not at all useful
    2 – 6 (no labels)
    7 = Extremely useful

The middle line stands for the bare points 2, 3, 4, 5 and 6 (each its own number), not for an
answer coded 2 whose words are "6 (no labels)". It is read so only where the range fits between
the codes around it (the point before it is one less, the one after it one more).
"""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption

# what is left of "2 – 6 (no labels)" once its first number is the code: "6 (no labels)",
# "– 6", "to 6 (numbers only)"
_RANGE_END_RE = re.compile(r"^(?:[-–—]|to)?\s*(?P<last>\d{1,3})\s*(?:\([^()]*\))?\.?$", re.I)


def fits_between(low: int, high: int, before: str | None, after: str | None) -> bool:
    """Whether the points low…high are the middle of a scale whose point before is coded
    `before` and whose point after is coded `after` (one less, one more)."""
    if not (before or "").isdigit() or not (after or "").isdigit():
        return False
    return int(before or 0) + 1 == low < high and high + 1 == int(after or 0)


def spread_point_ranges(raws: list[RawOption]) -> list[RawOption]:
    """The answers with each range of bare middle points written out one point each."""
    out: list[RawOption] = []
    for place, raw in enumerate(raws):
        match = _RANGE_END_RE.match(raw.label.strip()) if raw.code and raw.code.isdigit() else None
        before = raws[place - 1].code if place else None
        after = raws[place + 1].code if place + 1 < len(raws) else None
        if match is None or not fits_between(int(raw.code or 0), int(match["last"]), before, after):
            out.append(raw)
            continue
        low, high = int(raw.code or 0), int(match["last"])
        out.extend(RawOption(str(p), str(p), start=raw.start) for p in range(low, high + 1))
    return out
