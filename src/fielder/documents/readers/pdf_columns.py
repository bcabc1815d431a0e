"""Reading order of a PDF page whose blocks of text sit side by side.

A page is cut into bands at blank stretches that run across its whole width, and a band into
columns at a blank vertical gutter that runs down its whole height (a recursive XY cut). A band
is read column by column only when both sides look like running text: a question beside its
answer list, or two lists set side by side. Grid rows ("Q27 statement 1 2 3 4"), answer lines
with codes at the right, numbers hanging before their text and per-row labels ("Yes No")
repeated down the right side stay lines read left to right.

Cutting at blank rows first keeps a question level with its answers: forms set them side by
side band after band, so text that flows from the foot of one column to the head of the next
across such a blank row is read band by band.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar


class Box(Protocol):
    """Anything placed on the page, top-down coordinates: a word, or a block read as a whole
    (a table, whose text the callers' `text` gives as None)."""

    @property
    def x0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def bottom(self) -> float: ...


B = TypeVar("B", bound=Box)

#: a blank row this many (median) word heights tall separates bands; lines closer than
#: that may belong to one paragraph (the reader joins wrapped lines up to 0.8 heights apart)
BAND_GAP = 0.8
#: a gutter is at least this many word heights wide (wider than a tab between grid columns)
GUTTER = 1.5
#: each side of a gutter spans at least this share of the band's width
SIDE_SHARE = 0.15
#: sides whose lines sit level with the other side's this often are a table's rows
ROW_ALIGNED = 0.75
#: cuts inside cuts: a page of three columns beside a margin note needs no more
MAX_DEPTH = 4


@dataclass(slots=True)
class Region:
    """Boxes read together; `right` is where their lines wrap when a gutter sets them apart
    from text on their right, None when they reach the page's own right margin."""

    boxes: list[Box]
    right: float | None


def rows(boxes: Sequence[B]) -> list[list[B]]:
    """Boxes whose vertical extents overlap form a row, rows top to bottom, unsorted within."""
    groups: list[list[B]] = []
    top = bottom = 0.0
    for box in sorted(boxes, key=lambda b: (round(b.top), b.x0)):
        middle = (box.top + box.bottom) / 2
        if groups and top <= middle <= bottom:
            groups[-1].append(box)
            top, bottom = min(top, box.top), max(bottom, box.bottom)
        else:
            groups.append([box])
            top, bottom = box.top, box.bottom
    return groups


def reading_regions(boxes: Sequence[Box], text: Callable[[Box], str | None]) -> list[Region]:
    """The page's boxes as regions in reading order; one region when nothing sits side by side."""
    if not boxes:
        return []
    height = _median([b.bottom - b.top for b in boxes]) or 10.0
    return _cut(list(boxes), text, height, depth=0, right=None)


def _cut(
    boxes: list[Box],
    text: Callable[[Box], str | None],
    height: float,
    depth: int,
    right: float | None,
) -> list[Region]:
    regions: list[Region] = []
    pending: list[Box] = []  # bands read as they are, kept together as one region
    for band in _bands(boxes, height):
        sides = _columns(band, text, height) if depth < MAX_DEPTH else None
        if sides is None:
            pending.extend(band)
            continue
        if pending:
            regions.append(Region(pending, right))
            pending = []
        left_side, right_side = sides
        gutter = max(b.x1 for b in left_side)
        regions.extend(_cut(left_side, text, height, depth + 1, right=gutter))
        regions.extend(_cut(right_side, text, height, depth + 1, right=right))
    if pending:
        regions.append(Region(pending, right))
    return regions


def _bands(boxes: list[Box], height: float) -> list[list[Box]]:
    """The boxes split at blank rows at least BAND_GAP word heights tall."""
    bands: list[list[Box]] = []
    bottom = 0.0
    for box in sorted(boxes, key=lambda b: b.top):
        if bands and box.top - bottom < BAND_GAP * height:
            bands[-1].append(box)
            bottom = max(bottom, box.bottom)
        else:
            bands.append([box])
            bottom = box.bottom
    return bands


def _columns(
    band: list[Box], text: Callable[[Box], str | None], height: float
) -> tuple[list[Box], list[Box]] | None:
    """The band's two sides of its widest gutter that passes for columns of text, or None."""
    left_edge = min(b.x0 for b in band)
    width = max(b.x1 for b in band) - left_edge
    gaps: list[tuple[float, float]] = []  # (width, x where the gap starts)
    reach = left_edge
    for box in sorted(band, key=lambda b: b.x0):
        if box.x0 - reach >= GUTTER * height:
            gaps.append((box.x0 - reach, reach))
        reach = max(reach, box.x1)
    for _, start in sorted(gaps, reverse=True):
        left = [b for b in band if b.x1 <= start]
        right = [b for b in band if b.x1 > start]
        if (
            _is_text_column(left, text, width)
            and _is_text_column(right, text, width)
            and not _splits_points(left, right, text, height)
            and (
                not _level_rows(left, right, text, height)
                or (_opens_with_label(left, text) and _opens_with_label(right, text))
            )
        ):
            return left, right
    return None


def _level_rows(
    left: list[Box], right: list[Box], text: Callable[[Box], str | None], height: float
) -> bool:
    """Whether the side with fewer lines has most of them level with a line of the other
    side (an answer list with its codes and routing a gap away: "Yes   1   Go to Q7")."""
    if any(text(b) is None for b in (*left, *right)):
        return False  # a table beside text is a block of its own
    fewer, more = sorted(
        ([min(b.top for b in row) for row in rows(side)] for side in (left, right)), key=len
    )
    level = sum(1 for top in fewer if any(abs(top - other) <= 0.25 * height for other in more))
    return level >= ROW_ALIGNED * len(fewer)


def _splits_points(
    left: list[Box], right: list[Box], text: Callable[[Box], str | None], height: float
) -> bool:
    """Whether the gap cuts a line of scale points: three or more numbers counting on by one
    with the gap beside or among them (`Not at all true | 1 2 … 7 | Completely true`)."""
    on_left = {id(box) for box in left}
    for row in rows([*left, *right]):
        if len(row) < 4:
            continue
        ordered = sorted(row, key=lambda b: b.x0)
        marks = [id(box) in on_left for box in ordered]
        if all(marks) or not any(marks):
            continue  # the line sits on one side only
        cut = marks.index(False)  # the first box right of the gap
        if _run_at(ordered, cut - 1, text) or _run_at(ordered, cut, text):
            return True
    return False


def _run_at(ordered: list[Box], index: int, text: Callable[[Box], str | None]) -> bool:
    """Whether the box at `index` is one of three or more numbers counting on by one."""
    values = [_point(text(box)) for box in ordered]
    if not 0 <= index < len(values) or values[index] is None:
        return False
    low = high = index
    while low > 0 and _counts_on(values[low - 1], values[low]):
        low -= 1
    while high + 1 < len(values) and _counts_on(values[high], values[high + 1]):
        high += 1
    return high - low >= 2


def _counts_on(before: int | None, after: int | None) -> bool:
    return before is not None and after is not None and after == before + 1


def _point(word: str | None) -> int | None:
    return int(word) if word is not None and word.isdigit() and len(word) <= 2 else None


def _is_text_column(side: list[Box], text: Callable[[Box], str | None], band_width: float) -> bool:
    """Whether one side of a gutter reads as running text of its own: two or more lines,
    most of them with a word, two or more words a line, not the same line over and over,
    and not a sliver (codes, a routing note beside an answer). A table is a block of its own."""
    if max(b.x1 for b in side) - min(b.x0 for b in side) < SIDE_SHARE * band_width:
        return False
    if any(text(b) is None for b in side):
        return True
    lines = [" ".join(text(b) or "" for b in sorted(row, key=lambda b: b.x0)) for row in rows(side)]
    if len(lines) < 2:
        return False
    worded = sum(1 for line in lines if any(_is_word(token) for token in line.split()))
    tokens = sum(len(line.split()) for line in lines)
    repeated = len(lines) - len(set(lines))
    return 2 * worded > len(lines) and tokens >= 2 * len(lines) and 2 * repeated < len(lines)


#: a question's label: "G.", "G1.", "Q5)", "A6"
_LABEL = re.compile(r"(?:[A-Z]{1,3}\d{1,3}[a-z]?[.):]?|[A-Z][.)])")


def _opens_with_label(side: list[Box], text: Callable[[Box], str | None]) -> bool:
    """Whether a side's first line starts with a question's label: two questions set side by
    side read one after the other even when their answer lines sit level."""
    first = min(rows(side)[0], key=lambda b: b.x0)
    return bool(_LABEL.fullmatch(text(first) or ""))


def _is_word(token: str) -> bool:
    return sum(ch.isalpha() for ch in token) >= 2


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0
