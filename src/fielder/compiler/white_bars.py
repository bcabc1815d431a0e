"""Bars printed as white words on a dark band: a block's or a module's heading.

Word processors and PDF makers set a section's bar (`Block: People managers (MGR1–MGR2)`,
`Regional block – Americas (AM1)`) as bold white words on a dark shading. Read as a plain
paragraph, the bar neither ends the run of the note above it nor opens a part of its own, so a
block's filter runs on into the next blocks. A short paragraph whose every visible run is white
is a heading (white words are never the respondent's, who would not see them on white paper).
"""

from __future__ import annotations

from dataclasses import replace

from fielder.documents.model import Block, Document

_WHITE = {"#FFFFFF", "FFFFFF", "#FFF"}


def _white_bar(block: Block) -> bool:
    runs = [r for r in block.runs if r.text.strip()]
    return (
        block.kind == "paragraph"
        and bool(runs)
        and all((r.color or "").upper() in _WHITE for r in runs)
        and len(block.text.split()) <= 14
    )


def white_bar_document(document: Document) -> Document:
    """The document with each white-on-dark bar read as a heading."""
    if not any(_white_bar(b) for b in document.blocks):
        return document
    blocks = [replace(b, kind="heading") if _white_bar(b) else b for b in document.blocks]
    return replace(document, blocks=blocks)
