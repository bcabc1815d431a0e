"""Plain-text questionnaires laid out as printed pages.

A script kept as a text file (a health department's telephone survey, a typed draft) carries
what a word processor would have set apart: a running footer with the page counter
(`CHATS 2027 v2.1        Page 2 of 4`, `Encuesta 2026 — Página 3 de 9`), and question
sentences broken at a fixed width, so a line may start with a number that is no answer's code
(`… used in the past` / `30 days?`). The footer is left out; the broken sentence is joined.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "Page 2 of 4", "Página 3 de 9", "Seite 2 von 5", "p. 4/12" at a line's end, a short title before
_COUNTER_RE = re.compile(
    r"^(?:\S+(?:\s+\S+){0,9}\s+)?[-–—|•·]?\s*(?:page|p\.|p[áa]gina|seite|pagina|sayfa|strona)"
    r"\s+\d{1,3}\s*(?:/|of|de|von|di|van|sur|z)\s*\d{1,3}\s*$",
    re.I,
)
# "30 days?", "12 months, did you …?": a wrapped question's end that opens with a number
_NUMBER_TAIL_RE = re.compile(r"^\d{1,4}\s+[a-z][^()]*\?$")
# the line before stops mid-sentence, on a small word or a lower-case one
_UNFINISHED_RE = re.compile(r"[a-z,]$")


def text_page_lines(lines: list[Line]) -> list[Line]:
    """The lines without running page counters, with sentences wrapped before a number joined."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "paragraph" and _COUNTER_RE.match(line.text) and not line.instructions:
            continue
        before = out[-1] if out else None
        if (
            before is not None
            and before.kind == "paragraph"
            and line.kind == "paragraph"
            and not line.instructions
            and not before.instructions
            and _UNFINISHED_RE.search(before.text)
            and _NUMBER_TAIL_RE.match(line.text)
            and len(line.text.split()) <= 12
        ):
            out[-1] = _joined(before, line)
            continue
        out.append(line)
    return out


def _joined(first: Line, second: Line) -> Line:
    return replace(
        first,
        text=f"{first.text} {second.text}",
        raw=f"{first.raw} {second.raw}",
        spaced=f"{first.spaced} {second.spaced}" if first.spaced else first.spaced,
        end=second.end,
    )
