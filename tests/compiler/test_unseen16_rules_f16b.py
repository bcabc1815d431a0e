"""Conventions of everyday commercial questionnaires in agency house styles (unseen16, f16b),
in their own invented words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_a_span_of_codes_in_a_filter_names_every_code_of_the_question_inside_it() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which airline did you fly with most recently?
            1  Skylark
            2  Cormorant Air
            3  Blue Heron
            4  Puffin Jet
            97  Another airline
            99  Can't remember
            Base: Those who flew with another airline (Q1 = 2-97)
            Q2. Why did you choose that airline?
            1  Price
            2  Timing
            Q3. On a scale of 0 to 10, how likely are you to fly with them again?
            0  1  2  3  4  5  6  7  8  9  10
            ASK IF Q3 = 0 TO 6
            Q4. What would make you more likely?
            1  Cheaper fares
            2  More legroom
            """
        )
    )
    assert questions["Q2"].display_if == "Q1 in ['2','3','4','97']"
    assert questions["Q4"].display_if == "Q3 in ['0','1','2','3','4','5','6']"


def test_an_item_that_only_shows_the_stimulus_is_an_information_screen() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Have you flown in the last year?
            1  Yes
            2  No
            V1. [SHOW VIDEO – NO SKIP BUTTON]
            You will now see a short film about a new airline lounge. Please watch it to the end.
            Q2. What did you think of the film? [OPEN]
            """
        )
    )
    assert questions["V1"].type == "display"
    assert questions["Q2"].type == "long_text"


def test_a_note_alone_between_a_screen_name_and_its_words_keeps_the_screen() -> None:
    source = "\n".join(
        [
            "Q1. Have you flown in the last year?",
            "Yes\t1",
            "No\t2",
            "CONCEPT",
            "[SHOW THE LOUNGE BOARD FOR AT LEAST 5 SECONDS]",
            "Please read this carefully. The lounge opens in spring at every major airport.",
            "Q2. How appealing is this lounge?",
            "Very\t1",
            "Not very\t2",
        ]
    )
    questions = by_id(compile_text(source))
    assert questions["CONCEPT"].type == "display"
    assert questions["CONCEPT"].text.startswith("Please read this carefully.")
