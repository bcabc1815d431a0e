"""Routing told to the respondent in plain words (unseen24): answers named in the respondent's
own words, follow-ups whose own sentence opens with their condition, filters over numbered
runs of questions, screen-outs that thank the respondent, skips to the last section or page."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_answer_named_in_words_routes_a_skip() -> None:
    survey = by_id(
        compile_text(
            """
            1. How often do you swim at the lido?
            [ ] Every day
            [ ] Once or twice a week
            [ ] Seldom or never

            If you never or seldom swim, please go to question 3.

            2. Which pool do you use? (tick all that apply)
            [ ] Main pool
            [ ] Early bird lanes in the main pool
            [ ] Paddling pool

            3. How did you hear about us?
            [ ] A poster
            [ ] A neighbour
            """,
            "lido.md",
        )
    )
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '3'", "Q3")]


def test_own_sentence_conditions_name_earlier_answers() -> None:
    survey = by_id(
        compile_text(
            """
            1. Which of these do you borrow? (tick all that apply)
            [ ] Novels
            [ ] Audiobooks
            [ ] Board games
            [ ] None of these

            2. If you borrow audiobooks or board games, how long should the loan be?
            [ ] One week
            [ ] Two weeks

            3. How easy was it to find a seat?
            [ ] Very easy
            [ ] Quite easy
            [ ] Quite hard
            [ ] Very hard

            4. If it was quite or very hard, which room did you try?
            [ ] The reading room
            [ ] The café

            5. Are you a member of the Friends group?
            [ ] Yes, a full member
            [ ] Yes, a junior member
            [ ] No

            6. If you are in the Friends group, would you help at the fête?
            [ ] Yes
            [ ] No

            7. How happy are you with the opening hours?
            [ ] Happy
            [ ] Not happy

            8. If you aren't happy, which hours would suit you?
            [ ] Mornings
            [ ] Evenings
            """,
            "library.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 contains '2' or Q1 contains '3'"
    assert survey["Q4"].display_if == "Q3 in ['3','4']"
    assert survey["Q6"].display_if == "Q5 in ['1','2']"
    assert survey["Q8"].display_if == "Q7 == '2'"
    # the question's words stay its text
    assert survey["Q4"].text.startswith("If it was quite or very hard")


def test_own_sentence_on_a_number_and_a_points_row() -> None:
    survey = by_id(
        compile_text(
            """
            1. How many dogs do you walk each day?
            ______ dogs

            2. If you walk more than 3 dogs, do you use a van?
            [ ] Yes
            [ ] No

            3. How would you score our grooming service?
            Awful 0 1 2 3 4 5 6 7 8 9 10 Superb

            4. If you scored us 4 or lower, what went wrong?
            ____________________________________________
            ____________________________________________
            """,
            "kennel.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 > 3"
    assert survey["Q4"].display_if == "Q3 in ['0','1','2','3','4']"


def test_opening_words_that_name_no_answer_are_no_filter() -> None:
    survey = by_id(
        compile_text(
            """
            1. What is your postcode?
            ____________

            2. If you would like a reply from the warden, please write your phone number.
            ____________
            """,
            "warden.md",
        )
    )
    assert survey["Q2"].display_if is None
    assert survey["Q2"].attention is None


def test_filter_over_numbered_questions_in_words() -> None:
    survey = by_id(
        compile_text(
            """
            1. Did you race a boat in this year's regatta?
            [ ] Yes
            [ ] No

            Please answer questions 2 to 3 only if you raced. If you didn't, go on to question 4.

            2. How many crew did you have?
            ______ people

            3. Would you enter again?
            [ ] Yes
            [ ] No

            4. Any other comments?
            ____________________________________________
            ____________________________________________
            """,
            "regatta.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].display_if == "Q1 == '1'"
    assert survey["Q1"].skip_to == []  # the second half only restates the filter


def test_screen_out_thanks_the_respondent() -> None:
    survey = by_id(
        compile_text(
            """
            1. Do you keep a caravan at Fernhill Park?
            [ ] Yes
            [ ] No, I only visit

            If you ticked 'No, I only visit', thank you – you do not need to carry on.

            2. How long have you kept it here?
            [ ] Under 5 years
            [ ] 5 years or more
            """,
            "caravan.md",
        )
    )
    assert survey["Q1"].terminate_if == "Q1 == '2'"


def test_skip_to_the_last_section_and_a_bracketed_question() -> None:
    survey = by_id(
        compile_text(
            """
            ### Your visit

            **1)** Did you buy any plants today?

            - [ ] Yes, bedding plants
            - [ ] No → go to Section C (question 3)

            **2)** Which of these did you look at? (tick all that apply)

            - [ ] Roses
            - [ ] Herbs
            - [ ] None of these

            If none of these, please go straight to the last section, 'About you'.

            ### Our café

            **3)** Did you eat in the café?

            - [ ] Yes
            - [ ] No

            ### About you

            **4)** How old are you?

            - [ ] Under 40
            - [ ] 40 or over
            """,
            "garden.md",
        )
    )
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert survey["Q1"].options[1].label == "No"
    assert [(s.if_, s.to) for s in survey["Q2"].skip_to] == [("Q2 contains '3'", "Q4")]
