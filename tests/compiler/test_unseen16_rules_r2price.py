"""Conventions of a printed pricing study and a CX survey (unseen16, r2price), one small case
each, in invented words."""

from __future__ import annotations

from fielder.compiler.entry_boxes import entry_hint
from fielder.compiler.instructions import interpret
from fielder.compiler.options import parse_option_text, strip_routing
from fielder.compiler.paren_codes import paren_codes_after_across
from tests.compiler.conftest import by_id, compile_text


def test_a_capital_tag_may_end_in_the_question_it_names() -> None:
    options = parse_option_text("No\t2\tASK Q7", None)
    assert [(o.code, o.label) for o in options] == [("2", "No")]


def test_if_a_bound_then_a_bare_close_ends_the_interview() -> None:
    survey = by_id(
        compile_text(
            "Q1. What is your age?\n"
            "RECORD AGE. RANGE 10-90. IF UNDER 21, CLOSE.\n\n"
            "Q2. Which city do you live in?\n"
            "1 Leeds\n"
            "2 York\n"
        )
    )
    assert survey["Q1"].terminate_if is not None
    assert "21" in survey["Q1"].terminate_if


def test_go_to_the_end_is_a_route_to_the_end() -> None:
    assert strip_routing("2\tNo\t(if no, go to the end)") == ("2\tNo", "end", False)


def test_a_skip_to_the_end_lands_on_the_closing_screen() -> None:
    survey = by_id(
        compile_text(
            "Q1. May we write to you about the results?\n"
            "1 Yes\n"
            "2 No (if no, go to the end)\n\n"
            "Q2. What is your postal address?\n\n"
            "THANKS\n"
            "That is all, thank you for your time.\n"
        )
    )
    assert [(r.if_, r.to) for r in survey["Q1"].skip_to] == [("Q1 == '2'", "THANKS")]


def test_a_go_to_close_route_is_not_read_as_a_termination() -> None:
    assert interpret_terminates("IF UNDER 16, CLOSE.")
    assert not interpret_terminates("If 'No', go to CLOSE")


def interpret_terminates(text: str) -> bool:
    return any(d.kind == "terminate_if" for d in interpret(text))


def test_screen_out_may_be_hyphenated() -> None:
    found = interpret("screen-out if younger than 21 or older than 80")
    assert [d.kind for d in found] == ["terminate_if"]


def test_a_currency_sign_and_a_period_are_a_drawn_amount_box() -> None:
    assert entry_hint("€ per week") == "€ ____ per week"
    assert entry_hint("Per week") is None
    survey = by_id(
        compile_text(
            "Q1. How much would you pay for a cinema ticket?\n"
            "$\tper ticket\n\n"
            "Q2. Which cinema do you go to most?\n"
            "1 Odeon\n"
            "2 Vue\n"
        )
    )
    assert survey["Q1"].type == "number"


def test_an_amount_range_may_repeat_its_currency_sign() -> None:
    survey = by_id(
        compile_text(
            "Q1. How much do you spend on books in a month?\n"
            "NUMERIC. ALLOW £0-£300.\n"
            "£\tper month\n\n"
            "Q2. Where do you buy them?\n"
            "1 Online\n"
            "2 In a shop\n"
        )
    )
    assert survey["Q1"].type == "number"
    assert survey["Q1"].validation is not None
    assert (survey["Q1"].validation.min, survey["Q1"].validation.max) == (0, 300)


def test_a_note_naming_questions_under_a_heading_is_theirs() -> None:
    survey = by_id(
        compile_text(
            "Q1. Do you own a bicycle?\n"
            "1 Yes\n"
            "2 No\n\n"
            "SECTION B: SPENDING\n"
            "PROG NOTE: Q2-Q3 WHOLE POUNDS, ALLOW 5-900.\n"
            "Q2. What would be too much to pay for a new bicycle?\n"
            "£\tper bicycle\n\n"
            "Q3. What would be a bargain for a new bicycle?\n"
            "£\tper bicycle\n\n"
            "Q4. Which colour do you like?\n"
            "1 Red\n"
            "2 Blue\n"
        )
    )
    for qid in ("Q2", "Q3"):
        validation = survey[qid].validation
        assert validation is not None
        assert (validation.min, validation.max) == (5, 900)
    assert survey["Q4"].validation is None


def test_codes_after_answers_across_one_line() -> None:
    assert paren_codes_after_across("Tea (1)     Coffee (2)     Neither of these (9)") == [
        "Tea (1)",
        "Coffee (2)",
        "Neither of these (9)",
    ]
    assert paren_codes_after_across("Tea (1) with milk") == []
    assert paren_codes_after_across("Tea (1)   Coffee (1)") == []
    assert paren_codes_after_across("Often (3) / Sometimes (2) / Never (1)") == []
    assert paren_codes_after_across("Rating: Low (1) - Mid (2) - High (3)") == []
    options = parse_option_text("Tea (1)     Coffee (2)     Neither of these (9)", None)
    assert [(o.code, o.label) for o in options] == [
        ("1", "Tea"),
        ("2", "Coffee"),
        ("9", "Neither of these"),
    ]


def test_a_misspelt_multiple_answers_possible_is_a_multi() -> None:
    found = interpret("mulitple answers possible")
    assert [(d.kind, d.value) for d in found] == [("type", "multi")]
