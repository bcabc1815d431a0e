"""One text rewrite applied to a block's words wherever they are kept: its text, its formatting
runs and its table cells (text and runs), so that every reader after it sees the same words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from fielder.documents.model import Block, Cell, Run


def _runs(runs: tuple[Run, ...], rewrite: Callable[[str], str]) -> tuple[Run, ...]:
    return tuple(r if (new := rewrite(r.text)) == r.text else replace(r, text=new) for r in runs)


def _cell(cell: Cell, rewrite: Callable[[str], str]) -> Cell:
    text = rewrite(cell.text)
    if text == cell.text:
        return cell
    return replace(cell, text=text, runs=_runs(cell.runs, rewrite))


def rewrite_block(block: Block, rewrite: Callable[[str], str]) -> Block:
    """`block` with `rewrite` applied to its text, runs and cells (the same object if no change)."""
    text = rewrite(block.text)
    rows = tuple(tuple(_cell(cell, rewrite) for cell in row) for row in block.rows)
    if text == block.text and rows == block.rows:
        return block
    return replace(block, text=text, runs=_runs(block.runs, rewrite), rows=rows)
