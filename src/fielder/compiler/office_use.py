"""The office-use box of a paper form, and the note on how to hand the form back, left out.

A printed form keeps a box for whoever handles it afterwards: `FOR OFFICE USE ONLY`,
`For staff use: Site ____ Date received ____`, `FOR CLINICIAN USE ONLY` over a few lines of
totals and initials. Nobody asks the respondent these; the line is dropped, and when it stands
alone as the box's title, so are the lines under it up to the next question, heading or page.
A line telling how to return the form (`Please give this form to the front desk …`) is no
question's words either.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_OFFICE_RE = re.compile(
    r"^\W{0,3}(?P<for>for\s+)?(?:office|staff|clinician|clinic|administrative|admin|internal|site|"
    r"official|coder|scorer)(?:'s)?\s+(?:use|coding|scoring)(?P<only>\s+only)?\b\s*(?P<rest>.*)$",
    re.I,
)


# "Please give this form to the front desk …", "Please return the questionnaire in the envelope":
# how to hand the form back, said after the last question
_RETURN_RE = re.compile(
    r"^(?:please\s+)?(?:give|hand|return|send|post|put|place|drop|leave)\s+(?:this|the|your)\s+"
    r"(?:completed\s+)?(?:form|survey|questionnaire|card|booklet)\b",
    re.I,
)


def drop_office_use(lines: list[Line]) -> list[Line]:
    """The lines without the office-use box's title line and the lines of its box."""
    kept: list[Line] = []
    in_box = False
    for line in lines:
        words = line.text or " ".join(line.instructions)
        if in_box and _box_ends(line):
            in_box = False
        office = _OFFICE_RE.match(words) if line.kind == "paragraph" else None
        if office is not None and (
            office["for"] or office["only"] or office["rest"][:1] in ("", ":")
        ):  # "Staff use of the canteen …" is a question's words
            in_box = not office["rest"].strip(" :.")  # a title alone heads a box of lines
            continue
        if in_box or (line.kind == "paragraph" and _RETURN_RE.match(line.text)):
            continue
        kept.append(line)
    return kept


def _box_ends(line: Line) -> bool:
    """A page break, a heading or a labelled question: the box is behind."""
    return line.kind in ("page_break", "heading") or (
        bool(line.text) and find_label(line) is not None
    )
