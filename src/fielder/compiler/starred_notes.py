"""Notes set off by asterisks in plain text: `** PN: ASK Q9 IF Q8 = 0-6 **`, `*** OPEN END ***`.

Writers of e-mailed or plain-text drafts have no colour or brackets to hand, so they fence a
scripting note with runs of asterisks on both sides. The fence is punctuation, not part of the
note: without it the note reads as the same instruction in any other dress (a filter above a
question, a type, a range). Only a whole line fenced on both sides is taken; a single star (a
bullet, a required mark, Markdown italics) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_FENCED_RE = re.compile(r"^\*{2,}\s*(?P<note>[^*]*[^*\s])\s*\*{2,}$")


def starred_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with a note fenced by asterisks read as the bare note."""
    out = []
    for line in lines:
        match = _FENCED_RE.match(line.text) if line.text.startswith("**") else None
        if match is not None and not line.is_option:
            note = match["note"]
            line = replace(line, text=note, spaced=note)
        out.append(line)
    return out
