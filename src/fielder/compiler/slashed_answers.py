"""Answers typed across one indented line, parted by spaced slashes, with no codes.

"Where did you go for help?" over an indented "A centre / The council / Friends / Online" is a
list of answers, not more of the question's words: each part is short, none is numbered, and
the line sits under the question, deeper than its words. Codes are 1, 2, … by position.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line
from fielder.compiler.options import RawOption


def slashed_answers(question: str, above: Line | None, line: Line) -> list[RawOption]:
    """The answers of a slashed line under a question that has none yet, else []."""
    if above is None or line.is_option or line.level <= above.level or find_label(line):
        return []
    if not re.search(r"\?\s*(?:\([^()]*\))?\s*$", question) or not question.endswith(above.text):
        return []  # only right under the words that ask (not under "Columns:" and the like)
    parts = [p.strip() for p in re.split(r"\s+/\s+", line.text)]
    if len(parts) < 3 or len(parts) > 12:
        return []
    if any(not p or len(p.split()) > 5 or re.search(r"[?:_]|^\d", p) for p in parts):
        return []
    return [RawOption(p, None, marker="•") for p in parts]
