"""Conventions from unseen32 (pollsters' and media agencies' questionnaires): a capitals filter
after the question's label whose test is a bracket ("ASK IF USED ANY (NOT 99 AT M5)"), answers
named in words with their codes in brackets ("KALE OR LEEK AT G2 (05 OR 06)"), and a screen-out
with the words said on closing ('IF UNDER 16 - CLOSE ("Sorry, …")')."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_GARDEN = """G1. Please type in how many years you have gardened.
    [NUMERIC BOX, ALLOW 0-90]
    IF UNDER 2 - CLOSE ("Sorry, this study is for gardeners of two years or more.")

G2. Which of these have you grown this year?
    MULTI.
    01  Carrots
    02  Beans
    03  Onions
    04  Potatoes
    05  Kale
    06  Leek
    99  None of these    [EXCLUSIVE]

G3. ASK IF GREW ANYTHING (NOT 99 AT G2)
    Roughly how many hours a week do you spend in the garden?
    [NUMERIC, 0-80]

G4. ASK IF ANY CROP GROWN AT G2 (NOT 99). SHOW ONLY CROPS CHOSEN AT G2.
    And which ONE of these did best?
    01  Carrots
    02  Beans
    03  Onions
    04  Potatoes
    05  Kale
    06  Leek

G5. ASK IF KALE OR LEEK AT G2 (05 OR 06)
    Where did you buy the seed?
    01  Garden centre
    02  Online
    03  Saved my own

G6. How often do you water?
    01  Every day
    02  Several times a week
    03  About once a week
    04  Less often

G7. ASK IF BEANS AND PEAS (02) AT G2 AND WATERS WEEKLY OR MORE OFTEN (G6 = 01-03)
    Which bean variety grew best? Please type in its name.
    [SHORT TEXT]
"""


def test_a_bracket_that_ends_a_capitals_filter_is_its_test() -> None:
    survey = by_id(compile_text(_GARDEN, "garden.txt"))
    assert survey["G3"].display_if == "not (G2 contains '99')"
    # the bracket after the filter's words, then a carry-forward note in its own sentence
    assert survey["G4"].display_if == "not (G2 contains '99')"


def test_answers_named_in_words_then_their_codes_in_brackets() -> None:
    survey = by_id(compile_text(_GARDEN, "garden.txt"))
    assert survey["G5"].display_if == "G2 contains '05' or G2 contains '06'"
    # "(02) AT G2", then a test whose words say "or more often" (a bound, not an alternative)
    assert survey["G7"].display_if == "G2 contains '02' and G6 in ['01','02','03']"


def test_a_screen_out_with_the_words_said_on_closing() -> None:
    survey = by_id(compile_text(_GARDEN, "garden.txt"))
    assert survey["G1"].terminate_if == "G1 < 2"
    assert survey["G1"].text == "Please type in how many years you have gardened."
