"""Word .docx: the body of word/document.xml read with defusedxml, in reading order.

Numbering comes from numbering.xml (direct or through the paragraph style), headings and
list items from styles, tables become grids (merged cells leave empty cells so columns
stay aligned), tabs stay "\\t", tracked insertions are kept and deletions dropped (so is
struck-through text, the hand-marked way of deleting), and comments, headers, footers
and hidden text are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from xml.etree.ElementTree import Element

from fielder.documents.errors import UnreadableFile
from fielder.documents.model import BlockKind, Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, make_cell
from fielder.documents.readers.docx_controls import listed_items
from fielder.documents.readers.docx_numbering import Numbering, read_numbering
from fielder.documents.readers.docx_styles import (
    RunProps,
    StyleSheet,
    cell_fill,
    read_rpr,
    read_styles,
)
from fielder.documents.safety import SafeZip, check_pages, open_zip

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_HEADING = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
#: Wingdings/Symbol tick boxes people type into questionnaires
_SYMBOLS = {"F0A8": "☐", "F06F": "☐", "F071": "☐", "F0FE": "☑", "F078": "☒", "F0FC": "✓"}
_PAGE_BREAK = object()
_SKIPPED = {"del", "moveFrom", "delText", "instrText", "commentReference", "footnoteReference",
            "endnoteReference", "AlternateContent", "fldData"}  # fmt: skip


@dataclass(slots=True)
class _Context:
    w: str
    styles: StyleSheet
    numbering: Numbering
    builder: DocumentBuilder = field(default_factory=lambda: DocumentBuilder(page=1))
    images: int = 0
    tracked: bool = False
    #: struck-through runs were met (dropped as deleted wording)
    struck: bool = False
    #: text boxes met inside the current paragraph, read as blocks after it
    text_boxes: list[Element] = field(default_factory=list)


@dataclass(slots=True)
class _Paragraph:
    """A paragraph's content: runs split at page breaks, and its numbering label."""

    segments: list[list[Run]]
    numbering: str | None
    ilvl: int
    style_id: str | None
    break_before: bool
    break_after: bool
    indent: float | None = None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _main_part(archive: SafeZip) -> str:
    """The path of the main document part (from _rels/.rels; word/document.xml usually)."""
    if archive.has("_rels/.rels"):
        rels = archive.read_xml("_rels/.rels")
        for rel in rels:
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if archive.has(target):
                    return target
    if archive.has("word/document.xml"):
        return "word/document.xml"
    if archive.has("xl/workbook.xml"):
        raise UnreadableFile(
            "the file is named as a Word document (.docx) but is an Excel workbook"
        )
    if archive.has("content.xml"):
        raise UnreadableFile(
            "the file is named as a Word document (.docx) but is an OpenDocument file"
        )
    raise UnreadableFile("the file is named as a Word document (.docx) but has no document part")


def _optional_xml(archive: SafeZip, name: str) -> Element | None:
    return archive.read_xml(name) if archive.has(name) else None


def read_docx(data: bytes, name: str) -> Document:
    """Read a .docx file into blocks (see the module docstring)."""
    archive = open_zip(data, "Word document")
    main = _main_part(archive)
    folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
    root = archive.read_xml(main)
    w = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    ctx = _Context(
        w=w,
        styles=read_styles(_optional_xml(archive, folder + "styles.xml"), w),
        numbering=read_numbering(_optional_xml(archive, folder + "numbering.xml"), w),
    )
    body = root.find(f"{w}body")
    if body is None:
        raise UnreadableFile("the Word document has no body")
    _walk_body(ctx, body)
    _add_notes(ctx, archive, folder)
    pages = ctx.builder.page or 1
    check_pages(pages, "Word document")
    return ctx.builder.build(name, MEDIA_TYPE, page_count=pages)


def _add_notes(ctx: _Context, archive: SafeZip, folder: str) -> None:
    notes = ctx.builder.notes
    if ctx.images:
        notes.append(f"{ctx.images} image(s) or drawing(s) were skipped")
    if archive.has(folder + "comments.xml"):
        notes.append("comments were ignored")
    if ctx.tracked:
        notes.append("tracked changes: insertions were kept and deletions dropped")
    if ctx.struck:
        notes.append("struck-through text was dropped as deleted wording")


