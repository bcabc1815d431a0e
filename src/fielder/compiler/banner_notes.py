"""A plain-text script's section banner with the section's filter on the same line.

CATI and text scripts mark a block with a dashed banner and often write the block's filter
after it, a few spaces on: `--- FOOD B ---   ASK FB1-FB4 IF CB1 = 1 OR 3`. Read whole, the
line is a heading and its filter is lost. The banner and the note are split into two lines, so
the heading opens the block and the note is read like any filter naming its questions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "--- FOOD B ---   ASK …": dashes or equals signs around a short title, then the note
_BANNER_NOTE_RE = re.compile(
    r"^(?P<banner>[-=]{3,20}[ \t]*[^-=\t]{1,60}?[ \t]*[-=]{3,20})[ \t]{2,}"
    r"(?P<note>(?:ASK|SHOW|DISPLAY|FILTER|BASE)\b[^\t]{3,200})$",
    re.I,
)


def banner_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with each banner's filter split off onto a line of its own."""
    out: list[Line] = []
    for line in lines:
        match = _BANNER_NOTE_RE.match((line.raw or line.text).strip())
        if line.kind != "paragraph" or match is None:
            out.append(line)
            continue
        banner, note = match["banner"], match["note"].strip()
        out.append(replace(line, text=banner, raw=banner, spaced=banner))
        out.append(replace(line, text=note, raw=note, spaced=note, bold=False))
    return out
