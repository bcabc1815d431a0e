"""RTF (striprtf): the text, one block per line, with table rows (cells end in "|") as tables.

striprtf keeps no formatting; `rtf_runs` reads bold, italic and colour, and a line gets those
runs when their text is the line's. Indentation by tabs is kept as level.
"""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from fielder.documents.errors import UnreadableFile
from fielder.documents.model import Cell, Document, Run
from fielder.documents.readers.base import DocumentBuilder, make_cell, text_cell
from fielder.documents.readers.rtf_runs import rtf_paragraphs
from fielder.documents.readers.text import split_lines

MEDIA_TYPE = "application/rtf"


def read_rtf(data: bytes, name: str) -> Document:
    """Read an .rtf file into paragraphs and tables."""
    source = data.decode("latin-1")
    try:
        text: str = rtf_to_text(source, encoding="cp1252", errors="replace")  # type: ignore[no-untyped-call]
    except (IndexError, ValueError, LookupError) as exc:
        raise UnreadableFile(f"the RTF document is damaged ({type(exc).__name__})") from exc
    builder = DocumentBuilder()
    rows: list[list[Cell]] = []
    formatted = _FormattedLines(source)
    for line in split_lines(text):
        if line.endswith("|"):
            rows.append([formatted.cell(cell) for cell in line[:-1].split("|")])
            continue
        if rows:
            builder.add_table(rows)
            rows = []
        if line.strip():
            stripped = line.lstrip("\t")
            runs = formatted.runs_for(line)
            if runs is None:
                builder.add_text("paragraph", line, level=len(line) - len(stripped))
            else:
                builder.add_runs("paragraph", runs, level=len(line) - len(stripped))
    if rows:
        builder.add_table(rows)
    return builder.build(name, MEDIA_TYPE)


class _FormattedLines:
    """The formatted paragraphs, matched in order to striprtf's lines by their text."""

    def __init__(self, source: str) -> None:
        try:
            paragraphs = rtf_paragraphs(source)
        except (IndexError, ValueError, LookupError):
            paragraphs = []
        self.paragraphs = [p for p in paragraphs if "".join(r.text for r in p).strip()]
        self.next = 0

    def runs_for(self, line: str) -> list[Run] | None:
        """The runs of the paragraph whose text is `line` (a few paragraphs ahead at most)."""
        wanted = " ".join(line.split())
        for index in range(self.next, min(self.next + 4, len(self.paragraphs))):
            runs = self.paragraphs[index]
            if " ".join("".join(r.text for r in runs).split()) == wanted:
                self.next = index + 1
                return runs
        return None

    def cell(self, text: str) -> Cell:
        """A table cell, with its runs when its paragraph is found: a table's cells are
        paragraphs of their own, so each one also moves the cursor past itself (or the
        paragraphs after a table would be out of reach)."""
        if not text.strip():
            return text_cell(text)
        runs = self.runs_for(text)
        return text_cell(text) if runs is None else make_cell(runs)
