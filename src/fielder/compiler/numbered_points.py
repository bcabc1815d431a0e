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


# "10 Extremely likely": an end point's number, then its words after a plain space
_SPACED_END_RE = re.compile(r"^(?P<n>\d{1,2})\s+(?P<words>[^\W\d_a-z][^\d]*)$")


def _end_point(option: RawOption) -> tuple[int, str] | None:
    """The number and words of a point written as a coded answer, a bare number or, at an
    end, its number and words."""
    if option.code is not None:
        if not re.fullmatch(r"\d{1,2}", option.code):
            return None
        return int(option.code), option.label.strip()
    point = _POINT_RE.match(option.label.strip()) or _SPACED_END_RE.match(option.label.strip())
    if point is None:
        return None
    return int(point["n"]), (point["words"] or "").strip()


def _worded_end_points(raw: list[RawOption]) -> list[RawOption]:
    """`○ 0<TAB>Not at all likely`, `○ 1` … `○ 9`, `○ 10 Extremely likely`: a print view's
    vertical scale whose end's number lost its gap before the words. With coded answers around
    it, five or more points counting up by one, both ends worded and the middle bare, every
    point's number is its code and the end's words its label (`5 or more` after bare `1`…`4`
    stays a label: its first end is bare, and its words are not capitalised)."""
    points = [_end_point(o) for o in raw]
    if len(raw) < 5 or not any(o.code for o in raw) or all(o.code for o in raw):
        return raw
    # ("00", "01" … "10": codes written with a leading zero keep their own form)
    written = [o.code or o.label.strip().split(" ")[0] for o in raw]
    if not all(points) or any(len(w) > 1 and w.startswith("0") for w in written):
        return raw
    found = [p for p in points if p is not None]
    numbers = [n for n, _ in found]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[0] > 1:
        return raw
    middle = found[1:-1]
    if not found[0][1] or not found[-1][1] or any(words and words != str(n) for n, words in middle):
        return raw
    for option, (number, words) in zip(raw, found, strict=True):
        option.code = option.code or str(number)
        option.label = words or str(number)
    return raw


def numbered_points(raw: list[RawOption]) -> list[RawOption]:
    """Uncoded answers that are numbered points counting up by one, some with words after a
    dash and some bare, with their numbers as codes and their words as labels."""
    if len(raw) < 3:
        return raw
    if any(o.code is not None for o in raw):
        return _worded_end_points(raw)
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
