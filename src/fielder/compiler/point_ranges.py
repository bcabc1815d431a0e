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


def spread_point_ranges(raws: list[RawOption]) -> list[RawOption]:
    """The answers with each range of bare middle points written out one point each."""
    out: list[RawOption] = []
    for place, raw in enumerate(raws):
        match = _RANGE_END_RE.match(raw.label.strip()) if raw.code and raw.code.isdigit() else None
        before = raws[place - 1].code if place else None
        after = raws[place + 1].code if place + 1 < len(raws) else None
        if (
            match is None
            or not (before or "").isdigit()
            or not (after or "").isdigit()
            or int(before or 0) + 1 != int(raw.code or 0)
            or int(match["last"]) + 1 != int(after or 0)
            or int(match["last"]) <= int(raw.code or 0)
        ):
            out.append(raw)
            continue
        for point in range(int(raw.code or 0), int(match["last"]) + 1):
            out.append(RawOption(str(point), str(point), start=raw.start))
    return out
