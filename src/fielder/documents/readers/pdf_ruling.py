"""Whether a page's ruling can hold a table that pdfplumber would find and the reader keep.

pdfplumber parses the whole page in Python before it looks for tables (about half a second a
page), so the reader asks first. The page's straight line segments are read with PDFium and
put through pdfplumber's own table steps (edges merged, intersections, cells, tables, with its
default tolerances); a page is worth parsing when one of the tables found has words in two or
more rows and two or more columns of cells. Anything this check cannot read exactly (curves,
drawings inside form objects) makes it answer yes, so it only ever spares pages pdfplumber
would have found no table on.
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import Any

import pypdfium2.raw as pdfium_c
from pdfplumber.table import (
    DEFAULT_JOIN_TOLERANCE,
    DEFAULT_SNAP_TOLERANCE,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils.geometry import filter_edges

from fielder.documents.readers.pdf_columns import Box

#: pdfplumber's default settings: shorter edges are dropped before and after merging
EDGE_MIN_LENGTH_PREFILTER = 1
EDGE_MIN_LENGTH = 3
INTERSECTION_TOLERANCE = 3
#: a segment this close to level (or upright) counts as horizontal (vertical)
STRAIGHT = 0.5


class _Unsure(Exception):
    """The drawing holds something this check does not read exactly."""


def may_hold_table(page: Any, words: Sequence[Box], origin: tuple[float, float]) -> bool:
    """Whether pdfplumber could find a table with text in two rows and two columns on this
    PDFium page; `words` and `origin` (the visible page's top left corner) place the text."""
    try:
        edges = _edges(page, origin)
    except _Unsure:
        return True
    edges = filter_edges(edges, min_length=EDGE_MIN_LENGTH_PREFILTER)
    edges = merge_edges(
        edges,
        snap_x_tolerance=DEFAULT_SNAP_TOLERANCE,
        snap_y_tolerance=DEFAULT_SNAP_TOLERANCE,
        join_x_tolerance=DEFAULT_JOIN_TOLERANCE,
        join_y_tolerance=DEFAULT_JOIN_TOLERANCE,
    )
    edges = filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    intersections = edges_to_intersections(edges, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    for cells in cells_to_tables(intersections_to_cells(intersections)):
        filled = [cell for cell in cells if any(_touches(word, cell) for word in words)]
        if len({cell[1] for cell in filled}) >= 2 and len({cell[0] for cell in filled}) >= 2:
            return True
    return False


def _touches(word: Box, cell: tuple[float, float, float, float]) -> bool:
    """Any overlap at all (pdfplumber asks for a character's middle inside the cell: a word
    that overlaps may hold one)."""
    x0, top, x1, bottom = cell
    return word.x0 < x1 and word.x1 > x0 and word.top < bottom and word.bottom > top


def _edges(page: Any, origin: tuple[float, float]) -> list[dict[str, Any]]:
    """The page's horizontal and vertical line segments as pdfplumber edges."""
    left, top = origin
    edges: list[dict[str, Any]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        if obj.level > 0:
            raise _Unsure  # a form object's paths are placed by the form's own matrix
        matrix = obj.get_matrix()
        start: tuple[float, float] | None = None
        previous: tuple[float, float] | None = None
        for index in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                raise _Unsure
            pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = matrix.on_point(x.value, y.value)
            point = (point[0] - left, top - point[1])
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or previous is None:
                start = point
            else:
                _add_edge(edges, previous, point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                _add_edge(edges, point, start)
            previous = point
    return edges


def _add_edge(edges: list[dict[str, Any]], a: tuple[float, float], b: tuple[float, float]) -> None:
    x0, x1 = sorted((a[0], b[0]))
    top, bottom = sorted((a[1], b[1]))
    if bottom - top <= STRAIGHT:
        middle = (top + bottom) / 2
        top = bottom = middle
        orientation = "h"
    elif x1 - x0 <= STRAIGHT:
        middle = (x0 + x1) / 2
        x0 = x1 = middle
        orientation = "v"
    else:
        return  # slanted: pdfplumber makes no edge of it either
    edges.append(
        {
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "width": x1 - x0,
            "height": bottom - top,
            "orientation": orientation,
            "object_type": "line",
        }
    )
