"""Answer cells of a printed interview table: one coded answer per line with dot leaders.

Household and health interview forms (DHS-style "CODING CATEGORIES" columns) set each answer
on its own line, `YES ........ 1`, with the routing arrow for one answer in the SKIP column level
with it (`→ END` beside `NO`). A PDF cell's lines are otherwise joined into one text (a question
wraps over lines), which would pack every answer into one. Such a cell keeps its lines, and in
its row an arrow-only cell keeps them too, both with their line places, so each arrow can be
matched to the answer on its level.
"""

from __future__ import annotations

import re
from typing import Any

from fielder.documents.model import Cell
from fielder.documents.readers.base import text_cell

# "YES ........ 1", "CROP FARMING ..... 01", "NONE OF THESE ..... Y": label, leader, code
_LEADER_LINE_RE = re.compile(r"^\S.*?(?:\.\s*){4,}\s*(?:\d{1,3}|[A-Z])$")
_ARROW_LINE_RE = re.compile(r"^(?:→|->|=>|>>|GO\s+TO|SKIP\s+TO)\s*\S.{0,20}$", re.I)


def _is_leader_cell(text: str | None) -> bool:
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    coded = sum(1 for line in lines if _LEADER_LINE_RE.match(line))
    return coded >= 2 and coded >= len(lines) - 1


def _is_arrow_cell(text: str | None) -> bool:
    lines = [line.strip() for line in (text or "").split("\n") if line.strip()]
    return bool(lines) and all(_ARROW_LINE_RE.match(line) for line in lines)


def _line_tops(words: list[dict[str, Any]], box: tuple[float, float, float, float]) -> list[float]:
    """The tops of the text lines inside a cell's box, top to bottom."""
    inside = [
        w
        for w in words
        if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]
        and box[1] <= (w["top"] + w["bottom"]) / 2 <= box[3]
    ]
    tops: list[float] = []
    for word in sorted(inside, key=lambda w: w["top"]):
        if not tops or word["top"] - tops[-1] > 3:
            tops.append(word["top"])
    return tops


def leader_row(
    texts: list[str | None], boxes: list[Any], words: list[dict[str, Any]]
) -> list[Cell] | None:
    """The row's cells when one holds dot-leader answers, line by line; None otherwise."""
    answers = [i for i, t in enumerate(texts) if _is_leader_cell(t)]
    if len(answers) != 1 or len(boxes) != len(texts) or boxes[answers[0]] is None:
        return None
    tops = _line_tops(words, boxes[answers[0]])
    lines = [line for line in (texts[answers[0]] or "").split("\n") if line.strip()]
    if len(tops) != len(lines) or len(tops) < 2:
        return None
    pitch = min(b - a for a, b in zip(tops, tops[1:], strict=False))
    if pitch <= 0:
        return None

    def places(cell_tops: list[float]) -> tuple[int, ...]:
        return tuple(round((top - tops[0]) / pitch) for top in cell_tops)

    cells: list[Cell] = []
    for index, text in enumerate(texts):
        keep = index == answers[0] or (_is_arrow_cell(text) and boxes[index] is not None)
        if not keep:
            cells.append(text_cell(" ".join((text or "").split("\n"))))
            continue
        own = [line.strip() for line in (text or "").split("\n") if line.strip()]
        own_tops = tops if index == answers[0] else _line_tops(words, boxes[index])
        cell = text_cell("\n".join(own))
        if len(own_tops) == len(own):
            cell = Cell(text=cell.text, runs=cell.runs, line_places=places(own_tops))
        cells.append(cell)
    return cells
