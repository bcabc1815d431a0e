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
    r"^\s*(?P<arrow>→|->|➜)?\s*(?:(?P<next>Continue\s+to\s+(?:the\s+)?next\s+(?:section|page))|"
    r"Go\s+to\s+(?P<part>section|page)\s+(?P<n>\d{1,3})\b(?:\s*\([^()]*\))?|"
    r"(?P<end>Submit\s+(?:the\s+)?form))\s*\.?\s*$",
    re.I,
)
_ANSWER_RE = re.compile(r"^\s*[○◯●☐□▢◻]\s*\S")


def section_route_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer's routing line joined to the answer above it."""
    out: list[Line] = []
    for line in lines:
        own = _own_route(line)
        if own is not None:
            out.append(own)
            continue
        route = (
            _ROUTE_RE.match(_words(line)) if not line.text or line.text == _words(line) else None
        )
        if route is not None and not route["arrow"]:
            route = None  # on a line of its own only after its arrow
        answer = next((o for o in reversed(out) if o.text or o.kind != "paragraph"), None)
        if route is None or answer is None or not _ANSWER_RE.match(answer.text):
            out.append(line)
            continue
        if route["next"]:
            continue  # on to the next section: no jump
        where = _where(route)
        index = len(out) - 1 - out[::-1].index(answer)
        text = f"{answer.text} → {where}"
        out[index] = replace(answer, text=text, spaced=f"{answer.spaced or answer.text} → {where}")
    return out


def _own_route(line: Line) -> Line | None:
    """`◯ No` with `Submit form` set apart in the tool's colour after it (a print that puts the
    routing beside the answer, no arrow): the same routing on the answer's own line."""
    if len(line.instructions) != 1 or not _ANSWER_RE.match(line.text):
        return None
    route = _ROUTE_RE.match(line.instructions[0])
    if route is None:
        return None
    if route["next"]:
        return replace(line, instructions=[])  # on to the next section: no jump
    where = _where(route)
    return replace(
        line,
        text=f"{line.text} → {where}",
        spaced=f"{line.spaced or line.text} → {where}",
        instructions=[],
    )


def _where(route: re.Match[str]) -> str:
    return "END SURVEY" if route["end"] else f"GO TO {route['part'].upper()} {route['n']}"


def _words(line: Line) -> str:
    return (line.text or " ".join(line.instructions)).strip()
