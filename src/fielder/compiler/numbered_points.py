"""Scale points printed as answers: each point's number, the end points' words after a dash.

An online tool's printout of a rating question shows one radio button per point, numbered, with
words only on some (`○ 0 – Not at all likely`, `○ 1`, … `○ 10 – Extremely likely`). The numbers
are the points' codes (a 0–10 scale starts at 0), and the words after the dash are the label;
a point with no words is labelled by its number.
"""

from __future__ import annotations

import re

from fielder.compiler.options import RawOption

_POINT_RE = re.compile(r"^(?P<n>\d{1,2})(?:\s*[–—-]\s+(?P<words>[^\W\d_].*))?$")


def numbered_points(raw: list[RawOption]) -> list[RawOption]:
    """Uncoded answers that are numbered points counting up by one, some with words after a
    dash and some bare, with their numbers as codes and their words as labels."""
    if len(raw) < 3 or any(o.code is not None for o in raw):
        return raw
    points = [_POINT_RE.match(o.label.strip()) for o in raw]
    if not all(points):
        return raw
    matches = [p for p in points if p is not None]
    numbers = [int(p["n"]) for p in matches]
    worded = sum(1 for p in matches if p["words"])
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[0] > 1:
        return raw
    if not worded or worded == len(matches):
        return raw
    for option, point in zip(raw, matches, strict=True):
        option.code = point["n"]
        option.label = point["words"] or point["n"]
    return raw
