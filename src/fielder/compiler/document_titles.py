"""A document's title that opens with its protocol or form code: `KST-301 Participant
Questionnaire Booklet`, `HS-12 Household Survey 2028`. The code looks like a question label,
but the words name the document (a questionnaire, survey, booklet, form), ask nothing and
stand first: the line is the title, a heading, not a question with the lines under it as
its answers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_CODED_TITLE_RE = re.compile(r"^[A-Z]{2,6}[-‐–]?\d{2,5}[A-Z]?\s+(?P<words>[A-Z][^?]{3,100})$")
_DOCUMENT_RE = re.compile(
    r"\b(?:questionnaires?|survey|booklet|form|diary|interview|study|instrument|assessment)\b",
    re.I,
)


# "# ABC-2 Attitudes among young drivers": a top heading standing first that opens with a name
# holding a number (a product's or a study's) and asks nothing
_NAMED_TITLE_RE = re.compile(
    r"^(?P<prefix>[A-Z]{2,6})[-‐–]?\d{1,5}[A-Z]?\s+(?P<words>[A-Z][^?]{3,100})$"
)


def _top_heading_title(lines: list[Line], first: int) -> str | None:
    """The words of a first top-level heading whose code no question's label shares (its
    letters head no other line followed by a number): the document's title."""
    line = lines[first]
    found = _NAMED_TITLE_RE.match(line.text.strip())
    if line.kind != "heading" or line.level != 1 or found is None:
        return None
    series = re.compile(rf"^{found['prefix']}[-‐–_.]?\d")
    if any(series.match(other.text.strip()) for other in lines[first + 1 :]):
        return None
    return found["words"].strip()


def document_title_lines(lines: list[Line]) -> list[Line]:
    """The lines with a coded title standing first read as a heading."""
    first = next((i for i, line in enumerate(lines) if line.text), None)
    titled = _top_heading_title(lines, first) if first is not None else None
    if first is not None and titled:
        out = list(lines)
        out[first] = replace(lines[first], text=titled, raw=titled, spaced=titled)
        return out
    if first is None or lines[first].kind != "paragraph" or lines[first].is_option:
        return lines
    found = _CODED_TITLE_RE.match(lines[first].text.strip())
    if found is None or not _DOCUMENT_RE.search(found["words"]):
        return lines
    out = list(lines)
    words = found["words"].strip()  # the code would still read as a question's label
    out[first] = replace(lines[first], text=words, raw=words, spaced=words, kind="heading", level=1)
    return out
