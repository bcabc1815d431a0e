"""PDF: text lines in reading order (pypdfium2, fast), wrapped lines joined into paragraphs,
ruled tables as table blocks (pdfplumber's find_tables, only on pages that draw lines; their
text is not repeated outside them), bold and italic from font names and weights, wide gaps
inside a line kept as tabs, and page breaks between pages.

pdfplumber alone interprets every character in Python (about half a second a page); PDFium
extracts the text in C, so a 200-page PDF reads in seconds.
"""

from __future__ import annotations

import ctypes
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pdfplumber

# pypdfium2 (also pdfplumber's own backend) renders text far faster than pdfminer
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from fielder.documents.errors import UnreadableFile
from fielder.documents.model import BlockKind, Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, run_format, text_cell
from fielder.documents.readers.pdf_boxes import drawn_boxes
from fielder.documents.readers.pdf_code_cells import code_list_text, word_lines
from fielder.documents.readers.pdf_columns import Box, rows
from fielder.documents.readers.pdf_fields import field_lines
from fielder.documents.readers.pdf_gutters import gutter_breaks
from fielder.documents.readers.pdf_leader_cells import leader_row
from fielder.documents.readers.pdf_panels import fold_lines, panel_regions
from fielder.documents.readers.pdf_ruling import may_hold_table
from fielder.documents.safety import check_pages

MEDIA_TYPE = "application/pdf"
#: a gap wider than this many font sizes between two words is a column gap (tab)
TAB_GAP = 1.2
SPACE_GAP = 0.12
#: running headers and footers sit within this share of the page height from its edge
RUNNING_MARGIN = 0.1
#: a short paragraph this many times larger than the body text is a heading
HEADING_RATIO = 1.2
#: a page drawing fewer boxes than this (and few lines) has no ruled table to look for
MIN_TABLE_BOXES = 6
#: a font size below this is a 1-point font scaled up by the text matrix (some form software)
MIN_FONT_SIZE = 3.0


@dataclass(slots=True)
class _Line:
    """One text line of a page: its runs and where it sits."""

    runs: list[Run]
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    #: the width of the line's first word: had it fitted on the line above, no wrap happened
    first_word: float = 0.0
    #: where the text starts after a number set apart by a tab ("4<TAB>During your stay…"):
    #: the left edge its wrapped lines hang from, else None
    hang: float | None = None


@dataclass(slots=True)
class _Item:
    """A paragraph (lines joined) or a table, placed on the page by its top."""

    top: float
    lines: list[_Line] = field(default_factory=list)
    rows: list[list[Cell]] | None = None


def read_pdf(data: bytes, name: str) -> Document:
    """Read a PDF with a text layer; scanned, encrypted or damaged PDFs are UnreadableFile."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableFile("the PDF is encrypted (password protected)") from exc
        raise UnreadableFile(f"the PDF is damaged and cannot be opened ({exc})") from exc
    tables = _TableFinder(data)
    try:
        check_pages(len(pdf), "PDF")
        pages = [_read_page(pdf, number, tables) for number in range(1, len(pdf) + 1)]
    finally:
        tables.close()
        pdf.close()
    builder = DocumentBuilder(page=1)
    _drop_running_lines(pages, builder.notes)
    body_size = _body_size(sizes for page in pages for sizes in page.sizes)
    for number, page in enumerate(pages, start=1):
        if number > 1:
            builder.add_page_break()
        builder.page = number
        _add_items(builder, page.items, body_size)
    document = builder.build(name, MEDIA_TYPE, page_count=len(pages))
    if not document.text.strip():
        raise UnreadableFile("scanned PDF: no text layer (run OCR on it first)")
    return document


@dataclass(slots=True)
class _Page:
    """A page's paragraphs and tables in reading order, and its words' font sizes."""

    items: list[_Item]
    sizes: list[float]
    height: float = 842.0


def _add_items(builder: DocumentBuilder, items: list[_Item], body_size: float) -> None:
    for item in items:
        if item.rows is not None:
            builder.add_table(item.rows)
            continue
        runs: list[Run] = []
        for index, line in enumerate(item.lines):
            if index:
                runs.append(_joint(runs[-1] if runs else None, line.runs[0] if line.runs else None))
            runs.extend(line.runs)
        kind, level = _heading(item, body_size)
        builder.add_runs(kind, runs, level=level, indent=round(item.lines[0].x0, 1))


def _joint(before: Run | None, after: Run | None) -> Run:
    """The space where a paragraph wraps: formatted as the words on both sides when they share
    a format, so a red note wrapped over two lines stays one run (one note)."""
    if before is not None and after is not None and run_format(before) == run_format(after):
        return Run(" ", *run_format(before))
    return Run(" ")


def _item_key(item: _Item) -> str:
    """A paragraph's text with digits masked, so "Page 3 of 9" matches "Page 4 of 9"."""
    text = "".join(run.text for line in item.lines for run in line.runs)
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _running_key(page: _Page, position: int) -> str | None:
    """The masked text of a page's first or last paragraph when it sits in the top or bottom
    margin and has words (a question label alone, "Q5", is never a running header)."""
    if not page.items or page.items[position].rows is not None:
        return None
    item = page.items[position]
    margin = RUNNING_MARGIN * page.height
    in_margin = item.top < margin if position == 0 else item.lines[-1].bottom > page.height - margin
    key = _item_key(item)
    words = [word for word in key.split() if sum(c.isalpha() for c in word) >= 2]
    return key if in_margin and len(words) >= 2 and len(key) <= 100 else None


