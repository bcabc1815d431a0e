"""A booklet of measures, each under a bold heading of its abbreviation and its name:
`FIS   Fatigue Impact Scale (6 items)`, `PGIC   Impression of Change (1 item)`.

Outcome-measure booklets (clinical trials, health surveys) head each instrument with its short
name, a gap and its full name. When the instrument's own items are numbered after the short
name below it (`DF1`, `DF2` …) the heading is a section heading. Otherwise the short name is
the id of the one question the instrument asks: the paragraph under the heading is its words
(a stem over an item table, one question with its answers, or a box to write in).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# the short name in capitals, a gap, the full name in words ("Fatigue Impact Scale"), not a
# type note in capitals ("S1  SELECT ONE")
_HEAD_RE = re.compile(
    r"^(?P<abbr>[A-Z]{2,6})(?:\t|\s{2,})(?P<title>[A-Z](?=[^?\t]*[a-z])[^?\t]{2,80})$"
)
_COUNT_RE = re.compile(r"\(\s*\d{1,3}\s+(?:items?|questions?)\s*\)\s*$", re.I)


def _head(line: Line) -> re.Match[str] | None:
    if line.kind != "paragraph" or line.is_option or not line.bold or line.instructions:
        return None
    found = _HEAD_RE.match((line.spaced or line.raw).strip())
    if found is None or len(found["title"].split()) > 10:
        return None
    return found


def measure_head_lines(lines: list[Line]) -> list[Line]:
    """The lines with each measure heading read as a section heading or its question's id."""
    heads = [index for index, line in enumerate(lines) if _head(line)]
    if len(heads) < 2:
        return lines  # one such line is no booklet of measures
    out = list(lines)
    for place, index in enumerate(heads):
        found = _head(lines[index])
        assert found is not None
        end = heads[place + 1] if place + 1 < len(heads) else len(lines)
        items = re.compile(rf"^{found['abbr']}[-_.]?\d{{1,2}}[a-z]?(?:[.):]|\t|\s)")
        numbered = any(
            items.match(lines[i].spaced or lines[i].raw)
            for i in range(index + 1, end)
            if lines[i].kind == "paragraph"
        )
        title = _COUNT_RE.sub("", found["title"]).strip()
        if numbered:
            heading = f"{found['abbr']} {title}"
            out[index] = replace(lines[index], text=heading, raw=heading, kind="heading", level=2)
            continue
        stem = next(
            (i for i in range(index + 1, end) if lines[i].text and lines[i].kind == "paragraph"),
            None,
        )
        if stem is None or lines[stem].is_option or lines[stem].label:
            continue
        out[index] = replace(lines[index], text=title, raw=title, spaced=title, kind="heading")
        out[stem] = replace(lines[stem], label=found["abbr"])
    return out
