"""A survey tool's build sheet: each question's logic listed under a caption of its own.

Review exports print, under every question, a caption (`Logic summary`, `Logic`, `Routing`,
`Question logic`) over a bulleted list of its rules (`Display if: "Receipt scanning" is selected
at T3`, `Skip: if "No" → skip to T20`, `End survey if: "Under 18"`, `Randomise: answers 1-5`).
The bullets are notes on the question above, not its answers: they are written as bracketed
notes, and the rules that say there is none (`Display: always shown`, `Skip: none`) are left
out. The caption goes too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block

_CAPTION_RE = re.compile(
    r"^\s*(?:(?:question|display|skip|branching)\s+)?(?:logic|routing)(?:\s+(?:summary|rules?))?\s*:?\s*$",
    re.I,
)
# "Display: always shown", "Skip: none", "Branching: —": a rule that says there is none
_NONE_RE = re.compile(
    r"^\s*[\w /]{2,30}:\s*(?:none|no|n/?a|always(?:\s+shown)?|always\s+displayed|[-–—])\s*\.?\s*$",
    re.I,
)


def summary_notes(blocks: list[Block]) -> list[Block]:
    """The blocks with each logic caption's list written as notes (three captions at least,
    each over a list, else the blocks as they are)."""
    captions = [
        i
        for i, b in enumerate(blocks[:-1])
        if b.kind in ("paragraph", "heading")
        and _CAPTION_RE.match(b.text)
        and blocks[i + 1].kind == "list_item"
    ]
    if len(captions) < 3:
        return blocks
    kept: list[Block] = []
    listing = False
    caption_at = set(captions)
    for index, block in enumerate(blocks):
        if index in caption_at:
            listing = True
            continue
        if listing and block.kind == "list_item":
            if not _NONE_RE.match(block.text):
                kept.append(
                    replace(block, kind="paragraph", text=f"[{block.text}]", runs=(), level=0)
                )
            continue
        listing = False
        kept.append(block)
    return kept
