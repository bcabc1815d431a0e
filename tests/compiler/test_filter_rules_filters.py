"""Filters on one question written in words no dedicated rule reads: verbs of showing
("Appears when …", "Shown to …", "Hidden unless …", "Leave out Q5 if …"), groups named by a
number test or by their test in brackets, codes printed in square brackets, a range of codes,
"not shown to …", a filter headed by its question's id. Invented wording, one case each."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition, render
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_HEAD = (
    "**Q1.** Which of these do you use? Choose all that apply.\n\n"
    "- 1 · The bus\n- 2 · The tram\n- 3 · The ferry\n\n"
    "**Q2.** How old are you?\n\n"
    "- 1 · Under 30\n- 2 · 30 to 59\n- 3 · 60 to 74\n- 4 · 75 or over\n\n"
    "**Q3.** How would you rate the service overall?\n\n"
    "0 = Awful · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10 = Superb\n\n"
)


def _md(rest: str) -> dict[str, Question]:
    return by_id(compile_text(_HEAD + rest, "q.md"))


def test_appears_when_under_a_text_box_is_that_questions_own() -> None:
    survey = _md(
        "**Q4.** What went wrong?\n\n> Appears when the rating at Q3 is 4 or lower. Free text.\n\n"
        "**Q5.** Anything else?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q4"].display_if == "Q3 in ['0','1','2','3','4']"
    assert survey["Q5"].display_if is None


def test_a_group_and_a_code_not_ticked_both_hold() -> None:
    survey = _md(
        "**Q4.** Would you like a free travel pass?\n\n"
        "> Shown to riders aged 60 or over (Q2 = 3 or 4) who did NOT tick the ferry (code 3) "
        "at Q1.\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q4"].display_if == "Q2 in ['3','4'] and not (Q1 contains '3')"


def test_hidden_unless_shows_on_the_test() -> None:
    survey = _md(
        "**Q4.** Do you travel at night?\n\n- 1 · Yes\n- 2 · No\n\n"
        'Hidden unless question 4 = "Yes".\n\n'
        "**Q5.** Do you feel safe at night?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q5"].display_if == "Q4 == '1'"


def test_leave_out_names_its_question_and_denies_the_groups() -> None:
    survey = _md(
        "**Q4.** Did staff help you board?\n\n- 1 · Yes\n- 2 · No\n\n"
        "> Leave out Q4 if you are under 30 (1 at Q2) or only take the bus (1 at Q1)\n"
    )
    assert survey["Q4"].display_if == "not (Q2 == '1' or Q1 contains '1')"


def test_a_group_named_over_its_test_after_the_answers_opens_the_next_question() -> None:
    survey = _md(
        "**Q4.** Do you cycle to the stop?\n\n- 1 · Yes\n- 2 · No\n\nCyclists (1 at Q4)\n\n"
        "**Q5.** Is there somewhere to leave your bike?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q5"].display_if == "Q4 == '1'"


def test_a_filter_headed_by_its_questions_id() -> None:
    survey = _md("Q4: ONLY IF Q3 IS 2 OR LESS.\n\n**Q4.** Why so low?\n\n- 1 · Late\n- 2 · Dirty\n")
    assert survey["Q4"].display_if == "Q3 in ['0','1','2']"


def test_others_going_past_the_named_question_is_its_filter() -> None:
    survey = by_id(
        compile_text(
            "Q1 How old are you?\n1 Under 30\n2 30 to 59\n3 60 or over\n\n"
            "Q2 Do you drive?\n1 Yes\n2 No\n"
            "    >> Q3: DRIVERS (Q2 = 1) OR OLDER RIDERS (Q1 = 3). OTHERS GO TO Q4.\n"
            "Q3 Would you use a park and ride?\n1 Yes\n2 No\n\n"
            "Q4 Do you have a travel card?\n1 Yes\n2 No\n"
        )
    )
    assert survey["Q3"].display_if == "Q2 == '1' or Q1 == '3'"


def test_a_row_shown_to_some_is_no_filter_of_the_next_question() -> None:
    survey = _md(
        "**Q4.** Rate each of these.\n\n"
        "| | Good (1) | Poor (2) |\n|---|---|---|\n| a. Seats | ○ | ○ |\n| b. Ramps | ○ | ○ |\n\n"
        "*Row b. is only shown to riders aged 75 or over (Q2 = 4).*\n\n"
        "**Q5.** Anything else?\n\n- 1 · Yes\n- 2 · No\n"
    )
    assert survey["Q5"].display_if is None


def _questions() -> dict[str, Question]:
    def single(qid: str, codes: list[str], labels: list[str]) -> Question:
        options = [{"code": c, "label": label} for c, label in zip(codes, labels, strict=True)]
        return Question(id=qid, type="single", text="Which?", options=options)

    points = [str(n) for n in range(11)]
    return {
        "Q1": single("Q1", ["1", "2", "3", "4", "5"], ["Bus", "Tram", "Ferry", "Taxi", "Walk"]),
        "Q2": single("Q2", points, points),  # a row of numbered points
    }


def test_codes_printed_in_square_brackets() -> None:
    questions = _questions()
    groups = parse_condition("[4] or [5] at Q1", questions, None)
    assert render(groups, questions) == "Q1 in ['4','5']"
    groups = parse_condition("any of [1]-[3] at Q1", questions, None)
    assert render(groups, questions) == "Q1 in ['1','2','3']"


def test_not_shown_to_a_group_denies_its_test() -> None:
    questions = _questions()
    groups = parse_condition("not shown to those who said no (Q1 = 1 or 2)", questions, None)
    assert render(groups, questions) == "not (Q1 in ['1','2'])"
    # a group described with "not" in its own words is no denial of the question
    groups = parse_condition("riders who are not members (Q1 = 1 or 2)", questions, None)
    assert render(groups, questions) == "Q1 in ['1','2']"


def test_a_score_from_one_point_to_another_is_every_point_between() -> None:
    questions = _questions()
    groups = parse_condition("you gave a score of 0 to 4", questions, "Q2")
    assert render(groups, questions) == "Q2 in ['0','1','2','3','4']"
    groups = parse_condition("you gave us a 9 or 10", questions, "Q2")
    assert render(groups, questions) == "Q2 in ['9','10']"


def test_filters_printed_under_their_questions_stay_there() -> None:
    # each filter after the answers tests the question just before the one it sits under,
    # and none tests the question it sits under: the form prints filters under their question
    survey = by_id(
        compile_text(
            "Q1 Do you drive?\n1 Yes\n2 No\n\n"
            "Q2 Do you park at the station?\n1 Yes\n2 No\nDrivers (1 at Q1)\n\n"
            "Q3 Is the car park big enough?\n1 Yes\n2 No\nParkers (1 at Q2)\n\n"
            "Q4 Do you have a travel card?\n1 Yes\n2 No\n"
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].display_if == "Q2 == '1'"
    assert survey["Q4"].display_if is None


def test_a_run_of_points_is_no_run_of_questions() -> None:
    survey = _md(
        "> Low scorers only – a score from 0 to 6 at Q3.\n\n"
        "**Q4.** Why that score?\n\n- 1 · Price\n- 2 · Staff\n"
    )
    assert survey["Q4"].display_if == "Q3 in ['0','1','2','3','4','5','6']"
