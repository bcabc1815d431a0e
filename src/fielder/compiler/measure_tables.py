"""An instrument's items in one table, under a response key printed once above it:

    Response key:  0 = Not at all    1 = A little bit    …    4 = Very much
    | No.  | During the past week …    | 0 | 1 | 2 | 3 | 4 | Key |
    | ABC1 | I felt full of energy     | 0 | 1 | 2 | 3 | 4 | +   |
    | ABC2 | I found it hard to relax  | 0 | 1 | 2 | 3 | 4 | −   |

Validated scales (patient-reported outcomes, psychometric batteries) number their items after
the instrument's short name and repeat the points to circle on every row; a last column of
`+` / `−` marks the scoring direction for the study team and is not shown. The table is one
grid: the items are its rows, the points its columns, named by the key where it gives words.
It is written out as the plain `Columns:` / `Rows:` layout the other rules read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.titled_grids import titled_grid_document
from fielder.documents.model import Block, Document, Run

_ITEM_RE = re.compile(r"^(?P<prefix>[A-Z]{1,6}[-_.]?)(?P<n>\d{1,3})[.)]?$")
_POINT_RE = re.compile(r"^-?\d{1,3}$")
_SIGN_RE = re.compile(r"^(?:[+−–-]|R|\(R\))?$")
# "Response key:  0 = Not at all    1 = A little bit": a point, an equals sign, its words
_KEY_HEAD_RE = re.compile(r"^(?:response\s+)?(?:key|scale|options|answers)\s*:\s*", re.I)
_KEY_PAIR_RE = re.compile(
    r"(?P<code>-?\d{1,3})\s*[=:]\s*(?P<words>[^\W\d_][^=]*?)(?=\s+-?\d{1,3}\s*[=:]|$)"
)


def measure_table_document(document: Document) -> Document:
    """The document with each instrument item table written out as one grid's columns and
    rows (the response key just above it naming the columns), and each grid table titled by
    its question (`titled_grids`)."""
    document = titled_grid_document(document)
    blocks = document.blocks
    if not any(b.kind == "table" and _points(b) for b in blocks):
        return document
    out: list[Block] = []
    for block in blocks:
        points = _points(block) if block.kind == "table" else None
        if not points:
            out.append(block)
            continue
        key = _key(out[-1]) if out else None
        if key is not None:
            out.pop()
        out.extend(_written_out(block, points, key or {}))
    return replace(document, blocks=out)


def _texts(row: tuple[object, ...]) -> list[str]:
    return [" ".join(getattr(c, "text", "").split()) for c in row]


def _points(block: Block) -> list[str] | None:
    """The points every item row repeats, for a table of three or more items numbered in a
    run after one short name, each with its words."""
    rows = [_texts(r) for r in block.rows]
    items = [r for r in rows if r and _ITEM_RE.match(r[0])]
    if len(items) < 3 or len(items) < len(rows) - 1 or len(items[0]) < 5:
        return None
    found = [_ITEM_RE.match(r[0]) for r in items]
    prefixes = {m["prefix"] for m in found if m}
    numbers = [int(m["n"]) for m in found if m]
    if len(prefixes) != 1 or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return None
    cells = items[0][2:]
    if cells and _SIGN_RE.match(cells[-1]) and all(_SIGN_RE.match(r[-1]) for r in items):
        cells = cells[:-1]  # the scoring direction, for the study team
    if len(cells) < 2 or not all(_POINT_RE.match(c) for c in cells):
        return None
    if not all(r[1] and r[2 : 2 + len(cells)] == cells for r in items):
        return None
    return cells


def _key(block: Block) -> dict[str, str] | None:
    """ "Response key: 0 = Not at all  1 = …" in a box or a paragraph: each point's words."""
    if block.kind == "table":
        if len(block.rows) != 1 or len([c for c in block.rows[0] if c.text.strip()]) != 1:
            return None
        text = " ".join(c.text for c in block.rows[0])
    else:
        text = block.text
    head = _KEY_HEAD_RE.match(text.strip())
    if head is None:
        return None
    pairs = {
        m["code"]: m["words"].strip()
        for m in _KEY_PAIR_RE.finditer(" ".join(text.strip()[head.end() :].split()))
    }
    return pairs if len(pairs) >= 2 else None


def _written_out(block: Block, points: list[str], key: dict[str, str]) -> list[Block]:
    texts = ["Columns:"]
    texts += [f"{key.get(point, point)}\t{point}" for point in points]
    texts += ["Rows:"]
    texts += [f"• {r[1]}" for r in (_texts(row) for row in block.rows) if _ITEM_RE.match(r[0])]
    return [
        Block(
            kind="paragraph",
            text=text,
            runs=(Run(text),),
            page=block.page,
            start=block.start,
            end=block.end,
        )
        for text in texts
    ]
