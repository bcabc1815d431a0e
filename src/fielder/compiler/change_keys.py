"""A marked-up draft's key to changes: the formatting it declares new or changed wording.

A tracker's next-wave draft marked by hand opens with a key ("Red underlined text = new for
W8", "Yellow highlight = changed wording", "Blue text: added this wave"). Wording so marked is
the questionnaire's own wording, not a note to the programmer, although the line reader takes
coloured or highlighted runs for notes. Where a paragraph of the document keys a formatting
(its first run's colour and/or highlight) to new, added or changed wording, every run in that
formatting is read as plain text. (Struck-through wording, the deletions, is dropped by the
readers.)
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document, Run

# "= new for W8", ": added this wave", "– changed wording", "= amended text (old struck out)"
_KEY_RE = re.compile(
    r"^\s*(?:=|:|–|—|-|means|shows|marks)\s*(?:(?:is|are|=)\s+)?(?:text\s+|wording\s+)?"
    r"(?:new|added|addition|inserted|insertion|changed|amended|revised|updated|modified)\b",
    re.I,
)
_Mark = tuple[str | None, str | None]


def _mark(run: Run) -> _Mark | None:
    if not (run.color or run.highlight):
        return None
    return (run.color, run.highlight)


def _keyed_mark(block: Block) -> _Mark | None:
    """The formatting a key paragraph ("<marked words> = new …") declares new wording."""
    visible = [run for run in block.runs if run.text.strip()]
    if len(visible) < 2 or len(block.text) > 160:
        return None
    mark = _mark(visible[0])
    if mark is None or any(_mark(run) for run in visible[1:]):
        return None
    rest = "".join(run.text for run in visible[1:])
    return mark if _KEY_RE.match(rest) else None


def _plain(runs: tuple[Run, ...], marks: set[_Mark]) -> tuple[Run, ...]:
    return tuple(
        replace(run, color=None, highlight=None) if _mark(run) in marks else run for run in runs
    )


def _plain_block(block: Block, marks: set[_Mark]) -> Block:
    rows = tuple(
        tuple(replace(cell, runs=_plain(cell.runs, marks)) for cell in row) for row in block.rows
    )
    return replace(block, runs=_plain(block.runs, marks), rows=rows)


def change_key_document(document: Document) -> Document:
    """The document with the runs its key to changes marks as new or changed wording made
    plain (unchanged when it has no such key)."""
    marks = {mark for block in document.blocks if (mark := _keyed_mark(block)) is not None}
    if not marks:
        return document
    return replace(document, blocks=[_plain_block(block, marks) for block in document.blocks])
