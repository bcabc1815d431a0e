"""Panels of a folded card or leaflet: a printed rule down the page between them.

A comment card or a tri-fold leaflet is set as panels side by side, with a (often dashed)
fold or cut line drawn down the page between them. Each panel is read through before the
next, even where their lines sit level (which the blank-gutter cut of `pdf_columns` reads as
rows of one table). The rule must run down most of the page, clear of its edges, with no word
crossing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pypdfium2.raw as pdfium_c

from fielder.documents.readers.pdf_columns import Box, Region, reading_regions

#: a fold line runs down at least this share of the page's height
FOLD_SHARE = 0.6
#: and sits at least this share of the page's width from either edge
EDGE_SHARE = 0.2
#: a rule is no wider than this (points); dashes of one rule sit within it of each other
THIN = 3.0


def fold_lines(page: Any, left: float) -> list[float]:
    """Where (x, from the visible left edge) the page's fold or cut lines run, left to right."""
    width, height = float(page.get_width()), float(page.get_height())
    spans: dict[int, list[tuple[float, float]]] = {}
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        x0, bottom, x1, top = obj.get_bounds()
        if x1 - x0 < THIN and top - bottom > 0:
            spans.setdefault(round((x0 + x1) / 2 / THIN), []).append((bottom, top))
    found = []
    for key, parts in spans.items():
        x = key * THIN
        if EDGE_SHARE * width < x < (1 - EDGE_SHARE) * width and (
            _covered(parts) >= FOLD_SHARE * height
        ):
            found.append(x - left)
    return sorted(found)


def _covered(parts: list[tuple[float, float]]) -> float:
    """How much height the dashes cover, counting the small gaps between dashes as covered."""
    ordered = sorted(parts)
    total = 0.0
    start, end = ordered[0]
    for low, high in ordered[1:]:
        if low - end > 20:  # a gap wider than a dash pattern's: a new stretch
            total += end - start
            start = low
        end = max(end, high)
    return total + end - start


def panel_regions(boxes: Sequence[Box], folds: list[float], text: Any) -> list[Region]:
    """The page's regions in reading order, panel by panel when fold lines divide it (no box
    crossing a fold); otherwise `reading_regions` of the whole page."""
    folds = [x for x in folds if not any(b.x0 < x < b.x1 for b in boxes)]
    if not folds:
        return reading_regions(boxes, text)
    regions: list[Region] = []
    edges = [float("-inf"), *folds, float("inf")]
    for low, high in zip(edges, edges[1:], strict=False):
        panel = [b for b in boxes if low <= (b.x0 + b.x1) / 2 < high]
        for region in reading_regions(panel, text):
            right = region.right if region.right is not None or high == float("inf") else high
            regions.append(Region(region.boxes, right))
    return regions
