"""Bold that is emphasis, not an instruction layer.

Web pages and forms often set the how-to-answer sentence after a question in bold ("Which …?
**Choose one.**"), and the line reader drops such a trailing bold sentence as a note. A
document that also sets single words in bold inside its questions' sentences ("Did you
have **any** problems?") uses bold for emphasis: there a trailing bold sentence addressed to
the respondent ("**Tick all that apply.**") is part of the question's words, as the gold
conventions keep respondent-facing sentences of the question's own paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document, Run

# a sentence in ordinary case: at least one lowercase word (capitals are scripting notes)
_SENTENCE_RE = re.compile(r"^\s*\(?[A-Z][^\n]*[a-z][^\n]*[.!)]\s*$")


def emphasis_bold_document(document: Document) -> Document:
    """The document with trailing bold sentences made plain where bold is emphasis
    (unchanged when the document never emphasises words in bold mid-sentence)."""
    if not any(_emphasises_in_bold(block.runs) for block in document.blocks):
        return document
    blocks = [_plain_trailing_sentence(block) for block in document.blocks]
    return replace(document, blocks=blocks)


def _visible(runs: tuple[Run, ...]) -> list[Run]:
    return [run for run in runs if run.text.strip()]


def _emphasises_in_bold(runs: tuple[Run, ...]) -> bool:
    """True when a short bold stretch sits between plain words of one sentence."""
    visible = _visible(runs)
    for before, run, after in zip(visible, visible[1:], visible[2:], strict=False):
        if (
            run.bold
            and len(run.text.split()) <= 3
            and not (before.bold or after.bold)
            and re.search(r"[a-z]$", before.text.rstrip())
            and re.match(r"\s*[a-z]", after.text)
        ):
            return True
    return False


def _plain_trailing_sentence(block: Block) -> Block:
    visible = _visible(block.runs)
    if len(visible) < 2 or block.kind == "heading":
        return block
    last = visible[-1]
    before = "".join(run.text for run in visible[:-1]).rstrip()
    if not (last.bold and not visible[-2].bold and before.endswith(("?", "."))):
        return block
    if not _SENTENCE_RE.match(last.text):
        return block
    runs = tuple(replace(run, bold=False) if run is last else run for run in block.runs)
    return replace(block, runs=runs)
