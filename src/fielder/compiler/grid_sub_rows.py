"""Grid statements written as rows of their own under the grid's row in a specification sheet.

Without a type column saying "row", a sheet marks them two other ways: the statement's own
notes cell calls it a row ("grid row", "statement", "Row of the grid"), or the grid's notes
name the sub-ids as its rows ("GRID – statements are rows Q4a to Q4d below"). Either way the
sub-id (`Q4a`, `Q4_1`) is a row of the grid above, not a question.
"""

from __future__ import annotations

import re

_ROW_NOTE_RE = re.compile(
    r"^(?:(?:grid|matrix|table|battery|scale)\s+)?"
    r"(?:rows?|statements?|items?|sub-?items?)(?:\s+(?:of|for|in)\s+(?:the\s+)?\S+)?\.?$",
    re.I,
)
_GRID_WORD_RE = re.compile(r"\b(?:grid|matrix|battery|rows?|statements?)\b", re.I)
# "Q4a to Q4d", "Q5_1-Q5_6", and ids with no number of their own before the mark ("ENG_1 to
# ENG_5", an index's items named after its word)
_ID = r"(?:[A-Za-z]{0,8}\d{1,3}[_.]?|[A-Za-z]{1,8}[_.])[a-z0-9]{1,2}"
_RANGE_RE = re.compile(rf"\b(?P<first>{_ID})\s*(?:to|-|–|—)\s*(?P<last>{_ID})\b")


def _sub_id(ident: str, parent: str) -> str | None:
    """The part of `ident` after its parent's id (`a`, `_1`), or None when not a sub-id."""
    found = re.fullmatch(re.escape(parent) + r"[_.-]?(?P<part>[rR]?\d{1,2}|[a-z])", ident)
    return found["part"] if found else None


def _named_in(ident: str, parent: str, notes: str) -> bool:
    """The grid's notes name this sub-id among its rows: by itself or inside a range."""
    if not _GRID_WORD_RE.search(notes):
        return False
    if re.search(rf"(?<![\w.]){re.escape(ident)}(?![\w])", notes):
        return True
    part = _sub_id(ident, parent)
    for found in _RANGE_RE.finditer(notes):
        first, last = _sub_id(found["first"], parent), _sub_id(found["last"], parent)
        if part and first and last and len(first) == len(last) == len(part):
            if first <= part <= last:
                return True
    return False


def is_statement_row(ident: str, parent: str, notes: list[str], parent_notes: str) -> bool:
    """True for a sub-id row that is one statement of the grid on the row above."""
    if not parent or _sub_id(ident, parent) is None:
        return False
    if any(_ROW_NOTE_RE.match(note.strip()) for note in notes if note.strip()):
        return True
    return _named_in(ident, parent, parent_notes)
