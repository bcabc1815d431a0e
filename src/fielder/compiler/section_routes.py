"""A form builder's routing printed on a line of its own under each answer.

Form builders with "go to section based on answer" print the routing of a choice question as a
line under every answer: `→ Continue to next section`, `→ Go to section 5 (Commuting without a
car)`, `→ Submit form`. Each line routes the answer above it: a section named by number goes to
its first question, submitting the form ends it for that answer, and going on to the next
section is where everyone goes anyway. The routing is put on the answer's own line, in the
words the answers' routing is read in (`○ Bus → GO TO SECTION 5`, `○ No → END SURVEY`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_ROUTE_RE = re.compile(
    r"^\s*(?:→|->|➜)\s*(?:(?P<next>Continue\s+to\s+(?:the\s+)?next\s+(?:section|page))|"
    r"Go\s+to\s+(?P<part>section|page)\s+(?P<n>\d{1,3})\b(?:\s*\([^()]*\))?|"
    r"(?P<end>Submit\s+(?:the\s+)?form))\s*\.?\s*$",
    re.I,
)
_ANSWER_RE = re.compile(r"^\s*[○◯●☐□▢◻]\s*\S")


def section_route_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer's routing line joined to the answer above it."""
    out: list[Line] = []
    for line in lines:
        route = (
            _ROUTE_RE.match(_words(line)) if not line.text or line.text == _words(line) else None
        )
        answer = next((o for o in reversed(out) if o.text or o.kind != "paragraph"), None)
        if route is None or answer is None or not _ANSWER_RE.match(answer.text):
            out.append(line)
            continue
        if route["next"]:
            continue  # on to the next section: no jump
        where = "END SURVEY" if route["end"] else f"GO TO {route['part'].upper()} {route['n']}"
        index = len(out) - 1 - out[::-1].index(answer)
        text = f"{answer.text} → {where}"
        out[index] = replace(answer, text=text, spaced=f"{answer.spaced or answer.text} → {where}")
    return out


def _words(line: Line) -> str:
    return (line.text or " ".join(line.instructions)).strip()