def _drop_running_lines(pages: list[_Page], notes: list[str]) -> None:
    """Drop running headers and footers: the same first or last paragraph, in the page's
    margin, on most pages."""
    if len(pages) < 3:
        return
    for position in (0, -1):
        keys = [_running_key(page, position) for page in pages]
        counts: dict[str, int] = {}
        for key in keys:
            if key is not None:
                counts[key] = counts.get(key, 0) + 1
        running = {key for key, count in counts.items() if count >= max(3, len(pages) // 2)}
        if not running:
            continue
        for page, key in zip(pages, keys, strict=True):
            if key in running:
                page.items.pop(position)
        notes.append("running headers or footers were left out: " + "; ".join(sorted(running)))


class _TableFinder:
    """pdfplumber, opened only when a page may hold a ruled table."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None

    def find(self, number: int, origin: tuple[float, float]) -> list[_TableBox]:
        """The page's ruled tables, placed from `origin` (the visible page's top left corner)."""
        if self._pdf is None:
            try:
                self._pdf = pdfplumber.open(io.BytesIO(self._data))
            except Exception:  # pdfminer fails on some files PDFium reads: no tables then
                self._pdf = False
        if self._pdf is False:
            return []
        page = self._pdf.pages[number - 1]
        try:
            # pdfplumber measures from the media box's top left corner
            media_left, _, _, media_top = (float(v) for v in page.page_obj.mediabox)
            shift_x, shift_y = media_left - origin[0], origin[1] - media_top
            return [
                _TableBox(x0 + shift_x, x1 + shift_x, top + shift_y, bottom + shift_y, rows)
                for (x0, top, x1, bottom), rows in _tables(page)
            ]
        except Exception:  # a damaged drawing breaks pdfminer only: keep the page's text
            return []
        finally:
            page.close()

    def close(self) -> None:
        if self._pdf:
            self._pdf.close()


def _read_page(pdf: Any, number: int, finder: _TableFinder) -> _Page:
    page = pdf[number - 1]
    try:
        height, width = float(page.get_height()), float(page.get_width())
        # positions are measured from the visible page's top left corner
        visible_left, _, _, visible_top = page.get_bbox()
        origin = (float(visible_left), float(visible_top))
        words = _words(page, *origin)
        folds = fold_lines(page, origin[0]) if words else []
        size = sorted(w.size for w in words)[len(words) // 2] if words else 10.0
        words += [_Word(0, 0, *box, size, Run("☐")) for box in drawn_boxes(page, origin, words)]
        words += [
            _Word(0, 0, *line, size, Run("________")) for line in field_lines(page, origin, words)
        ]
        ruled = bool(words) and _may_have_table(page) and may_hold_table(page, words, origin)
    finally:
        page.close()
    placed = finder.find(number, origin) if ruled else []
    if placed:
        words = [word for word in words if not _inside(word, placed)]
    lines = _group_lines(words)
    left = min((line.x0 for line in lines), default=0.0)
    page_right = max(width - left, max((line.x1 for line in lines), default=0.0))
    items: list[_Item] = []
    for region in panel_regions([*words, *placed], folds, _box_text):
        region_words = [box for box in region.boxes if isinstance(box, _Word)]
        # most pages are one region: their lines are the page's, grouped once
        region_lines = lines if len(region_words) == len(words) else _group_lines(region_words)
        # a column set apart from text on its right wraps at the gutter
        right = page_right if region.right is None else region.right
        found = [
            _Item(top=box.top, rows=box.rows) for box in region.boxes if isinstance(box, _TableBox)
        ]
        found.extend(_paragraphs(region_lines, right))
        found.sort(key=lambda item: item.top)
        items.extend(found)
    return _Page(items, [word.size for word in words], height)


@dataclass(slots=True)
class _TableBox:
    """A ruled table where it sits on the page (the words inside it are left out)."""

    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[Cell]]


def _box_text(box: Box) -> str | None:
    return box.run.text if isinstance(box, _Word) else None


def _body_size(sizes: Iterable[float]) -> float:
    """The median font size of the document's words."""
    ordered = sorted(round(size, 1) for size in sizes)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _heading(item: _Item, body_size: float) -> tuple[BlockKind, int]:
    """A short paragraph set clearly larger than the page's body text is a heading."""
    size = max(line.size for line in item.lines)
    length = sum(len(run.text) for line in item.lines for run in line.runs)
    if _on_band(item) and length <= 80:
        return "heading", 2
    if body_size <= 0 or len(item.lines) > 2 or length > 120 or size < HEADING_RATIO * body_size:
        return "paragraph", 0
    return "heading", 1 if size >= 1.5 * body_size else 2


def _on_band(item: _Item) -> bool:
    """A short line set all in bold white: white words only show on a filled band, which is how
    forms print their section bars ("B  Working here"), whatever the font size."""
    runs = [run for line in item.lines for run in line.runs if run.text.strip()]
    return (
        len(item.lines) == 1
        and bool(runs)
        and all(run.bold and (run.color or "").upper() in {"#FFFFFF", "FFFFFF"} for run in runs)
    )


def _may_have_table(page: Any) -> bool:
    """Whether the page draws enough lines or boxes to form a ruled table (checked with
    PDFium, so that pdfplumber's slow page parsing runs only where a table may be)."""
    horizontal = vertical = boxes = 0
    page_width, page_height = float(page.get_width()), float(page.get_height())
    rows: dict[int, set[int]] = {}
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if height < 3 and width > 6:
            horizontal += 1
        elif width < 3 and height > 6:
            vertical += 1
        elif (
            width > 6
            and height > 6
            and not (width > 0.9 * page_width or height > 0.5 * page_height)
        ):
            # A box: a table's cells sit side by side, several to a row (a shaded line of
            # text or a page background is one box on its own).
            boxes += 1
            rows.setdefault(round(top / 2), set()).add(round(left / 2))
        if horizontal >= 3 and vertical >= 3:
            return True
        if boxes >= MIN_TABLE_BOXES and sum(1 for r in rows.values() if len(r) >= 2) >= 2:
            return True
    return False


def _tables(page: Any) -> list[tuple[tuple[float, float, float, float], list[list[Cell]]]]:
    """Ruled tables of a pdfplumber page; boxes around text (one row or column) are not tables."""
    found = []
    tables = page.find_tables()
    words = page.extract_words() if tables else []
    for table in tables:
        texts = _lift_spilled_headings(_cell_texts(table, words))
        boxes = [list(row.cells) for row in table.rows]
        rows = [
            leader_row(row, boxes[place] if place < len(boxes) else [], words)
            or _row_cells(row, boxes[place] if place < len(boxes) else [], words)
            for place, row in enumerate(texts)
        ]
        filled_rows = [row for row in rows if any(cell.text for cell in row)]
        filled_columns = {i for row in rows for i, cell in enumerate(row) if cell.text}
        if len(filled_rows) < 2 or len(filled_columns) < 2:
            continue
        found.append((table.bbox, rows))
    return found


def _row_cells(
    texts: list[str | None], boxes: list[Any], words: list[dict[str, Any]]
) -> list[Cell]:
    """A row's cells, each with its lines joined (a wrapped question), except a cell listing
    coded answers one per line, which keeps its lines."""
    cells = []
    for index, text in enumerate(texts):
        box = boxes[index] if index < len(boxes) and len(boxes) == len(texts) else None
        listed = code_list_text(text, box, words)
        cells.append(
            text_cell(listed if listed is not None else " ".join((text or "").split("\n")))
        )
    return cells


def _cell_texts(table: Any, words: list[dict[str, Any]]) -> list[list[str | None]]:
    """The table's cell texts; a row where a word crosses a cell's side (a centred heading
    wider than its cell, "Strongly disagree") is read word by word instead, each word in the
    cell its middle is in, so the heading is not cut letter by letter between two cells."""
    texts: list[list[str | None]] = table.extract()
    for place, row in enumerate(table.rows):
        boxes = [box for box in row.cells if box is not None]
        if not boxes or place >= len(texts) or not all(_short(c) for c in texts[place]):
            continue  # only a row of short cells (headings), not a page-long form cell
        top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
        level = [w for w in words if top <= (w["top"] + w["bottom"]) / 2 <= bottom]
        sides = {b[0] for b in boxes[1:]}
        if not any(w["x0"] + 1 < side < w["x1"] - 1 for w in level for side in sides):
            continue
        texts[place] = [
            None
            if box is None
            else _lines_of([w for w in level if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]])
            for box in row.cells
        ]
    return texts


