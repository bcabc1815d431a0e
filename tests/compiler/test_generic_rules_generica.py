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


_BAKERY = """B1  Which loaf did you pick up first?
    Rye ........................ [1]
    Sourdough .................. [2]
    Spelt ...................... [3]

B2  How many loaves do you buy in a normal week?
    NUMBER 0-30

B3  Did you see the new rye display before you chose?
    Yes ........................ [1]
    No ......................... [2]
    ASK B3 IF B1 NOT = 1 (DID NOT PICK RYE FIRST)

B4  How would you rate the bakery overall?
    Poor ....................... [1]
    Fair ....................... [2]
    Good ....................... [3]

B5  Please describe your ideal loaf in a few sentences.
    OPEN – BIG TEXT BOX. STAFF TO CHECK CLARITY: TERMINATE IF FEWER THAN 12 WORDS (CHECKED BY HAND).

B6  How many times did you visit a bakery last month?
    NUMBER 0-60
    FILTER: IF 4 OR MORE VISITS (B6 >= 4) ASK B7. OTHERS GO TO CLOSE.

B7  What brings you back so often?
    OPEN TEXT

B8  Would you try a spelt loaf?
    BREAD BUYERS (B2 >= 1)
    Yes ........................ [1]
    No ......................... [2]

B9  Anything else?
    OPEN TEXT
"""


def test_lines_that_name_or_sit_on_their_own_question() -> None:
    questions = by_id(compile_text(_BAKERY, "bakery.txt"))
    # "ASK B3 IF …" under B3's answers names B3: not the next question's filter
    assert not questions["B4"].display_if
    # a count of written words is no code of an open answer
    assert not questions["B5"].terminate_if
    # "IF … ASK B7. OTHERS GO TO CLOSE": B7's filter, not a screen-out on B6
    assert not questions["B6"].terminate_if
    # a filter between the question's words and its answers is its own
    assert questions["B8"].display_if == "B2 >= 1"
    assert not questions["B9"].display_if


_KITCHEN = """T1  Do you cook at home?
    Yes, daily ................. [1]
    Sometimes .................. [2]
    Never ...................... [3]
    Show recipe cards (T4, T5) only to cooks (T1 = 1 OR 2).

T2  How many people live with you?
    NUMBER 0-12

T3  Which pan do you use most?
    Steel ...................... [1]
    Iron ....................... [2]

T4  How useful is a card with one recipe?
    Not useful ................. [1]
    Useful ..................... [2]

T5  How useful is a card with a week of recipes?
    Not useful ................. [1]
    Useful ..................... [2]
    Logic: T5 is shown if T1 is "Yes, daily"

T6  Where do you buy your pans?
    OPEN TEXT
"""


def test_a_line_that_names_its_scope_does_not_open_the_next_question() -> None:
    questions = by_id(compile_text(_KITCHEN, "kitchen.txt"))
    # the line names T4 and T5: not the next question's (T2's) filter
    assert not questions["T2"].display_if
    # "T5 is shown if …" under T5 is T5's own, not T6's
    assert not questions["T6"].display_if
