"""An answer line opened by the interviewer's cue: `DO NOT READ OUT: Don't know ...... 8`.

A telephone script marks the answers that are never read out with a cue in capitals before the
answer's own words on the same line (`SPONTANEOUS ONLY: Refused ..... 9`, `IF VOLUNTEERED: None
of these ..... 7  EXCLUSIVE`). Read as a whole, the line opens like an interviewer's note and is
dropped with the answer in it. The cue is the answer's note; the words and the code after it
are an answer like the ones above it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, is_caps_instruction

# the cue in capitals and a colon, then words in sentence case set off from a code at the end
# (dot leaders or a gap), with perhaps a tag in capitals after the code
_CUED_RE = re.compile(
    r"^(?P<cue>[A-Z][A-Z'’ ]{2,}[A-Z])\s*:\s+"
    r"(?P<answer>[^:]*[a-z][^:]*?(?:\.{2,}|…|\s{2,}|\t)\s*\d{1,3}(?:\s+[A-Z][A-Z ]+)?)\s*$"
)


def cued_answer_lines(lines: list[Line]) -> list[Line]:
    """The lines with an interviewer's cue before a coded answer moved to its instructions."""
    return [_uncued(line) for line in lines]


def _uncued(line: Line) -> Line:
    found = _CUED_RE.match((line.spaced or line.text).strip())
    if not found or not is_caps_instruction(found["cue"]) or "?" in found["answer"]:
        return line
    answer = found["answer"]
    return replace(
        line,
        text=re.sub(r"\s+", " ", answer),
        spaced=answer,
        instructions=[found["cue"], *line.instructions],
    )
