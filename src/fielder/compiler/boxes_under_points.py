"""A row of tick boxes printed under a row of scale points: `0 1 2 … 10` over `☐ ☐ … ☐`.

The boxes say only where to tick each point, so the line of boxes adds no answers: it is left
out, and the points (with the end words under them) are the scale, as when no boxes are
printed. Only a line of boxes alone, one box for each number above it, is left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.options import BOXES
from fielder.documents.model import Block, Document

_POINTS_RE = re.compile(r"^-?\d{1,2}(?:\s+-?\d{1,2}){2,}$")
_ONLY_BOXES_RE = re.compile(rf"^[{BOXES}](?:\s+[{BOXES}])+$")


def drop_boxes_under_points(document: Document) -> Document:
    """The document without box lines that stand under a line of as many point numbers."""
    blocks: list[Block] = []
    for block in document.blocks:
        above = blocks[-1] if blocks else None
        if above is not None and _boxes_of(above.text.strip(), block.text.strip()):
            continue
        blocks.append(block)
    return document if len(blocks) == len(document.blocks) else replace(document, blocks=blocks)


def _boxes_of(points: str, boxes: str) -> bool:
    return (
        bool(_ONLY_BOXES_RE.match(boxes))
        and bool(_POINTS_RE.match(points))
        and len(points.split()) == len(boxes.split())
    )
