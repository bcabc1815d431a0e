"""Numbered section headings in a form ("1. About you", "2. Getting to work") are no questions.

Forms and staff questionnaires number their sections in heading style and leave the fields
under them unlabelled. Where two or more headings run 1, 2, 3 … and none of them asks, and
the line under each is no answer, the number is the section's, not a question label: it is
dropped so the heading reads as a section title.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<title>[^?]{1,60})$")


def numbered_section_lines(lines: list[Line]) -> list[Line]:
    """Lines with the numbers of a run of numbered section headings dropped."""
    found: list[tuple[Line, str]] = []
    for index, line in enumerate(lines):
        match = _NUMBERED_RE.match(line.text) if line.kind == "heading" else None
        if match is None or len(match["title"].split()) > 6:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is None or following.is_option or following.text[:1] in BOXES:
            return lines  # "1. Gender" over its answers: a question in heading style
        found.append((line, match["title"]))
    numbers = [int(_NUMBERED_RE.match(line.text)["n"]) for line, _ in found]  # type: ignore[index]
    if len(found) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return lines
    for line, title in found:
        line.text = title
        line.spaced = title
    return lines
