"""What every reader shares: a builder that turns drafted blocks into a `Document`.

Readers draft blocks without offsets; `DocumentBuilder.build` joins the block texts with
"\\n" into `Document.text` and fills in every block's and every cell's start/end so that
`document.text[block.start:block.end] == block.text` always holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from fielder.documents.model import Block, BlockKind, Cell, Document, Run

_STRIP = " \t\r\n\u00a0\u200b\ufeff"


def run_format(run: Run) -> tuple[bool, bool, bool, bool, str | None, str | None, bool]:
    """A run's formatting, in the order of Run's fields after `text`."""
    return (run.bold, run.italic, run.underline, run.caps, run.color, run.highlight, run.code)


def merge_runs(runs: Iterable[Run]) -> tuple[Run, ...]:
    """Join neighbouring runs that share one formatting; drop empty runs."""
    merged: list[Run] = []
    texts: list[str] = []
    current: tuple[bool, bool, bool, bool, str | None, str | None, bool] | None = None
    for run in runs:
        if not run.text:
            continue
        key = run_format(run)
        if key != current:
            if current is not None:
                merged.append(Run("".join(texts), *current))
            current, texts = key, []
        texts.append(run.text)
    if current is not None:
        merged.append(Run("".join(texts), *current))
    return tuple(merged)


def trim_runs(runs: Sequence[Run]) -> tuple[Run, ...]:
    """Strip leading and trailing whitespace from a paragraph's runs (inner tabs stay)."""
    items = list(merge_runs(runs))
    while items and not items[0].text.lstrip(_STRIP):
        items.pop(0)
    while items and not items[-1].text.rstrip(_STRIP):
        items.pop()
    if items:
        items[0] = replace(items[0], text=items[0].text.lstrip(_STRIP))
        items[-1] = replace(items[-1], text=items[-1].text.rstrip(_STRIP))
    return tuple(items)


def runs_text(runs: Iterable[Run]) -> str:
    """The text of runs joined."""
    return "".join(run.text for run in runs)


def make_cell(runs: Sequence[Run]) -> Cell:
    """A table cell from its runs, trimmed (a cell's paragraphs stay on their own lines)."""
    trimmed = trim_runs([replace(r, text=r.text.replace("\r", "")) for r in runs])
    return Cell(text=runs_text(trimmed), runs=trimmed)


def text_cell(text: str) -> Cell:
    """A table cell from plain text."""
    return make_cell([Run(text)])


@dataclass(slots=True)
class DocumentBuilder:
    """Collects blocks in reading order, then builds the `Document` with offsets."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    page: int | None = None

    def add_runs(
        self,
        kind: BlockKind,
        runs: Sequence[Run],
        *,
        level: int = 0,
        numbering: str | None = None,
        style: str | None = None,
        indent: float | None = None,
    ) -> Block | None:
        """Add a text block from its runs (trimmed); empty blocks are skipped, None is returned."""
        trimmed = trim_runs(runs)
        text = runs_text(trimmed)
        if not text and not numbering:
            return None
        block = Block(
            kind=kind,
            text=text,
            runs=trimmed,
            level=level,
            numbering=numbering,
            style=style,
            page=self.page,
            indent=indent,
        )
        self.blocks.append(block)
        return block

    def add_text(self, kind: BlockKind, text: str, **kwargs: object) -> Block | None:
        """Add a block of plain unformatted text."""
        return self.add_runs(kind, [Run(text)], **kwargs)  # type: ignore[arg-type]

    def add_table(
        self, rows: Sequence[Sequence[Cell]], *, style: str | None = None
    ) -> Block | None:
        """Add a table block; rows that are entirely empty are dropped."""
        kept = tuple(tuple(row) for row in rows if any(cell.text for cell in row))
        if not kept:
            return None
        block = Block(kind="table", rows=kept, style=style, page=self.page)
        self.blocks.append(block)
        return block

    def add_page_break(self) -> None:
        """Add a page break and move on to the next page."""
        self.blocks.append(Block(kind="page_break", page=self.page))
        if self.page is not None:
            self.page += 1

    def build(self, name: str, media_type: str, page_count: int | None = None) -> Document:
        """The finished `Document`: texts joined by newlines, offsets filled in."""
        placed: list[Block] = []
        parts: list[str] = []
        pos = 0
        for block in _drop_edge_breaks(self.blocks):
            placed_block = _place(block, pos)
            placed.append(placed_block)
            parts.append(placed_block.text)
            pos = placed_block.end + 1
        return Document(
            name=name,
            media_type=media_type,
            blocks=placed,
            text="\n".join(parts),
            page_count=page_count,
            notes=list(self.notes),
        )


def _drop_edge_breaks(blocks: list[Block]) -> list[Block]:
    """Page breaks at the very start or end, or doubled, say nothing: drop them."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "page_break" and (not out or out[-1].kind == "page_break"):
            continue
        out.append(block)
    while out and out[-1].kind == "page_break":
        out.pop()
    return out


def _place(block: Block, start: int) -> Block:
    """Give a block (and a table's cells) offsets, given where its text starts."""
    if block.kind != "table":
        return replace(block, start=start, end=start + len(block.text))
    rows: list[tuple[Cell, ...]] = []
    lines: list[str] = []
    pos = start
    for row in block.rows:
        cells: list[Cell] = []
        for cell in row:
            cells.append(replace(cell, start=pos, end=pos + len(cell.text)))
            pos += len(cell.text) + 1  # the tab or newline after the cell
        rows.append(tuple(cells))
        lines.append("\t".join(cell.text for cell in row))
    text = "\n".join(lines)
    return replace(block, text=text, rows=tuple(rows), start=start, end=start + len(text))