def _walk_body(ctx: _Context, container: Element) -> None:
    """Blocks of a body (or of a content control inside it), in order."""
    w = ctx.w
    for child in container:
        tag = _local(child.tag)
        if tag == "p":
            _add_paragraph(ctx, _read_paragraph(ctx, child))
            _add_text_boxes(ctx)
        elif tag == "tbl":
            ctx.builder.add_table(_read_table(ctx, child), style=_table_style(ctx, child))
            _add_text_boxes(ctx)
        elif tag in ("sdt", "customXml", "ins", "moveTo"):
            content = child.find(f"{w}sdtContent") if tag == "sdt" else child
            if content is not None:
                _walk_body(ctx, content)


def _add_text_boxes(ctx: _Context) -> None:
    """Read the text boxes anchored in what was just read, as blocks after it."""
    boxes, ctx.text_boxes = ctx.text_boxes, []
    for box in boxes:
        _walk_body(ctx, box)


def _top_boxes(el: Element, w: str) -> list[Element]:
    """The text-box contents inside a drawing, not looking inside a box for nested ones."""
    found: list[Element] = []
    for child in el:
        if child.tag == f"{w}txbxContent":
            found.append(child)
        else:
            found.extend(_top_boxes(child, w))
    return found


def _add_paragraph(ctx: _Context, para: _Paragraph) -> None:
    builder = ctx.builder
    if para.break_before:
        builder.add_page_break()
    style_name = ctx.styles.name(para.style_id)
    kind, level = _kind(ctx, para, style_name)
    for index, runs in enumerate(para.segments):
        if index:
            builder.add_page_break()
        builder.add_runs(
            kind,
            runs,
            level=level,
            numbering=para.numbering if index == 0 else None,
            style=style_name,
            indent=para.indent,
        )
    if para.break_after:
        builder.add_page_break()


def _kind(ctx: _Context, para: _Paragraph, style_name: str | None) -> tuple[BlockKind, int]:
    """Heading (with its level), list item (with its nesting) or paragraph."""
    match = _HEADING.match(style_name or "")
    if match:
        return "heading", max(int(match.group(1)), 1)
    if (style_name or "").lower() in ("title", "subtitle"):
        return "heading", 1
    outline = ctx.styles.inherited(para.style_id, "outline_level")
    if isinstance(outline, int) and outline < 9:
        return "heading", outline + 1
    if para.numbering is not None or "list" in (style_name or "").lower():
        return "list_item", para.ilvl
    return "paragraph", 0


def _read_paragraph(ctx: _Context, p: Element) -> _Paragraph:
    w = ctx.w
    ppr = p.find(f"{w}pPr")
    style_el = ppr.find(f"{w}pStyle") if ppr is not None else None
    style_id = ctx.styles.paragraph_style(style_el.get(f"{w}val") if style_el is not None else None)
    base = dict(ctx.styles.defaults)
    base.update(ctx.styles.rpr(style_id))
    segments: list[list[Run]] = [[]]
    _collect_runs(ctx, p, base, segments)
    numbering, ilvl = _numbering(ctx, ppr, style_id)
    own_break = _flag(ppr, w, "pageBreakBefore") if ppr is not None else None
    break_before = (
        own_break
        if own_break is not None
        else bool(ctx.styles.inherited(style_id, "page_break_before"))
    )
    section = ppr.find(f"{w}sectPr") if ppr is not None else None
    section_type = section.find(f"{w}type") if section is not None else None
    break_after = section is not None and (
        section_type is None or section_type.get(f"{w}val") != "continuous"
    )
    para = _Paragraph(segments, numbering, ilvl, style_id, break_before, break_after)
    para.indent = _indent(ppr, w)
    return para


def _indent(ppr: Element | None, w: str) -> float | None:
    """The paragraph's own left indent in points (w:ind left or start, in twentieths)."""
    ind = ppr.find(f"{w}ind") if ppr is not None else None
    if ind is None:
        return None
    value = ind.get(f"{w}left") or ind.get(f"{w}start")
    try:
        return int(value) / 20 if value is not None else None
    except ValueError:
        return None


