"""General conventions met in an eighth blind batch of text files (an inspection checklist, a
recruitment screener, a telephone poll script, an app team's survey spec), one small case each,
written in their own words rather than taken from any fixture."""

from __future__ import annotations

from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _codes(question: Question) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]


def test_a_checklist_item_ends_in_its_slashed_answers() -> None:
    questions = by_id(
        compile_text(
            """
            SECTION 1 - KITCHEN

            1.1  Are the fridges below 5 degrees?          Yes / No / Not checked
            1.2  Is the hand-wash sink stocked with soap? Yes / No / Not checked
            1.3  Were the bins emptied before the shift started?
                                                            Yes / No / Not checked
            """
        )
    )
    for qid in ("Q1_1", "Q1_2", "Q1_3"):
        assert questions[qid].type == "single"
        assert _codes(questions[qid]) == [("1", "Yes"), ("2", "No"), ("3", "Not checked")]
    assert questions["Q1_2"].text == "Is the hand-wash sink stocked with soap?"


def test_a_date_mask_after_the_ask_is_no_answer_list() -> None:
    questions = by_id(
        compile_text(
            """
            1.1  When was the oven last serviced?      DD / MM / YYYY
            1.2  Is the extractor fan working?          Y / N
            """
        )
    )
    assert not questions["Q1_1"].options
    assert _codes(questions["Q1_2"]) == [("1", "Y"), ("2", "N")]


def test_an_if_no_line_with_a_box_is_the_items_follow_up() -> None:
    questions = by_id(
        compile_text(
            """
            2.1  Was the fire exit clear?                    Y / N / N/A
                 If N, describe: ________________________________
            2.2  Were the first-aid kits in date?            Y / N / N/A
                 If N, describe: ________________________________
            2.3  How many staff were on duty?   ______
            """
        )
    )
    assert list(questions) == ["Q2_1", "Q2_1a", "Q2_2", "Q2_2a", "Q2_3"]
    follow = questions["Q2_2a"]
    assert follow.type == "text"
    assert follow.display_if == "Q2_2 == '2'"
    assert _codes(questions["Q2_2"])[-1] == ("3", "N/A")
    assert questions["Q2_3"].type == "number"


def test_a_clock_or_stopwatch_mask_is_one_box() -> None:
    questions = by_id(
        compile_text(
            """
            3.1  How long did the delivery driver wait (mm:ss): ____:____
            3.2  When did the van arrive (hh:mm): ____:____
            3.3  Did the driver sign the log?            Y / N
            """
        )
    )
    assert questions["Q3_1"].type == "text"
    assert questions["Q3_1"].text.startswith("How long did the delivery driver wait")
    assert "_" not in questions["Q3_2"].text


def test_points_printed_code_first_across_a_line() -> None:
    questions = by_id(
        compile_text(
            """
            5.1  How tidy was the stockroom? (circle)
                 1 Very untidy    2 Untidy    3 Acceptable    4 Tidy    5 Spotless
            5.2  Any other remarks?
                 ______________________________________________
                 ______________________________________________
            """
        )
    )
    tidy = questions["Q5_1"]
    assert tidy.text == "How tidy was the stockroom? (circle)"
    assert _codes(tidy) == [
        ("1", "Very untidy"),
        ("2", "Untidy"),
        ("3", "Acceptable"),
        ("4", "Tidy"),
        ("5", "Spotless"),
    ]


_SCREENER = """
# Screener - home espresso study

## Intro screen

Hello! A few quick questions to see whether you fit our coffee study. It takes two minutes.

**S1 – Single select**
Which of these best describes your job?

- Barista or coffee shop staff — ❌ Reject
- Kitchen appliance sales — 🚫 Reject
- Teacher — ✅ Continue
- Something else — ✅ Continue

**S2 – Multi select** (pick any)
Which of these machines do you own?

- Pod machine
- Bean-to-cup machine
- Manual lever machine
- Stovetop pot
- I don't own any of these machines — ❌ Reject

*Must choose at least one of the first two to continue.*

**S3 – Single select**
How many cups do you make at home each week?

- Fewer than 5 — ⚠️ Max 3
- 5 to 14
- 15 or more

**S4 – Open end**
Describe the last coffee you made at home.

## Thank-you page (qualified)

You're in! We'll send the details soon.
"""


def test_screener_label_lines_name_the_answer_type() -> None:
    questions = by_id(compile_text(_SCREENER, "screener.md"))
    assert list(questions) == ["INTRO", "S1", "S2", "S3", "S4", "THANKS"]
    assert questions["S1"].text == "Which of these best describes your job?"
    assert questions["S1"].type == "single"
    assert questions["S2"].type == "multi"
    assert questions["S4"].type == "long_text"
    assert questions["THANKS"].type == "display"
    assert questions["INTRO"].text.startswith("Hello!")


def test_screener_verdicts_after_answers() -> None:
    questions = by_id(compile_text(_SCREENER, "screener.md"))
    job = questions["S1"]
    assert [o.label for o in job.options] == [
        "Barista or coffee shop staff",
        "Kitchen appliance sales",
        "Teacher",
        "Something else",
    ]
    assert job.terminate_if == "S1 in ['1','2']"
    cups = questions["S3"]
    assert cups.terminate_if is None
    assert [o.label for o in cups.options][0] == "Fewer than 5"


def test_must_choose_one_of_the_first_answers_screens_out_the_rest() -> None:
    machines = by_id(compile_text(_SCREENER, "screener.md"))["S2"]
    assert machines.options[-1].label == "I don't own any of these machines"
    assert machines.options[-1].exclusive
    assert (
        machines.terminate_if == "(S2 contains '5') or (not (S2 contains '1' or S2 contains '2'))"
    )


