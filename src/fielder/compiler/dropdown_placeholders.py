"""A drop-down list printed closed: its placeholder and arrow on a line of their own.

Online survey tools print a drop-down question as the closed control — `— Please Select — ▼`,
`-- Select one --`, `Choose… ⌄` — with the items (if at all) listed under it, sometimes after a
caption such as `Drop-down options:`. The placeholder is no answer: it says the question is a
drop-down, as a `[DROPDOWN]` note would.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_ARROWS = "▼▾⌄⏷▽∨"
_WORDS = (
    r"(?:please\s+)?(?:select|choose|pick)"
    r"(?:\s+(?:one|an?\s+(?:option|answer|item)|from\s+the\s+list))?"
)
# the words wrapped in dashes, or followed by an ellipsis or the control's arrow
_PLACEHOLDER_RE = re.compile(
    rf"^\s*(?:[-–—]+\s*{_WORDS}\s*[-–—]+\s*[{_ARROWS}]?|"
    rf"{_WORDS}\s*(?:\.{{3}}|…)?\s*[{_ARROWS}]|{_WORDS}\s*(?:\.{{3}}|…))\s*$",
    re.I,
)


def dropdown_placeholder_lines(lines: list[Line]) -> list[Line]:
    """The lines with a closed drop-down's placeholder line made a `DROPDOWN` note."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "paragraph" and line.text and _PLACEHOLDER_RE.match(line.text):
            line = replace(line, text="", spaced="", instructions=[*line.instructions, "DROPDOWN"])
        out.append(line)
    return out
