"""Short second round on unseen12 (r2c): a paper form's date key one letter a box, 'write 1 next
to the most …' rankings, and section bars printed in bold white on a filled band, in invented
words."""

from __future__ import annotations

from fielder.compiler.classify import is_date_box
from fielder.compiler.types import asks_to_rank
from fielder.documents.model import Run
from fielder.documents.readers.pdf import _heading, _Item, _Line
from tests.compiler.conftest import by_id, compile_text


def test_date_key_one_letter_a_box_is_a_date() -> None:
    assert is_date_box("D\tD\tM\tM\tY\tY\tY\tY")
    assert is_date_box("M M D D Y Y")
    assert not is_date_box("A B C D")
    questions = by_id(
        compile_text(
            "1. When did you last visit the orchard?\n"
            "Yes\nNo\n\n"
            "2. Date you posted this form\n/\t/\nD\tD\tM\tM\tY\tY\tY\tY\n"
        )
    )
    assert questions["Q2"].type == "date"
    assert not questions["Q2"].options


def test_write_1_next_to_the_most_important_asks_for_an_order() -> None:
    assert asks_to_rank(
        "Which two of these matter most? Write 1 next to the most useful and 2 next to the next."
    )
    assert asks_to_rank("Put a 1 in the box by your favourite, then a 2 by your second choice.")
    assert not asks_to_rank("Write 1 word about the most recent visit.")


def _item(text: str, *, bold: bool, color: str | None) -> _Item:
    run = Run(
        text, bold=bold, italic=False, underline=False, caps=False, color=color, highlight=None
    )
    line = _Line([run], x0=50.0, x1=300.0, top=100.0, bottom=110.0, size=10.0)
    return _Item(top=100.0, lines=[line])


def test_bold_white_line_on_a_band_is_a_heading() -> None:
    assert _heading(_item("C Life on the farm", bold=True, color="#FFFFFF"), 10.0)[0] == "heading"
    assert _heading(_item("C Life on the farm", bold=True, color=None), 10.0)[0] == "paragraph"
    assert _heading(_item("C Life on the farm", bold=False, color="#FFFFFF"), 10.0)[0] == (
        "paragraph"
    )


def test_whole_units_count_after_a_dash_keeps_its_range() -> None:
    questions = by_id(
        compile_text(
            "Q1. How long did the ferry wait at the pier?\n[NUMBER – WHOLE MINUTES, 5–90]\n\n"
            "Q2. Did you enjoy the crossing?\n1 Yes\n2 No\n"
        )
    )
    assert questions["Q1"].type == "number"
    assert questions["Q1"].validation is not None
    assert (questions["Q1"].validation.min, questions["Q1"].validation.max) == (5, 90)
