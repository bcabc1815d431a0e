"""A translation proof's locked segments: scripting notes repeated unchanged in both languages.

A translation vendor's proof sets the source beside the target language, and the scripting
notes (`SINGLE CODE`, `DATE PICKER – DD/MM/YYYY`, `OPEN – MULTI-LINE TEXT BOX`) are locked
segments copied untranslated into the target column. Read in the source language, such a line
keeps the target's copy as its note; where the two are the same words in capitals, the line is
that note, not an answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, collapse, is_caps_instruction

_TAIL_RE = re.compile(r"\s+((?:[A-Z][A-Z'’/&-]+\s+){0,3}[A-Z][A-Z'’/&-]{3,})$")


def locked_segment_lines(lines: list[Line]) -> list[Line]:
    """The lines with a capitals line repeated word for word as its own note made that note."""
    out: list[Line] = []
    for line in lines:
        text = collapse(line.text)
        if (
            text
            and not line.code  # an answer keeps its code column's code
            and any(collapse(n) == text for n in line.instructions)
            and is_caps_instruction(text)
        ):
            line = replace(line, text="", spaced="")
        tail = _TAIL_RE.search(text) if text else None
        if (
            tail
            and re.search(r"[a-z]", text[: tail.start()])
            and any(
                collapse(n).endswith(" " + tail[1]) and collapse(n) != text
                for n in line.instructions
            )
        ):
            words = text[: tail.start()]
            line = replace(
                line, text=words, spaced=words, instructions=[*line.instructions, tail[1]]
            )
        out.append(line)
    return out
