"""Tick boxes drawn as little squares: the `☐` a printed form shows but its text layer lacks.

Form software draws a tick box as a small stroked square beside (or under) each answer, so
the answers come out of the text layer as bare words, and a grid's rows as labels with
nothing to tick. Each such square is given back as a `☐` word in its place. A square is a
tick box when it is a lone small rectangle outline with no word inside it (a number in a black
square is a label) and no square touching it (a row of touching squares is for digits).
"""

from __future__ import annotations

import ctypes
from collections.abc import Sequence
from typing import Any

import pypdfium2.raw as pdfium_c

from fielder.documents.readers.pdf_columns import Box

#: a tick box's side in points
SMALLEST, LARGEST = 5.0, 18.0
#: a page drawing more squares than this is a chart or a pattern, not a form
MOST = 400
#: squares closer than this (points) touch: digit boxes, not tick boxes
TOUCHING = 2.0


Square = tuple[float, float, float, float]  # x0, x1, top, bottom from the visible top left


def drawn_boxes(page: Any, origin: tuple[float, float], words: Sequence[Box]) -> list[Square]:
    """The page's tick boxes drawn as squares, top-down coordinates from `origin`."""
    left, top = origin
    squares: list[Square] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        x0, bottom, x1, upper = obj.get_bounds()
        width, height = x1 - x0, upper - bottom
        if not (SMALLEST <= width <= LARGEST and abs(width - height) <= 1.5):
            continue
        if outline_rectangle(obj):
            squares.append((x0 - left, x1 - left, top - upper, top - bottom))
            if len(squares) > MOST:
                return []
    if not squares:
        return []
    centres: dict[int, list[tuple[float, float]]] = {}
    for word in words:  # word middles by 10-point stripe, so each square looks at a few
        middle = ((word.x0 + word.x1) / 2, (word.top + word.bottom) / 2)
        centres.setdefault(int(middle[1] // 10), []).append(middle)
    return [s for s in squares if not _touches(s, squares) and not _holds_word(s, centres)]


def outline_rectangle(obj: Any) -> bool:
    """A path of four sides (and its closing), stroked and not filled."""
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    segments = pdfium_c.FPDFPath_CountSegments(obj.raw)
    return bool(stroke.value) and not fill.value and segments in (4, 5)


def _touches(square: Square, squares: list[Square]) -> bool:
    x0, x1, top, bottom = square
    return any(
        other is not square
        and other[2] < bottom
        and top < other[3]
        and (abs(other[0] - x1) <= TOUCHING or abs(x0 - other[1]) <= TOUCHING)
        for other in squares
    )


def _holds_word(square: Square, centres: dict[int, list[tuple[float, float]]]) -> bool:
    x0, x1, top, bottom = square
    stripes = range(int(top // 10), int(bottom // 10) + 1)
    return any(
        x0 <= x <= x1 and top <= y <= bottom
        for stripe in stripes
        for x, y in centres.get(stripe, ())
    )
