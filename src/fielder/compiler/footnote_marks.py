"""Footnote numbers printed after a question.

A printed report of a questionnaire marks a question with a footnote number after its words
(`… (Select all that apply) 1`, `… most often? 6`) and prints the note itself lower down,
starting with that number (`1 Question 18 was only asked to …`). The number is no part of the
question: a trailing number after a question mark or a bracket is dropped when a line further
on starts with the same number and a capital.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_MARK_RE = re.compile(r"(?<=[?):])\s+(?P<number>\d{1,2})$")
_NOTE_RE = re.compile(r"^(?P<number>\d{1,2})\s+[A-Z]")


def drop_footnote_marks(lines: list[Line]) -> list[Line]:
    """The lines with footnote numbers after questions left out (where the note is printed)."""
    notes: dict[str, int] = {}  # footnote number → the line it is printed on (the last)
    for place, line in enumerate(lines):
        note = _NOTE_RE.match(line.text)
        if note:
            notes[note["number"]] = place
    if not notes:
        return lines
    out = []
    for place, line in enumerate(lines):
        mark = _MARK_RE.search(line.text)
        if mark and notes.get(mark["number"], -1) > place:
            text = line.text[: mark.start()]
            spaced = _MARK_RE.sub("", line.spaced.rstrip())
            line = replace(line, text=text, spaced=spaced)
        out.append(line)
    return out
