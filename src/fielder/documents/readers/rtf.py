"""RTF (striprtf): the text, one block per line, with table rows (cells end in "|") as tables.

striprtf keeps no formatting, so RTF runs are plain; indentation by tabs is kept as level.
"""

from __future__ import annotations

from striprtf.striprtf import rtf_to_text

from fielder.documents.errors import UnreadableFile
from fielder.documents.model import Cell, Document
from fielder.documents.readers.base import DocumentBuilder, text_cell
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
    for line in split_lines(text):
        if line.endswith("|"):
            rows.append([text_cell(cell) for cell in line[:-1].split("|")])
            continue
        if rows:
            builder.add_table(rows)
            rows = []
        if line.strip():
            stripped = line.lstrip("\t")
            builder.add_text("paragraph", line, level=len(line) - len(stripped))
    if rows:
        builder.add_table(rows)
    return builder.build(name, MEDIA_TYPE)
