"""A Word spec table `No. | Question and answers | Routing` whose question cell holds the
answers as `Label (code)` lines and whose routing column filters the row's own question."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text

_ROWS = [
    ("No.", "Question and answers", "Routing"),
    (
        "K1",
        "Which kennel do you use?\nHillside (1)\nRiverbank (2)\nMoorgate (3)",
        "",
    ),
    (
        "K2",
        "Do you book online?\nYes (1)\nNo (2)",
        "No → K4",
    ),
    (
        "K3",
        "How easy was the booking page?\nEasy (1)\nNot easy (2)",
        "Not shown if K1 = 3",
    ),
    (
        "K4",
        "Which stay did you book?\n7-night stay (1)\n14-night stay (2)\nDay care (3)",
        "",
    ),
    (
        "K5",
        "What share of your stays were booked a month ahead?\n______ %\nNotes: 0 to 100",
        "",
    ),
]


def _spec(path: Path) -> Path:
    document = docx.Document()
    table = document.add_table(rows=0, cols=3)
    for row in _ROWS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path


def test_answers_as_label_then_bracketed_code_inside_the_question_cell(tmp_path: Path) -> None:
    survey = compile_document(read_path(_spec(tmp_path / "kennel.docx"))).survey
    questions = by_id(survey)
    assert [o.label for o in questions["K1"].options] == ["Hillside", "Riverbank", "Moorgate"]
    assert questions["K1"].text == "Which kennel do you use?"
    # the routing column's filter is the row's own question's, not the next one's
    assert questions["K3"].display_if == "not (K1 == '3')"
    assert questions["K4"].display_if is None
    # a route in the column still routes the row's answers
    assert [(r.if_, r.to) for r in questions["K2"].skip_to] == [("K2 == '2'", "K4")]
    # "7-night stay (1)": the number joined to its unit by a hyphen is part of the words
    assert [(o.code, o.label) for o in questions["K4"].options][:2] == [
        ("1", "7-night stay"),
        ("2", "14-night stay"),
    ]
    # "Notes: 0 to 100" under a number box: its bounds
    assert questions["K5"].validation is not None
    assert (questions["K5"].validation.min, questions["K5"].validation.max) == (0, 100)


def test_a_leading_number_with_a_spaced_dash_is_still_a_code() -> None:
    survey = compile_text("Q1. Which one?\n1 - Apples\n2 - Pears\n")
    assert [(o.code, o.label) for o in by_id(survey)["Q1"].options] == [
        ("1", "Apples"),
        ("2", "Pears"),
    ]


def test_a_double_dashed_note_wrapped_over_lines_is_one_note() -> None:
    survey = compile_text(
        "P1  Do you keep bees?\n  [1] Yes\n  [2] No\n\n"
        "  -- P2 and P3 are for beekeepers only (code [1] at P1). Everyone\n"
        "     else continues at P4. --\n\n"
        "P2  How many hives?\n  [1] One\n  [2] More\n\n"
        "P3  Any swarms?\n  [1] Yes\n  [2] No\n\n"
        "P4  Do you sell honey?\n  [1] Yes\n  [2] No\n"
    )
    questions = by_id(survey)
    assert [o.label for o in questions["P1"].options] == ["Yes", "No"]
    assert questions["P2"].display_if == questions["P3"].display_if == "P1 == '1'"
    assert questions["P4"].display_if is None


def test_a_bracketed_note_on_combining_answers_marks_the_answer_alone() -> None:
    survey = compile_text(
        "Q1 Which do you grow? Tick all that apply.\n[1] Beans\n[2] Peas\n"
        "[3] Nothing at the moment (cannot be ticked with any other answer)\n"
    )
    option = by_id(survey)["Q1"].options[2]
    assert option.label == "Nothing at the moment"
    assert option.exclusive


def test_a_group_named_before_its_test_opens_the_question() -> None:
    survey = compile_text(
        "Q1 What is your role?\n[1] Grower\n[2] Packer\n[3] Buyer\n\n"
        "Q2 Growers and packers (Q1 = 1 or 2) - How many staff do you employ?\n"
        "Number: ____\n"
    )
    question = by_id(survey)["Q2"]
    assert question.text == "How many staff do you employ?"
    assert question.display_if == "Q1 in ['1','2']"


def test_capitals_after_a_preposition_are_data_filled_in() -> None:
    survey = compile_text(
        "R1 Our records say the parcel went to [DELIVERY ADDRESS]. Did it arrive?\n1 Yes\n2 No\n"
    )
    assert by_id(survey)["R1"].text == (
        "Our records say the parcel went to [DELIVERY ADDRESS]. Did it arrive?"
    )


def test_more_than_one_visit_counts_visits_not_answers() -> None:
    survey = compile_text(
        "V1 What was the main reason more than one visit was needed?\n"
        "1 Parts on order\n2 Wrong trade sent\n3 Other\n"
    )
    assert by_id(survey)["V1"].type == "single"


def test_a_filter_going_on_after_and_on_the_next_line() -> None:
    survey = compile_text(
        "H1\tHow many people live here?  RECORD NUMBER 1–9\n"
        "H2\tDo you own a car?\nYes\t1\nNo\t2\n"
        "ASK IF H2 = 1\nAND AT LEAST 2 PEOPLE LIVE HERE (H1 >= 2)\n"
        "H3\tWho drives it most?\nMe\t1\nSomeone else\t2\n"
    )
    questions = by_id(survey)
    assert questions["H2"].type == "single"
    assert questions["H3"].display_if == "H2 == '1' and H1 >= 2"


def test_an_answers_bracketed_arrow_is_a_jump_on_its_code() -> None:
    survey = compile_text(
        "Q1 Do you keep a garden?\n1 Yes\n2 No [→ Q4]\n\n"
        "Q2 How big is it?\n1 Small\n2 Large\n\n"
        "Q3 Do you grow vegetables?\n1 Yes\n2 No\n\n"
        "Q4 Do you compost?\n1 Yes\n2 No\n"
    )
    rules = by_id(survey)["Q1"].skip_to
    assert [(r.if_, r.to) for r in rules] == [("Q1 == '2'", "Q4")]
