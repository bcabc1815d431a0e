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


# "Public repository¹": a superscript number glued to a word; "¹ A public …": its note
_SUPER_MARK_RE = re.compile(r"(?<=[^\W\d_])[¹²³⁴⁵⁶⁷⁸⁹]")
_SUPER_NOTE_RE = re.compile(r"^\s*(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹])\s*[^\W\d_]")


def drop_superscript_marks(lines: list[Line]) -> list[Line]:
    """Superscript footnote marks left out of the words, and their notes at the page foot
    (only marks whose note is printed; run before the page furniture is dropped)."""
    notes = {m["mark"] for line in lines if (m := _SUPER_NOTE_RE.match(line.text))}
    if not notes:
        return lines

    def unmarked(text: str) -> str:
        return _SUPER_MARK_RE.sub(lambda m: "" if m[0] in notes else m[0], text)

    out = []
    for line in lines:
        if _SUPER_NOTE_RE.match(line.text):
            continue  # the note itself
        text = unmarked(line.text)
        if text != line.text:
            line = replace(line, text=text, raw=unmarked(line.raw), spaced=unmarked(line.spaced))
        out.append(line)
    return out


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
