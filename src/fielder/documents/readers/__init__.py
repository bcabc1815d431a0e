"""The readers, one per file format, and the table that says which format a file is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fielder.documents.model import Document

ReadFn = Callable[[bytes, str], Document]


@dataclass(frozen=True, slots=True)
class Format:
    """One file format: its extensions, media types, container and reader."""

    key: str
    label: str
    extensions: tuple[str, ...]
    media_types: tuple[str, ...]
    #: what the bytes must look like: "zip", "pdf", "rtf" or "text"
    container: str
    reader: str  # "module:function" imported on first use, so unused readers cost nothing


FORMATS: tuple[Format, ...] = (
    Format(
        "docx",
        "Word document",
        (".docx", ".docm", ".dotx"),
        (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-word.document.macroenabled.12",
        ),
        "zip",
        "docx:read_docx",
    ),
    Format("pdf", "PDF document", (".pdf",), ("application/pdf",), "pdf", "pdf:read_pdf"),
    Format("txt", "text file", (".txt", ".text"), ("text/plain",), "text", "text:read_text"),
    Format(
        "md",
        "Markdown file",
        (".md", ".markdown", ".mdown"),
        ("text/markdown", "text/x-markdown"),
        "text",
        "markdown:read_markdown",
    ),
    Format(
        "xlsx",
        "Excel workbook",
        (".xlsx", ".xlsm"),
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-excel.sheet.macroenabled.12",
        ),
        "zip",
        "xlsx:read_xlsx",
    ),
    Format(
        "odt",
        "OpenDocument text",
        (".odt",),
        ("application/vnd.oasis.opendocument.text",),
        "zip",
        "odt:read_odt",
    ),
    Format(
        "rtf",
        "RTF document",
        (".rtf",),
        ("application/rtf", "text/rtf"),
        "rtf",
        "rtf:read_rtf",
    ),
    Format(
        "html",
        "HTML page",
        (".html", ".htm", ".xhtml"),
        ("text/html", "application/xhtml+xml"),
        "text",
        "html:read_html",
    ),
)


def reader_for(fmt: Format) -> ReadFn:
    """The read function of a format."""
    import importlib

    module_name, function = fmt.reader.split(":")
    module = importlib.import_module(f"fielder.documents.readers.{module_name}")
    reader: ReadFn = getattr(module, function)
    return reader
