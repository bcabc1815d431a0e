"""A form field whose name ends in an abbreviation: `Room no. ______`, `Tel. ______`.

A field's name is read up to the blank after it, and a name usually ends in a letter or a
colon; a short name ending in an abbreviation's full stop is given the colon a field's name
takes, so the stop is read as part of the name and not as the end of a sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document

_FIELD_RE = re.compile(
    r"^(?P<name>[^\W\d_][^_|:]{0,40}\b[A-Za-z]{1,5}\.)[ \t]+(?P<blank>_{3,}\s*)$"
)
_MAX_WORDS = 5


def abbreviated_field_document(document: Document) -> Document:
    """The document with `Name abbr. ____` fields written `Name abbr.: ____`."""
    blocks = [_with_colon(b) for b in document.blocks]
    if all(new is old for new, old in zip(blocks, document.blocks, strict=True)):
        return document
    return replace(document, blocks=blocks)


def _with_colon(block: Block) -> Block:
    if block.kind not in ("paragraph", "list_item") or "_" not in block.text:
        return block
    found = _FIELD_RE.match(block.text)
    if found is None or len(found["name"].split()) > _MAX_WORDS:
        return block
    text = f"{found['name']}: {found['blank']}"
    runs = (replace(block.runs[0], text=text),) if block.runs else block.runs
    return replace(block, text=text, runs=runs)
