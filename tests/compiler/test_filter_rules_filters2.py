"""Filters on one question in the respondent's words or a group's name: "If you rent the bike:"
over a question, "Cyclists only." under the answers before it, a group over its test in words
("(you ticked “No” at question 4)") or by code ("(Q1 code 2)"), "IF YES AT Q4: …" heading the
next question, a filter joined to its section's, both branches of a jump split by a semicolon;
and in conditions, prose that denies an answer, a test said twice (words, then brackets), an
answer "No, it was late" named by its words. Invented wording, one case each."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition, render
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_HEAD = (
    "**Q1.** How do you usually get to work?\n\n"
    "- 1 · I cycle\n- 2 · Tram\n- 3 · On foot\n\n"
    "**Q2.** Do you use the town's bike share?\n\n"
    "- 1 · Yes – I rent the bike by the month\n- 2 · Yes – I pay for each ride\n- 3 · No\n\n"
)


def _md(rest: str) -> dict[str, Question]:
    return by_id(compile_text(_HEAD + rest, "q.md"))


def test_a_line_in_the_respondents_words_ending_in_a_colon_opens_the_next_question() -> None:
    survey = _md(
        "If you rent the bike by the month:\n\n"
        "**Q3.** How fair is the monthly price?\n\n- 1 · Fair\n- 2 · Not fair\n\n"
        "**Q4.** Any other comments?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q3"].display_if == "Q2 == '1'"
    assert survey["Q4"].display_if is None


def test_a_colon_line_asking_for_words_is_no_filter() -> None:
    survey = _md(
        "If you have anything else to add, please write it here:\n\n"
        "**Q3.** Comments\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q3"].display_if is None


def test_a_group_named_by_an_answer_then_only_opens_the_next_question() -> None:
    survey = _md(
        "**Q3.** How safe do you feel on the roads?\n\n- 1 · Safe\n- 2 · Unsafe\n\n"
        "*Cyclists only.*\n\n"
        "**Q4.** How many miles do you ride a week?\n\n- 1 · Under 10\n- 2 · 10 or more\n"
    )
    assert survey["Q4"].display_if is None  # "I cycle" is no group's whole words
    survey = _md(
        "**Q3.** How safe do you feel on the roads?\n\n- 1 · Safe\n- 2 · Unsafe\n\n"
        "*Tram users only.*\n\n"
        "**Q4.** How often is your tram late?\n\n- 1 · Often\n- 2 · Rarely\n"
    )
    assert survey["Q4"].display_if == "Q1 == '2'"


def test_office_use_only_is_no_group() -> None:
    survey = _md(
        "**Q3.** Where do you park?\n\n- 1 · Office\n- 2 · Street\n\n"
        "*Office use only:*\n\n"
        "**Q4.** Reference checked?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q4"].display_if is None


def test_a_group_over_its_test_in_words_ending_in_a_colon() -> None:
    survey = _md(
        "Walkers and riders (you ticked “No” at question 2):\n\n"
        "**Q3.** Would you try the bike share?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q3"].display_if == "Q2 == '3'"


def test_an_if_naming_a_question_before_a_colon_heads_the_next_question() -> None:
    survey = _md(
        "**Q3.** May we send you the results?\n\n- 1 · Yes\n- 2 · No\n"
        "IF YES AT Q3: CHECK THE ADDRESS BACK.\n\n"
        "**Q4.** What is your email address?\n\n____________\n"
    )
    assert survey["Q4"].display_if == "Q3 == '1'"


def test_a_jump_and_the_branch_that_goes_on_split_by_a_semicolon() -> None:
    survey = _md(
        "**Q3.** Have you had a crash this year?\n\n- 1 · Yes\n- 2 · No\n\n"
        "If “Yes”, continue at Q4; everyone else goes to Q5.\n\n"
        "**Q4.** Were you hurt?\n\n- 1 · Yes\n- 2 · No\n\n"
        "**Q5.** Any comments?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q4"].display_if == "Q3 == '1'"


def _questions() -> dict[str, Question]:
    return {
        "D1": Question(id="D1", type="number", text="How many cars?"),
        "D2": Question(
            id="D2",
            type="single",
            text="Was it on time?",
            options=[{"code": "1", "label": "Yes"}, {"code": "2", "label": "No, it was late"}],
        ),
        "D3": Question(
            id="D3",
            type="single",
            text="Which plan?",
            options=[{"code": "1", "label": "Basic"}, {"code": "2", "label": "A free place"}],
        ),
    }


def test_prose_denying_an_answer_named_by_its_words() -> None:
    questions = _questions()
    groups = parse_condition("is not already on a free place at D3", questions, "D2")
    assert render(groups, questions) == "not (D3 == '2')"
    groups = parse_condition("is on a free place at D3", questions, "D2")
    assert render(groups, questions) == "D3 == '2'"


def test_a_test_said_in_words_then_in_brackets_is_read_from_the_brackets() -> None:
    questions = _questions()
    text = "D2 = 1 AND MORE THAN ONE CAR IN THE HOUSE (D1 = 2 OR MORE)"
    assert render(parse_condition(text, questions, None), questions) == "D2 == '1' and D1 >= 2"


def test_an_answer_after_no_named_by_its_words() -> None:
    questions = _questions()
    groups = parse_condition("your delivery was late at D2", questions, "D1")
    assert render(groups, questions) == "D2 == '2'"


def test_a_numbers_bound_before_the_brackets_is_no_join() -> None:
    questions = _questions()
    text = "D2 = 1 AND aged 18 or over (D1 ≥ 18)"
    assert render(parse_condition(text, questions, None), questions) == "D2 == '1' and D1 >= 18"


def test_a_line_that_only_mentions_someone_close_ends_nothing() -> None:
    survey = _md(
        "**Q3.** Do you look after anyone?\n\n- 1 · Yes\n- 2 · No\n\n"
        "If someone close to you needs care (the first box at Q3):\n\n"
        "**Q4.** How many hours a week?\n\n- 1 · Under 10\n- 2 · 10 or more\n"
    )
    assert survey["Q3"].terminate_if is None
    assert survey["Q4"].display_if == "Q3 == '1'"
