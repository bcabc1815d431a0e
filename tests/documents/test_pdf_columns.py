"""PDF reading order on pages whose text sits side by side, crop boxes and scaled fonts."""

from __future__ import annotations

from fielder.documents import read_document
from fielder.documents.model import Document
from tests.documents.conftest import assert_offsets
from tests.documents.pdf_build import grid_ops, make_pdf, scaled_text_ops, text_ops


def _texts(doc: Document) -> list[str]:
    return [block.text for block in doc.blocks if block.kind != "page_break"]


def _question_beside_answers() -> str:
    """A form's band: a wrapped question on the left, its answer list on the right set at
    another line spacing, then a question across the whole width."""
    left = [
        "Q3. How did you hear about the",
        "festival this year? Please mark all",
        "that apply.",
    ]
    right = ["1 From a friend or relative", "2 On social media", "3 In a newspaper"]
    ops = "".join(text_ops(56, 700 - 13 * i, line) for i, line in enumerate(left))
    ops += "".join(text_ops(320, 696 - 17 * i, line) for i, line in enumerate(right))
    ops += text_ops(56, 600, "Q4. Is there anything else you would like to tell us about the day?")
    return ops


def test_question_and_answers_side_by_side_are_read_one_after_the_other() -> None:
    doc = read_document(make_pdf([_question_beside_answers()]), "form.pdf")
    assert_offsets(doc)
    assert _texts(doc) == [
        "Q3. How did you hear about the festival this year? Please mark all that apply.",
        "1 From a friend or relative",
        "2 On social media",
        "3 In a newspaper",
        "Q4. Is there anything else you would like to tell us about the day?",
    ]
    assert doc.blocks[1].indent == 320.0


def test_two_questions_side_by_side_with_level_lines() -> None:
    left = ["G. Size of the town where you live:", "1 Under 2,000 people", "2 Over 2,000 people"]
    right = ["G1. Name of the town:", "Write the name of the town", "in capital letters"]
    page = "".join(text_ops(56, 700 - 14 * i, line) for i, line in enumerate(left))
    page += "".join(text_ops(330, 700 - 14 * i, line) for i, line in enumerate(right))
    doc = read_document(make_pdf([page]), "two.pdf")
    assert_offsets(doc)
    assert _texts(doc) == [*left, *right]


def test_rows_with_codes_and_grids_stay_lines() -> None:
    """Answer lines with their codes and routing a gap away, and grid rows, are not columns,
    though a blank gutter runs down the page beside them."""
    options = [("Yes", "1", "Go to Q7"), ("No", "2", ""), ("I never go there", "3", "Go to Q7")]
    page = text_ops(56, 760, "Q5. Do you feel safe in the park after dark?")
    for i, (label, code, route) in enumerate(options):
        y = 740 - 15 * i
        page += text_ops(80, y, label) + text_ops(400, y, code)
        page += text_ops(430, y, route) if route else ""
    page += text_ops(56, 660, "Q6. How much do you agree with each statement?")
    statements = ["The staff were friendly to me", "The paths were clean and tidy"]
    for i, statement in enumerate(statements):
        y = 640 - 15 * i
        page += text_ops(72, y, statement)
        page += "".join(text_ops(350 + 40 * n, y, str(n + 1)) for n in range(3))
    doc = read_document(make_pdf([page]), "rows.pdf")
    assert _texts(doc) == [
        "Q5. Do you feel safe in the park after dark?",
        "Yes\t1\tGo to Q7",
        "No\t2",
        "I never go there\t3\tGo to Q7",
        "Q6. How much do you agree with each statement?",
        "The staff were friendly to me\t1\t2\t3",
        "The paths were clean and tidy\t1\t2\t3",
    ]


def test_numbers_hanging_before_their_text_are_not_a_column() -> None:
    page = ""
    for i, text in enumerate(
        ["How old are you today?", "Where do you live now?", "Who lives with you?"]
    ):
        page += text_ops(56, 700 - 30 * i, str(i + 1)) + text_ops(90, 700 - 30 * i, text)
    doc = read_document(make_pdf([page]), "hanging.pdf")
    assert _texts(doc) == [
        "1\tHow old are you today?",
        "2\tWhere do you live now?",
        "3\tWho lives with you?",
    ]


def test_table_beside_text_keeps_its_place_in_the_column() -> None:
    left = [
        "Q8. Which of these did you eat",
        "at the festival? Answer for each",
        "food in the table.",
    ]
    page = "".join(text_ops(56, 700 - 13 * i, line) for i, line in enumerate(left))
    page += grid_ops(320, 712, [90, 50, 50], [["", "Yes", "No"], ["Bread", "1", "2"]])
    page += text_ops(56, 600, "Q9. Would you come again next year if the festival is held?")
    doc = read_document(make_pdf([page]), "table.pdf")
    texts = _texts(doc)
    assert (
        texts[0]
        == "Q8. Which of these did you eat at the festival? Answer for each food in the table."
    )
    assert doc.blocks[1].kind == "table"
    assert texts[2].startswith("Q9.")


def test_crop_box_moves_the_page_and_its_tables_together() -> None:
    """Positions count from the visible page's corner, so a table's words are found inside
    it (and not repeated as text) when the crop box starts away from the media box."""
    page = (
        text_ops(72, 770, "Q1. What did you buy?", bold=True)
        + grid_ops(72, 700, [200, 80, 80], [["", "Yes", "No"], ["Bread", "1", "2"]])
        + text_ops(72, 600, "After the table")
    )
    doc = read_document(make_pdf([page], crop_box=(20, 40, 575, 800)), "cropped.pdf")
    assert_offsets(doc)
    texts = _texts(doc)
    assert texts[0] == "Q1. What did you buy?"
    table = doc.blocks[1]
    assert table.kind == "table"
    assert [[c.text for c in row] for row in table.rows] == [["", "Yes", "No"], ["Bread", "1", "2"]]
    assert texts[2:] == ["After the table"]
    assert doc.blocks[0].indent == 52.0


def test_one_point_font_scaled_by_the_text_matrix() -> None:
    """Spaces between words stay spaces when every line is a 1-point font scaled up."""
    page = scaled_text_ops(72, 700, "Do you own a car?") + scaled_text_ops(90, 680, "Yes")
    doc = read_document(make_pdf([page]), "scaled.pdf")
    assert _texts(doc) == ["Do you own a car?", "Yes"]
