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

# "FILTER 3 | ", "Filter 2 — ", "FILTER 5. ": a numbered label and a separator (no colon:
# "FILTER 5: 4 = 1" may name question 5); "FILTER  B07 only if …": the label set apart by a
# wide gap (a bold label cell in a shaded box)
_LABEL_RE = re.compile(
    r"^\s*FILTER(?:\s{2,}|\t|\s+\d{1,3}[a-z]?\s*(?:[|│.]|[—–-](?=\s)))\s*(?=\S)", re.I
)


_HEAD = "FILTER: "


def _box_text(block: Block) -> str:
    """A paragraph's words, or a shaded box's (a table of one cell)."""
    if block.kind == "paragraph":
        return block.text
    if block.kind == "table" and len(block.rows) == 1 and len(block.rows[0]) == 1:
        return block.rows[0][0].text
    return ""


def _is_numbered_filter(block: Block) -> bool:
    text = _box_text(block)
    return _LABEL_RE.match(text) is not None and not text.rstrip().endswith("?")


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
        text = _box_text(block)
        match = _LABEL_RE.match(text) if _is_numbered_filter(block) else None
        if match is None:
            out.append(block)
            continue
        if block.kind == "table":
            cell = block.rows[0][0]
            cell = replace(
                cell, text=_relabelled(text, match), runs=_relabelled_runs(cell.runs, text, match)
            )
            out.append(replace(block, text=cell.text, rows=((cell,),)))
            continue
        out.append(
            replace(
                block,
                text=_relabelled(text, match),
                runs=_relabelled_runs(block.runs, text, match),
            )
        )
    return out


def _relabelled(text: str, match: re.Match[str]) -> str:
    return _HEAD + text[match.end() :]


def _relabelled_runs(runs: tuple[Run, ...], text: str, match: re.Match[str]) -> tuple[Run, ...]:
    if "".join(r.text for r in runs) == text:
        return _runs(runs, match.end(), _HEAD)
    return (Run(text=_relabelled(text, match)),) if runs else runs
