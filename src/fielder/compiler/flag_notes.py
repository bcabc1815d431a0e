"""A line opened by a flag or a pointing hand is a note to whoever runs the form.

Lab and interview sheets mark their instructions with a sign rather than a colour: `⚑ Ask
only when 9 = b.`, `☞ Depletion condition only.` Such a line is the question's note (its
routing read by the notes' rules), never an answer or words read out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_FLAG_RE = re.compile(r"^\s*[⚑⚐🚩☞☛]\ufe0f?\s*\S")


def flag_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with each flagged line made a note."""
    return [
        replace(line, text="", spaced="", instructions=[line.text, *line.instructions])
        if line.text and not line.label and not line.rows and _FLAG_RE.match(line.text)
        else line
        for line in lines
    ]
