"""A survey tool's printout that heads each question with a small table of two cells: the
question's shortcut (its name in the script, `Flown`, `BagDrop`, `Q9a`) and its type in the tool's
words (`Closed – single`, `Numeric`, `Open-ended`, `Chapter – information`, `Loop / table –
single per row`).

The shortcut is the question's id, as every routing condition of such a printout names it; the
words come in the paragraph under the table. Taken only where the document has three or more
such head tables, so a two-cell table of any other kind is left to the table readers.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, made_line

_SHORTCUT_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{1,31}$")
_TOOL_TYPE_RE = re.compile(
    r"^(?:closed|open(?:-ended|\s+ended|\s+text)?|numeric|number|date|time|chapter|information|"
    r"loop|table|grid|single|multiple|multi|ranking|scale)\b[^\n]{0,40}$",
    re.I,
)
_HEADS = 3
# the tool's type words as the type rules read them
_TYPE_NOTES = (
    (re.compile(r"\bmultiple\b|\bmulti\b", re.I), "MULTI"),
    (re.compile(r"\bchapter\b|\binformation\b", re.I), "INFO SCREEN"),
    (re.compile(r"^loop\b|\btable\b.*\bper\s+row\b", re.I), "GRID"),
)


def _head(line: Line) -> tuple[str, str] | None:
    if line.kind != "table" or len(line.rows) != 1 or len(line.rows[0]) != 2:
        return None
    shortcut, kind = (" ".join(cell.split()) for cell in line.rows[0])
    if _SHORTCUT_RE.match(shortcut) and _TOOL_TYPE_RE.match(kind):
        return shortcut, kind
    return None


# "Routing · Screen out · Condition: ??Flown?? Has {2}": a routing box in the tool's script
# (`??name??` is how the script names a question); its braces are codes, not piping
_ROUTING_BOX_RE = re.compile(r"\bcondition\s*:.*\?\?[A-Za-z]\w*\?\?", re.I)
# "Validation: e-mail format", "Min value: 16 · Max value: 99": the tool's properties, keyed
_PROPERTY_RE = re.compile(r"^[A-Z][a-z]+(?:\s[a-z]+)?\s*:\s*\S[^?]*$")


def shortcut_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each shortcut head table made the label of the words under it, and
    each routing box of the tool's script kept whole as a note."""
    if sum(1 for line in lines if _head(line)) < _HEADS:
        return lines
    lines = [
        made_line(line, " ".join(line.raw.split()), True)
        if line.kind == "paragraph"
        and (_ROUTING_BOX_RE.search(line.raw) or _PROPERTY_RE.match(" ".join(line.raw.split())))
        else line
        for line in lines
    ]
    out: list[Line] = []
    index = 0
    while index < len(lines):
        head = _head(lines[index])
        following = lines[index + 1] if index + 1 < len(lines) else None
        if head is None or following is None or following.kind == "table" or not following.text:
            out.append(lines[index])
            index += 1
            continue
        shortcut, kind = head
        notes = [kind, *(word for pattern, word in _TYPE_NOTES if pattern.search(kind))]
        out.append(
            replace(
                following,
                label=shortcut,
                instructions=[*notes, *following.instructions],
                start=lines[index].start,
            )
        )
        index += 2
    return out
