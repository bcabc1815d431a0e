"""Plain text: one block per non-blank line, indentation kept as the block's level."""

from __future__ import annotations

import codecs
import re

from fielder.documents.model import Document
from fielder.documents.readers.base import DocumentBuilder, text_cell
from fielder.documents.readers.grid_tables import GridTable, find_grid_tables

MEDIA_TYPE = "text/plain"
_TAB_WIDTH = 4


# No layout needs more than a page's width of blank; a longer run is cut to this, because
# rules that look for a gap retry at every blank of a run (quadratic on hostile files).
MAX_BLANK_RUN = 256
_LONG_BLANK_RE = re.compile(rf"[ \t]{{{MAX_BLANK_RUN + 1},}}")


def bounded_blanks(text: str) -> str:
    """`text` with every run of spaces and tabs longer than MAX_BLANK_RUN cut to that length."""
    return _LONG_BLANK_RE.sub(lambda run: run.group()[:MAX_BLANK_RUN], text)


# "~~Q3 How many …~~": wording struck out with a Markdown strikethrough is deleted wording
# (a change-marked draft keeps it for the record); only a span holding a letter or digit
# counts, so a rule of tildes stays as it is.
_STRUCK_RE = re.compile(r"(?<!~)~~(?!~)(?:[^~\r\n]|~(?!~))+?(?<!~)~~(?!~)")


def drop_struck(text: str) -> str:
    """`text` without its `~~struck out~~` spans."""
    if "~~" not in text:
        return text
    return _STRUCK_RE.sub(lambda m: "" if re.search(r"\w", m.group()[2:-2]) else m.group(), text)


# "**A1)** Sex of respondent", "__Q3.__ How …", "### A1", "## Q3. How …": a question label marked
# up in Markdown in a plain-text file (pasted from a chat or wiki tool) is read as the label; a
# heading mark counts only before a label, as "# …" lines are a script's comments.
_MARKED_LABEL = r"(?:[A-Z]{1,4}[-_.]?\d{1,3}[a-z]{0,2}|\d{1,3}[a-z]?|[A-Z][A-Z_]{2,15}\d*)[.):]?"
_EMPHASIS_LABEL_RE = re.compile(
    rf"^(?P<indent>[ \t]*)(?P<mark>\*\*|__)(?P<label>{_MARKED_LABEL})(?P=mark)(?=[ \t]|$)"
)
_HEADING_LABEL_RE = re.compile(
    rf"^(?P<indent>[ \t]*)#{{1,6}}[ \t]+(?P<label>{_MARKED_LABEL})(?=[ \t]|$)(?P<rest>.*)$"
)


def unmark_label(line: str) -> str:
    """`line` with a Markdown bold or heading mark around its opening question label dropped."""
    if "**" not in line and "__" not in line and "#" not in line:
        return line
    match = _EMPHASIS_LABEL_RE.match(line)
    if match:
        return match["indent"] + match["label"] + line[match.end() :]
    match = _HEADING_LABEL_RE.match(line)
    if match and re.match(r"[A-Z]{1,4}[-_.]?\d|\d{1,3}[a-z]?[.)]", match["label"]):
        return match["indent"] + match["label"] + match["rest"]
    return line


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOMs first (utf-8-sig, utf-16, utf-32), then utf-8, then cp1252."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows editors save cp1252; the five bytes it leaves undefined are kept via latin-1.
        return "".join(_cp1252_char(data[i : i + 1]) for i in range(len(data)))


def _cp1252_char(byte: bytes) -> str:
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def _indent_width(line: str) -> int:
    expanded = line.expandtabs(_TAB_WIDTH)
    return len(expanded) - len(expanded.lstrip(" "))


def split_lines(text: str) -> list[str]:
    """Split text into lines on any newline convention, without trailing whitespace."""
    return [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def banner_words(line: str) -> str | None:
    """The words of a banner line (`==== END OF SCRIPT ====`, `---- DEMOGRAPHICS ----`): a
    heading drawn between runs of one rule character; None for any other line."""
    stripped = line.strip()
    mark = stripped[:1]
    if mark not in ("=", "-", "*", "~", "#") or not stripped.startswith(mark * 3):
        return None
    if not stripped.endswith(mark * 3):
        return None
    words = stripped.strip(mark + " \t")
    return words if any(c.isalpha() for c in words) and mark * 3 not in words else None


def read_text(data: bytes, name: str) -> Document:
    """Read a .txt file: each non-blank line is a paragraph; its level is the rank of its indent."""
    text = drop_struck(bounded_blanks(decode_text(data).replace("\x00", "")))
    lines = [unmark_label(line) for line in split_lines(text)]
    widths = sorted({_indent_width(line) for line in lines if line.strip()})
    rank = {width: index for index, width in enumerate(widths)}
    builder = DocumentBuilder()
    tables = {table.first: table for table in find_grid_tables(lines)}
    skip_to = 0
    for index, line in enumerate(lines):
        if index < skip_to or not line.strip():
            continue
        if index in tables:  # a drawn table: one table block, its wrapped cells joined
            _add_grid_table(builder, tables[index])
            skip_to = tables[index].last + 1
            continue
        if line.strip("\f") == "":
            builder.add_page_break()
            continue
        wrapped = _dashed_note_end(lines, index)
        if wrapped is not None:  # a "-- … --" note wrapped over lines: one note
            words = " ".join(part.strip() for part in lines[index : wrapped + 1])
            builder.add_text("paragraph", words, level=rank[_indent_width(line)])
            skip_to = wrapped + 1
            continue
        banner = banner_words(line) or _framed_title(lines, index)
        if banner is not None:
            builder.add_text("heading", banner, level=1)
            continue
        builder.add_text("paragraph", line.replace("\f", ""), level=rank[_indent_width(line)])
    return builder.build(name, MEDIA_TYPE)


# a note set between double dashes ("-- Q4 and Q5 are for … --"), as a text file's comment
_DASHED_OPEN_RE = re.compile(r"^\s*--(?!-)\s+\S")
_DASHED_CLOSE_RE = re.compile(r"\S\s+--\s*$")
_DASHED_NOTE_LINES = 6


def _dashed_note_end(lines: list[str], index: int) -> int | None:
    """The line that closes a dashed note opened at `index` and wrapped over the next lines
    (None when the note is on one line, or no nearby line closes it)."""
    if not _DASHED_OPEN_RE.match(lines[index]) or _DASHED_CLOSE_RE.search(lines[index]):
        return None
    for end in range(index + 1, min(index + _DASHED_NOTE_LINES, len(lines))):
        if not lines[end].strip():
            return None
        if _DASHED_CLOSE_RE.search(lines[end]):
            return end
    return None


def _add_grid_table(builder: DocumentBuilder, table: GridTable) -> None:
    """A drawn table as a table block; a one-column box as the paragraphs it frames."""
    box = table.box_lines()
    if box is None:
        builder.add_table([[text_cell(cell) for cell in row] for row in table.rows])
        return
    for line in box:
        builder.add_text("paragraph", line)


def _is_full_rule(line: str) -> bool:
    stripped = line.strip()
    return (
        len(stripped) >= 10 and stripped[0] in "=-*#~" and stripped == stripped[0] * len(stripped)
    )


def _framed_title(lines: list[str], index: int) -> str | None:
    """A line between two full rules (`=====` / ` E2  MAIN JOB` / `=====`) is a section title."""
    if not (0 < index < len(lines) - 1) or _is_full_rule(lines[index]):
        return None
    if _is_full_rule(lines[index - 1]) and _is_full_rule(lines[index + 1]):
        return " ".join(lines[index].split())
    return None
