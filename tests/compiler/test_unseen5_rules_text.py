"""General conventions met in a fifth blind batch (codebooks, IVR scripts, HTML forms, Markdown
checklists and interview guides), one small case each, written in their own words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_CODEBOOK = """
    PARK USERS STUDY - VARIABLE LIST
    ------------------------------------------------------------
    VARIABLE:   caseno
    LABEL:      Case number
    TYPE:       numeric (system)
    ------------------------------------------------------------
    VARIABLE:   welcome
    QUESTION:   Hello, we are asking park visitors a few short questions.
    TYPE:       information screen
    ------------------------------------------------------------
    VARIABLE:   v1_visits
    LABEL:      Visits per month
    QUESTION:   How many times a month do you visit a park?
                [DO NOT PROMPT]
    TYPE:       numeric range 0-60
    ACTION:     v1_visits < 1: TERMINATE
    ------------------------------------------------------------
    VARIABLE:   v2_dog
    QUESTION:   Do you bring a dog with you?
    TYPE:       numeric, single response
    VALUE LABELS: 1 = Yes
                2 = No
                8 = Not sure
    ACTION:     v2_dog = 2 or 8: SKIP TO v4_notes
    ------------------------------------------------------------
    VARIABLE:   v3_leash
    QUESTION:   Which areas do you use with your dog?
    TYPE:       multiple response
    VALUES:     1 "Leash-free zone"  2 "Paths"  3 "Other (specify)"
                7 "None of these [EXCLUSIVE]"
    BASE:       v2_dog = 1
    ------------------------------------------------------------
    VARIABLE:   v3_leash_txt
    TYPE:       string A40
    BASE:       v3_leash = 3
    ------------------------------------------------------------
    VARIABLE:   v4
    QUESTION:   How would you rate each of these?
    TYPE:       grid header, items share these values
    VALUES:     1 "Good"
                2 "Poor"
    ------------------------------------------------------------
    VARIABLE:   v4a
    QUESTION:   Benches
    ------------------------------------------------------------
    VARIABLE:   v4b
    QUESTION:   Lighting
    ------------------------------------------------------------
    VARIABLE:   v5_score
    QUESTION:   From 1 to 7, how safe do you feel?
    TYPE:       numeric 1-7
    VALUES:     1 "Not safe"
                7 "Very safe"
                9 "No answer"
    ------------------------------------------------------------
    VARIABLE:   v4_notes
    QUESTION:   Anything else to tell us?
    TYPE:       string A1000 (open)
    ------------------------------------------------------------
    VARIABLE:   d_band
    LABEL:      Visits band (DERIVED)
    TYPE:       numeric
"""


def test_a_codebook_is_read_by_its_keys_and_leaves_out_variables_that_are_not_asked() -> None:
    questions = by_id(compile_text(_CODEBOOK))
    assert list(questions) == [
        "welcome",
        "v1_visits",
        "v2_dog",
        "v3_leash",
        "v4",
        "v5_score",
        "v4_notes",
    ]
    assert questions["welcome"].type == "display"
    visits = questions["v1_visits"]
    assert visits.type == "number"
    assert visits.text == "How many times a month do you visit a park?"
    assert visits.validation is not None
    assert (visits.validation.min, visits.validation.max) == (
        0,
        60,
    )
    assert visits.terminate_if == "v1_visits < 1"
    assert questions["v4_notes"].type == "long_text"


def test_a_codebook_s_values_universe_and_actions_become_answers_and_logic() -> None:
    questions = by_id(compile_text(_CODEBOOK))
    dog = questions["v2_dog"]
    assert [(o.code, o.label) for o in dog.options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("8", "Not sure"),
    ]
    assert [(r.if_, r.to) for r in dog.skip_to] == [("v2_dog in ['2','8']", "v4_notes")]
    leash = questions["v3_leash"]
    assert leash.type == "multi"
    assert [o.label for o in leash.options][-1] == "None of these"
    assert [o.code for o in leash.options if o.exclusive] == ["7"]
    assert [o.code for o in leash.options if o.specify] == ["3"]
    assert leash.display_if == "v2_dog == '1'"


def test_a_codebook_battery_header_takes_its_items_as_rows_and_a_ranged_numeric_is_a_scale() -> (
    None
):
    questions = by_id(compile_text(_CODEBOOK))
    grid = questions["v4"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Benches", "Lighting"]
    assert [o.label for o in grid.options] == ["Good", "Poor"]
    score = questions["v5_score"]
    assert score.type == "scale"
    assert [o.label for o in score.options] == [
        "Not safe",
        "2",
        "3",
        "4",
        "5",
        "6",
        "Very safe",
        "No answer",
    ]


_IVR = """
    TRANSIT LINE FEEDBACK - IVR
    Rules: star repeats. After two bad inputs PLAY X_BYE and hang up.

    [A0] GREETING (no input)
    SAY: "Hello from the transit line. This short survey takes a minute."

    [A1] AGREE
    SAY: "Will you answer three questions? Press 1 to continue, or press 2 to stop."
      KEY 2 -> PLAY X_BYE then END CALL

    [A2] MODE
    SAY: "How did you travel today? Press 1 for bus, 2 for tram, or 3 if you walked."
      KEY 3 -> GO TO A5

    [A3] TRIPS
    SAY: "How many trips did you make this week? Enter the number, then press hash."
      Accept 0-40.

    [A4] RATING
    SAY: "Please rate your trip. Press a number from 1 to 5, where 1 is awful and 5 is great."
      IF 1-2 PLAY A4X ELSE PLAY A5

    [A4X] WHY LOW (voice recording)
    SAY: "After the beep, tell us what went wrong."

    [A5] END (no input)
    SAY: "Thanks, goodbye."

    [X_BYE] (no input)
    SAY: "Okay, goodbye."
"""


def test_an_ivr_script_s_prompts_are_entries_with_spoken_answers() -> None:
    questions = by_id(compile_text(_IVR))
    assert list(questions) == ["A0", "A1", "A2", "A3", "A4", "A4X", "A5"]
    assert questions["A0"].type == "display"
    mode = questions["A2"]
    assert mode.text == "How did you travel today?"
    assert [(o.code, o.label) for o in mode.options] == [
        ("1", "bus"),
        ("2", "tram"),
        ("3", "you walked"),
    ]
    assert [o.label for o in questions["A1"].options] == ["continue", "stop"]
    trips = questions["A3"]
    assert trips.type == "number"
    assert trips.validation is not None
    assert (trips.validation.min, trips.validation.max) == (0, 40)
    assert questions["A4X"].type == "long_text"


def test_an_ivr_script_s_key_routing_and_score_branches_become_logic() -> None:
    questions = by_id(compile_text(_IVR))
    assert questions["A1"].terminate_if == "A1 == '2'"
    assert [(r.if_, r.to) for r in questions["A2"].skip_to] == [("A2 == '3'", "A5")]
    rating = questions["A4"]
    assert rating.type == "scale"
    assert [o.label for o in rating.options] == ["awful", "2", "3", "4", "great"]
    assert questions["A4X"].display_if == "A4 in ['1','2']"
