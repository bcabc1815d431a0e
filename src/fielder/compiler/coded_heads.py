"""A grid's column words over a row of their codes, cell by cell:

        Very satisfied   Fairly satisfied   Fairly dissatisfied   Very dissatisfied
        1                2                  3                     4
    a)  Water supply     [ ]                [ ]                   [ ]   …

Each code stands under its column's words (a Word table nested in a form, or tab stops), so
the two lines are one head of coded columns: `Very satisfied (1)  Fairly satisfied (2) …`.
Read apart, the words would be uncoded answers and the codes more answers after them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.line_pairs import join_with_next
from fielder.compiler.lines import Line

_GAP_RE = re.compile(r"\t|\s{2,}")
_CODE_RE = re.compile(r"\d{1,3}")


def _cells(line: Line) -> list[str]:
    if line.kind != "paragraph" or line.label or line.is_option:
        return []
    return [c.strip() for c in _GAP_RE.split(line.spaced or line.raw) if c.strip()]


def _column_words(cells: list[str]) -> bool:
    return len(cells) >= 2 and all(
        not re.search(r"\d", c) and len(c.split()) <= 5 and not c.endswith(("?", ":"))
        for c in cells
    )


def _codes(cells: list[str]) -> bool:
    return all(_CODE_RE.fullmatch(c) for c in cells) and len(set(cells)) == len(cells)


def coded_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each words-over-codes head made one line of coded column words."""
    return join_with_next(lines, _joined)


def _joined(line: Line, following: Line) -> list[Line] | None:
    words = _cells(line)
    codes = _cells(following) if words else []
    if not _column_words(words) or len(codes) != len(words) or not _codes(codes):
        return None
    joined = "\t".join(f"{w} ({c})" for w, c in zip(words, codes, strict=True))
    return [replace(line, text=joined.replace("\t", " "), raw=joined, spaced=joined)]
