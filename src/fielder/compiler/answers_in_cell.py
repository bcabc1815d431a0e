"""A spec table whose one column holds "Question and answers": the question's words on the
cell's first line(s), then its answers one per line ("1 – Yes" / "2 – No") or a grid's
"Rows: … / Columns: …". The answers are split off the words, to be read as an answer column's."""

from __future__ import annotations

import re

from fielder.compiler.options import parse_option_text

_GRID_HEAD_RE = re.compile(r"^(?:rows?|columns?|cols?|statements?)\s*:\s*\S", re.I)
# "Rows: a / b / c", "Columns: 1 – Good, 2 – Fair, 3 – Poor": a grid's list on one line
_LIST_SPLIT_RE = re.compile(r"\s+/\s+|,\s+(?=\d{1,3}\s*[–=:.)-]\s*\w)")


def _answer_like(part: str) -> bool:
    if _GRID_HEAD_RE.match(part) or re.fullmatch(r"\d{1,3}", part):
        return True
    found = parse_option_text(part)
    return bool(found and found[0].code and found[0].label)


def answers_in_cell(cell: str) -> tuple[str, str] | None:
    """The question's words and the answers' lines of a cell holding both, else None."""
    parts = [p.strip() for p in cell.split("\n") if p.strip()]
    first = next((i for i in range(1, len(parts)) if _answer_like(parts[i])), None)
    if first is None or not _answer_like(parts[-1]):
        return None
    rest = parts[first:]
    if len(rest) < 2 and not _GRID_HEAD_RE.match(rest[0]):
        return None
    if sum(_answer_like(p) for p in rest) < len(rest) - 1:
        return None  # prose under the question with a number in it, not its answers
    return " ".join(parts[:first]), "\n".join(_one_per_line(p) for p in rest)


def _one_per_line(part: str) -> str:
    """A grid's rows or columns listed on their head's line, one per line under it."""
    if not _GRID_HEAD_RE.match(part):
        return part
    head, _, listed = part.partition(":")
    items = _LIST_SPLIT_RE.split(listed.strip())
    return "\n".join([f"{head}: {items[0]}", *items[1:]]) if len(items) >= 2 else part
