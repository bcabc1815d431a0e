"""A form laid out in tables: the ask in a label cell, the place to answer in the cell beside.

Clinic, registration and application forms (HTML pages printed for the front desk, Word forms)
put each section in a table: a band row across the top (`1. Patient information`), then one
row a question — a shaded label cell beside its answer cell, which holds tick boxes (`☐ Yes
☐ No`, one per line or across), a line to write on (`______`, `( ___ ) ___ - ____`, a date
mask), a line with a unit (`____ drinks per week`) or nothing (a box to write in). A row
across the table under a question is a note on it (`(if yes, please explain) ____`). Each such
table is written out as the paragraphs a plain form would have: the band as a section heading
without its number, each label as a bold question line with its answers under it.

A banded table of other shapes keeps its body: its band is the heading and the rows across
the table over the body are the question's words (a grid's ask over its column heads); a
band over one row of column heads and nothing to tick (a medicines list to fill in) is one
question to write in, the band its words. Signature rows and office-use tables are no
questions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.abbreviated_fields import abbreviated_field_document
from fielder.compiler.answer_write_ins import answer_write_in_document
from fielder.compiler.boxes_under_points import drop_boxes_under_points
from fielder.compiler.options import BOXES
from fielder.documents.model import Block, Cell, Document, Run

_BAND_NUMBER_RE = re.compile(r"^(?:section\s+)?\d{1,2}[.)]?\s+(?=\S)", re.I)
# a cell to write in: blanks with their punctuation ("( ___ ) ___ - ____", "__ / __ / ____")
_WRITE_IN_RE = re.compile(r"^[\s_()/.:\-–|]*_{2,}[\s_()/.:\-–|]*$")
# a date's format printed with the blanks: "(MM/DD/YYYY)", "DD / MM / YYYY"
_DATE_FORMAT_RE = re.compile(
    r"\(?\s*(?:[DMYJ]{1,4}\s*[/.-]\s*){2}[DMYJ]{2,4}\s*\)?|\(?\s*(?:[DMY]{1,4}\s*[/.-]\s*)"
    r"[DMY]{2,4}\s*\)?",
    re.I,
)
_BLANK_WITH_UNIT_RE = re.compile(r"^_{3,}\s*[^\W\d_][\w ]{0,30}$|^[$€£]\s*_{3,}[\s_.,0-9]*$")
_SIGNATURE_RE = re.compile(r"\b(?:signature|signed|sign\s+here)\b", re.I)
_OFFICE_RE = re.compile(
    r"\b(?:for\s+)?(?:office|staff|clinic|official|site)\s+use(?:\s+only)?\b|"
    r"^\W{0,3}for\s+(?:site|study|office|clinic)\s+staff\b",  # "FOR SITE STAFF": their box
    re.I,
)
_MAX_LABEL_WORDS = 30


def answer_cell_document(document: Document) -> Document:
    """The document with its banded and label-beside-answer form tables written out (and
    each answer's write-in line under the boxes put on its answer, `answer_write_ins`, and
    fields named with an abbreviation given their colon, `abbreviated_fields`, and a line
    of boxes under a line of points left out, `boxes_under_points`)."""
    document = drop_boxes_under_points(abbreviated_field_document(document))
    if not any(_is_form_section(b) for b in document.blocks if b.kind == "table"):
        return answer_write_in_document(document)
    blocks: list[Block] = []
    for block in document.blocks:
        if block.kind == "table" and _is_form_section(block):
            blocks.extend(_section_blocks(block))
        else:
            blocks.append(block)
    return answer_write_in_document(replace(document, blocks=blocks))


def _texts(row: tuple[Cell, ...]) -> list[str]:
    return [" ".join(c.text.split()) for c in row]


def _across(row: tuple[Cell, ...]) -> bool:
    """A row whose only words are in its first cell (a band or a note across the table)."""
    texts = _texts(row)
    return bool(texts[0]) and not any(texts[1:])


def _is_answer(text: str) -> bool:
    """An answer cell: tick boxes, a line to write on (with a unit or a date format) or
    nothing."""
    if not text.strip():
        return True
    if any(box in text for box in BOXES):
        # "☐ Yes ☐ No": answers; a lone box is the tick box of the label beside it
        return any(ch.isalnum() for ch in text)
    entry = _DATE_FORMAT_RE.sub(" ", text)
    return bool(_WRITE_IN_RE.match(entry) or _BLANK_WITH_UNIT_RE.match(text.strip()))


def _is_label(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and text[:1].isalpha() and "_" not in text


def _field_row(row: tuple[Cell, ...]) -> bool:
    texts = _texts(row)
    return len(row) == 2 and _is_label(texts[0]) and _is_answer(row[1].text)


def _is_form_section(block: Block) -> bool:
    """Two columns of labels beside answer cells (two rows or more answered with boxes or
    lines), a band over a body with the ask across it, a band over a roster, or an office-use
    table."""
    rows = block.rows
    if rows and _is_office(block):
        return True  # a staff box of one row too
    if len(rows) < 2 or len(rows[0]) < 2:
        return False
    if _is_office(block) or _signed(rows):
        return True
    if _two_columns(rows) and sum(bool(r[1].text.strip()) for r in rows if _field_row(r)) >= 2:
        return True
    if not _is_band(rows[0]):
        return False
    return _across(rows[1]) or _roster(list(rows[1:]))


def _two_columns(rows: tuple[tuple[Cell, ...], ...] | list[tuple[Cell, ...]]) -> bool:
    return all(len(r) == 2 and (_field_row(r) or _across(r)) for r in rows)


def _is_band(row: tuple[Cell, ...]) -> bool:
    """A title across the table's top: a few words, no question, no question label."""
    text = _texts(row)[0]
    return (
        _across(row)
        and len(text.split()) <= 12
        and "?" not in text
        and not re.match(r"^[A-Z]{1,4}[-_.]?\d", text)
        and not text.endswith(":")
    )