def _flag(ppr: Element, w: str, tag: str) -> bool | None:
    el = ppr.find(f"{w}{tag}")
    if el is None:
        return None
    return el.get(f"{w}val", "true").lower() not in ("0", "false", "off")


def _numbering(ctx: _Context, ppr: Element | None, style_id: str | None) -> tuple[str | None, int]:
    """The rendered numbering label of a paragraph and its list level."""
    w = ctx.w
    num_id = ctx.styles.inherited(style_id, "num_id")
    ilvl_value = ctx.styles.inherited(style_id, "ilvl")
    num_pr = ppr.find(f"{w}numPr") if ppr is not None else None
    if num_pr is not None:
        own_id = num_pr.find(f"{w}numId")
        own_lvl = num_pr.find(f"{w}ilvl")
        if own_id is not None:
            num_id = own_id.get(f"{w}val")
        if own_lvl is not None:
            ilvl_value = own_lvl.get(f"{w}val", "0")
    ilvl = (
        int(ilvl_value) if isinstance(ilvl_value, (int, str)) and str(ilvl_value).isdigit() else 0
    )
    if not isinstance(num_id, str) or num_id in ("", "0"):
        return None, ilvl
    return ctx.numbering.label(num_id, ilvl), ilvl


def _collect_runs(
    ctx: _Context, container: Element, base: RunProps, segments: list[list[Run]]
) -> None:
    """Append the runs inside a paragraph-level container (hyperlinks, insertions, fields)."""
    for child in container:
        tag = _local(child.tag)
        if tag == "r":
            _read_run(ctx, child, base, segments)
        elif tag in _SKIPPED:
            ctx.tracked = ctx.tracked or tag in ("del", "moveFrom")
        elif tag == "sdt":
            content = child.find(f"{ctx.w}sdtContent")
            if content is not None:
                _collect_runs(ctx, content, base, segments)
            listed = listed_items(child, ctx.w)
            if listed:
                segments[-1].append(_make_run(listed, base))
        elif tag in (
            "hyperlink",
            "ins",
            "moveTo",
            "smartTag",
            "fldSimple",
            "customXml",
            "dir",
            "bdo",
        ):
            ctx.tracked = ctx.tracked or tag == "ins"
            _collect_runs(ctx, child, base, segments)


def _read_run(ctx: _Context, r: Element, base: RunProps, segments: list[list[Run]]) -> None:
    w = ctx.w
    props = dict(base)
    rpr = r.find(f"{w}rPr")
    if rpr is not None:
        char_style = rpr.find(f"{w}rStyle")
        if char_style is not None:
            props.update(ctx.styles.rpr(char_style.get(f"{w}val")))
        props.update(read_rpr(rpr, w))
    if props.get("hidden"):
        return
    if props.get("struck"):
        # a hand-marked draft strikes through the wording it deletes, as tracked deletions do
        ctx.struck = True
        return
    for piece in _run_pieces(ctx, r):
        if piece is _PAGE_BREAK:
            segments.append([])
        elif isinstance(piece, str) and piece:
            segments[-1].append(_make_run(piece, props))


def _run_pieces(ctx: _Context, r: Element) -> list[object]:
    """The text pieces and page breaks of one run, in order."""
    w = ctx.w
    pieces: list[object] = []
    for el in r:
        tag = _local(el.tag)
        if tag == "t":
            pieces.append(el.text or "")
        elif tag in ("tab", "ptab"):
            pieces.append("\t")
        elif tag == "br":
            pieces.append(_PAGE_BREAK if el.get(f"{w}type") == "page" else "\n")
        elif tag == "cr":
            pieces.append("\n")
        elif tag == "noBreakHyphen":
            pieces.append("-")
        elif tag == "sym":
            pieces.append(_symbol(el.get(f"{w}char", ""), el.get(f"{w}font", "")))
        elif tag in ("drawing", "pict", "object", "AlternateContent"):
            # Choice and Fallback of AlternateContent hold the same drawing: read Choice only
            source = next(iter(el), None) if tag == "AlternateContent" else el
            boxes = _top_boxes(source, w) if source is not None else []
            ctx.text_boxes.extend(boxes)
            if not boxes:
                ctx.images += 1
    return pieces


