"""Reading .odt, .rtf and .html files."""

from __future__ import annotations

import io

from odf.opendocument import OpenDocumentText
from odf.style import ParagraphProperties, Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import (
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    P,
    Span,
    Tab,
)

from fielder.documents import read_document
from tests.documents.conftest import assert_offsets


def _odt() -> bytes:
    doc = OpenDocumentText()
    red = Style(name="Red", family="text")
    red.addElement(TextProperties(fontweight="bold", color="#c00000"))
    doc.automaticstyles.addElement(red)
    new_page = Style(name="NewPage", family="paragraph")
    new_page.addElement(ParagraphProperties(breakbefore="page"))
    doc.automaticstyles.addElement(new_page)
    lists = ListStyle(name="Letters")
    lists.addElement(ListLevelStyleNumber(level=1, numformat="a", numsuffix=")"))
    lists.addElement(ListLevelStyleBullet(level=2, bulletchar="-"))
    doc.automaticstyles.addElement(lists)
    doc.text.addElement(H(outlinelevel=2, text="Section A"))
    question = P(text="Q1. How old are you? ")
    question.addElement(Span(stylename=red, text="SINGLE"))
    doc.text.addElement(question)
    option = P(text="Under 18")
    option.addElement(Tab())
    option.addText("1")
    doc.text.addElement(option)
    outer = List(stylename=lists)
    for label in ("first", "second"):
        item = ListItem()
        item.addElement(P(text=label))
        outer.addElement(item)
    nested = List()
    nested_item = ListItem()
    nested_item.addElement(P(text="nested"))
    nested.addElement(nested_item)
    item.addElement(nested)
    doc.text.addElement(outer)
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for cells in (["", "Yes"], ["Bread", "1"]):
        row = TableRow()
        for text in cells:
            cell = TableCell()
            cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    doc.text.addElement(P(stylename=new_page, text="On page two"))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_odt_blocks() -> None:
    doc = read_document(_odt(), "q.odt")
    assert_offsets(doc)
    shown = [(b.kind, b.level, b.numbering, b.text) for b in doc.blocks]
    assert shown[0] == ("heading", 2, None, "Section A")
    assert shown[1] == ("paragraph", 0, None, "Q1. How old are you? SINGLE")
    assert shown[2] == ("paragraph", 0, None, "Under 18\t1")
    assert ("list_item", 0, "a)", "first") in shown
    assert ("list_item", 0, "b)", "second") in shown
    assert ("list_item", 1, "-", "nested") in shown
    red = doc.blocks[1].runs[-1]
    assert red.bold
    assert red.color == "#C00000"
    table = next(b for b in doc.blocks if b.kind == "table")
    assert [[c.text for c in row] for row in table.rows] == [["", "Yes"], ["Bread", "1"]]
    last = doc.blocks[-1]
    assert (last.text, last.page) == ("On page two", 2)


RTF = rb"""{\rtf1\ansi\deff0{\fonttbl{\f0 Times;}}
{\pard\b Q1.\b0  How old are you?\par}
{\pard\tab 1\tab Under 18 caf\'e9\par}
\trowd\cellx2000\cellx4000
\intbl Item\cell Code\cell\row
\trowd\cellx2000\cellx4000
\intbl Bread\cell 1\cell\row
{\pard After the table\par}
}"""


def test_rtf_text_and_tables() -> None:
    doc = read_document(RTF, "q.rtf")
    assert_offsets(doc)
    texts = [(b.kind, b.level, b.text) for b in doc.blocks]
    assert texts[0] == ("paragraph", 0, "Q1. How old are you?")
    assert texts[1] == ("paragraph", 1, "1\tUnder 18 café")
    table = doc.blocks[2]
    assert [[c.text for c in row] for row in table.rows] == [["Item", "Code"], ["Bread", "1"]]
    assert texts[3] == ("paragraph", 0, "After the table")


HTML = b"""<!doctype html><html><head><title>T</title><style>p {}</style>
<script>var x = "not text";</script></head><body>
<h2>Section   A</h2>
<p><b>Q1.</b> How old
   are you?<br><em style="color: #7030a0">Interviewer: read out</em></p>
<ol type="a"><li>Under 18</li><li>18 or over <span style="color: #C00000">TERMINATE</span>
  <ul><li>nested</li></ul></li></ol>
<ol start="5"><li>fifth</li></ol>
<table><tr><th></th><th>Yes</th><th>No</th></tr>
<tr><td>Bread</td><td colspan="2">1</td></tr></table>
<p><label><input type="checkbox"> Yes</label> <label><input type="checkbox"> No</label></p>
</body></html>"""


def test_html_blocks() -> None:
    doc = read_document(HTML, "q.html")
    assert_offsets(doc)
    shown = [(b.kind, b.level, b.numbering, b.text) for b in doc.blocks]
    assert shown[0] == ("heading", 2, None, "Section A")
    assert shown[1] == ("paragraph", 0, None, "Q1. How old are you?")
    assert shown[2] == ("paragraph", 0, None, "Interviewer: read out")
    assert ("list_item", 0, "a.", "Under 18") in shown
    assert ("list_item", 0, "b.", "18 or over TERMINATE") in shown
    assert ("list_item", 1, "•", "nested") in shown
    assert ("list_item", 0, "5.", "fifth") in shown
    assert doc.blocks[1].runs[0].bold
    assert doc.blocks[2].runs[0].italic
    assert doc.blocks[2].runs[0].color == "#7030A0"
    item = next(b for b in doc.blocks if b.text.endswith("TERMINATE"))
    assert item.runs[-1].color == "#C00000"
    table = next(b for b in doc.blocks if b.kind == "table")
    assert [[c.text for c in row] for row in table.rows] == [["", "Yes", "No"], ["Bread", "1", ""]]
    assert shown[-1][3] == "☐ Yes ☐ No"
    assert "not text" not in doc.text
