"""Filters of a run or section of questions, and a question's own test joined to its section's
(fix-sections). Invented wording."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition, render
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str, name: str = "q.txt") -> dict[str, Question]:
    return by_id(compile_text(body, name))


_PETS = (
    "Q1. Which of these pets do you keep? Tick all that apply.\n"
    "☐ Dog\n☐ Cat\n☐ Rabbit\n☐ Fish\n☐ I keep no pets\n"
)


def test_a_run_named_then_taken_up_by_them_in_the_next_sentence() -> None:
    survey = _text(
        _PETS + "\nSection B: Furry pets\n\n"
        "Questions 2 to 3 are about furry pets. Please answer them only if you ticked at least "
        "one of the first three boxes at question 1. If you only keep fish, please go to "
        "question 4.\n\n"
        "Q2. How many walks or play sessions a day?\n____ sessions\n"
        "Q3. Who looks after them when you are away?\n☐ Family\n☐ A kennel\n"
        "Q4. Anything else?\n______\n"
    )
    wanted = "Q1 contains '1' or Q1 contains '2' or Q1 contains '3'"
    assert survey["Q2"].display_if == wanted
    assert survey["Q3"].display_if == wanted
    assert not survey["Q4"].display_if


def test_only_if_none_of_these_names_an_answer_and_joins_the_run_filter() -> None:
    survey = _text(
        "**Q1.** Which class are you in?\n\n- [ ] Year 7\n- [ ] Year 8\n- [ ] Year 9\n\n"
        "> Q2 to Q4 are only for pupils in Year 9 (third box at Q1). Everyone else goes to Q5.\n\n"
        "**Q2.** Do you have a part-time job?\n\n- [ ] Paper round\n- [ ] Shop work\n"
        "- [ ] None of these\n\n"
        "> Q3 only if None of these at Q2.\n\n"
        "**Q3.** Would you like help finding one?\n\n- [ ] Yes\n- [ ] No\n\n"
        "**Q4.** Why?\n\nText\n\n**Q5.** Anything else?\n\nText\n",
        "q.md",
    )
    assert survey["Q2"].display_if == "Q1 == '3'"
    assert survey["Q3"].display_if == "(Q1 == '3') and (Q2 == '3')"


def test_please_skip_question_n_if_you_ticked_an_answer_above() -> None:
    survey = _text(
        "Q1. When would you like the library open longer? Tick all that apply.\n"
        "☐ Early mornings\n☐ Late evenings\n☐ Sundays\n☐ None – the hours suit me\n"
        "Please skip question 2 if you ticked 'None – the hours suit me'.\n"
        "Q2. Tell us more about the hours you would like.\n______\n"
    )
    assert survey["Q2"].display_if == "not (Q1 contains '4')"


def test_a_section_for_a_group_then_its_code_at_a_question() -> None:
    survey = _text(
        "P1. Does your household have a garden?\n(1) Yes\n(2) No, only a yard\n(3) No\n\n"
        "Section B – Gardens\n\n"
        "Section B (P2 to P4) is for households with a garden, answer (1) at P1. If you have "
        "no garden, please go to Section C.\n\n"
        "P2. How big is it?\n(1) Small\n(2) Medium\n(3) Large\n"
        "P3. Do you grow food?\n(1) Yes, a lot\n(2) Yes, a little\n(3) No\n"
        "Only if (1) or (2) at P3.\n"
        "P4. What do you grow?\n______\n\n"
        "Section C – Everyone\n\nP5. Any other comments?\n______\n"
    )
    assert survey["P2"].display_if == "P1 == '1'"
    assert survey["P3"].display_if == "P1 == '1'"
    assert survey["P4"].display_if in (
        "(P3 in ['1','2']) and (P1 == '1')",
        "(P1 == '1') and (P3 in ['1','2'])",
    )
    assert not survey["P5"].display_if


def test_a_heading_note_whose_others_end_earlier_filters_the_section() -> None:
    survey = _text(
        "**D1** Which evening of the log is this?\n\n- `1` Monday\n- `2` Tuesday\n"
        "- `3` Friday\n\n**D2** What did you eat?\n\n> Open text.\n\n## Weekly round-up\n\n"
        "> Shown on Friday only (D1 = `3`). On the other evenings the log ends after D2.\n\n"
        "**D3** Did you eat better this week?\n\n- `1` Yes\n- `2` No\n\n"
        "**D4** Would you keep a log again?\n\n- `1` Yes\n- `2` No\n",
        "q.md",
    )
    assert survey["D3"].display_if == "D1 == '3'"
    assert survey["D4"].display_if == "D1 == '3'"


def test_script_blocks_if_alone_with_else_and_nesting() -> None:
    survey = _text(
        "K1  Do you own a bicycle?\n      1   Yes\n      2   No\n\n"
        "K2  Do you cycle to work?\n      1   Yes\n      2   No\n\n"
        "IF (K1 = 1)\n"
        "   K3  How many miles a week do you ride?\n         RECORD NUMBER. RANGE 0..500\n"
        "   IF (K2 = 1)\n"
        "      K4  Is there parking for bikes at work?\n            1   Yes\n            2   No\n"
        "   ENDIF\n"
        "ELSE\n"
        "   K5  Why don't you own one?\n         OPEN - TYPE IN FULL\n"
        "ENDIF\n\n"
        "K6  Any other comments?\n      OPEN\n"
    )
    assert survey["K3"].display_if == "K1 == '1'"
    assert survey["K4"].display_if == "K1 == '1' and K2 == '1'"
    assert survey["K5"].display_if == "not (K1 == '1')"
    assert not survey["K6"].display_if


def test_codes_denied_together_and_a_filter_as_another_questions() -> None:
    questions = _text(
        "M1. How do you pay for the gym?\n1 Annual\n2 Monthly\n3 Per visit\n4 Free pass\n"
        "M2. Do you book classes?\n1 Yes\n2 No\n"
        "M3. How often do you go?\n1 Weekly\n2 Less often\n"
    )
    assert (
        render(parse_condition("M1 ≠ 1, 2", questions, None), questions) == "not (M1 in ['1','2'])"
    )
    assert (
        render(parse_condition("Not members (M1 ≠ 1 or 2)", questions, None), questions)
        == "not (M1 in ['1','2'])"
    )
    survey = _text(
        "| Item | Question | Answers | Filter |\n|---|---|---|---|\n"
        "| M1 | How do you pay for the gym? | 1 Annual; 2 Monthly; 3 Per visit | All |\n"
        "| M2 | Do you book classes? | 1 Yes; 2 No | Pay-as-you-go users (M1 ≠ 1, 2) |\n"
        "| M3 | How often do you go? | 1 Weekly; 2 Less often | As M2 |\n",
        "q.md",
    )
    assert survey["M2"].display_if == "not (M1 in ['1','2'])"
    assert survey["M3"].display_if == "not (M1 in ['1','2'])"


def test_a_number_equal_to_a_span_from_nought() -> None:
    questions = _text(
        "A1. How many years have you lived here?\n______ years (0-80)\n"
        "A2. Do you know your neighbours?\n1 Yes\n2 No\n"
    )
    assert render(parse_condition("A1 = 0–3", questions, None), questions) == "A1 <= 3"
    assert render(parse_condition("A1 = 2-5", questions, None), questions) == (
        "(A1 >= 2 and A1 <= 5)"
    )


def test_ask_a_question_of_people_named_by_tests() -> None:
    survey = _text(
        "B1. How old are you?\n______ years\n"
        "B2. Are you working at the moment?\n1 Yes\n2 No\n"
        "B3. How many hours a week?\n1 Under 16\n2 16 or more\n"
        "Ask B4 of people in work (B2 = 1) who are aged 30 or over (B1).\n"
        "B4. Do you have a pension at work?\n1 Yes\n2 No\n"
    )
    assert survey["B4"].display_if == "B2 == '1' and B1 >= 30"


def test_a_shown_only_filter_on_its_own_answer_is_the_next_questions() -> None:
    survey = _text(
        "Q1. How many concerts did you go to last year?\n______ concerts\n"
        "Only shown if you went to more than 10 concerts (question 1).\n"
        "Q2. Would you buy a season pass?\n1 Yes\n2 No\n"
    )
    assert not survey["Q1"].display_if
    assert survey["Q2"].display_if == "Q1 > 10"


def test_a_group_skipping_a_run_with_an_aside_and_where_it_carries_on() -> None:
    survey = _text(
        "1. Which membership do you hold?\n☐ Adult member 1\n☐ Senior member 2\n☐ Junior member 3\n"
        "2. Do you drive to the ground?\n☐ Yes 1\n☐ No 2\n"
        "Junior members, please skip questions 3–4 (they're about the bar) and carry on at "
        "question 5.\n"
        "3. How often do you use the bar?\n☐ Often 1\n☐ Rarely 2\n"
        "4. What drinks would you add?\n______\n"
        "5. Any other comments?\n______\n"
    )
    assert survey["Q3"].display_if == "not (Q1 == '3')"
    assert survey["Q4"].display_if == "not (Q1 == '3')"


def test_a_long_group_name_over_its_test_joins_the_run_filter() -> None:
    survey = _text(
        "> H2 to H4 are for residents with a shared garden (H1 = 1). All others continue at H5.\n"
        "**H1** Do you have a shared garden?\n\n- 1 = Yes\n- 2 = No\n\n"
        "**H2** How well kept is it?\n\n- 1 = Well\n- 2 = Badly\n\n"
        "**H3** Which of these are broken at the moment? Tick all that apply.\n\n"
        "- 1 = Gate\n- 2 = Bench or seats\n- 3 = Lights\n\n"
        "> Broken bench or seats problem mentioned (H3 code 2):\n\n"
        "**H4** How many times has it been reported?\n\n*Number, 0–20.*\n\n"
        "**H5** Anything else?\n\n*Open.*\n",
        "q.md",
    )
    assert survey["H4"].display_if == "(H1 == '1') and (H3 contains '2')"


def test_a_group_name_with_a_colon_over_a_bare_test_line() -> None:
    survey = _text(
        "V1. Was this a home visit?\n      1 = Yes\n      2 = No\n\n"
        "PART K  -  VISITS   (home visits only: V1 = 1)\n\n"
        "K1. Which room was the work in?\n      1 = Kitchen\n      2 = Bathroom\n"
        "      3 = Loft\n\n"
        "K2. Was a ladder needed?\n      Jobs up in the loft:\n      K1 = 3 or K1 = 2\n"
        "      1 = Yes\n      2 = No\n"
    )
    assert "K1 in ['3','2']" in (survey["K2"].display_if or "")


def test_a_test_but_never_a_group_denies_the_groups_test() -> None:
    questions = _text(
        "N1. How likely are you to recommend us (0-10)?\n0 1 2 3 4 5 6 7 8 9 10\n"
        "N2. What is your role?\n1 Owner\n2 Staff\n3 Visitor\n"
    )
    assert render(
        parse_condition("N1 is 9 or above, but never visitors (N2 = 3)", questions, None),
        questions,
    ).endswith("and not (N2 == '3')")


def test_answers_listed_by_a_word_of_their_labels_before_the_question() -> None:
    questions = _text(
        "Q1. Where do you read the news? Tick all that apply.\n"
        "☐ At home (1)\n☐ Buses or other public transport (2)\n"
        "☐ On trains or while travelling (3)\n☐ At work (4)\n"
    )
    assert (
        render(
            parse_condition("you ticked buses or trains at question 1", questions, None), questions
        )
        == "Q1 contains '2' or Q1 contains '3'"
    )


def test_people_joined_by_and_are_both_groups() -> None:
    survey = _text(
        "Q1. Which best describes your role?\nNurse 1\nWard manager 2\n"
        "Consultant or senior doctor 3\nPorter 4\n"
        "Q2. Do you like it?\nYes 1\nNo 2\n"
        "[ASK IF Q1 = 2 OR 3 – WARD MANAGERS AND CONSULTANTS ONLY]\n"
        "Q3. Which steps?\nFewer meetings 1\nLess paperwork 2\n"
    )
    assert survey["Q3"].display_if == "Q1 in ['2','3']"