def _short(cell: str | None) -> bool:
    return cell is None or (len(cell) <= 60 and cell.count("\n") <= 2)


def _lines_of(words: list[dict[str, Any]]) -> str:
    """Words in reading order: lines by their tops (within a few points), joined by newlines."""
    return "\n".join(" ".join(w["text"] for w in line) for line in word_lines(words))


def _lift_spilled_headings(rows: list[list[str | None]]) -> list[list[str | None]]:
    """A column heading too long for its ruled cell runs on into the first row below it
    ("More than half" / "the days" over "2"): words on their own line above a cell whose
    column holds only codes or boxes go back to the heading."""
    if len(rows) < 3:
        return rows
    head, first = list(rows[0]), list(rows[1])
    for column, cell in enumerate(first):
        parts = (cell or "").split("\n")
        if len(parts) < 2 or column >= len(head) or not head[column]:
            continue
        below = [row[column] or "" for row in rows[2:] if column < len(row)]
        if not below or any(_has_letters(c) or "\n" in c for c in [parts[-1], *below]):
            continue
        words = parts[:-1]
        if all(_has_letters(w) and not any(ch.isdigit() for ch in w) for w in words):
            head[column] = "\n".join([head[column] or "", *words])
            first[column] = parts[-1]
    return [head, first, *rows[2:]]


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _inside(word: _Word, boxes: list[_TableBox]) -> bool:
    """Whether a word's middle lies inside one of the tables."""
    x = (word.x0 + word.x1) / 2
    y = (word.top + word.bottom) / 2
    return any(b.x0 <= x <= b.x1 and b.top <= y <= b.bottom for b in boxes)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 10.0
    run: Run = field(default_factory=lambda: Run(""))


