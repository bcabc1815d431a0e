"""Numbered section headings in a form ("1. About you", "2. Getting to work") are no questions.

Forms and staff questionnaires number their sections in heading style (or as bold bands) and
leave the fields under them unlabelled. Where two or more headings run 1, 2, 3 … and none of
them asks, and the line under each is no answer, the number is the section's, not a question
label: it is dropped so the heading reads as a section title.
"""

from __future__ import annotations

import re

from fielder.compiler.answers_across import separated_answers
from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

_BLANK_RE = re.compile(r"^[\s_./|-]*_{3,}[\s_./|-]*$")
_NUMBERED_RE = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<title>[^?]{1,60})$")


def numbered_section_lines(lines: list[Line]) -> list[Line]:
    """Lines with the numbers of a run of numbered section headings dropped."""
    found: list[tuple[Line, str]] = []
    for index, line in enumerate(lines):
        # a printed form sets its section bands as bold paragraphs rather than headings
        band = line.kind == "heading" or (line.kind == "paragraph" and line.bold)
        match = _NUMBERED_RE.match(line.text) if band else None
        if match is None or len(match["title"].split()) > 6:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if line.kind == "paragraph" and following is not None and _asked_in_bold(following):
            return lines  # "1. Your age" in bold over "______" or a list: a question, not a band
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


def _asked_in_bold(following: Line) -> bool:
    """True when the line under a bold numbered line answers it (a write-in line, a list, a
    line of answers set apart by slashes or bars)."""
    return (
        following.kind != "paragraph"
        or bool(_BLANK_RE.match(following.text))
        or separated_answers(following.text)
    )
