"""Tables printed side by side to save paper: `Item | Yes | No | Item | Yes | No`.

A header whose columns repeat as a group means a long table was folded into two (or more)
halves across the page; reading it as one table needs the halves one under the other.
"""

from __future__ import annotations

from dataclasses import replace

from fielder.documents.model import Block, Cell


def _period(header: list[str]) -> int | None:
    """The width of the repeated column group, or None when the header does not repeat."""
    width = len(header)
    for size in range(2, width // 2 + 1):
        if width % size or not all(header[:size]):
            continue  # every column of the group has its heading (a title row is no header)
        # the item column of a later half may be left without its heading
        if all(
            header[i] in (header[i % size], "" if i % size == 0 else None) for i in range(width)
        ):
            return size
    return None


def unfold(block: Block) -> Block:
    """The table with side-by-side halves stacked: header once, then every half's rows."""
    if len(block.rows) < 2:
        return block
    header = [" ".join(c.text.split()).lower() for c in block.rows[0]]
    size = _period(header)
    if size is None:
        return block
    rows: list[tuple[Cell, ...]] = [block.rows[0][:size]]
    for start in range(0, len(header), size):
        for row in block.rows[1:]:
            part = row[start : start + size]
            if any(c.text.strip() for c in part):
                rows.append(tuple(part))
    return replace(block, rows=tuple(rows))