def _words(page: Any, left: float, top: float) -> list[_Word]:
    """The page's words with their boxes and formatting, as PDFium extracts them."""
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []  # no text layer on this page
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # characters outside the BMP: read them one by one
            text = "".join(
                chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count)
            )
        formats: dict[int | None, Run] = {}
        return [_measure(textpage, word, text, (left, top), formats) for word in _word_spans(text)]
    finally:
        textpage.close()


_WORD = re.compile(r"[^\s\x00]+")


def _word_spans(text: str) -> list[_Word]:
    return [_Word(match.start(), match.end()) for match in _WORD.finditer(text)]


def _measure(
    textpage: Any,
    word: _Word,
    text: str,
    origin: tuple[float, float],
    formats: dict[int | None, Run],
) -> _Word:
    """Fill in a word's box (top-down coordinates from `origin`, the visible page's top left
    corner), size and formatting.

    Words of one PDF text object share its font and colour, so the formatting is looked
    up once per text object.
    """
    left, top = origin
    box = pdfium_c.FS_RECTF()
    pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, word.start, box)
    word.x0, word.top, word.bottom = box.left - left, top - box.top, top - box.bottom
    pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, word.end - 1, box)
    word.x1 = box.right - left
    handle = pdfium_c.FPDFText_GetTextObject(textpage.raw, word.start)
    word.size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, word.start))
    if word.size < MIN_FONT_SIZE and handle:
        word.size *= _scale(handle)
    if word.size < MIN_FONT_SIZE:
        word.size = 10.0
    key = ctypes.addressof(handle.contents) if handle else None  # far cheaper than a cast
    style = formats.get(key) if key is not None else None
    if style is None:
        style = _format(textpage, word.start, "")
        formats[key] = style
    word.run = Run(text[word.start : word.end], *run_format(style))
    return word


def _scale(text_object: Any) -> float:
    """How much a text object's matrix enlarges its font."""
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(text_object, matrix):
        return 1.0
    return float(abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5)


