"""A questionnaire file as read: blocks of text with their formatting and where they came from.

Readers (one per file type, under `readers/`) produce a `Document`; the compiler reads
only this, never the file. Offsets are into `Document.text`, the blocks' texts joined
with a newline, so that every IR element can point back at the words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "list_item", "table", "page_break"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    #: "#RRGGBB" of a coloured font, None for the automatic colour (black).
    color: str | None = None
    #: the highlight (background) colour name or "#RRGGBB", None when there is none.
    highlight: str | None = None
    #: set in a code span (Markdown's backticks): a name the author writes as code, no words
    code: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a table: its text, runs, and where it is."""

    text: str
    runs: tuple[Run, ...] = ()
    start: int = 0
    end: int = 0
    #: for each line of `text`, its paragraph's place in the cell counting empty paragraphs
    #: (a routing arrow set level with the third answer says so); empty when not known
    line_places: tuple[int, ...] = ()
    #: True for the empty place a merged cell covers to its right (`gridSpan`, `colspan`): the
    #: cell on its left stands over this column too
    spanned: bool = False
    #: "#RRGGBB" of the cell's shading (background fill), None when unshaded or white
    fill: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, heading, list item, table or page break, in reading order.

    `text` is the block's visible text without its list numbering; `numbering` is the
    numbering as the reader sees it ("1.", "a)", "Q3."), rendered from the file's
    automatic numbering where it has one. For a table, `rows` holds the cells and
    `text` the cells' texts joined by tabs and newlines.
    """

    kind: BlockKind
    text: str = ""
    runs: tuple[Run, ...] = ()
    #: heading level (1 = top) or list nesting level (0 = top); 0 otherwise.
    level: int = 0
    numbering: str | None = None
    #: the paragraph style name where the format has one ("Heading 2", "List Paragraph").
    style: str | None = None
    rows: tuple[tuple[Cell, ...], ...] = ()
    #: 1-based page (PDF, or docx page breaks); sheet index + 1 for spreadsheets.
    page: int | None = None
    start: int = 0
    end: int = 0
    #: left indentation in points where the format records it (docx, odt); None otherwise.
    indent: float | None = None


@dataclass(slots=True)
class Document:
    """A questionnaire file read into blocks."""

    name: str
    media_type: str
    blocks: list[Block] = field(default_factory=list)
    text: str = ""
    page_count: int | None = None
    #: things the reader noticed and the user may want to know (skipped images, comments).
    notes: list[str] = field(default_factory=list)
    #: the markup as written, for formats whose controls carry data the print view drops
    #: (an HTML form's field names, values and show-if rules); empty otherwise.
    source: str = ""
