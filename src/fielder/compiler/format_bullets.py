"""A lone bullet that only names the answer's format is the answer box, not a one-answer list.

Markdown and word-processor authors often bullet the answer line of an open question the same
way as a list of answers (``- Whole number, 1 to 10``, ``- Open answer, several lines``,
``- Email``, ``- £ ______``). Typed as a plain line, the same words are read as the question's
answer format; a bullet alone (no bullet beside it) whose words read as an answer format, or a
box's label and its line to write on, is read the same.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.instructions import question_type_line
from fielder.compiler.lines import Line

# "Email: ______", "£ ______": a box's label, then the box to write in
_BOX_RE = re.compile(r"^[^_\n]{0,30}?_{3,}[\s_]*$")


def _bullet(line: Line | None) -> bool:
    return line is not None and line.kind == "list_item"


def _plain_bullet(line: Line) -> bool:
    """A bullet mark, not a number or a letter (a numbered item may be a question)."""
    mark = (line.numbering or "").strip()
    return not any(c.isalnum() for c in mark) and not line.text.rstrip().endswith("?")


def format_bullet_lines(lines: list[Line]) -> list[Line]:
    """The lines with each lone answer-format bullet made a plain line."""
    out = list(lines)
    for index, line in enumerate(lines):
        if not _bullet(line) or line.instructions or not line.text or not _plain_bullet(line):
            continue
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if _bullet(before) or _bullet(after) or before is None or before.kind != "paragraph":
            continue
        if question_type_line(line.text) or _BOX_RE.match(line.text):
            out[index] = replace(line, kind="paragraph", numbering=None, level=0)
    return out
