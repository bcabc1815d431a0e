"""Questions labelled `Question No. 5:` (`Question Number 5`, `Question #5`) read as `Question 5:`.

Fieldwork agencies in several countries label each question with the word, an abbreviation of
"number" and the number, and route with the same words ("→ jump to Question No. 8", "03 in
Question No. 3"). The readers know `Question 5`, so where at least three lines open with such a
label, every one of them in the document is written without the "No." before any rule reads it.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

_NO = r"(?:No\.?|Nr\.?|Number|#)\s*(?=\d{1,3}\b)"
_HEAD_RE = re.compile(r"^[ \t*#]*Question\s+" + _NO, re.I)
_ANY_RE = re.compile(r"\b(Question)\s+" + _NO, re.I)
_SERIES = 3


def _plain(text: str) -> str:
    return _ANY_RE.sub(r"\1 ", text) if "uestion" in text or "UESTION" in text else text


def question_no_lines(lines: list[Line]) -> list[Line]:
    """The lines with `Question No. N` written `Question N` where the document labels so."""
    if sum(1 for line in lines if _HEAD_RE.match(line.text)) < _SERIES:
        return lines
    return [
        dataclasses.replace(
            line,
            text=_plain(line.text),
            raw=_plain(line.raw),
            spaced=_plain(line.spaced),
            instructions=[_plain(note) for note in line.instructions],
            rows=tuple(tuple(_plain(cell) for cell in row) for row in line.rows),
        )
        for line in lines
    ]
