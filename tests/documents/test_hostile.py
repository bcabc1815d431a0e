"""Hostile files are refused with a reason, after bounded work."""

from __future__ import annotations

import io
import struct
import zipfile

import openpyxl
import pytest

from fielder.documents import read_document
from fielder.documents.errors import UnreadableFile
from tests.documents.docx_build import questionnaire_docx, replace_part
from tests.documents.pdf_build import make_pdf, text_ops

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


def test_zip_bomb_entry_is_refused_before_decompression() -> None:
    # 40 MB of zeros compresses about 1000 times: refused from the declared sizes.
    bomb = replace_part(questionnaire_docx(), "word/bomb.bin", bytes(40 * 1024 * 1024))
    with pytest.raises(UnreadableFile, match="zip bomb"):
        read_document(bomb, "bomb.docx")


def test_zip_with_too_many_entries_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", b"<x/>")
        for number in range(6000):
            archive.writestr(f"junk/{number}", b"")
    with pytest.raises(UnreadableFile, match="entries"):
        read_document(out.getvalue(), "many.docx")


def _lie_about_size(data: bytes, part: str, declared: int) -> bytes:
    """Rewrite the central directory so that `part` declares a smaller uncompressed size."""
    buffer = bytearray(data)
    name = part.encode()
    position = buffer.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", buffer, position + 28)[0]
        if bytes(buffer[position + 46 : position + 46 + name_length]) == name:
            struct.pack_into("<I", buffer, position + 24, declared)
        position = buffer.find(b"PK\x01\x02", position + 4)
    return bytes(buffer)


def test_entry_larger_than_declared_is_refused() -> None:
    big = b"<w:document xmlns:w='x'>" + b" " * (3 * 1024 * 1024) + b"</w:document>"
    data = replace_part(questionnaire_docx(), "word/document.xml", big)
    with pytest.raises(UnreadableFile):
        read_document(_lie_about_size(data, "word/document.xml", 100), "lie.docx")


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_in_docx_are_refused(xml: bytes) -> None:
    data = replace_part(questionnaire_docx(), "word/document.xml", xml)
    with pytest.raises(UnreadableFile, match="entit"):
        read_document(data, "laughs.docx")


def test_entity_declarations_in_xlsx_are_refused() -> None:
    book = openpyxl.Workbook()
    out = io.BytesIO()
    book.save(out)
    sheet_xml = BILLION_LAUGHS.replace(b"w:document", b"worksheet")
    data = replace_part(out.getvalue(), "xl/worksheets/sheet1.xml", sheet_xml)
    with pytest.raises(UnreadableFile, match="entit"):
        read_document(data, "laughs.xlsx")


def test_entity_declarations_in_odt_are_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", BILLION_LAUGHS)
    with pytest.raises(UnreadableFile, match="entit"):
        read_document(out.getvalue(), "laughs.odt")


def test_malformed_docx_xml_is_refused() -> None:
    data = replace_part(questionnaire_docx(), "word/document.xml", b"<w:document><w:body>")
    with pytest.raises(UnreadableFile, match="well-formed"):
        read_document(data, "broken.docx")


def test_truncated_zip_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="zip"):
        read_document(questionnaire_docx()[:3000], "cut.docx")


def test_text_renamed_docx_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="plain text"):
        read_document(b"Q1. How old are you?\n(1) Under 18\n", "renamed.docx")


def test_ole_file_named_docx_is_refused() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    with pytest.raises(UnreadableFile, match="password-protected"):
        read_document(ole, "locked.docx")


def test_absurd_pdf_page_count_is_refused() -> None:
    data = make_pdf([text_ops(72, 770, "x")] * 2001)
    with pytest.raises(UnreadableFile, match="2001 pages"):
        read_document(data, "huge.pdf")


def test_oversized_file_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="MB"):
        read_document(b" " * (101 * 1024 * 1024), "big.txt")
