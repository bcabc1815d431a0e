"""Answer tables printed as plain lines (unseen16, r2shop), in invented words: the table's
heading row (`Answer  Value  Routing`) is no answer nor a grid's columns, and `THANK & TERMINATE`
in the routing column is a termination whole."""

from __future__ import annotations

from fielder.compiler.answer_heads import is_answer_head
from fielder.compiler.options import strip_routing
from tests.compiler.conftest import by_id, compile_text


def test_answer_table_heading_rows_are_recognised() -> None:
    assert is_answer_head("Response\tCode\tSkip / Instruction")
    assert is_answer_head("Answer    Value    Routing")
    assert is_answer_head("Label\tPunch\tGo to")
    assert not is_answer_head("Code\tRouting")  # no answer column
    assert not is_answer_head("Answer\tSkip")  # no code column
    assert not is_answer_head("Brand\tCode\tNotes")  # "Brand" is a word of the survey's own
    assert not is_answer_head("Response")


def test_heading_row_over_coded_answers_is_dropped() -> None:
    survey = by_id(
        compile_text(
            "Q1\tWhich pets live in your home?\n"
            "MULTIPLE RESPONSE\n"
            "Answer\tValue\tRouting\n"
            "Dog\t1\n"
            "Cat\t2\n"
            "Rabbit / hamster\t3\n"
            "No pets\t4\tEXCLUSIVE\n"
            "Q2\tHow old is your oldest pet?\n"
            "SINGLE RESPONSE\n"
            "Answer\tValue\tRouting\n"
            "Under a year\t1\n"
            "One to five years\t2\n"
            "Older\t3\n"
        )
    )
    assert survey["Q1"].type == "multi"
    assert [o.label for o in survey["Q1"].options] == ["Dog", "Cat", "Rabbit / hamster", "No pets"]
    assert survey["Q2"].type == "single"
    assert [o.code for o in survey["Q2"].options] == ["1", "2", "3"]


def test_thank_and_terminate_in_the_routing_column_is_a_termination() -> None:
    assert strip_routing("Works at a bakery\t1\tTHANK & TERMINATE") == (
        "Works at a bakery\t1",
        None,
        True,
    )
    assert strip_routing("Works at a bakery\t1\tTHANK YOU AND CLOSE")[2]


def test_answer_in_capitals_with_its_code_cell_is_an_answer() -> None:
    survey = by_id(
        compile_text(
            "Q3\tWhich exam did you pass last?\n"
            "SINGLE RESPONSE\n"
            "None\t1\n"
            "GCSE / O LEVEL\t2\n"
            "A LEVEL\t3\n"
            "Degree\t4\n"
        )
    )
    labels = [o.label for o in survey["Q3"].options]
    assert labels == ["None", "GCSE / O LEVEL", "A LEVEL", "Degree"]


def test_quoted_end_words_lose_their_quotes() -> None:
    survey = by_id(
        compile_text(
            "Q4\tOn a scale of 0 to 10, where 0 means 'Not at all happy' and 10 means "
            "'Completely happy', how happy are you with your garden?\n"
            "0\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\n"
        )
    )
    labels = [o.label for o in survey["Q4"].options]
    assert labels[0] == "Not at all happy"
    assert labels[-1] == "Completely happy"


def test_dialling_code_before_a_blank_is_a_text_box() -> None:
    survey = by_id(
        compile_text(
            "Q5\tWhat is your phone number? We only use it to check the interview.\n"
            "RECORD PHONE NUMBER\n"
            "+44 ____________\n"
            "Q6\tWhat is your age?\n"
            "Under 30\t1\n"
            "30 or over\t2\n"
        )
    )
    assert survey["Q5"].type == "text"
    assert survey["Q5"].options == []


def test_blank_middle_headings_over_a_row_of_codes_are_numbered_points() -> None:
    from fielder.compiler.build import table_layout

    kind, columns, rows = table_layout(
        (
            ("Feature", "Awful", "", "", "Superb"),
            ("", "1", "2", "3", "4"),
            ("a) Seats", "1", "2", "3", "4"),
            ("b) Lighting", "1", "2", "3", "4"),
        )
    )
    assert kind == "grid"
    assert [(c.code, c.label) for c in columns] == [
        ("1", "Awful"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Superb"),
    ]


def test_codes_gapped_from_their_words_pair_again() -> None:
    from fielder.compiler.gapped_codes import gapped_codes

    assert gapped_codes("1  Often   2  Rarely   3  (CAN'T SAY)") == [
        ("1", "Often"),
        ("2", "Rarely"),
        ("3", "CAN'T SAY"),
    ]
