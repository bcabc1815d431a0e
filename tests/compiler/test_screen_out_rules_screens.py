"""Screen-outs written in prose or attached to answers (invented wording)."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_PROSE = """K1. Do you keep bees at the moment?
    1 = Yes, one hive
    2 = Yes, several hives
    3 = No
> Routing: anyone choosing 3 sees the goodbye page and the survey ends.

K2. Can I speak to the person who looks after the hives?
    1 = Yes
    2 = No, not today
IF 2: BOOK A NEW TIME, THEN END THE CALL.

K3. How many hives did you have last spring?
Whole number, 0 to 90. Anyone who enters 0 kept no bees then: show the sorry page and end.

K4. Which honey do you sell?
    1 = Runny
    2 = Set
    3 = Comb
Choosing "Comb" is fine. The next question is for everyone.

K5. Did you lose a colony over winter?
    1 = Yes
    2 = No
If you lose more than 3 colonies a year, tell the inspector.

K6. Which of these have you bought in 3 months?
    1 = Frames
    2 = Foundation
    3 = None of these
Anyone choosing 3 months ago or more: thank you.
"""


def test_prose_screen_outs_on_own_answers() -> None:
    questions = by_id(compile_text(_PROSE, "bees.txt"))
    assert questions["K1"].terminate_if == "K1 == '3'"
    assert questions["K2"].terminate_if == "K2 == '2'"
    assert questions["K3"].terminate_if == "K3 == 0"
    # no ending words: no screen-out
    assert not questions["K4"].terminate_if
    assert not questions["K5"].terminate_if
    # an amount ("3 months") is no answer's code
    assert not questions["K6"].terminate_if


_NAMED = """R1. Is the allotment used by you or by a club?
    1 = By me
    2 = By a club
CLUBS HAVE THEIR OWN SURVEY: CODE 2 CLOSES THE INTERVIEW

R2. How many beds do you grow in?
NUMBER
UNDER 2 TERMINATE

R3. Which of these crops did you grow? MULTI CODE
    1 = Beans
    2 = Leeks
    3 = None of these
If you ticked none of these crops, the diary ends here, thank you.

R4. Which services do you use? (answers (4) and (5) finish here)
    1 = Water
    2 = Compost
    3 = Sheds
    4 = None
    5 = Not a plot holder
Routing: answers (4) and (5) finish here and show the "not eligible" page.

R5. Are you close to the site?
    1 = Yes
    2 = No
If you live close to the site (code 1 at R5):
"""


def test_answers_named_by_code_bound_or_words() -> None:
    questions = by_id(compile_text(_NAMED, "plots.txt"))
    assert questions["R1"].terminate_if == "R1 == '2'"
    assert questions["R2"].terminate_if == "R2 < 2"
    assert questions["R3"].terminate_if == "R3 contains '3'"
    assert questions["R4"].terminate_if in ("R4 contains '4' or R4 contains '5'", "R4 in ['4','5']")
    # "close to" is no way out, and a line ending in a colon opens what follows
    assert not questions["R5"].terminate_if


_ANSWER_TAGS = """T1. When did you last visit the museum?
    [1] This month
    [2] This year
    [3] Longer ago      << THANK AND END CALL >>

T2. Which galleries did you see? MULTI CODE
    01 Fossils
    02 Ships
    03 None of these → end of survey (not a visitor)

T3. Are you a member?
    1 Yes
    2 No – we are not eligible to join
    3 No – thank you, you do not need to go any further

T4. How did you travel?
    1 Bus
    2 Car → go on to the next section
"""


def test_endings_attached_to_answers_leave_the_label() -> None:
    questions = by_id(compile_text(_ANSWER_TAGS, "museum.txt"))
    t1 = questions["T1"]
    assert [o.label for o in t1.options] == ["This month", "This year", "Longer ago"]
    assert t1.terminate_if == "T1 == '3'"
    t2 = questions["T2"]
    assert t2.options[-1].label == "None of these"
    assert t2.terminate_if == "T2 contains '03'"
    t3 = questions["T3"]
    # after a dash, the respondent's own words stay the answer's
    assert t3.options[1].label == "No – we are not eligible to join"
    assert t3.terminate_if == "T3 == '3'"
    assert not questions["T4"].terminate_if


_WRITTEN = """W1. Tell us about your garden in a few sentences.
    OPEN TEXT
    TERMINATE IF FEWER THAN 20 WORDS (CHECKED BY HAND).

W2. Do you have a pond?
    1 Yes
    2 No
"""


def test_no_code_test_on_a_written_answer() -> None:
    questions = by_id(compile_text(_WRITTEN, "garden.txt"))
    assert not questions["W1"].terminate_if