_APP_SPEC = """
# Check-in survey — Pocket Garden app 🌱

1. How would you rate the plant reminders? 🌟
   - `4-star rating, 1–4, required`
   a. ⭐ 1 star
   b. ⭐⭐ 2 stars
   c. ⭐⭐⭐ 3 stars
   d. ⭐⭐⭐⭐ 4 stars

2. 😢 Oh no! What went wrong? (pick all that apply)
   - `Show only if rating ≤ 2`
   a. Reminders came too late
   b. Too many reminders 🔔
   c. Something else

3. What could we do better? (optional)
   - `Show only if rating ≤ 2` · `multiline`

4. How many plants do you look after?
   - `numeric stepper 0–50`

5. How likely are you to tell a friend about Pocket Garden?
   - `0–10 slider, labels at the ends only`
   0 = Not at all likely … 10 = Extremely likely
"""


def test_an_app_specs_widget_notes_under_a_question() -> None:
    questions = by_id(compile_text(_APP_SPEC, "spec.md"))
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    rating = questions["Q1"]
    assert rating.type == "scale"
    assert _codes(rating) == [("1", "1 star"), ("2", "2 stars"), ("3", "3 stars"), ("4", "4 stars")]
    assert questions["Q3"].type == "long_text"
    plants = questions["Q4"]
    assert plants.type == "number"
    assert plants.validation is not None
    assert (plants.validation.min, plants.validation.max) == (0, 50)
    assert questions["Q5"].type == "scale"
    assert not any("slider" in o.label for o in questions["Q5"].options)


def test_a_display_rule_names_the_earlier_question_by_what_it_asks() -> None:
    questions = by_id(compile_text(_APP_SPEC, "spec.md"))
    assert questions["Q2"].display_if == "Q1 in ['1','2']"
    assert questions["Q3"].display_if == "Q1 in ['1','2']"
    assert questions["Q4"].display_if is None


def test_emoji_at_either_end_of_the_words_are_decoration() -> None:
    questions = by_id(compile_text(_APP_SPEC, "spec.md"))
    assert questions["Q1"].text == "How would you rate the plant reminders?"
    assert questions["Q2"].text == "Oh no! What went wrong? (pick all that apply)"
    assert [o.label for o in questions["Q2"].options][1] == "Too many reminders"
    faces = by_id(
        compile_text(
            """
            1. Thanks 💬 for helping! How was your visit today?
               a. 😞
               b. 😐
               c. 🙂

            2. Anything else to tell us?
            """,
            "faces.md",
        )
    )
    assert faces["Q1"].text.startswith("Thanks 💬 for helping!")
    assert [o.label for o in faces["Q1"].options] == ["😞", "😐", "🙂"]


_POLL = """
HARBOR POLLING -- COUNTY SURVEY -- interviewer copy

Q.1  Do you rent or own your home?
        Rent ....................................... 1
        Own ........................................ 2
        Live with family (VOL) ..................... 3
        (DK/REF) ................................... 9

Q.2  If the vote on the new library levy were held today, would you vote... [READ
     IN ORDER]
        Yes, for the levy .......................... 1
        No, against it ............................. 2
        Not sure (VOL) ............................. 8

3.   Have you used the county library in the past year?
        Yes ........................................ 1
        No ......................................... 2

Q.4  On a scale from zero to ten, how well is the county run?
        [RECORD 0-10.  DK = 98  REF = 99]
        ________

Q.5  Which of these have you visited? [READ LIST; ACCEPT ALL THAT
     APPLY]
        Main library ............................... 1
        Mobile library ............................. 2
        None of these (VOL) ........................ 97

CLOSE. That is all. Thank you for your time.

[INTERVIEWER: CODE RESPONDENT'S ACCENT BY OBSERVATION -- DO NOT ASK]
        Local 1   Not local 2
-- end of script -- HP-77 v2 --
"""


def test_a_volunteered_answer_loses_its_vol_tag() -> None:
    questions = by_id(compile_text(_POLL))
    assert _codes(questions["Q1"]) == [
        ("1", "Rent"),
        ("2", "Own"),
        ("3", "Live with family"),
        ("9", "DK/REF"),
    ]
    assert _codes(questions["Q2"])[-1] == ("8", "Not sure")


def test_a_bracketed_note_wrapped_over_two_lines_is_one_note() -> None:
    questions = by_id(compile_text(_POLL))
    levy = questions["Q2"]
    assert levy.text == "If the vote on the new library levy were held today, would you vote..."
    assert [o.code for o in levy.options] == ["1", "2", "8"]
    visited = questions["Q5"]
    assert visited.text == "Which of these have you visited?"
    assert visited.type == "multi"


def test_a_bare_number_between_prefixed_labels_is_one_of_them() -> None:
    questions = by_id(compile_text(_POLL))
    assert list(questions)[:5] == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert _codes(questions["Q3"]) == [("1", "Yes"), ("2", "No")]
    assert [o.code for o in questions["Q2"].options] == ["1", "2", "8"]


def test_record_a_range_is_a_number_box() -> None:
    run = by_id(compile_text(_POLL))["Q4"]
    assert run.type == "number"
    assert run.validation is not None
    assert (run.validation.min, run.validation.max) == (0, 10)


def test_what_the_interviewer_records_unasked_is_no_question() -> None:
    questions = by_id(compile_text(_POLL))
    assert list(questions)[-1] == "CLOSE"
    assert questions["CLOSE"].type == "display"
    assert not questions["CLOSE"].options
