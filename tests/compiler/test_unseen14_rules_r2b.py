"""Conventions from a questionnaire pasted into an e-mail (unseen14, r2b), one small case each,
in invented words."""

from __future__ import annotations

from fielder.compiler.gapped_codes import gapped_codes
from fielder.compiler.types import asks_to_rank
from tests.compiler.conftest import by_id, compile_text


def test_number_alone_with_its_note_keeps_the_words_on_the_next_line() -> None:
    survey = by_id(
        compile_text(
            "1. Which boats have you sailed?\n"
            "   1 = Dinghy\n"
            "   2 = Catamaran\n"
            "   3 = Yacht\n\n"
            "2. [ONLY ASK IF CODE 2 AT Q1]\n"
            "Which harbour did you leave from?\n"
            "   1 = North quay\n"
            "   2 = South quay\n"
        )
    )
    assert "Which harbour" in survey["Q2"].text
    assert [o.code for o in survey["Q1"].options] == ["1", "2", "3"]
    assert survey["Q2"].display_if is not None


def test_on_a_scale_opens_a_question() -> None:
    survey = by_id(
        compile_text(
            "1. Did you visit the lighthouse?\n"
            "   1 = Yes\n"
            "   2 = No\n\n"
            "2. On a scale of 1 to 5, how much did you enjoy the boat trip round\n"
            "the bay?\n"
        )
    )
    assert [o.code for o in survey["Q1"].options] == ["1", "2"]
    assert survey["Q2"].text.startswith("On a scale")


def test_gapped_codes_with_a_last_non_answer_code() -> None:
    assert gapped_codes("1 Often    2 Rarely    9 Rather not say") == [
        ("1", "Often"),
        ("2", "Rarely"),
        ("9", "Rather not say"),
    ]
    assert gapped_codes("1 Poor    10 Great") == []
    assert gapped_codes("1 Poor    2 Fair    5 Great") == []


def test_put_these_items_in_order_is_a_ranking() -> None:
    assert asks_to_rank("Please put these flavours in order, with 1 being the most appealing.")
    assert asks_to_rank("Number the hikes, with 1 being the most interesting to you.")
