"""Reviewers' comments printed inline: `Comment [SW2]: Sam W. – Close anyone who is code 5`.

Word prints a document's margin comments in the text, each opened by its mark: "Comment",
the reviewer's initials and the comment's number in square brackets, and a colon. The mark
says who wrote the note, never what it says; left on, it stands before the words the routing
readers look for at the start of a note ("Q15 and Q16 only if …", "Ask Q7 if …"). The mark
is dropped (the note stays, with its author's name, which the readers set aside as a group
named before a dash), only at the start of a paragraph and only in the exact shape Word gives
it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document, Run

_MARK_RE = re.compile(r"^\s*Comment\s+\[[A-Z]{1,4}\d{1,3}\]\s*:\s*")


def _trimmed(runs: tuple[Run, ...], count: int) -> tuple[Run, ...]:
    """The runs without their first `count` characters."""
    out: list[Run] = []
    for run in runs:
        if count >= len(run.text):
            count -= len(run.text)
            continue
        out.append(replace(run, text=run.text[count:]) if count else run)
        count = 0
    return tuple(out)


def _unmarked(block: Block) -> Block:
    if block.kind != "paragraph":
        return block
    mark = _MARK_RE.match(block.text)
    if mark is None or mark.end() >= len(block.text):
        return block
    cut = mark.end()
    return replace(block, text=block.text[cut:], runs=_trimmed(block.runs, cut))


def comment_mark_document(document: Document) -> Document:
    """The document with Word's inline comment marks dropped from the notes they open."""
    if not any(_MARK_RE.match(b.text) for b in document.blocks):
        return document
    return replace(document, blocks=[_unmarked(b) for b in document.blocks])