def _signed(rows: tuple[tuple[Cell, ...], ...]) -> bool:
    """A sign-off: a signature row, and no tick boxes."""
    return any(_SIGNATURE_RE.search(_texts(r)[0]) for r in rows) and not any(
        box in c.text for r in rows for c in r for box in BOXES
    )


def _is_office(block: Block) -> bool:
    first = _texts(block.rows[0])
    return bool(_OFFICE_RE.search(" ".join(first))) and not any("?" in t for t in first)


def _section_blocks(block: Block) -> list[Block]:
    if _is_office(block) or _signed(block.rows):
        return []
    rows = list(block.rows)
    out: list[Block] = []
    if _is_band(rows[0]) and not (_two_columns(rows) and _field_row(rows[0])):
        title = _BAND_NUMBER_RE.sub("", _texts(rows[0])[0])
        rows = rows[1:]
        if _roster(rows):  # lines to write the list on: a box for several lines of text
            return [_paragraph(block, title, bold=True), *_lines_to_write_on(block)]
        out.append(_paragraph(block, title, kind="heading"))
    if _two_columns(rows):
        for row in rows:
            out.extend(_row_blocks(block, row))
        return out
    while rows and _across(rows[0]):
        out.append(_paragraph(block, _texts(rows[0])[0], bold=True))  # the ask over the body
        rows = rows[1:]
    if rows:
        out.append(replace(block, rows=tuple(rows)))
    return out


def _roster(rows: list[tuple[Cell, ...]]) -> bool:
    """One row of column heads (`Medication name | Dose | How often?`) and nothing to tick or
    write on: rows to fill in, which the reader has no cells for."""
    if not rows or not all(_texts(rows[0])) or len(rows[0]) < 2:
        return False
    heads = _texts(rows[0])
    return all(not _is_answer(h) and len(h.split()) <= 8 for h in heads) and all(
        _across(r) for r in rows[1:]
    )


def _row_blocks(block: Block, row: tuple[Cell, ...]) -> list[Block]:
    label = _texts(row)[0]
    if _SIGNATURE_RE.search(label):
        return []
    if not _field_row(row):
        return [_paragraph(block, label)]  # a note across the table
    answer = row[1].text.strip()
    if not answer:
        if label.endswith("?") or len(label.split()) > 8:  # an empty box to write in
            return [_paragraph(block, label, bold=True), *_lines_to_write_on(block)]
        return [_paragraph(block, f"{label.rstrip(':')}: ____________", bold=True)]
    if any(box in answer for box in BOXES) or _BLANK_WITH_UNIT_RE.match(answer):
        lines = [" ".join(part.split()) for part in answer.split("\n") if part.strip()]
        return [_paragraph(block, label, bold=True), *(_paragraph(block, t) for t in lines)]
    mask = "__ / __ / ____" if _DATE_FORMAT_RE.search(answer) else "____________"
    return [_paragraph(block, f"{label.rstrip(':')}: {mask}", bold=True)]


def _lines_to_write_on(block: Block) -> list[Block]:
    return [_paragraph(block, "_" * 30), _paragraph(block, "_" * 30)]


def _paragraph(block: Block, text: str, bold: bool = False, kind: str = "paragraph") -> Block:
    return Block(
        kind="heading" if kind == "heading" else "paragraph",
        text=text,
        runs=(Run(text=text, bold=bold or kind == "heading"),),
        level=2 if kind == "heading" else 0,
        page=block.page,
        start=block.start,
        end=block.end,
    )
