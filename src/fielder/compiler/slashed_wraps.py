"""A list of answers written across a line with slashes, wrapped at a slash.

`Strongly agree (5) / Agree (4) / Neither (3) /` then `Disagree (2) / Strongly disagree (1)`
on the next line: a plain-text list (an e-mail, a text file wrapped at ~76 columns) broken after
one of its slashes. A line that ends in ` /` after at least one other ` / ` is not finished;
the next line, when it is plain words (no label, no note), goes on with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_OPEN_SLASH_RE = re.compile(r"\S\s/\s.*\S\s+/\s*$")
_LABELLED_RE = re.compile(r"^\s*(?:[A-Z]{0,3}\d{1,3}[a-z]?[.):]|\[|[-•●*]\s)")


def join_slashed_wraps(lines: list[Line]) -> list[Line]:
    """The lines with a slash-list broken at a slash joined back into one line."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if (
            above is not None
            and above.kind == line.kind == "paragraph"
            and _OPEN_SLASH_RE.search(above.text)
            and line.text
            and not line.instructions
            and not _LABELLED_RE.match(line.text)
            and not line.text.rstrip().endswith((":", "?"))
        ):
            out[-1] = replace(
                above,
                text=f"{above.text.rstrip()} {line.text.strip()}",
                spaced=f"{above.spaced.rstrip()} {line.spaced.strip()}",
                raw=f"{above.raw.rstrip()} {line.raw.strip()}",
                end=line.end,
            )
            continue
        out.append(line)
    return out
