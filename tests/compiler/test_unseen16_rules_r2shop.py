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
