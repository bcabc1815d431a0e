"""A response key printed once over tables of items whose answers are numbers to circle.

A ministry form rates items in ruled tables (`Item | Circle` over `a. The signs are clear. |
1 2 3 4 5`) and prints the meaning of the numbers once, in a key row over the first table
(`Scale (for B1 and C1): 1 = Very dissatisfied 2 = Dissatisfied … 5 = Very satisfied`). The
key names the columns of that table and of the circle tables after it, until another key.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_PAIR_RE = re.compile(r"(?P<code>\d{1,2})\s*=\s*(?P<label>[^=]*?\S)(?=\s+\d{1,2}\s*=|\s*$)")
_POINTS_RE = re.compile(r"^\d{1,2}(?:\s+\d{1,2}){2,10}$")


def _key(row: tuple[str, ...]) -> dict[str, str] | None:
    """A row with one cell that spells out three or more points (`1 = Poor 2 = Fair …`)."""
    cells = [c for c in row if c.strip()]
    if len(cells) != 1:
        return None
    text = cells[0].split(":", 1)[-1] if ":" in cells[0] else cells[0]
    pairs = _PAIR_RE.findall(text)
    return dict(pairs) if len(pairs) >= 3 else None


def _rekeyed(
    rows: tuple[tuple[str, ...], ...], key: dict[str, str]
) -> tuple[tuple[str, ...], ...] | None:
    """The table with the key's words as its columns and each item's points in cells."""
    items = [r for r in rows if len(r) >= 2 and _POINTS_RE.match(r[-1].strip())]
    if len(items) < 2:
        return None
    points = items[0][-1].split()
    if any(r[-1].split() != points for r in items) or any(p not in key for p in points):
        return None
    out: list[tuple[str, ...]] = [("", *(key[p] for p in points))]
    out.extend((r[0], *points) for r in items)
    return tuple(out)


def circled_key_lines(lines: list[Line]) -> list[Line]:
    """The lines with circle tables given the columns of the key printed over them."""
    key: dict[str, str] | None = None
    out: list[Line] = []
    for line in lines:
        if line.kind == "table" and line.rows:
            found = _key(line.rows[0])
            key = found or key
            rows = line.rows[1:] if found else line.rows
            rekeyed = _rekeyed(rows, key) if key else None
            if rekeyed is not None:
                line = replace(line, rows=rekeyed)
        out.append(line)
    return out