def _format(textpage: Any, index: int, text: str) -> Run:
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int(0)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, 256, ctypes.byref(flags))
    font = buffer.value.decode("latin-1", "replace").split("+")[-1].lower()
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    red, green, blue, alpha = (ctypes.c_uint(0) for _ in range(4))
    has_colour = pdfium_c.FPDFText_GetFillColor(
        textpage.raw,
        index,
        ctypes.byref(red),
        ctypes.byref(green),
        ctypes.byref(blue),
        ctypes.byref(alpha),
    )
    colour = f"#{red.value:02X}{green.value:02X}{blue.value:02X}" if has_colour else None
    return Run(
        text=text,
        bold=weight >= 600 or any(word in font for word in ("bold", "black", "heavy")),
        italic="italic" in font or "oblique" in font or bool(flags.value & 64),
        color=None if colour in (None, "#000000") else colour,
    )


def _group_lines(words: list[_Word]) -> list[_Line]:
    """Words whose vertical extents overlap form a line, read left to right."""
    groups = [sorted(group, key=lambda w: w.x0) for group in rows(words)]
    breaks = gutter_breaks(groups, _tab_between)
    return [_line(group, tabs) for group, tabs in zip(groups, breaks, strict=True)]


def _tab_between(previous: _Word, word: _Word) -> bool:
    return word.x0 - previous.x1 > TAB_GAP * max(word.size, 1)


def _line(words: list[_Word], tabs: set[int] | None = None) -> _Line:
    """One line's words as runs; a wide gap, or a column break at `tabs`, becomes a tab."""
    runs: list[Run] = []
    for index, (previous, word) in enumerate(zip([None, *words], words, strict=False)):
        if previous is not None:
            tab = _tab_between(previous, word) or index in (tabs or set())
            separator = "\t" if tab else " "
            runs.append(Run(separator, *run_format(previous.run)))
        runs.append(word.run)
    sizes = sorted(w.size for w in words)
    return _Line(
        runs=runs,
        x0=words[0].x0,
        x1=words[-1].x1,
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=round(sizes[len(sizes) // 2], 1),
        first_word=words[0].x1 - words[0].x0,
        hang=_hang(words),
    )


def _hang(words: list[_Word]) -> float | None:
    """The second word's left edge when the first is a short number or question label (`4.`,
    `B9.`) a tab away from it and no other tab follows (a numbered question with a hanging
    indent)."""
    if len(words) < 3 or not re.fullmatch(
        r"(?:[A-Z]{1,3})?\d{1,3}[a-z]?[.)]?", words[0].run.text.strip()
    ):
        return None
    gaps = [b.x0 - a.x1 > TAB_GAP * max(b.size, 1) for a, b in zip(words, words[1:], strict=False)]
    return words[1].x0 if gaps[0] and not any(gaps[1:]) else None


def _paragraphs(lines: list[_Line], right: float) -> list[_Item]:
    """Join a line to the one above when the one above was wrapped at the text's right edge.

    The right edge is the page's mirror of the left margin (or the widest line), or a
    column's widest line; a line was wrapped when the next line's first word would not
    have fitted after it.
    """
    items: list[_Item] = []
    for line in lines:
        last = items[-1].lines[-1] if items else None
        if last is not None and _continues(last, line, right):
            items[-1].lines.append(line)
        else:
            items.append(_Item(top=line.top, lines=[line]))
    return items


def _continues(above: _Line, line: _Line, right: float) -> bool:
    height = max(above.bottom - above.top, 1)
    space = SPACE_GAP * 3 * line.size
    # A numbered line's text may wrap under its own start (a hanging indent), tab and all.
    hanging = above.hang is not None and abs(line.x0 - above.hang) <= 2
    return (
        above.x1 + space + line.first_word > right
        and 0 <= line.top - above.bottom <= 0.8 * height
        and abs(line.size - above.size) < 0.5
        and (line.x0 <= above.x0 + 2 or hanging)
        and (hanging or "\t" not in "".join(run.text for run in above.runs))
        and "\t" not in "".join(run.text for run in line.runs)
        and not _ends_paragraph(above, line)
    )


# "Tick all that apply.": a whole sentence in ordinary case, with no answer box or blank in it
_SENTENCE_LINE_RE = re.compile(r"^\(?[A-Z][^☐□○_:?]*[a-z][^☐□○_:?]*[.!)]$")


def _ends_paragraph(above: _Line, line: _Line) -> bool:
    """A line ending in ':' or '?' ends its paragraph, except that a question wrapped just
    before a sentence set in its own type ("Which …?" / "Tick all that apply.") goes on."""
    end = above.runs[-1].text.rstrip()
    if end.endswith(":"):
        return True
    if not end.endswith("?"):
        return False
    text = "".join(run.text for run in line.runs).strip()
    same_type = {run_format(r) for r in line.runs if r.text.strip()} == {run_format(above.runs[-1])}
    return not (same_type and _SENTENCE_LINE_RE.match(text))
