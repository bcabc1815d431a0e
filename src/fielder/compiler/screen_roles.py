"""Screens named by their role in plain words: `## Welcome screen`, `## Thank-you screen
(qualified)`, `**Thank-you card:** "Thanks! …"`.

Product and research teams title a screen by what it is for rather than with a scripting label.
The title is rewritten as the screen label the rules read (`WELCOME`, `THANKS`, `INTRO`), and
the words after a `… card:` / `… screen:` title lose the quotes they are cited in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_ROLE = (
    r"(?P<role>welcome|intro(?:duction)?|thank[- ]?you|thanks|closing|outro|end|consent|"
    r"screen[- ]?out|debrief(?:ing)?|goodbye)"
)
_KIND = r"(?:screen|page|card|message|panel|slide)"
_HEADING_RE = re.compile(rf"^{_ROLE}\s+{_KIND}(?:\s*\([^()]{{1,40}}\))?\s*:?$", re.I)
_TITLED_RE = re.compile(rf"^{_ROLE}\s+{_KIND}\s*:\s*(?P<words>\S.*)$", re.I)
_QUOTED_RE = re.compile(r"^[\"“”'‘](?P<inner>[^\"“”]+)[\"“”'’]$")


def screen_role_lines(lines: list[Line]) -> list[Line]:
    """The lines with each screen titled by its role given its screen label."""
    return [_relabelled(line) for line in lines]


def _relabelled(line: Line) -> Line:
    if line.is_option or not line.text or line.text.isupper():
        return line  # "THANK YOU SCREEN" in capitals is already a label the rules read
    heading = _HEADING_RE.match(line.text) if line.kind in ("heading", "paragraph") else None
    if heading:
        label = _label(heading["role"])
        return replace(line, text=label, raw=label, spaced=label)
    titled = _TITLED_RE.match(line.text) if line.kind == "paragraph" else None
    if titled is None:
        return line
    words = titled["words"].strip()
    quoted = _QUOTED_RE.match(words)
    text = f"{_label(titled['role'])}: {quoted['inner'].strip() if quoted else words}"
    return replace(line, text=text, spaced=text)


def _label(role: str) -> str:
    word = re.sub(r"[- ]", "", role.upper())
    return "THANKS" if word == "THANKYOU" else word
