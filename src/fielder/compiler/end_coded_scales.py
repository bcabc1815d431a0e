"""A scale written as its two ends only: `1 = Very difficult` / `7 = Very easy`,
`0 - Not at all likely` / `10 - Extremely likely`.

Whoever fills in a questionnaire often lists just the worded end points of a numeric scale and
leaves the unworded points in between to the programmer. Two coded answers whose numbers lie
three or more apart, read as a plain list, lose the middle points; read as a scale's ends, the
points run from the low code to the high one and each middle point is labelled by its number.
Only when the list is named a scale or both ends read as extremes ("very …", "not at all …",
"extremely …"): `1 Yes` / `9 Refused` stays a list.
"""

from __future__ import annotations

import re

from fielder.ir.models import Option

_EXTREME_RE = re.compile(
    r"^(?:very|extremely|not\s+at\s+all|completely|totally|strongly|definitely|absolutely|"
    r"highly|fully|entirely|least|most|worst|best|never|always|much\s+(?:better|worse))\b",
    re.I,
)


def scale_from_ends(options: list[Option], words: list[str]) -> list[Option] | None:
    """The whole scale when `options` are only its two coded, worded ends; else None."""
    if len(options) != 2 or not all(re.fullmatch(r"\d{1,2}", o.code) for o in options):
        return None
    low, high = (int(o.code) for o in options)
    if low not in (0, 1) or not 3 <= high - low <= 10:
        return None
    if any(not re.search(r"[^\W\d_]", o.label) or o.specify or o.exclusive for o in options):
        return None
    named = "scale" in words
    if not named and not all(_EXTREME_RE.match(o.label.strip()) for o in options):
        return None
    middle = [Option(code=str(n), label=str(n)) for n in range(low + 1, high)]
    return [options[0], *middle, options[1]]
