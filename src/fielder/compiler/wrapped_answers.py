"""An answer's words wrapped onto a line of their own.

A PDF prints a long bulleted answer over two lines, the second set under the first's words,
not under the bullet (`● Build and run the systems that store, analyse, and` /
`operationalise data`); read as lines, the second looks like an answer of its own. A line
with no bullet that starts in lower case, right under a bulleted answer, goes on with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_BULLETED_RE = re.compile(r"^\s*[●•○◯◦▪■□☐❍◻-]\s+\S")


def join_wrapped_answers(lines: list[Line]) -> list[Line]:
    """The lines with each lower-case line under a bulleted answer joined to it."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if (
            above is not None
            and line.kind == "paragraph"
            and line.text[:1].islower()
            and not line.instructions
            and _BULLETED_RE.match(above.text)
            and not _BULLETED_RE.match(line.text)
        ):
            text = f"{above.text} {line.text}"
            out[-1] = replace(
                above, text=text, spaced=f"{above.spaced} {line.spaced}", end=line.end
            )
            continue
        out.append(line)
    return out
