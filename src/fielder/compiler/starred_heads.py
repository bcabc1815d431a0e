"""Script headers in the starred keyword style of tab and CATI scripting languages:
`*QUESTION 10 *CODES 61L1 *MULTI` over the question's words.

The header names the question by its number and carries the script's own keywords (its columns,
`*MULTI`, `*OPEN`); the words to ask come on the next line. The label is `Q` and the number, as
a programmer names it, and the keywords become the question's instructions (read for its type),
so the header never joins the question before it.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_HEAD_RE = re.compile(
    r"^\*\s*(?:QUESTION|QUEST|Q)\s*(?P<n>\d{1,4}[a-z]?)(?P<keys>(?:\s+\*[A-Z]+\b[^*]*)*)\s*$",
    re.I,
)


def starred_head_lines(lines: list[Line]) -> list[Line]:
    """Lines with each starred header joined to the words under it as `Q10. …`."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _HEAD_RE.match(line.text) if line.kind == "paragraph" else None
        following = lines[index + 1] if index + 1 < len(lines) else None
        if match is None or following is None or not following.text or following.is_option:
            out.append(line)
            index += 1
            continue
        keys = [k.strip() for k in match["keys"].split("*") if k.strip()]
        label = f"Q{match['n']}. "
        following.spaced = label + (following.spaced or following.text)
        following.text = label + following.text
        following.instructions[:0] = [*line.instructions, *keys]
        following.start = line.start
        out.append(following)
        index += 2
    return out
