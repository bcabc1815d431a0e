"""A question's sentence wrapped inside a bracket: `… facing (OUR` over `COUNTRY) at the moment?`.

A placeholder in capitals in brackets (`(OUR COUNTRY)`, `(NATIONALITY)`) can be broken over two
lines; the next line then starts with capitals and a closing bracket and would read as a label
or a note of its own. A line that leaves a bracket open goes on with the line that closes it,
as does a note wrapped whole in brackets over two lines of a plain-text e-mail.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.line_pairs import join_with_next
from fielder.compiler.lines import Line

_CLOSES_RE = re.compile(r"^[^()]{1,40}\)")
# a whole note in brackets hard-wrapped in a plain-text e-mail: "(If you have never been …" over
# "answer any more questions. …)"
_NOTE_ENDS_RE = re.compile(r"^[^()]{1,200}\)\W*$")


def join_open_brackets(lines: list[Line]) -> list[Line]:
    """The lines with each one left open in a bracket joined to the line closing it."""
    return join_with_next(lines, _joined)


def _joined(line: Line, following: Line) -> list[Line] | None:
    if not (
        line.kind == following.kind == "paragraph"
        and line.text.count("(") > line.text.count(")")
        and (
            _CLOSES_RE.match(following.text)
            or line.text.startswith("(")
            and line.text.count("(") == 1
            and _NOTE_ENDS_RE.match(following.text)
        )
        and not following.instructions
    ):
        return None
    text = f"{line.text} {following.text}"
    spaced = f"{line.spaced} {following.spaced}" if line.spaced else line.spaced
    return [replace(line, text=text, spaced=spaced)]
