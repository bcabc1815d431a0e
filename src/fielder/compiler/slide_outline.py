"""A questionnaire kept as a slide deck and exported as its outline: one slide a question.

Each slide's title names the question (`## Slide 9 - Q7`, `Slide 9: Q7`), and the slide's
first paragraph is the question's words (bold on the slide), its bullets the answers. The
slide number is the deck's, not the questionnaire's: the label the title ends with opens the
question's words (`Q7. Please describe …`), as a printed questionnaire writes it, so that a
question whose words do not end in `?` still starts there and keeps its label. The title is
left out. Slides with no label in their title (`Slide 1 - Title`, `Slide 22 - Thanks`) are left
to the usual rules.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Run

_TITLE_RE = re.compile(
    r"^\s*(?:Slide|Folie|Diapositive|Diapositiva|Dia)\s*\d{1,3}\s*[-–—:·|]\s*"
    r"(?P<label>[A-Z]{1,3}\d{1,3}[a-z]?)\s*$",
    re.I,
)


def _labelled(block: Block, label: str) -> Block:
    first = block.runs[0] if block.runs else None
    lead = Run(f"{label}. ", bold=bool(first and first.bold))
    runs = (lead, *block.runs) if block.runs else ()
    return replace(block, text=f"{label}. {block.text}", runs=runs)


def slide_questions(blocks: list[Block]) -> list[Block]:
    """The outline with each slide title's label written before the slide's first paragraph
    (three labelled titles at least, else the blocks as they are)."""
    titles = [_TITLE_RE.match(b.text) if b.kind == "heading" else None for b in blocks]
    if sum(t is not None for t in titles) < 3:
        return blocks
    kept: list[Block] = []
    label: str | None = None
    for block, title in zip(blocks, titles, strict=True):
        if title is not None:
            label = title["label"].upper()
            continue
        if label is not None and block.kind == "paragraph" and block.text.strip():
            kept.append(_labelled(block, label))
            label = None
            continue
        if block.kind == "heading":
            label = None
        kept.append(block)
    return kept