# Word's AutoCorrect arrows ("-->" and "==>" become Wingdings 0xE0 and 0xE8), and the
# Symbol font's arrow (0xAE): read as the arrow they draw, by their font
_FONT_ARROWS = {("wingdings", "F0E0"), ("wingdings", "F0E8"), ("symbol", "F0AE")}


def _symbol(code: str, font: str = "") -> str:
    code = code.upper()
    if (font.strip().lower(), code) in _FONT_ARROWS:
        return "→"
    if code in _SYMBOLS:
        return _SYMBOLS[code]
    try:
        char = chr(int(code, 16))
    except ValueError:
        return ""
    return "" if 0xE000 <= ord(char) <= 0xF8FF else char


def _make_run(text: str, props: RunProps) -> Run:
    color = props.get("color")
    highlight = props.get("highlight")
    return Run(
        text=text,
        bold=bool(props.get("bold")),
        italic=bool(props.get("italic")),
        underline=bool(props.get("underline")),
        caps=bool(props.get("caps")),
        color=color if isinstance(color, str) else None,
        highlight=highlight if isinstance(highlight, str) else None,
    )


def _table_style(ctx: _Context, tbl: Element) -> str | None:
    el = tbl.find(f"{ctx.w}tblPr/{ctx.w}tblStyle")
    return ctx.styles.name(el.get(f"{ctx.w}val")) if el is not None else None


def _children(container: Element, tag: str) -> list[Element]:
    """Direct children with this local name, looking through content controls."""
    found: list[Element] = []
    for child in container:
        name = _local(child.tag)
        if name == tag:
            found.append(child)
        elif name in ("sdt", "sdtContent", "customXml"):
            found.extend(_children(child, tag))
    return found


def _read_table(ctx: _Context, tbl: Element) -> list[list[Cell]]:
    """A table as a grid; spans and vertical merges leave empty cells to keep columns."""
    w = ctx.w
    rows: list[list[Cell]] = []
    for tr in _children(tbl, "tr"):
        cells: list[Cell] = []
        before = tr.find(f"{w}trPr/{w}gridBefore")
        if before is not None:
            cells.extend(Cell("") for _ in range(_int_val(before, w, 0)))
        for tc in _children(tr, "tc"):
            span = tc.find(f"{w}tcPr/{w}gridSpan")
            cells.append(_read_cell(ctx, tc))
            cells.extend(Cell("", spanned=True) for _ in range(_int_val(span, w, 1) - 1))
        rows.append(cells)
    return rows


def _int_val(el: Element | None, w: str, default: int) -> int:
    if el is None:
        return default
    value = el.get(f"{w}val", "")
    return min(int(value), 64) if value.isdigit() else default


def _read_cell(ctx: _Context, tc: Element) -> Cell:
    """A cell's paragraphs joined by newlines (numbering labels shown before their text)."""
    runs: list[Run] = []
    places: list[int] = []
    place = 0
    for child in tc:
        tag = _local(child.tag)
        paragraphs: list[list[Run]] = []
        if tag == "p":
            para = _read_paragraph(ctx, child)
            line = [run for segment in para.segments for run in segment]
            if para.numbering:
                line.insert(0, Run(para.numbering + " "))
            paragraphs.append(line)
        elif tag == "tbl":
            for row in _read_table(ctx, child):
                paragraphs.append([Run("\t".join(cell.text for cell in row))])
        elif tag == "sdt":
            content = child.find(f"{ctx.w}sdtContent")
            if content is not None:
                paragraphs.append([Run(_read_cell(ctx, content).text)])
        for line in paragraphs:
            if any(run.text.strip() for run in line):
                if runs:
                    runs.append(Run("\n"))
                runs.extend(line)
                places.extend([place] * "".join(r.text for r in line).strip().count("\n"))
                places.append(place)
            place += 1
    cell = replace(make_cell(runs), fill=cell_fill(tc, ctx.w))
    if len(places) != cell.text.count("\n") + 1:
        return cell
    return replace(cell, line_places=tuple(places))
