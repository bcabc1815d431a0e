"""A filter written as a reference to another question's: `same as P02`, `same as #4`, `as Q7`,
`same people as Q3` in a logic or "who sees it" column (or a note under the question).

The question is shown to the same people as the one it names: the named question's own filter
notes (on its head line: "only when P01 includes Dog", "ASK IF …") are copied in place of the
reference. A reference to a question with no filter note is left as it is.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_SAME_RE = re.compile(
    r"^\s*(?:ASK\s+IF\s+|show(?:n)?\s+(?:to\s+)?|who\s*:\s*)?(?:the\s+)?(?:same\s+(?:people\s+|filter\s+|"
    r"logic\s+|rule\s+)?as|as\s+(?:for|at))\s+(?:question\s+)?(?P<q>[A-Z]{1,4}\d{1,3}[a-z]{0,2})\s*\.?\s*$",
    re.I,
)
_FILTER_RE = re.compile(
    r"^\s*(?:ASK\s+IF|ask\s+(?:only\s+)?(?:if|when)|only\b|show(?:n)?\s+(?:only\s+)?(?:if|when|unless)|"
    r"hide\b|display(?:ed)?\s+(?:only\s+)?(?:if|when)|[^.]{0,40}\bonly\s+(?:if|when)\b)",
    re.I,
)


def same_as_lines(lines: list[Line]) -> list[Line]:
    """The lines with each `same as X` filter replaced by X's own filter notes."""
    if not any(_SAME_RE.match(n) for line in lines for n in line.instructions):
        return lines
    filters: dict[str, list[str]] = {}
    for line in lines:
        label = find_label(line) if line.text else None
        if label is not None and label.id not in filters:
            filters[label.id] = [
                n for n in line.instructions if _FILTER_RE.match(n) and not _SAME_RE.match(n)
            ]
    out: list[Line] = []
    for line in lines:
        notes: list[str] = []
        for note in line.instructions:
            same = _SAME_RE.match(note)
            named = filters.get(same["q"]) if same else None
            notes.extend(named if named else [note])
        out.append(
            dataclasses.replace(line, instructions=notes) if notes != line.instructions else line
        )
    return out
