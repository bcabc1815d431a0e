"""Plain text and Markdown reading."""

from __future__ import annotations

import codecs

from fielder.documents import read_document
from tests.documents.conftest import assert_offsets

QUESTIONNAIRE = """SURVEY TITLE

Q1. How old are you?
      (1) Under 18
      (2) 18 or over  --> SKIP TO Q3
\tQ2\ttabbed
"""


def test_txt_lines_become_paragraphs_with_indent_levels() -> None:
    doc = read_document(QUESTIONNAIRE.encode(), "survey.txt")
    texts = [b.text for b in doc.blocks]
    assert texts[:3] == ["SURVEY TITLE", "Q1. How old are you?", "(1) Under 18"]
    assert [b.level for b in doc.blocks][:4] == [0, 0, 2, 2]
    assert doc.blocks[-1].text == "Q2\ttabbed"
    assert doc.media_type == "text/plain"
    assert_offsets(doc)


def test_txt_encodings_are_detected() -> None:
    text = "Q1. Café? – “yes”"
    for data in (
        text.encode("utf-8"),
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("utf-16"),
        text.encode("cp1252"),
    ):
        doc = read_document(data, "a.txt")
        assert doc.blocks[0].text == text


def test_txt_cp1252_undefined_bytes_do_not_fail() -> None:
    doc = read_document(b"Q1 \x81\x8d caf\xe9", "a.txt")
    assert doc.blocks[0].text.endswith("café")


MARKDOWN = """# Health survey

## Section A

**1.** Are you 18 or older?
*Interviewer: read out.*

1. Yes
2. No
   - nested bullet

3) third

| Item | Yes | No |
|---|---|---|
| a. **Bread** | 1 | 2 |
| b. Milk | 1 | 2 |

- 8 - Don't know
"""


def test_markdown_blocks() -> None:
    doc = read_document(MARKDOWN.encode(), "survey.md")
    assert_offsets(doc)
    kinds = [(b.kind, b.level, b.numbering, b.text) for b in doc.blocks]
    assert kinds[0] == ("heading", 1, None, "Health survey")
    assert kinds[1] == ("heading", 2, None, "Section A")
    assert kinds[2] == ("paragraph", 0, None, "1. Are you 18 or older?")
    assert kinds[3] == ("paragraph", 0, None, "Interviewer: read out.")
    assert ("list_item", 0, "1.", "Yes") in kinds
    assert ("list_item", 0, "2.", "No") in kinds
    assert ("list_item", 1, "-", "nested bullet") in kinds
    assert ("list_item", 0, "3)", "third") in kinds
    assert ("list_item", 0, "-", "8 - Don't know") in kinds
    first = doc.blocks[2]
    assert first.runs[0].bold
    assert first.runs[0].text == "1."
    assert doc.blocks[3].runs[0].italic


def test_markdown_table_is_a_grid_with_runs() -> None:
    doc = read_document(MARKDOWN.encode(), "survey.md")
    table = next(b for b in doc.blocks if b.kind == "table")
    grid = [[c.text for c in row] for row in table.rows]
    assert grid == [["Item", "Yes", "No"], ["a. Bread", "1", "2"], ["b. Milk", "1", "2"]]
    assert any(r.bold and r.text == "Bread" for r in table.rows[1][0].runs)
    assert table.text == "Item\tYes\tNo\na. Bread\t1\t2\nb. Milk\t1\t2"


def test_markdown_ordered_lists_keep_written_numbers_that_skip() -> None:
    data = (
        b"Which fruit?\n\n1. Apple\n2. Pear\n8. Not sure\n\n"
        b"Which day?\n\n1. Monday\n1. Tuesday\n1. Friday\n"
    )
    numbers = [b.numbering for b in read_document(data, "f.md").blocks if b.kind == "list_item"]
    # codes written with a gap are kept; "1. 1. 1." is numbered as a renderer would
    assert numbers == ["1.", "2.", "8.", "1.", "2.", "3."]
