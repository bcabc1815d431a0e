"""Interviewer directions under a short field name.

An interviewer's form names a field in a word or two (`B01. Name`, `Household members`) and
writes its directions under it as plain sentences in the imperative: `List all individuals,
starting with the head of household.`, `Complete B01 for all members before starting B02.`,
`Record the answer in years.` They tell the interviewer what to do and are notes, not the
question's words. Only sentences under a field name (no question mark) are read this way, so
a respondent's `List the places you visited` asked as a question stays a question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_DIRECTION_RE = re.compile(
    r"^(?:list|complete|record|enter|write|circle|probe|check|ask|read|fill\s+in|copy|verify|"
    r"include|exclude|do\s+not|don't|start|begin|continue|repeat|"
    r"anote|registre|escriba|pregunte|notez|inscrivez|enregistrez|demandez|notieren|eintragen)"
    r"\b[^?]*[.!]$",
    re.I,
)


def field_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with the directions under each short field name made notes."""
    out: list[Line] = []
    under_field = False
    for line in lines:
        label = find_label(line) if line.text else None
        if label is not None:
            under_field = len(label.rest.split()) <= 3 and "?" not in label.rest
        elif under_field and line.kind == "paragraph" and _DIRECTION_RE.match(line.text):
            out.append(
                replace(line, text="", spaced="", instructions=[*line.instructions, line.text])
            )
            continue
        elif line.text:
            under_field = False
        out.append(line)
    return out
