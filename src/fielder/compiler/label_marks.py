"""An answer-format mark set right after a question's label: `QA2 (M)  What do you think …`.

Master questionnaires mark multiple-answer questions with `(M)` (also `(MA)`, `(MR)`) after the
id and leave single ones unmarked or `(S)` / `(SA)` / `(SR)`. The mark is not the question's
words: it becomes the line's format note.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_MARK_RE = re.compile(
    r"^(?P<label>[A-Z]{1,4}\d{1,3}[a-z]?(?:[._]\d{1,2})?[.:]?)\s+\((?P<mark>M|MA|MR|S|SA|SR)\)\s+(?=\S)"
)
_FORMATS = {"M": "MULTI CODE", "MA": "MULTI CODE", "MR": "MULTI CODE"}


def label_mark_lines(lines: list[Line]) -> list[Line]:
    """The lines with a format mark after the label made the line's note."""
    return [_unmarked(line) for line in lines]


def _unmarked(line: Line) -> Line:
    match = _MARK_RE.match(line.text)
    if match is None:
        return line
    note = _FORMATS.get(match["mark"], "SINGLE CODE")
    text = f"{match['label']} {line.text[match.end() :]}"
    spaced = re.sub(r"^(\S+)\s+\([A-Z]{1,2}\)", r"\1", line.spaced) if line.spaced else line.spaced
    return replace(line, text=text, spaced=spaced, instructions=[*line.instructions, note])
