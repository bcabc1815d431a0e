"""Format detection: extension plus magic bytes; unknown and mislabelled files."""

from __future__ import annotations

import pytest

from fielder.documents import SUPPORTED_EXTENSIONS, detect, read_document
from fielder.documents.errors import UnreadableFile, UnsupportedFile


def test_supported_extensions_cover_every_format() -> None:
    for ext in (".docx", ".pdf", ".txt", ".md", ".xlsx", ".odt", ".rtf", ".html"):
        assert ext in SUPPORTED_EXTENSIONS


@pytest.mark.parametrize("name", ["survey.exe", "survey", "survey.doc", "survey.xls", "a.pptx"])
def test_unknown_extensions_are_unsupported(name: str) -> None:
    with pytest.raises(UnsupportedFile) as info:
        read_document(b"hello", name)
    assert info.value.reason


def test_media_type_used_when_the_name_has_no_extension() -> None:
    assert detect(b"# Title", "upload", "text/markdown").key == "md"
    assert read_document(b"hello", "upload", "text/plain").blocks[0].text == "hello"


def test_text_named_docx_is_unreadable_naming_both() -> None:
    with pytest.raises(UnreadableFile) as info:
        read_document(b"Q1. Just some text", "survey.docx")
    assert ".docx" in info.value.reason
    assert "plain text" in info.value.reason


def test_pdf_named_txt_is_unreadable() -> None:
    with pytest.raises(UnreadableFile) as info:
        read_document(b"%PDF-1.4\n...", "survey.txt")
    assert "PDF" in info.value.reason


def test_binary_named_md_is_unreadable() -> None:
    with pytest.raises(UnreadableFile):
        read_document(b"\x00\x01\x02binary", "survey.md")


def test_empty_file_is_unreadable() -> None:
    with pytest.raises(UnreadableFile, match="empty"):
        read_document(b"", "survey.txt")
