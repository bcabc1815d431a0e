"""fielder.documents: read a questionnaire file (docx, pdf, txt, md, xlsx, odt, rtf, html)
into a `Document` of blocks with formatting, numbering and offsets."""

from __future__ import annotations

from pathlib import Path

from fielder.documents.detect import SUPPORTED_EXTENSIONS, detect, sniff
from fielder.documents.errors import DocumentError, UnreadableFile, UnsupportedFile
from fielder.documents.model import Block, Cell, Document, Run
from fielder.documents.readers import reader_for
from fielder.documents.safety import check_size

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "Block",
    "Cell",
    "Document",
    "DocumentError",
    "Run",
    "UnreadableFile",
    "UnsupportedFile",
    "detect",
    "read_document",
    "read_path",
    "sniff",
]


def read_document(data: bytes, name: str, media_type: str | None = None) -> Document:
    """Read a file's bytes into a Document. Raises UnsupportedFile (unknown type, → 415)
    or UnreadableFile (damaged, hostile, mislabelled or text-less file, → 422)."""
    check_size(data)
    fmt = detect(data, name, media_type)
    return reader_for(fmt)(data, name)


def read_path(path: str | Path) -> Document:
    """Read a file from disk into a Document (see `read_document`)."""
    file = Path(path)
    return read_document(file.read_bytes(), file.name)
