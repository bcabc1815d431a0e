"""Routing notes that cover several questions, read as scope + condition + action
(`scoped_notes`): a section's note under its heading, a run named in a note, negations, and a
section's test joined to a question's own filter."""

from __future__ import annotations

from fielder.compiler.scoped_notes import read_scoped_note
from tests.compiler.conftest import by_id, compile_text

_HEAD = """T1. Do you own a canoe?
1 Yes
2 No
T2. Do you paddle on rivers?
1 Yes
2 No
3 Sometimes
"""


def test_note_under_heading_that_sends_others_on_filters_the_section() -> None:
    survey = compile_text(
        _HEAD
        + """SECTION K - RIVER TRIPS
PADDLER FILTER: ASK IF RIVER PADDLER (T2 = 1). Everyone else goes to Section L.
K1. How many river trips did you make last year?
1 One
2 Two or more
K2. Which river do you like best?
1 The Wend
2 The Asse
SECTION L - ABOUT YOU
L1. How old are you?
1 Under 30
2 30 or over
"""
    )
    questions = by_id(survey)
    assert questions["K1"].display_if == "T2 == '1'"
    assert questions["K2"].display_if == "T2 == '1'"
    assert questions["L1"].display_if is None


def test_section_note_in_other_words_names_the_group() -> None:
    survey = compile_text(
        _HEAD
        + """SECTION M - CANOE CARE
This part is only for canoe owners (T1 = 1). If not, please go on to Section N.
M1. Where do you keep your canoe?
1 At home
2 At a club
M2. How often do you clean it?
1 Weekly
2 Less often
SECTION N - CLOSE
N1. May we contact you again?
1 Yes
2 No
"""
    )
    questions = by_id(survey)
    assert questions["M1"].display_if == "T1 == '1'"
    assert questions["M2"].display_if == "T1 == '1'"
    assert questions["N1"].display_if is None


def test_skip_this_part_is_a_negated_section_filter() -> None:
    survey = compile_text(
        _HEAD
        + """SECTION R - WEATHER
Skip this whole section if T2 = 2.
R1. Do you check the forecast?
1 Yes
2 No
R2. Have you been caught in a storm?
1 Yes
2 No
"""
    )
    questions = by_id(survey)
    assert questions["R1"].display_if == "not (T2 == '2')"
    assert questions["R2"].display_if == "not (T2 == '2')"


def test_run_named_in_a_note_extends_to_where_others_go() -> None:
    survey = compile_text(
        _HEAD
        + """P1. Do you hire boats?
1 Yes
2 No
ROUTING - P2 TO P3: ONLY RIVER PADDLERS (T2 CODE 1 OR 3). OTHERS GO TO P5.
P2. How many boats do you hire?
1 One
2 More
P3. From whom?
1 A club
2 A shop
P4. Would you hire again?
1 Yes
2 No
P5. Any comments?
1 Yes
2 No
"""
    )
    questions = by_id(survey)
    for qid in ("P2", "P3", "P4"):
        assert questions[qid].display_if == "T2 in ['1','3']", qid
    assert questions["P5"].display_if is None


def test_section_test_is_joined_to_a_questions_own_filter() -> None:
    survey = compile_text(
        _HEAD
        + """SECTION K - RIVER TRIPS
PADDLER FILTER: ASK IF RIVER PADDLER (T2 = 1). Everyone else goes to Section L.
K1. Did you capsize?
1 Yes
2 No
ASK IF K1 = 1
K2. Were you hurt?
1 Yes
2 No
"""
    )
    questions = by_id(survey)
    assert questions["K1"].display_if == "T2 == '1'"
    assert questions["K2"].display_if is not None
    assert "T2 == '1'" in questions["K2"].display_if
    assert "K1 == '1'" in questions["K2"].display_if


def test_plain_ask_if_under_a_heading_stays_the_first_questions() -> None:
    assert read_scoped_note(["ASK IF T1 = 1"], True) is None


def test_a_note_for_one_question_or_a_bare_bracket_is_not_a_section_note() -> None:
    assert read_scoped_note(["BASE FOR W3: ALL WHO SAIL - T1 CODE 1"], True) is None
    assert read_scoped_note(["(T2 = 1 OR 3)"], True) is None


def test_reading_the_parts() -> None:
    note = read_scoped_note(["ASK W7 AND W9 ONLY IF T2 = 1"], False)
    assert note is not None
    assert note.listed
    assert (note.first, note.last) == ("W7", "W9")
    run = read_scoped_note(["Questions 12 to 15 are only for members (question 3 = 1)."], False)
    assert run is not None
    assert (run.first, run.last) == ("Q12", "Q15")
    assert run.cond == "question 3 = 1"
    following = read_scoped_note(["Ask the next three questions only if T1 = 1."], False)
    assert following is not None
    assert following.count == 3
