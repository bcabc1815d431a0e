"""A screen's words in a box: `CONCEPT` (or `STIMULUS`, `INTRO`) over a bordered one-cell table.

Concept tests and agency specs draw the board the respondent reads (headline, body copy,
price line) in a shaded box under the screen's name. The box is the screen's text, read in
order, with its bracketed placeholders (`[IMAGE: pack shot …]`) left to the programmer.
"""

from __future__ import annotations

from dataclasses import replace

from fielder.compiler.classify import screen_id
from fielder.compiler.lines import Line, collapse, split_text


def _box_words(line: Line) -> str:
    """The one cell's paragraphs joined, bracketed placeholders taken out."""
    if line.kind != "table" or len(line.rows) != 1 or len(line.rows[0]) != 1:
        return ""
    parts = [split_text(p)[0] for p in line.rows[0][0].split("\n") if p.strip()]
    return collapse(" ".join(parts))


def _names_screen(line: Line) -> bool:
    return (
        line.kind in ("paragraph", "heading")
        and not line.is_option
        and line.label is None
        and bool(line.text)
        and screen_id(line.text) is not None
    )


def screen_box_lines(lines: list[Line]) -> list[Line]:
    """The lines with a one-cell box under a screen's name read as that screen's words."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        words = _box_words(line) if index and _names_screen(lines[index - 1]) else ""
        if words:
            line = replace(line, text=words, raw=words, spaced=words, kind="paragraph", rows=())
        out.append(line)
    return out
