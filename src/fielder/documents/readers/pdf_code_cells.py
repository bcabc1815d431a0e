"""Answer cells of a printed spec table: one answer per line with its code in front.

A spec printed from a spreadsheet or a word processor sets a question's answers in one cell,
each on its own line with the code first (`1  Yes` / `2  No` / `99  Not sure`). A PDF cell's
lines are otherwise joined into one text (a question wraps over lines), which would run every
answer into one label (`Yes 2 No`). Such a cell keeps its line breaks where a line ends short
of the cell's right side (the next line's first word would have fitted, so the writer broke
the line), and joins a line that fills the cell to the one below (a long label wrapped).
"""

from __future__ import annotations

import re
from typing import Any

# "1 Yes", "99 Not sure", "1 = Very dissatisfied", "10. Other": a code, then words
_CODE_LINE_RE = re.compile(r"^\d{1,3}\s*[=.):–-]?\s+\S")
# "ROWS:", "Scale:", "Answer list:": a spec's head over the coded lines
_HEAD_RE = re.compile(r"^[A-Z][A-Za-z ]{1,20}:$")
#: points of slack at a line's end before it counts as broken on purpose
_SLACK = 1.0


def _is_code_list(text: str) -> bool:
    """A cell that opens on a coded answer (or a spec's "ROWS:" / "SCALE:" head) and lists two
    or more (a form's cell that opens on a group heading, "EMPLOYMENT" over "01 Job transfer",
    is left to the usual joining, which the answer rules read as a run)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return (
        bool(lines)
        and (_CODE_LINE_RE.match(lines[0]) or _HEAD_RE.match(lines[0])) is not None
        and sum(1 for line in lines if _CODE_LINE_RE.match(line)) >= 2
    )


def _cell_lines(
    words: list[dict[str, Any]], box: tuple[float, float, float, float]
) -> list[list[dict[str, Any]]]:
    """The words inside a cell's box, grouped into lines top to bottom, each left to right."""
    inside = [
        w
        for w in words
        if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]
        and box[1] <= (w["top"] + w["bottom"]) / 2 <= box[3]
    ]
    return word_lines(inside)


def word_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words in reading order: lines by their tops (within a few points), each left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _space_width(line: list[dict[str, Any]]) -> float:
    gaps = [
        float(b["x0"]) - float(a["x1"])
        for a, b in zip(line, line[1:], strict=False)
        if b["x0"] > a["x1"]
    ]
    if gaps:
        return min(gaps)
    return 0.25 * (float(line[0]["bottom"]) - float(line[0]["top"]))


def code_list_text(
    text: str | None, box: tuple[float, float, float, float] | None, words: list[dict[str, Any]]
) -> str | None:
    """The cell's text with its written line breaks kept, when it lists coded answers; None
    for any other cell (left to the usual joining)."""
    if not text or box is None or not _is_code_list(text):
        return None
    lines = _cell_lines(words, box)
    if len(lines) < 2:
        return None
    left_pad = min(line[0]["x0"] for line in lines) - box[0]
    right = box[2] - max(left_pad, 0.0)
    parts = [" ".join(w["text"] for w in lines[0])]
    for above, line in zip(lines, lines[1:], strict=False):
        first_width = line[0]["x1"] - line[0]["x0"]
        fitted = above[-1]["x1"] + _space_width(above) + first_width <= right + _SLACK
        joined = " ".join(w["text"] for w in line)
        if fitted:
            parts.append(joined)
        else:
            parts[-1] += " " + joined
    return "\n".join(parts)
