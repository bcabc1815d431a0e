"""Round rows77: routing by a table row's shading under a colour key, a row's own filter in its
answer cell, a jump to a question inside a named part, paired "If yes / If no" follow-ups,
and a group told by what it does now. Invented wording throughout."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from fielder.compiler import compile_document
from fielder.compiler.named_routes import named_route
from fielder.compiler.shaded_rows import colour_keys, fill_matches
from fielder.documents import read_path
from tests.compiler.conftest import by_id

BLUE, LEMON = "CFE2F3", "FFF5C2"


def _shade(cells: list[object], fill: str) -> None:
    for cell in cells:
        tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:fill"), fill)
        tc_pr.append(shd)


def _shaded_form(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Allotment Society – Plot Holders' Survey")
    document.add_paragraph(
        "Key: rows shaded BLUE are for beekeepers only (Yes at Q2). Rows shaded YELLOW are "
        "only for plot holders who share their plot (Yes at Q3)."
    )
    rows = [
        (
            "Q1",
            ["How long have you had your plot?"],
            ["Under a year (1)", "A year or more (2)"],
            None,
        ),
        ("Q2", ["Do you keep bees on your plot?"], ["Yes (1)", "No (2)"], None),
        ("Q3", ["Do you share your plot with anyone?"], ["Yes (1)", "No (2)   → Q6"], None),
        ("Q4", ["How many hives do you keep?"], ["One (1)", "Two or more (2)"], BLUE),
        (
            "Q5",
            ["PLOT SHARERS ONLY", "Who do you share with?"],
            ["Family (1)", "A friend (2)"],
            LEMON,
        ),
        (
            "Q6",
            ["How would you rate the water supply?"],
            ["Good (1)", "Poor (2)", "Only if you ticked 2 at Q1"],
            None,
        ),
    ]
    table = document.add_table(rows=1, cols=3)
    for cell, head in zip(table.rows[0].cells, ["No.", "Question", "Answers"], strict=True):
        cell.text = head
    for label, question, answers, fill in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = "\n".join(question)
        cells[2].text = "\n".join(answers)
        if fill:
            _shade(list(cells), fill)
    path = path / "shaded.docx"
    document.save(str(path))
    return path


def test_shaded_rows_take_the_colour_keys_filter(tmp_path: Path) -> None:
    questions = by_id(compile_document(read_path(_shaded_form(tmp_path))).survey)
    assert questions["Q4"].display_if == "Q2 == '1'"
    assert questions["Q5"].display_if == "Q3 == '1'"
    assert questions["Q1"].display_if is None
    assert questions["Q2"].display_if is None


def test_a_rows_answer_cell_filter_and_jump_are_its_own(tmp_path: Path) -> None:
    questions = by_id(compile_document(read_path(_shaded_form(tmp_path))).survey)
    assert questions["Q6"].display_if == "Q1 == '2'"
    assert [(s.if_, s.to) for s in questions["Q3"].skip_to] == [("Q3 == '2'", "Q6")]
    assert "ONLY" not in questions["Q5"].text


def test_colour_key_words_and_fill_families() -> None:
    keys = colour_keys("Grey rows are for drivers only (Q4 = 1); green rows: only if you cycle.")
    assert keys == {"grey": "Only for drivers (Q4 = 1)", "green": "Only if you cycle"}
    assert colour_keys("Please use a blue or black pen.") == {}
    assert fill_matches("#FBE3D0", "peach")
    assert not fill_matches("#FBE3D0", "green")
    assert fill_matches("#D9D9D9", "grey")
    assert not fill_matches("#D9D9D9", "blue")


def test_jump_to_a_question_inside_a_named_part() -> None:
    assert named_route("No (go to Part B, Q12)") == "No (go to Q12)"
    assert named_route("skip to Section 4 – question 20") == "skip to question 20"
    assert named_route("GO TO SECTION C") == "GO TO SECTION C"


def _text_form(path: Path, body: str) -> Path:
    path = path / "form.txt"
    path.write_text(body, encoding="utf-8")
    return path


def test_if_no_after_an_if_yes_follows_the_same_question(tmp_path: Path) -> None:
    body = (
        "Q1. Do you cycle to work?\n1 Yes\n2 No\n"
        "Q2. If yes, how many miles is your ride?\n______ miles\n"
        "Q3. If no, would you consider cycling?\n1 Yes\n2 No\n"
    )
    questions = by_id(compile_document(read_path(_text_form(tmp_path, body))).survey)
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if == "Q1 == '2'"


def test_a_group_told_by_what_it_does_now(tmp_path: Path) -> None:
    body = (
        "Q1. Do you sing in the choir?\n1 Yes\n2 No\n"
        "Q2. Would you be willing to sing at the summer fair?\n1 Yes\n2 Maybe\n3 No\n"
        "Q3 is for those who sing now, or who said Yes or Maybe at Q2.\n"
        "Q3. Which voice part suits you?\n1 Soprano\n2 Alto\n3 Tenor\n4 Bass\n"
    )
    questions = by_id(compile_document(read_path(_text_form(tmp_path, body))).survey)
    assert questions["Q3"].display_if == "Q1 == '1' or Q2 in ['1','2']"
