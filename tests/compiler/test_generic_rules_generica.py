"""The generic reader of one question's routing (passes/read_routing.py): a filter under the
answers opens the next question, a group's name over a bracketed test, a route's target, a
screen-out with "anyone else", a filter written in brackets before the question's words and
an answer's routing tag in square brackets."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_HOTEL = """K1  Did you stay with us last winter?
    Yes, the whole week ........ [1]
    Yes, a weekend ............. [2]
    No, not at all ............. [3]
    >> GO ON IF K1 = 1 OR 2. EVERYONE ELSE: THANK AND CLOSE.

K2  How did you book your room?
    By phone ................... [1]
    Online ..................... [2]
    At the desk ................ [3]
    Through an agent ........... [4]
    >> K2 = 1 OR 4: SKIP TO K5

K3  Why did you book online?
    OPEN TEXT

K4  Would you book online again?
    Yes ........................ [1]
    No ......................... [2]

K5  How likely are you to stay again?
    Not likely ................. [1]
    Perhaps .................... [2]
    Very likely ................ [3]

K6  What was the best part of your stay?
    OPEN TEXT
    DOUBTERS (K5 = 1 OR 2)

K7  What should we change first?
    OPEN TEXT
"""


def test_screen_out_skip_and_a_labelled_test_under_the_answers() -> None:
    questions = by_id(compile_text(_HOTEL, "hotel.txt"))
    assert questions["K1"].terminate_if == "K1 == '3'"
    assert [(r.to, r.if_) for r in questions["K2"].skip_to] == [("K5", "K2 in ['1','4']")]
    # the group's name over its test, last under K6, opens K7
    assert questions["K7"].display_if == "K5 in ['1','2']"
    assert not questions["K6"].display_if


_GARDEN = """## Garden survey

**G1** Do you have a garden?

1. Yes
2. No

**G2** (G1 = 1 only) How big is your garden?

1. Small
2. Medium
3. Large

**G3** (not asked if G2 = 3) Do you do the work yourself?

1. Yes
2. No
"""


def test_a_filter_in_brackets_before_the_question_words() -> None:
    questions = by_id(compile_text(_GARDEN, "garden.md"))
    assert questions["G2"].display_if == "G1 == '1'"
    assert questions["G2"].text == "How big is your garden?"
    assert questions["G3"].display_if == "not (G2 == '3')"
