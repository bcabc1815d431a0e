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
