"""Notes an author marks with a glyph or angle brackets rather than a colour or a word:

    » 4 = thank them, survey over          (a line opened by a pointer glyph: a build note)
    <tick all>    <number 0–60>    <long answer>   (an answer-box hint in angle brackets)

A paragraph that is nothing but a short `<…>` hint is a note in any format (Markdown's rule,
where angle brackets are not HTML). A note opened by `»`, `›` or `☞` (a note already, by its
colour) loses the glyph, so the rules read the words after it ("4 = thank them, survey over");
glyph-marked lines in plain text are left to the readers that know them (storyboard cards).
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

_HINT_RE = re.compile(r"^\s*<(?P<hint>[^<>/=\"]{2,60})>\s*$")
_MARK_RE = re.compile(r"^\s*[»›☞]\s*")


def _unmarked(note: str) -> str:
    return _MARK_RE.sub("", note, count=1)


def marker_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with angle-bracket hints as notes, and the glyph dropped from marked notes."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "paragraph" and not line.is_option:
            hint = _HINT_RE.match(line.text)
            if hint and len(hint["hint"].split()) <= 8:
                line = dataclasses.replace(
                    line,
                    text="",
                    spaced="",
                    instructions=[*line.instructions, hint["hint"].strip()],
                )
        if any(_MARK_RE.match(note) for note in line.instructions):
            line = dataclasses.replace(line, instructions=[_unmarked(n) for n in line.instructions])
        out.append(line)
    return out
