"""A grid's statements and its scale written side by side under `ROWS   COLUMNS` headings.

Plain-text specs lay a grid out as two lists next to each other, each under its own heading
on one line, apart by a wide gap:

    B4  How would you rate us on each of the following?
        ROWS                              COLUMNS
        a  Clear bills                    1  Very poor
        b  Value for money                2  Poor
                                          9  Don't know

Read as ordinary lines, each is one answer with both halves run together. Under such a heading
line each line is cut at its wide gap: the left half is a statement (its letter dropped), the
right half a coded answer; a line with one half is a statement when it starts where the
statements do, an answer when it is set further in (under the right-hand heading).
"""

from __future__ import annotations

import re

# "ROWS    COLUMNS", "STATEMENTS    SCALE", "Items:    Answers:": two headings a wide gap apart
_SIDE_HEADINGS_RE = re.compile(
    r"^(?:ROWS?|STATEMENTS?|ITEMS?|ATTRIBUTES?|ASPECTS?)\s*:?\s{4,}"
    r"(?:COLUMNS?|COLS|SCALE|ANSWERS?|RESPONSES?|CODES?)\s*:?$",
    re.I,
)
# the gap between the two halves of a line: four spaces or more, or a tab
_GAP_RE = re.compile(r"\s{4,}|\t+")
# a statement's own mark: "a  ", "b) ", "1. " (not kept in the row's words)
_ITEM_MARK_RE = re.compile(r"^(?:[a-zA-Z]|\d{1,2})[.)]?\s+(?=\S)")


def side_headings(spaced: str) -> bool:
    """True for a line of the two headings, rows then columns, a wide gap apart."""
    return _SIDE_HEADINGS_RE.match(spaced.strip()) is not None


def side_halves(spaced: str) -> tuple[str, str] | None:
    """The statement and the answer of a line cut at its one wide gap (None without one)."""
    parts = [p.strip() for p in _GAP_RE.split(spaced.strip()) if p.strip()]
    if len(parts) != 2:
        return None
    return parts[0], parts[1]


def statement(text: str) -> str:
    """A statement's words without its letter or number."""
    return _ITEM_MARK_RE.sub("", text.strip(), count=1)
