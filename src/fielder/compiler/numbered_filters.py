"""Filter boxes numbered in series: `FILTER 3 | C5 only if …`, `FILTER 4: D4 only for …`.

Statistical offices number their filter boxes (`FILTER 1`, `FILTER 2`, …) and print the number
in a label cell before the box's words. The readers of filter notes know `FILTER: …`; the
number and the cell's bar (or a colon, a dash, a full stop) hid the note from them. Where two or
more paragraphs of the document open with a numbered filter label (a series, not a question
that happens to be called `FILTER 1`), each such label is written as `FILTER: `.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Run

# "FILTER 3 | ", "Filter F2: ", "FILTER 4 — ", "FILTER 5. ": a numbered label and a separator
_LABEL_RE = re.compile(r"^\s*FILTER\s+[A-Z]?\d{1,3}[a-z]?\s*(?:[|│:.]|[—–-](?=\s))\s*(?=\S)", re.I)


def _is_numbered_filter(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and _LABEL_RE.match(block.text) is not None
        and not block.text.rstrip().endswith("?")
    )


def _runs(runs: tuple[Run, ...], cut: int, head: str) -> tuple[Run, ...]:
    """The runs with their first `cut` characters replaced by `head` (kept in the first run)."""
    out: list[Run] = []
    left = cut
    for run in runs:
        if left >= len(run.text):
            left -= len(run.text)
            continue
        text = run.text[left:]
        if not out:
            text = head + text
        left = 0
        out.append(replace(run, text=text))
    return tuple(out)


def numbered_filter_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with a series of numbered filter labels written as `FILTER: `."""
    if sum(1 for block in blocks if _is_numbered_filter(block)) < 2:
        return blocks
    out: list[Block] = []
    for block in blocks:
        match = _LABEL_RE.match(block.text) if _is_numbered_filter(block) else None
        if match is None:
            out.append(block)
            continue
        head = "FILTER: "
        text = head + block.text[match.end() :]
        runs = block.runs
        if "".join(r.text for r in runs) == block.text:
            runs = _runs(runs, match.end(), head)
        else:
            runs = (Run(text=text),) if runs else runs
        out.append(replace(block, text=text, runs=runs))
    return out
