"""A screen drawn as a card: a one-cell box whose first paragraph is its own label.

Usability scripts and stimulus plans draw each task or screen the respondent reads as a
shaded box with the screen's label on the box's first line (`INTRO`, `T2`, `END`) and the
words under it. The box is that labelled screen; with no question mark it asks nothing, so
it is an information screen even when its label looks like a question's (`T2`).
"""

from __future__ import annotations

import re

from fielder.compiler.classify import screen_id
from fielder.compiler.lines import Line, collapse, split_text
from fielder.documents.model import Block

# "T2", "B12a", "SC-3": a question-like label alone on the card's first line
_ID_LABEL_RE = re.compile(r"^[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?[.:)]?$")


def _label(first: str) -> str | None:
    if _ID_LABEL_RE.match(first):
        return first.rstrip(".:)")
    return first.rstrip(".:)") if screen_id(first) is not None else None


def card_line(block: Block) -> Line | None:
    """The line of a labelled card (`T2. words` marked as a screen), or None for other tables."""
    if len(block.rows) != 1 or len(block.rows[0]) != 1:
        return None
    cell = block.rows[0][0]
    parts = [p.strip() for p in cell.text.split("\n") if p.strip()]
    label = _label(parts[0]) if len(parts) >= 2 else None
    if label is None:
        return None
    words = collapse(" ".join(split_text(p)[0] for p in parts[1:]))
    if sum(c.isalpha() for c in words) < 12:
        return None
    text = f"{label}. {words}"
    return Line(
        text=text,
        raw=cell.text,
        spaced=text,
        # no question mark: the card is read, not answered
        instructions=[] if "?" in words else ["INFO SCREEN"],
        start=block.start,
        end=block.end,
        page=block.page,
    )
