"""HTML (beautifulsoup4 + lxml): headings, paragraphs (split at <br>), numbered and bulleted
list items with their rendered numbers, tables as grids, and b/strong/i/em/u/colour runs.
Form check boxes and radio buttons are shown as "☐" as a printed form would."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from fielder.documents.model import Block, BlockKind, Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, make_cell
from fielder.documents.readers.docx_numbering import format_number
from fielder.documents.readers.html_codes import stored_codes
from fielder.documents.readers.html_gdocs import counter_styles, is_comment, list_style
from fielder.documents.readers.html_layout import inline_row, is_layout_table, layout_rows
from fielder.documents.readers.symbol_fonts import map_symbol_fonts
from fielder.documents.readers.text import decode_text

MEDIA_TYPE = "text/html"
_SKIP = {"script", "style", "head", "noscript", "template", "svg", "iframe", "object"}
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote",
    "pre", "form", "fieldset", "legend", "dl", "dt", "dd", "figure", "figcaption", "address",
    "center", "hr", "body", "html",
}  # fmt: skip
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
             "I": "upperRoman"}  # fmt: skip
_SPACES = re.compile(r"\s+")
# "-- Select --", "Please choose…": a drop-down's prompt, not a choice
_PLACEHOLDER = re.compile(r"^\W*(?:please\s+)?(?:select|choose|pick)\b|^[-–—\s]+$|^-{2}", re.I)
_CSS_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_CLASS_SELECTOR = re.compile(r"(?:[a-z][a-z0-9]*)?\.([\w-]+)", re.I)
_COLOUR = re.compile(r"(?:^|;)\s*color\s*:\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
# "background-color:#ffff00" on a span: a highlighter pen over the words (Google Docs' export)
_BACKGROUND = re.compile(r"(?:^|;)\s*background(?:-color)?\s*:\s*#([0-9a-fA-F]{6})\b")
# CSS colour names as Word's web pages write them ("color:red"), by their hex value
_NAMED_COLOUR = re.compile(r"(?:^|;)\s*color\s*:\s*([a-z]+)\b")
_COLOUR_NAMES = {
    "red": "FF0000", "blue": "0000FF", "green": "008000", "purple": "800080",
    "orange": "FFA500", "magenta": "FF00FF", "fuchsia": "FF00FF", "teal": "008080",
    "navy": "000080", "maroon": "800000", "olive": "808000", "gray": "808080",
    "grey": "808080", "silver": "C0C0C0", "black": "000000", "windowtext": "000000",
}  # fmt: skip


@dataclass
class _List:
    ordered: bool
    fmt: str
    next_number: int
    #: a Google Docs list's own level and the text after its number (")" in "a)")
    level: int | None = None
    suffix: str = "."


@dataclass
class _Walker:
    builder: DocumentBuilder = field(default_factory=DocumentBuilder)
    runs: list[Run] = field(default_factory=list)
    kind: BlockKind = "paragraph"
    level: int = 0
    numbering: str | None = None
    lists: list[_List] = field(default_factory=list)
    #: declarations of the page's class rules (`.ins { color: #555 }`) by class name
    classes: dict[str, str] = field(default_factory=dict)
    #: Google Docs list classes → (number format, text after the number)
    counters: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: choice inputs whose `value` is the stored code (by `id()` of the tag) → the code
    codes: dict[int, str] = field(default_factory=dict)
    #: the page has radio buttons as well as check boxes: a list of check boxes is a multi
    mixed_boxes: bool = False

    def flush(self) -> None:
        """End the block being collected (splitting it at line breaks)."""
        lines: list[list[Run]] = [[]]
        for run in self.runs:
            parts = run.text.split("\n")
            for index, part in enumerate(parts):
                if index:
                    lines.append([])
                lines[-1].append(replace(run, text=part))
        for line in lines:
            added = self.builder.add_runs(
                self.kind, line, level=self.level, numbering=self.numbering
            )
            if added is not None:
                self.numbering = None
                if self.kind == "list_item":
                    self.kind = "paragraph"  # later lines of an item are its continuation
        self.runs = []
        self.kind, self.level, self.numbering = "paragraph", 0, None

    def text(self, value: str, fmt: Run, pre: bool) -> None:
        if not pre:
            value = _SPACES.sub(" ", value)
            if value.startswith(" ") and (
                not self.runs or self.runs[-1].text.endswith((" ", "\n", "\t"))
            ):
                value = value[1:]
        if value:
            # text-transform: uppercase is shown in capitals, as a reader of the page sees it
            self.runs.append(replace(fmt, text=value.upper() if fmt.caps else value))

    def walk(self, node: Tag, fmt: Run, pre: bool = False) -> None:
        for child in node.children:
            if isinstance(child, Comment | Doctype | Declaration | ProcessingInstruction):
                continue
            if isinstance(child, NavigableString):
                self.text(str(child), fmt, pre)
            elif isinstance(child, Tag):
                self.element(child, fmt, pre)

    def element(self, tag: Tag, fmt: Run, pre: bool) -> None:
        name = tag.name.lower()
        if name in _SKIP or (name in ("a", "sup", "div") and is_comment(tag)):
            return
        if name == "br":
            self.runs.append(replace(fmt, text="\n"))
        elif name == "select":
            self.select(tag, fmt)
        elif name == "input" and str(tag.get("type", "")).lower() in ("checkbox", "radio"):
            self.text("☐ ", fmt, pre)
            code = self.codes.get(id(tag))
            if code:  # its stored code, then its words: "☐ 20<TAB>By post"
                self.runs.append(replace(fmt, text=f"{code}\t"))
        elif name in ("input", "textarea"):
            self.answer_box(tag, fmt)
        elif re.fullmatch(r"h[1-6]", name):
            self.flush()
            self.kind, self.level = "heading", int(name[1])
            self.walk(tag, replace(_inline(tag, fmt, self.classes), bold=True), pre)
            self.flush()
        elif name in ("ul", "ol"):
            self.flush()
            if self.mixed_boxes and _all_check_boxes(tag):
                # a form that draws single choices as radio buttons draws the answers of a
                # multiple choice as check boxes: say so, as a printed form would
                self.runs.append(replace(fmt, text="(Select all that apply)"))
                self.flush()
            self.lists.append(_list_state(tag, self.counters))
            self.walk(tag, fmt, pre)
            self.flush()
            self.lists.pop()
        elif name == "li":
            self.list_item(tag, _inline(tag, fmt, self.classes), pre)
        elif name == "table" and is_layout_table(tag):
            self.layout_table(tag, fmt)
        elif name == "table":
            self.flush()
            caption = tag.find("caption", recursive=False)
            if caption is not None:
                # a caption is the table's title (often the question over its answers): a line
                self.walk(caption, fmt, pre)
                self.flush()
            self.builder.add_table(self.table(tag, fmt))
        elif name in _BLOCKS:
            if any(r.text.strip() for r in self.runs):
                self.flush()
            # else: a <p> opening an <li> keeps the item's number ("<li><p>How …</p>")
            self.walk(tag, _inline(tag, fmt, self.classes), pre or name == "pre")
            self.flush()
        else:
            if (
                not pre
                and self.runs
                and self.runs[-1].text[-1:].isdigit()
                and re.fullmatch(r"\s*\d{1,3}\s*", tag.get_text())
            ):
                # "<span>1</span><span>2</span>…": a print view's boxed scale points, drawn
                # apart by CSS, are separate numbers, not "12345"
                self.runs.append(replace(fmt, text=" "))
            self.walk(tag, _inline(tag, fmt, self.classes), pre)
            if not pre and _boxed_code(tag, self.classes):
                # "<span class=code>1</span>Yes" with the span drawn as a box of its own
                # width (inline-block): the code stands apart from its words, "1<TAB>Yes"
                self.runs.append(replace(fmt, text="\t"))
            elif not pre and self.runs and (_spaced_after(tag, self.classes) or _glued_id(tag)):
                # "<span class="num">Q1</span>Before…" with a right margin: the page shows a gap
                self.runs.append(replace(fmt, text=" "))

    def layout_table(self, table: Tag, fmt: Run) -> None:
        """A table that only places text: each inline row one line (cells apart by tabs),
        each cell holding blocks read as those blocks."""
        self.flush()
        for cells in layout_rows(table):
            inline = inline_row(cells)
            for cell in cells:
                if inline and any(r.text.strip() for r in self.runs):
                    self.runs.append(replace(fmt, text="\t"))
                self.walk(cell, _inline(cell, fmt, self.classes))
                if not inline:
                    self.flush()
            self.flush()

    def answer_box(self, tag: Tag, fmt: Run) -> None:
        """A form field printed as the blank a paper form shows (a date's slashes, a number's
        range beside its box, a text area's lines), on a line of its own."""
        kind = str(tag.get("type", "text")).lower() if tag.name.lower() == "input" else "area"
        low, high = tag.get("min"), tag.get("max")
        boxes = {
            "date": ["__ / __ / ____"],
            "email": ["________@________"],
            "area": ["________________________", "________________________"],
            "number": [f"________ ({low}–{high})" if low and high else "________"],
        }
        lines = boxes.get(kind, ["________________"] if kind in ("text", "tel", "") else [])
        current = "".join(run.text for run in self.runs).rsplit("\n", 1)[-1].strip()
        if kind in ("text", "") and current[:1] == "☐":
            # "☐ Something else: [box]": the answer's own write-in box, on its line
            self.runs.append(replace(fmt, text=" ________"))
            return
        self.flush()
        for line in lines:
            self.runs.append(replace(fmt, text=line))
            if kind != "number":  # "[box] years", "[box] (0 if none)": its unit or note
                self.flush()

    def select(self, tag: Tag, fmt: Run) -> None:
        """A drop-down list: a note saying so, then its choices as a bulleted list (numbered
        by their values when the values are numbers: the codes stored)."""
        self.flush()
        options = [
            (" ".join(o.get_text(" ").split()), str(o.get("value", "x")).strip())
            for o in tag.find_all("option")
        ]
        choices = [
            (text, value)
            for text, value in options
            if text and value != "" and not _PLACEHOLDER.match(text)
        ]
        if not choices:
            return
        coded = all(re.fullmatch(r"\d{1,4}", value) for _, value in choices)
        self.runs.append(replace(fmt, text="[DROPDOWN]"))
        self.flush()
        for choice, value in choices[:1000]:
            self.kind, self.numbering = "list_item", f"{value}." if coded else "•"
            self.runs.append(replace(fmt, text=choice))
            self.flush()

    def list_item(self, tag: Tag, fmt: Run, pre: bool) -> None:
        self.flush()
        state = self.lists[-1] if self.lists else _List(False, "bullet", 1)
        if state.ordered:
            value = tag.get("value")
            if isinstance(value, str) and value.isdigit():
                state.next_number = int(value)
            label = format_number(state.next_number, state.fmt) + state.suffix
            state.next_number += 1
        else:
            label = "•"
        level = state.level if state.level is not None else max(len(self.lists) - 1, 0)
        self.kind, self.level, self.numbering = "list_item", level, label
        level = self.level
        self.walk(tag, fmt, pre)
        if self.runs and self.numbering is None:
            self.level = level  # text after a nested list continues this item
        self.flush()

    def table(self, table: Tag, fmt: Run) -> list[list[Cell]]:
        rows: list[list[Cell]] = []
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue  # rows of nested tables belong to their own cell
            cells: list[Cell] = []
            for td in tr.find_all(["td", "th"], recursive=False):
                inner = _Walker(classes=self.classes, codes=self.codes)
                inner.walk(td, replace(fmt, bold=fmt.bold or td.name == "th"))
                inner.flush()
                text_runs: list[Run] = []
                for index, block in enumerate(inner.builder.blocks):
                    if index:
                        text_runs.append(Run("\n"))
                    text_runs.extend(block.runs or _nested_rows(block) or (Run(block.text),))
                cells.append(make_cell(text_runs))
                span = td.get("colspan")
                extra = int(span) - 1 if isinstance(span, str) and span.isdigit() else 0
                cells.extend(Cell("", spanned=True) for _ in range(min(extra, 64)))
            rows.append(cells)
        return rows


_ID_TEXT = re.compile(r"^[A-Za-z]{1,4}[-_.]?\d{1,3}[a-z]?$")


def _glued_id(tag: Tag) -> bool:
    """ "<span class=qid>B4</span><span class=qtext>How…</span>": an element holding only a
    question's id, the words straight after it with no space in the markup (a tool's print view
    sets them apart with its style sheet): the page shows them apart."""
    after = tag.next_sibling
    if after is None or not _ID_TEXT.match(tag.get_text().strip()):
        return False
    following = after.get_text() if isinstance(after, Tag) else str(after)
    return following[:1].isalpha()


def _nested_rows(block: Block) -> tuple[Run, ...]:
    """A table inside a cell (a codebook's choices `1 | Yes`) as one line a row, its cells
    a space apart, so its words stay in the cell's text."""
    lines = [" ".join(c.text for c in row if c.text.strip()) for row in block.rows]
    text = "\n".join(line for line in lines if line)
    return (Run(text),) if text else ()


def _list_state(tag: Tag, counters: dict[str, tuple[str, str]]) -> _List:
    ordered = tag.name.lower() == "ol"
    start = tag.get("start")
    kind = tag.get("type")
    state = _List(
        ordered=ordered,
        fmt=_OL_TYPES.get(kind if isinstance(kind, str) else "1", "decimal"),
        next_number=int(start) if isinstance(start, str) and start.isdigit() else 1,
    )
    drawn = list_style(tag, counters)  # Google Docs: flat lists, numbers drawn by CSS
    if drawn is not None:
        state.level, state.suffix = drawn.level, drawn.suffix
        state.ordered, state.fmt = drawn.fmt != "bullet", drawn.fmt
    return state


def _class_rules(soup: BeautifulSoup) -> dict[str, str]:
    """The page's simple class rules (`.ins {…}`, `em.route {…}`): class name → declarations."""
    rules: dict[str, str] = {}
    for sheet in soup.find_all("style"):
        for selectors, body in _CSS_RULE.findall(sheet.get_text()):
            for selector in selectors.split(","):
                match = _CLASS_SELECTOR.fullmatch(selector.strip())
                if match:
                    rules[match[1]] = rules.get(match[1], "") + ";" + body.lower()
    return rules


# "font-weight:bold", or a number from 600 up ("font-weight:700", how Google Docs writes bold)
_BOLD_WEIGHT = re.compile(r"font-weight\s*:\s*(?:bold(?:er)?\b|[6-9]00\b)")


def _boxed_code(tag: Tag, classes: dict[str, str]) -> bool:
    """A short code in an inline box that CSS gives a width of its own."""
    if not re.fullmatch(r"\s*\d{1,3}\s*", tag.get_text()):
        return False
    names: list[str] = list(tag.get("class") or [])
    style = (";".join(classes.get(c, "") for c in names) + ";" + str(tag.get("style", ""))).lower()
    style = style.replace(" ", "")
    return "display:inline-block" in style and "width:" in style


def _inline(tag: Tag, fmt: Run, classes: dict[str, str] | None = None) -> Run:
    """The formatting an inline element adds (its style attribute and its classes' rules)."""
    name = tag.name.lower()
    style = str(tag.get("style", "")).lower()
    names: list[str] = list(tag.get("class") or [])
    if classes and names:
        style = ";".join(classes.get(c, "") for c in names) + ";" + style
    colour = _COLOUR.search(style)
    named = _NAMED_COLOUR.search(style)
    hex_value = None
    if colour is None and named and named.group(1) in _COLOUR_NAMES:
        hex_value = "#" + _COLOUR_NAMES[named.group(1)]
    if colour:
        raw = colour.group(1)
        hex_value = "#" + ("".join(c * 2 for c in raw) if len(raw) == 3 else raw).upper()
    return replace(
        fmt,
        bold=fmt.bold or name in ("b", "strong") or _BOLD_WEIGHT.search(style) is not None,
        italic=fmt.italic or name in ("i", "em") or "font-style:italic" in style.replace(" ", ""),
        underline=fmt.underline or name in ("u", "ins"),
        caps=fmt.caps or "text-transform:uppercase" in style.replace(" ", ""),
        color=hex_value if hex_value and hex_value != "#000000" else fmt.color,
        highlight="yellow" if name == "mark" else _marker(name, style) or fmt.highlight,
    )


def _marker(name: str, style: str) -> str | None:
    """A span's background in a bright, strong hue (yellow, green, pink): highlighted words,
    the way an author marks a note to self. Greys, pale tints, white and dark bands are
    shading, not a marker."""
    found = _BACKGROUND.search(style) if name == "span" else None
    if found is None:
        return None
    value = found.group(1)
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    bright = max(red, green, blue) >= 200  # (a dark band under white words is a banner)
    strong = max(red, green, blue) - min(red, green, blue) > 100
    return "#" + value.upper() if bright and strong else None


# a right margin or padding above zero ("margin-right: 0.4em", "padding: 0 4px")
_RIGHT_GAP = re.compile(r"(?:margin|padding)-right\s*:\s*0*[.]?[1-9]")


def _spaced_after(tag: Tag, classes: dict[str, str]) -> bool:
    """An inline element drawn with a gap on its right (its style or its classes' rules)."""
    style = str(tag.get("style", "")).lower()
    names: list[str] = list(tag.get("class") or [])
    style += ";".join(classes.get(c, "") for c in names)
    return _RIGHT_GAP.search(style) is not None


def _input_kinds(soup: BeautifulSoup) -> set[str]:
    return {str(tag.get("type", "")).lower() for tag in soup.find_all("input")}


def _all_check_boxes(tag: Tag) -> bool:
    """A list whose choices are all check boxes (one per item, not nested lists')."""
    items = [li for li in tag.find_all("li") if li.find_parent(["ul", "ol"]) is tag]
    boxes = [li.find("input") for li in items]
    return bool(items) and all(
        box is not None and str(box.get("type", "")).lower() == "checkbox" for box in boxes
    )


def read_html(data: bytes, name: str) -> Document:
    """Read an HTML page's body into blocks."""
    markup = decode_text(data)
    soup = BeautifulSoup(markup, "lxml")
    map_symbol_fonts(soup)  # Word's Wingdings "¨" before an answer is its box
    css = " ".join(sheet.get_text() for sheet in soup.find_all("style"))
    walker = _Walker(
        classes=_class_rules(soup),
        counters=counter_styles(css),
        codes=stored_codes(soup),
        mixed_boxes=_input_kinds(soup) >= {"checkbox", "radio"},
    )
    walker.walk(soup.body or soup, Run(""))
    walker.flush()
    document = walker.builder.build(name, MEDIA_TYPE)
    document.source = markup
    return document
