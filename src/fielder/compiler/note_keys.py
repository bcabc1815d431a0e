"""A grid's key printed as a note over a table headed only by numbers: `SCALE: 1 Very satisfied ·
2 Fairly satisfied · … · 9 Don't know (DO NOT READ)`.

The key's words name the numbered columns; the interviewer's capitals in brackets after a point
are its note, not its words.
"""

from __future__ import annotations

import re

from fielder.ir.models import Option

_HEAD_RE = re.compile(r"^\W*(?:SCALE|KEY|CODES?|ANSWERS?|RESPONSES?)\s*:\s*", re.I)
_PART_SPLIT_RE = re.compile(r"\s*(?:·|•|;|\t|\s/\s)\s*")
_POINT_RE = re.compile(r"^(?P<code>\d{1,3})\s*(?:[=:.)–-]\s*|\s)(?P<label>[^\W\d_].*?)$")
_CAPS_NOTE_RE = re.compile(r"\s*\([^()a-z]*[A-Z]{2}[^()a-z]*\)\s*$")


def note_key(notes: list[str]) -> list[Option]:
    """The points of the first note written as a key (three or more `code words` parts)."""
    for note in notes:
        head = _HEAD_RE.match(note)
        if head is None:
            continue
        parts = [p for p in _PART_SPLIT_RE.split(note[head.end() :].strip(" .")) if p]
        points = [_POINT_RE.match(p) for p in parts]
        if len(points) >= 3 and all(points):
            return [
                Option(code=m["code"], label=_CAPS_NOTE_RE.sub("", m["label"]).strip())
                for m in points
                if m
            ]
    return []
