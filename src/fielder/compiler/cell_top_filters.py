"""A filter on the top line of a table cell that holds a whole question.

Questionnaires laid out one question per table cell (a master beside its translation, a form
in boxes) write a question's filter as the cell's first line, over its label: `Rail and coach
passengers only (Q2 = 1 or 2)` / `Q18. What are …`. Unrolled into lines, the note follows the
previous question's answers and reads as that question's own. The cell says whose it is: the
note and the label share one cell, the note first. Such a note, in the shapes of a group named
over its test in brackets (`Drivers only (Q3 = 1)`) or a test then ONLY (`Q2 = 1 only`), is
rewritten as the plain filter over the question (`Only if Q2 = 1 or 2`), which the readers send
forward.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_TEST = r"[^()]*?[A-Z]{1,4}\d{1,3}[a-z]?\s*(?:=|≥|≤|>=|<=|<|>|≠|!=|\bIN\b)[^()]*?"
# "Rail and coach passengers only (Q2 = 1 or 2)", "Drivers only – Q3 = 1"
_GROUP_TEST_RE = re.compile(
    rf"^\W*[A-Za-z][\w'’ ,/-]{{2,60}}?\s+only\s*(?:\((?P<a>{_TEST})\)|[:–—-]\s*(?P<b>{_TEST}))\W*$",
    re.I,
)
# "Q2 = 1 or 2 only"
_TEST_ONLY_RE = re.compile(rf"^\W*(?P<c>{_TEST})\s+only\W*$", re.I)


def cell_top_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each cell's top-line filter written as the filter over its question."""
    out = list(lines)
    for index, line in enumerate(lines[:-1]):
        below = lines[index + 1]
        if (
            not line.text
            or line.start == line.end
            or (below.start, below.end)
            != (
                line.start,
                line.end,
            )
        ):
            continue
        if index and (lines[index - 1].start, lines[index - 1].end) == (line.start, line.end):
            continue  # not the cell's first line
        if find_label(line) is not None or find_label(below) is None:
            continue
        found = _GROUP_TEST_RE.match(line.text) or _TEST_ONLY_RE.match(line.text)
        if found is None:
            continue
        test = next(g for g in found.groups() if g).strip()
        text = f"Only if {test}"
        out[index] = replace(line, text=text, spaced=text)
    return out
