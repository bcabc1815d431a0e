"""Long runs of one filler character cut short before any rule reads the words.

A write-in line (`Name ________`), a leader (`Yes ........ 1`) or a rule (`--------`) means the
same at 30 characters as at 200,000, but many of the compiler's patterns try each start along
such a run, so a run of tens of thousands of dots or underscores took them minutes. Every run
of one non-word character or underscore (not a space or a line break) longer than `MAX_RUN` is
cut to `MAX_RUN`, in block texts, formatting runs and table cells alike. Offsets after a cut run
in the same block point a little early; only such pathological lines are touched.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.block_text import rewrite_block
from fielder.documents.model import Document

#: the longest run of one filler character kept; real write-in lines and rules are far shorter
MAX_RUN = 200
_LONG_RUN_RE = re.compile(rf"([^\w\s]|_)\1{{{MAX_RUN},}}")


def _short(text: str) -> str:
    return _LONG_RUN_RE.sub(lambda m: m.group(1) * MAX_RUN, text)


def short_filler_document(document: Document) -> Document:
    """The document with every run of one filler character longer than MAX_RUN cut to it."""
    blocks = [rewrite_block(block, _short) for block in document.blocks]
    if all(new is old for new, old in zip(blocks, document.blocks, strict=True)):
        return document
    return dataclasses.replace(document, blocks=blocks, text=_short(document.text))
