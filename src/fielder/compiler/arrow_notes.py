"""A routing note marked by an arrow in front: `→ If ‘No’, skip to Q12`, `► If Yes, go to CLOSE`.

Writers point at a routing sentence with an arrow, in the text and in their coloured or
italic scripting notes alike. The arrow only marks the sentence as routing; the rules read the
sentence after it (`If ‘No’, skip to Q12`). Lines of text lose the arrow when they are split
(`lines.split_text`); this does the same for the notes taken from runs.
"""

from __future__ import annotations

from dataclasses import replace

from fielder.compiler.lines import _ARROW_IF_RE, Line


def arrow_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with an arrow in front of an `If …` note taken off."""
    out = []
    for line in lines:
        if any(_ARROW_IF_RE.match(note) for note in line.instructions):
            notes = [_ARROW_IF_RE.sub("", note) for note in line.instructions]
            line = replace(line, instructions=notes)
        out.append(line)
    return out
