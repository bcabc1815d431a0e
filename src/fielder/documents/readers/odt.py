"""OpenDocument text (.odt): content.xml and styles.xml read with defusedxml.

Paragraph and text styles give bold, italic, underline, colour, background and
upper-case; list styles give the rendered numbering ("1.", "a)", "•"); tables become
grids; tracked deletions, notes and comments are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from xml.etree.ElementTree import Element

from fielder.documents.errors import UnreadableFile
from fielder.documents.model import BlockKind, Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, make_cell
from fielder.documents.readers.docx_numbering import format_number
from fielder.documents.readers.odt_fields import dropdown_items
from fielder.documents.safety import open_zip

MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
            "I": "upperRoman", "": "none"}  # fmt: skip
_SKIP = {"note", "annotation", "tracked-changes", "sequence-decls", "bookmark-ref",
         "change-start", "change-end", "change", "frame", "forms"}  # fmt: skip
_SPACES = re.compile(r"\s+")
_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "pc": 12.0, "px": 0.75}


@dataclass(frozen=True, slots=True)
class _ListLevel:
    fmt: str = "decimal"
    prefix: str = ""
    suffix: str = "."
    start: int = 1
    bullet: str | None = None
    display_levels: int = 1


_HEADING_STYLE = re.compile(r"^heading(?:\s*(\d))?$", re.IGNORECASE)


@dataclass(slots=True)
class _Style:
    parent: str | None = None
    display: str | None = None
    props: dict[str, object] = field(default_factory=dict)
    list_style: str | None = None
    break_before: bool = False
    indent: float | None = None
    #: a table cell style's background ("#RRGGBB"), None when none or white
    fill: str | None = None


@dataclass(slots=True)
class _Reader:
    styles: dict[str, _Style] = field(default_factory=dict)
    lists: dict[str, dict[int, _ListLevel]] = field(default_factory=dict)
    builder: DocumentBuilder = field(default_factory=lambda: DocumentBuilder(page=1))
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    #: the counters key of the last top-level list of each list style (for continue-numbering)
    last_list: dict[str, str] = field(default_factory=dict)
    #: the items of the drop-down fields met in the paragraph being read
    dropdowns: list[list[str]] = field(default_factory=list)

    def load_styles(self, root: Element) -> None:
        for el in root.iter(f"{STYLE}style"):
            name = el.get(f"{STYLE}name", "")
            style = _Style(
                parent=el.get(f"{STYLE}parent-style-name"),
                display=el.get(f"{STYLE}display-name") or name,
                list_style=el.get(f"{STYLE}list-style-name"),
            )
            props = el.find(f"{STYLE}text-properties")
            if props is not None:
                style.props = _text_props(props)
            cell = el.find(f"{STYLE}table-cell-properties")
            if cell is not None:
                background = (cell.get(f"{FO}background-color") or "").upper()
                if re.fullmatch(r"#[0-9A-F]{6}", background) and background != "#FFFFFF":
                    style.fill = background
            para = el.find(f"{STYLE}paragraph-properties")
            if para is not None:
                style.break_before = para.get(f"{FO}break-before") == "page"
                style.indent = _length(para.get(f"{FO}margin-left"))
            self.styles[name] = style
        for el in root.iter(f"{TEXT}list-style"):
            self.lists[el.get(f"{STYLE}name", "")] = _list_levels(el)

    def chain(self, name: str | None) -> list[_Style]:
        found: list[_Style] = []
        while name and name in self.styles and len(found) < 20:
            found.append(self.styles[name])
            name = self.styles[name].parent
        return found[::-1]

    def props(self, name: str | None) -> dict[str, object]:
        merged: dict[str, object] = {}
        for style in self.chain(name):
            merged.update(style.props)
        return merged

    def body(self, container: Element, list_ctx: tuple[str, str, int] | None = None) -> None:
        """Blocks of office:text, a section or a list item."""
        numbered = list_ctx
        for child in container:
            tag = child.tag.rsplit("}", 1)[-1]
            if child.tag in (f"{TEXT}p", f"{TEXT}h"):
                self.paragraph(child, numbered)
                numbered = None  # only an item's first paragraph carries its number
            elif child.tag == f"{TEXT}list":
                self.read_list(child, list_ctx)
            elif child.tag == f"{TABLE}table":
                self.builder.add_table(self.table(child))
            elif tag in ("section", "index-body", "table-of-content", "list-header"):
                self.body(child)

    def read_list(self, el: Element, outer: tuple[str, str, int] | None) -> None:
        style = el.get(f"{TEXT}style-name") or (outer[0] if outer else "")
        level = outer[2] + 1 if outer else 0
        key = outer[1] if outer else f"{style}#{id(el)}"
        if outer is None:
            if el.get(f"{TEXT}continue-numbering") == "true" and style in self.last_list:
                key = self.last_list[style]
            self.last_list[style] = key
        for item in el:
            if item.tag == f"{TEXT}list-item":
                self.body(item, (style, key, level))
            elif item.tag == f"{TEXT}list-header":
                self.body(item)

    def label(self, style: str, key: str, level: int) -> str | None:
        levels = self.lists.get(style, {})
        spec = levels.get(level + 1, _ListLevel())
        if spec.bullet is not None:
            return spec.bullet.strip() or "•"
        counters = self.counters.setdefault(key, {})
        counters[level] = counters.get(level, spec.start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if spec.fmt == "none":
            return None
        shown = range(max(level - spec.display_levels + 1, 0), level + 1)
        numbers = ".".join(
            format_number(counters.get(i, 1), levels.get(i + 1, _ListLevel()).fmt) for i in shown
        )
        return f"{spec.prefix}{numbers}{spec.suffix}"

    def paragraph(self, el: Element, list_ctx: tuple[str, str, int] | None) -> None:
        style_name = el.get(f"{TEXT}style-name")
        chain = self.chain(style_name)
        if any(style.break_before for style in chain):
            self.builder.add_page_break()
        runs: list[Run] = []
        self.inline(el, self.props(style_name), runs)
        kind: BlockKind = "paragraph"
        level = 0
        numbering = None
        heading = _HEADING_STYLE.match(chain[-1].display or "") if chain else None
        if el.tag == f"{TEXT}h":
            kind, level = "heading", int(el.get(f"{TEXT}outline-level", "1") or 1)
        elif heading is not None and list_ctx is None:
            # a plain paragraph in the "Heading" / "Heading 2" style is a heading all the same
            kind, level = "heading", int(heading[1] or 1)
        elif list_ctx is not None:
            kind, level = "list_item", list_ctx[2]
            numbering = self.label(list_ctx[0], list_ctx[1], list_ctx[2])
        indents = [style.indent for style in chain if style.indent is not None]
        display = chain[-1].display if chain else None
        for index, line in enumerate(_split_lines(runs)):
            self.builder.add_runs(
                kind if index == 0 else "paragraph",
                line,
                level=level,
                numbering=numbering if index == 0 else None,
                style=display,
                indent=indents[-1] if indents else None,
            )
        for items in self.dropdowns:
            self.builder.add_runs("paragraph", [_run("[DROPDOWN]", {})])
            for item in items:
                self.builder.add_runs("list_item", [_run(item, {})], numbering="•")
        self.dropdowns.clear()

    def inline(self, el: Element, props: dict[str, object], runs: list[Run]) -> None:
        if el.text:
            runs.append(_run(_SPACES.sub(" ", el.text), props))
        for child in el:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "s":
                runs.append(_run(" " * min(int(child.get(f"{TEXT}c", "1") or 1), 200), props))
            elif tag == "tab":
                runs.append(_run("\t", props))
            elif tag == "line-break":
                runs.append(_run("\n", props))
            elif tag == "drop-down" and dropdown_items(child):
                self.dropdowns.append(dropdown_items(child))  # written after its paragraph
            elif tag not in _SKIP:
                own = dict(props)
                own.update(self.props(child.get(f"{TEXT}style-name")))
                self.inline(child, own, runs)
            if child.tail:
                runs.append(_run(_SPACES.sub(" ", child.tail), props))

    def table(self, el: Element) -> list[list[Cell]]:
        rows: list[list[Cell]] = []
        for row in el.iter(f"{TABLE}table-row"):
            cells: list[Cell] = []
            for cell in row:
                repeat = min(int(cell.get(f"{TABLE}number-columns-repeated", "1") or 1), 64)
                if cell.tag == f"{TABLE}covered-table-cell":
                    cells.extend(Cell("") for _ in range(repeat))
                elif cell.tag == f"{TABLE}table-cell":
                    made = self.cell(cell)
                    cells.extend(made for _ in range(repeat))
            rows.append(cells)
        return rows

    def cell(self, el: Element) -> Cell:
        runs: list[Run] = []
        for para in el.iter():
            if para.tag in (f"{TEXT}p", f"{TEXT}h"):
                if runs:
                    runs.append(Run("\n"))
                self.inline(para, self.props(para.get(f"{TEXT}style-name")), runs)
        style = self.styles.get(el.get(f"{TABLE}style-name", ""))
        return replace(make_cell(runs), fill=style.fill if style else None)


def _split_lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        for index, part in enumerate(run.text.split("\n")):
            if index:
                lines.append([])
            lines[-1].append(replace(run, text=part))
    return lines


def _text_props(el: Element) -> dict[str, object]:
    props: dict[str, object] = {}
    weight = el.get(f"{FO}font-weight")
    if weight is not None:
        props["bold"] = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
    style = el.get(f"{FO}font-style")
    if style is not None:
        props["italic"] = style in ("italic", "oblique")
    underline = el.get(f"{STYLE}text-underline-style")
    if underline is not None:
        props["underline"] = underline != "none"
    transform = el.get(f"{FO}text-transform")
    if transform is not None:
        props["caps"] = transform == "uppercase"
    color = el.get(f"{FO}color")
    if color is not None:
        props["color"] = None if color.lower() in ("#000000", "auto") else color.upper()
    background = el.get(f"{FO}background-color")
    if background is not None:
        props["highlight"] = (
            None if background in ("transparent", "#ffffff") else background.upper()
        )
    return props


def _list_levels(el: Element) -> dict[int, _ListLevel]:
    levels: dict[int, _ListLevel] = {}
    for spec in el:
        level = int(spec.get(f"{TEXT}level", "1") or 1)
        if spec.tag == f"{TEXT}list-level-style-bullet":
            levels[level] = _ListLevel(bullet=spec.get(f"{TEXT}bullet-char", "•"))
        elif spec.tag == f"{TEXT}list-level-style-number":
            levels[level] = _ListLevel(
                fmt=_FORMATS.get(spec.get(f"{STYLE}num-format", "1"), "decimal"),
                prefix=spec.get(f"{STYLE}num-prefix", ""),
                suffix=spec.get(f"{STYLE}num-suffix", ""),
                start=int(spec.get(f"{TEXT}start-value", "1") or 1),
                display_levels=int(spec.get(f"{TEXT}display-levels", "1") or 1),
            )
    return levels


def _length(value: str | None) -> float | None:
    """An ODF length ("0.5in", "1.27cm") in points."""
    match = re.fullmatch(r"(-?[\d.]+)([a-z]+)", value or "")
    if not match or match.group(2) not in _UNITS:
        return None
    try:
        return round(float(match.group(1)) * _UNITS[match.group(2)], 1)
    except ValueError:
        return None


def _run(text: str, props: dict[str, object]) -> Run:
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


def read_odt(data: bytes, name: str) -> Document:
    """Read an .odt file into blocks."""
    archive = open_zip(data, "OpenDocument file")
    if not archive.has("content.xml"):
        raise UnreadableFile("the file is named as OpenDocument text (.odt) but has no content.xml")
    reader = _Reader()
    if archive.has("styles.xml"):
        reader.load_styles(archive.read_xml("styles.xml"))
    content = archive.read_xml("content.xml")
    reader.load_styles(content)
    text = content.find(f"{OFFICE}body/{OFFICE}text")
    if text is None:
        raise UnreadableFile("the OpenDocument file is not a text document (no office:text)")
    reader.body(text)
    return reader.builder.build(name, MEDIA_TYPE, page_count=reader.builder.page)
