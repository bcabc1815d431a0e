"""Answer fields drawn as empty boxes: the write-in a form-builder's printout shows.

Form builders print a short-answer or comment field as an empty outlined rectangle beside or
under its label, so the text layer holds the label alone and the field is lost: "Company
name" reads as a heading, not a question. Each such box is given back as a `________` blank
where it stands. A box is an answer field when it is a lone outline (no rectangle touching
it, as a table's cells touch) wider than a tick box, no taller than a comment area, with no
word inside, and with its bold label to its left, level with its first line.
"""

from __future__ import annotations

from collections.abc import Sequence

import pypdfium2.raw as pdfium_c

from fielder.documents.readers.pdf_boxes import Square, outline_rectangle
from fielder.documents.readers.pdf_columns import Box

#: an answer field's width and height in points
NARROWEST, LOWEST, HIGHEST = 40.0, 12.0, 120.0
#: a box at least this tall (points) holds several lines of writing
TALL = 36.0
#: a page drawing more such boxes than this is a chart or a pattern, not a form
MOST = 60
#: boxes closer than this (points) touch: a table's cells
TOUCHING = 2.0


def drawn_fields(page: object, origin: tuple[float, float], words: Sequence[Box]) -> list[Square]:
    """The page's empty answer fields, top-down coordinates from `origin`."""
    left, top = origin
    boxes: list[Square] = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):  # type: ignore[attr-defined]
        x0, bottom, x1, upper = obj.get_bounds()
        width, height = x1 - x0, upper - bottom
        if width < NARROWEST or not LOWEST <= height <= HIGHEST or width < height:
            continue
        if outline_rectangle(obj):
            boxes.append((x0 - left, x1 - left, top - upper, top - bottom))
            if len(boxes) > MOST:
                return []
    return [
        b
        for b in boxes
        if not _near_other(b, boxes) and not _holds_any(b, words) and _labelled_beside(b, words)
    ]


def field_lines(page: object, origin: tuple[float, float], words: Sequence[Box]) -> list[Square]:
    """Where a blank goes for each field: one for a one-line box, two (one above the other) for
    a box tall enough to write several lines in, as a comment area prints."""
    lines: list[Square] = []
    for x0, x1, top, bottom in drawn_fields(page, origin, words):
        if bottom - top < TALL:
            lines.append((x0, x1, top, bottom))
            continue
        middle = (top + bottom) / 2
        lines += [(x0, x1, top, middle - 1), (x0, x1, middle + 1, bottom)]
    return lines


def _near_other(box: Square, boxes: list[Square]) -> bool:
    x0, x1, top, bottom = box
    return any(
        other is not box
        and other[2] < bottom + TOUCHING
        and top - TOUCHING < other[3]
        and other[0] < x1 + TOUCHING
        and x0 - TOUCHING < other[1]
        for other in boxes
    )


def _labelled_beside(box: Square, words: Sequence[Box]) -> bool:
    """A bold word to the box's left, level with its first line: the field's label in the left
    column (a box under its question, as a comment area on paper, is left as drawn)."""
    x0, _, top, _ = box
    first_line = top + LOWEST + 8.0
    return any(
        w.x1 <= x0 and top - 2.0 <= (w.top + w.bottom) / 2 <= first_line and _bold(w) for w in words
    )


def _bold(word: Box) -> bool:
    """Form builders set a field's label in bold; a plain caption beside a box is its hint."""
    run = getattr(word, "run", None)
    return bool(run is not None and run.bold)


def _holds_any(box: Square, words: Sequence[Box]) -> bool:
    x0, x1, top, bottom = box
    return any(
        x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom for w in words
    )
