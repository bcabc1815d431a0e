"""Build small .docx files with python-docx (plus raw XML where python-docx has no API)."""

from __future__ import annotations

import io
import zipfile

from docx import Document as make_docx
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.shared import RGBColor

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bytes(document: object) -> bytes:
    """Save a python-docx document to bytes."""
    out = io.BytesIO()
    document.save(out)  # type: ignore[attr-defined]
    return out.getvalue()


def questionnaire_docx() -> bytes:
    """A questionnaire using headings, auto numbering, a table, colours, caps, tabs, breaks."""
    doc = make_docx()
    doc.add_heading("Section A", level=1)
    para = doc.add_paragraph("How old are you? ", style="List Number")
    red = para.add_run("SINGLE CODE")
    red.bold = True
    red.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    doc.add_paragraph("Under 18\t1", style="List Bullet")
    marked = doc.add_paragraph().add_run("highlighted note")
    marked.font.highlight_color = WD_COLOR_INDEX.YELLOW
    capsed = doc.add_paragraph().add_run("stored lower")
    capsed.font.all_caps = True
    doc.add_paragraph("Second question?", style="List Number")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("On page two")
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 1).text = "Yes"
    table.cell(0, 2).text = "No"
    table.cell(1, 0).text = "Bread"
    table.cell(1, 1).text = "1"
    table.cell(1, 2).text = "2"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Merged across"
    table.cell(2, 2).text = "x"
    body = doc.element.body
    tracked = parse_xml(
        f"<w:p {W_NS}><w:r><w:t>Kept </w:t></w:r>"
        "<w:ins w:id='1' w:author='a'><w:r><w:t>inserted</w:t></w:r></w:ins>"
        "<w:del w:id='2' w:author='a'><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>"
    )
    body.insert(len(body) - 1, tracked)
    return docx_bytes(doc)


def numbered_docx(lvl_text: str, fmt: str, items: list[tuple[int, int]]) -> bytes:
    """A docx whose paragraphs use one custom numbering (lvlText, numFmt) at (numId, ilvl)."""
    doc = make_docx()
    for num_id, ilvl in items:
        para = doc.add_paragraph(f"item {num_id}.{ilvl}")
        para._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt if i == 0 else "lowerLetter"}"/>'
        f'<w:lvlText w:val="{lvl_text if i == 0 else "%" + str(i + 1) + ")"}"/></w:lvl>'
        for i in range(3)
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W_NS}>'
        f'<w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>'
        '<w:num w:numId="41"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="42"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    )
    return replace_part(docx_bytes(doc), "word/numbering.xml", numbering.encode())


def replace_part(data: bytes, part: str, content: bytes) -> bytes:
    """A copy of a zip container with one entry replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
        target.writestr(part, content)
    return out.getvalue()
