"""Routing written on an answer's line (its tail) or on the line right after the answers, one
small case each in invented words: every arrow glyph, a screen-out or jump after the answers
with a remark beside it, THEN before a bare id, a bare id in a route cell, the closing page
named in words, and a group of people named by an answer's words."""

from __future__ import annotations

import pytest

from fielder.compiler.arrow_glyphs import plain_arrow_text
from tests.compiler.conftest import by_id, compile_text


def _boat(tail: str, after: str = "") -> str:
    return "\n".join(
        [
            "Q1. Have you sailed on the lake this summer?",
            "Yes ☐1",
            f"No ☐2 {tail}",
            after,
            "Q2. Which boat did you hire?",
            "Rowing boat ☐1",
            "Canoe ☐2",
            "Q3. How was the weather?",
            "Good ☐1",
            "Poor ☐2",
            "Q4. Any other comments?",
            "Yes ☐1",
            "No ☐2",
        ]
    )


@pytest.mark.parametrize("arrow", ["➜", "➔", "➡", "⟶", "⇨", "▶", "►", "→", "->", "=>"])
def test_an_answer_tail_after_any_arrow_glyph_is_a_skip_on_that_code(arrow: str) -> None:
    q1 = by_id(compile_text(_boat(f"{arrow} Go to Q4")))["Q1"]
    assert [(o.code, o.label) for o in q1.options] == [("1", "Yes"), ("2", "No")]
    assert q1.skip_to[0].if_ == "Q1 == '2'"
    assert q1.skip_to[0].to == "Q4"


def test_an_arrow_glyph_telling_the_respondent_to_stop_is_a_screen_out() -> None:
    q1 = by_id(compile_text(_boat("➜ Please stop here and post the form back to us")))["Q1"]
    assert [o.label for o in q1.options] == ["Yes", "No"]
    assert q1.terminate_if == "Q1 == '2'"


def test_codes_after_labels_are_split_off_when_one_line_has_an_arrow_tail() -> None:
    text = "Q1. Sailed?\nYes 1\nNo 2 ➜ Go to Q3\nQ2. Boat?\nYes 1\nNo 2\nQ3. Weather?\nYes 1\nNo 2"
    q1 = by_id(compile_text(text))["Q1"]
    assert [(o.code, o.label) for o in q1.options] == [("1", "Yes"), ("2", "No")]


def test_a_triangle_at_a_line_start_stays_a_bullet() -> None:
    assert plain_arrow_text("▶ Canoe") == "▶ Canoe"
    assert plain_arrow_text("Canoe 2 ▶ Q4") == "Canoe 2 → Q4"
    assert plain_arrow_text("Canoe ➜ Q4") == "Canoe → Q4"


def test_a_screen_out_after_the_answers_is_read_beside_a_sentence_saying_why() -> None:
    after = "If No: thank them and end. This study is only for people who sailed."
    q1 = by_id(compile_text(_boat("", after)))["Q1"]
    assert q1.terminate_if == "Q1 == '2'"


def test_a_remark_after_the_answers_with_no_action_is_not_read() -> None:
    after = "If No: we will note it. This study is only for people who sailed."
    q1 = by_id(compile_text(_boat("", after)))["Q1"]
    assert not q1.terminate_if


def test_then_before_a_bare_id_is_a_jump() -> None:
    q1 = by_id(compile_text(_boat("", "If they did not sail (2), then Q4.")))["Q1"]
    assert q1.skip_to[0].if_ == "Q1 == '2'"
    assert q1.skip_to[0].to == "Q4"


def test_then_before_words_is_no_jump() -> None:
    q1 = by_id(compile_text(_boat("", "If they did not sail (2), then Q4 is skipped too.")))["Q1"]
    assert not q1.skip_to


def test_a_group_named_by_an_answers_words_jumps() -> None:
    text = "\n".join(
        [
            "Q1. Where do you moor your boat?",
            "[ ] North jetty (1)",
            "[ ] South jetty (2)",
            "[ ] I have no mooring yet, I'm on the reserve list (3)",
            "Reserve-list members: please go straight to question 4.",
            "Q2. How long have you moored there?",
            "[ ] Under a year (1)",
            "[ ] Longer (2)",
            "Q3. Is the jetty safe?",
            "[ ] Yes (1)",
            "[ ] No (2)",
            "Q4. Any other comments?",
            "[ ] Yes (1)",
            "[ ] No (2)",
        ]
    )
    q1 = by_id(compile_text(text))["Q1"]
    assert q1.skip_to[0].if_ == "Q1 == '3'"
    assert q1.skip_to[0].to == "Q4"


def test_a_group_whose_words_name_no_answer_is_not_read() -> None:
    text = "\n".join(
        [
            "Q1. Where do you moor your boat?",
            "[ ] North jetty (1)",
            "[ ] South jetty (2)",
            "Visiting members: please go straight to question 3.",
            "Q2. How long have you moored there?",
            "[ ] Under a year (1)",
            "[ ] Longer (2)",
            "Q3. Any other comments?",
            "[ ] Yes (1)",
            "[ ] No (2)",
        ]
    )
    assert not by_id(compile_text(text))["Q1"].skip_to


def test_the_closing_screen_named_in_words_is_the_end() -> None:
    text = "\n".join(
        [
            "Q1. Do you live nearby?",
            "1\tYes",
            "2\tNo → proceed to the closing screen",
            "Q2. Which village?",
            "1\tEast",
            "2\tWest",
            "CLOSE Thank you for your time.",
        ]
    )
    q1 = by_id(compile_text(text))["Q1"]
    assert q1.skip_to
    assert q1.skip_to[0].if_ == "Q1 == '2'"
    assert q1.skip_to[0].to == "CLOSE"


def test_a_routing_cell_with_end_before_the_thanks_is_a_screen_out() -> None:
    from fielder.compiler.build import directives_of

    kinds = [d.kind for d in directives_of(["4 → end: thank and close (not a sailor)"])]
    assert kinds == ["terminate_if"]
    assert [d.kind for d in directives_of(["4 → end of section: go on"])] != ["terminate_if"]


def test_a_bare_id_alone_in_an_answers_route_cell_is_where_it_goes() -> None:
    from fielder.compiler.options import RawOption, _tail_actions

    routed = RawOption("No", "2")
    _tail_actions(routed, ["B7"])
    assert routed.skip_to == "B7"
    coded = RawOption("No", "2")
    _tail_actions(coded, ["r2"])  # a scripting row code, not a question
    assert coded.skip_to is None


def test_an_arrow_tail_tagged_end_in_brackets_is_a_screen_out() -> None:
    q1 = by_id(compile_text(_boat("➜ please hand this card to the skipper (end)")))["Q1"]
    assert [o.label for o in q1.options] == ["Yes", "No"]
    assert q1.terminate_if == "Q1 == '2'"


def test_an_arrow_tail_with_other_words_in_brackets_is_no_screen_out() -> None:
    q1 = by_id(compile_text(_boat("➜ please hand this card to the skipper (at the jetty)")))["Q1"]
    assert not q1.terminate_if


def test_word_autocorrect_arrows_in_symbol_fonts_are_arrows() -> None:
    from fielder.documents.readers.docx import _symbol

    assert _symbol("F0E8", "Wingdings") == "→"
    assert _symbol("F0AE", "Symbol") == "→"
    assert _symbol("F0E0", "Symbol") != "→"  # a lozenge in the Symbol font
