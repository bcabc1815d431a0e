"""Column headings wrapped over two lines, whose first line lost a gap.

A table's column headings are often wrapped ("trifft gar / nicht zu", "trifft eher / nicht
zu"): each column's second line sits under its first. Where two neighbouring headings' first
lines run close together ("trifft gar trifft eher"), the gap between them is too narrow to
read as a column break, while the second line keeps it ("nicht zu<TAB>nicht zu"). The white
gutter running down through both lines is that column break in the first line too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from fielder.documents.readers.pdf_columns import Box

W = TypeVar("W", bound=Box)


def gutter_breaks(lines: Sequence[Sequence[W]], is_tab: Callable[[W, W], bool]) -> list[set[int]]:
    """For each line of words (left to right, lines top to bottom), the indexes of the words
    that open a new column because the next line, the headings' second line, has a gutter
    there and then as many columns."""
    breaks: list[set[int]] = [set() for _ in lines]
    for index, (upper, lower) in enumerate(zip(lines, lines[1:], strict=False)):
        if upper and lower and _adjacent(upper, lower):
            breaks[index] = _missing_breaks(upper, lower, is_tab)
    return breaks


def _adjacent(upper: Sequence[W], lower: Sequence[W]) -> bool:
    bottom = max(w.bottom for w in upper)
    height = bottom - min(w.top for w in upper)
    return 0 <= min(w.top for w in lower) - bottom <= 0.8 * max(height, 1)


def _gaps(
    words: Sequence[W], is_tab: Callable[[W, W], bool], tabs: bool
) -> list[tuple[int, float, float]]:
    return [
        (i + 1, a.x1, b.x0)
        for i, (a, b) in enumerate(zip(words, words[1:], strict=False))
        if is_tab(a, b) == tabs
    ]


def _missing_breaks(
    upper: Sequence[W], lower: Sequence[W], is_tab: Callable[[W, W], bool]
) -> set[int]:
    upper_tabs = _gaps(upper, is_tab, tabs=True)
    lower_tabs = _gaps(lower, is_tab, tabs=True)
    # both lines are already rows of columns, the lower one with more of them
    if not upper_tabs or len(lower_tabs) <= len(upper_tabs):
        return set()
    unmatched = [
        (left, right)
        for _, left, right in lower_tabs
        if not any(_overlap(left, right, a, b) for _, a, b in upper_tabs)
    ]
    spaces = _gaps(upper, is_tab, tabs=False)
    found: set[int] = set()
    for left, right in unmatched:
        # the upper line's widest stretch of white inside the lower line's gutter
        width, index = max(((_shared(a, b, left, right), i) for i, a, b in spaces), default=(0, 0))
        if width > 0:
            found.add(index)
    if len(upper_tabs) + len(found) != len(lower_tabs):
        return set()
    starts = {index for index, _, _ in upper_tabs} | found
    stacked = _one_over_one(_pieces(upper, starts), _pieces(lower, {i for i, _, _ in lower_tabs}))
    return found if stacked else set()


def _pieces(words: Sequence[W], starts: set[int]) -> list[tuple[float, float]]:
    """The horizontal extents of a line's columns, each opening at one of `starts`."""
    pieces: list[tuple[float, float]] = []
    for index, word in enumerate(words):
        if index == 0 or index in starts:
            pieces.append((word.x0, word.x1))
        else:
            pieces[-1] = (pieces[-1][0], word.x1)
    return pieces


def _one_over_one(upper: list[tuple[float, float]], lower: list[tuple[float, float]]) -> bool:
    """True when each column of the upper line stands over the same column of the lower line
    and over no other (a heading and its wrapped second line)."""
    return len(upper) == len(lower) and all(
        _overlap(*above, *below)
        and all(j == i or not _overlap(*above, *other) for j, other in enumerate(lower))
        for i, (above, below) in enumerate(zip(upper, lower, strict=True))
    )


def _shared(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> bool:
    return _shared(a0, a1, b0, b1) > 0
