"""A drop-down list printed closed: its placeholder and arrow on a line of their own.

Online survey tools print a drop-down question as the closed control — `— Please Select — ▼`,
`-- Select one --`, `Choose… ⌄` — with the items (if at all) listed under it, sometimes after a
caption such as `Drop-down options:`. The placeholder is no answer: it says the question is a
drop-down, as a `[DROPDOWN]` note would. Form builders' printables number the items under
such a note (`Drop-down list. Choose one.` over `1. Civic Centre`, `2. …`): the numbers are
the items' places in the list, not question numbers.
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
# "Drop-down list. Choose one.", "Dropdown": a note saying the answers below are a drop-down
_MENU_NOTE_RE = re.compile(r"^\s*(?:[▼▾⌄]\s*)?drop[- ]?down\b", re.I)
_MENU_LINE_RE = re.compile(
    r"^\s*(?:[▼▾⌄]\s*)?drop[- ]?down(?:\s+list)?\.?(?:\s+(?:choose|select|pick)\s+one\.?)?\s*$",
    re.I,
)
_ITEM_RE = re.compile(r"^(?P<n>\d{1,3})[.)]\s+(?P<item>\S.*)$")


def dropdown_placeholder_lines(lines: list[Line]) -> list[Line]:
    """The lines with a closed drop-down's placeholder line made a `DROPDOWN` note."""
    out: list[Line] = []
    counting = 0  # the number the next item of a drop-down's numbered list has, or 0
    for line in lines:
        if line.kind == "paragraph" and line.text and _MENU_LINE_RE.match(line.text):
            line = replace(line, text="", spaced="", instructions=[*line.instructions, line.text])
        if line.kind == "paragraph" and line.text and _PLACEHOLDER_RE.match(line.text):
            line = replace(line, text="", spaced="", instructions=[*line.instructions, "DROPDOWN"])
        item = _ITEM_RE.match(line.text) if counting else None
        if item and int(item["n"]) == counting and "?" not in line.text:
            text = f"○ {item['item']}"  # an item of the list, numbered by its place
            line = replace(line, text=text, spaced=text, numbering=None)
            counting += 1
        elif not line.text and any(_MENU_NOTE_RE.match(n) for n in line.instructions):
            counting = 1
        elif line.text:
            counting = 0
        out.append(line)
    return out
