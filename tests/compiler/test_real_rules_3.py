"""Conventions met in the real questionnaires, third round, one small case each, written in
their own invented words (plus checks on the real files, skipped where they are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielder.compiler import compile_document
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

REAL = Path(__file__).resolve().parents[3] / "shared" / "samples" / "real"


def _real(name: str) -> dict[str, Question]:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{name} is not here")
    return by_id(compile_document(read_document(path.read_bytes(), path.name)).survey)


_ITEM_BATTERIES = (
    "How much do you enjoy each of these? Would you say (read out):\n"
    "Very much\tA little\tNot at all\n"
    "Q1\tGardening\t1\t2\t3\n"
    "Q2\tCooking\t1\t2\t3\n"
    "Here is a list of hobbies people take up. Which, if any, have you tried? Please choose "
    "up to three!\n"
    "Tried\tNot tried\n"
    "Q3\tPottery\t1\t2\n"
    "Q4\tChess\t1\t2\n"
    "How often do you see these in your street?\n"
    "Very\tQuite\tNot\n"
    "often\toften\toften\n"
    "Q5\tCyclists\t1\t2\t3\n"
)


def test_the_words_over_a_battery_of_one_line_items_are_its_own_screen() -> None:
    questions = by_id(compile_text(_ITEM_BATTERIES))
    # the next battery's "choose up to three" is no type word of the item above it
    assert questions["Q2"].type == "single"
    assert questions["Q2"].validation is None
    assert questions["Q3_INTRO"].type == "display"
    assert questions["Q3_INTRO"].text.startswith("Here is a list of hobbies")
    assert questions["Q1_INTRO"].text.startswith("How much do you enjoy")
    assert [o.label for o in questions["Q3"].options] == ["Tried", "Not tried"]
    assert questions["Q5_INTRO"].text == "How often do you see these in your street?"
    # column words wrapped onto two lines are read top to bottom
    assert [o.label for o in questions["Q5"].options] == ["Very often", "Quite often", "Not often"]


def test_an_answer_under_a_question_is_no_lead_in() -> None:
    questions = by_id(
        compile_text(
            "Q1. Which comes closest to your view?\n"
            "1 Parks should stay as they are\n"
            "2 Parks need more trees\n"
            "Yes\tNo\n"
            "Q2\tBenches\t1\t2\n"
        )
    )
    assert [o.code for o in questions["Q1"].options] == ["1", "2"]
    assert "Q2_INTRO" not in questions


def test_wvs_battery_lead_ins_leave_the_items_single() -> None:
    questions = _real("wvs7-master-questionnaire.pdf")
    assert questions["Q6"].type == "single"
    assert questions["Q6"].validation is None
    assert questions["Q7_INTRO"].type == "display"
    assert "choose up to five" in questions["Q7_INTRO"].text
    assert [o.label for o in questions["Q132"].options][0] == "Very frequently"


def test_the_statement_a_question_points_at_is_part_of_its_words() -> None:
    questions = by_id(
        compile_text(
            "## Q1. How strongly do you agree with the following statement?\n\n"
            '**"Fresh bread is worth a longer walk."**\n\n'
            "- Disagree\n- Neutral\n- Agree\n\n"
            "## Q2. Do you agree with this statement?\n\n"
            "**Our bakery opens early enough.**\n\n"
            "- Yes\n- No\n\n"
            "## Q3. How often do you buy bread?\n\n"
            "**Please think of the last month.**\n\n"
            "- Daily\n- Weekly\n",
            "q.md",
        )
    )
    assert questions["Q1"].text == (
        'How strongly do you agree with the following statement? "Fresh bread is worth a '
        'longer walk."'
    )
    assert questions["Q2"].text.endswith("Our bakery opens early enough.")
    assert "last month" not in questions["Q3"].text


def test_smartphone_q15_keeps_its_statement() -> None:
    questions = _real("smartphone-purchase-survey.md")
    assert "Price is one of the most important factors" in questions["Q15"].text


def test_a_multiple_choice_grid_is_one_answer_a_row() -> None:
    questions = by_id(
        compile_text(
            "## Q1. How important is each of these when you pick a bakery?\n\n"
            "**Question Type:** Multiple-choice grid / Likert scale\n\n"
            "**Scale:**\n\n"
            "| Score | Meaning |\n|---|---|\n| 1 | Not important |\n| 2 | Important |\n\n"
            "### Factors\n\n"
            "- Price\n- Opening hours\n- Friendly staff\n\n"
            "## Q2. Which breads do you buy?\n\n"
            "**Question Type:** Multiple-choice\n\n"
            "- Rye\n- Spelt\n",
            "q.md",
        )
    )
    assert questions["Q1"].type == "grid"
    assert questions["Q1"].multiple is False
    assert questions["Q2"].type == "multi"


def test_who_was_asked_names_no_type_of_the_question() -> None:
    questions = by_id(
        compile_text(
            "Q1. Which of these shops do you visit? (Select all that apply)\n"
            "● Bakery\n● Grocer\n● Butcher\n"
            "Q2. Which of these shops do you visit most often? 4\n"
            "● Bakery\n● Grocer\n● Butcher\n"
            "4 Question 2 was only asked to respondents that selected more than one shop for "
            "Question 1.\n"
            "Q3. Where do you live?\n● Town\n● Village\n"
        )
    )
    assert questions["Q1"].type == "multi"
    assert questions["Q2"].type == "single"


def test_kaggle_most_often_follow_ups_are_single() -> None:
    questions = _real("kaggle-ds-ml-survey-2020.pdf")
    assert questions["Q30"].type == "single"
    assert questions["Q32"].type == "single"
    assert questions["Q30"].display_if == "count(Q29_A) > 1"


def test_smartphone_q14_is_a_one_answer_a_row_grid() -> None:
    questions = _real("smartphone-purchase-survey.md")
    assert questions["Q14"].type == "grid"
    assert questions["Q14"].multiple is False


def test_a_consent_statement_typed_as_a_checkbox_is_one_box_to_tick() -> None:
    questions = by_id(
        compile_text(
            "### I have read the notice above and consent to the garden club keeping my "
            "answers.\n\n"
            "*Answer type: checkbox*\n\n"
            "### Which plots do you tend?\n\n"
            "*Answer type: checkbox*\n\n"
            "### How long have you gardened?\n\n"
            "*Answer type: short text*\n",
            "q.md",
        )
    )
    consent = questions["Q1"]
    assert consent.type == "multi"
    assert [o.label for o in consent.options] == ["I agree"]
    # a question, not a statement: its missing answers stay a question to the programmer
    assert questions["Q2"].options == []


def test_pdn_consent_is_a_tick_box() -> None:
    questions = _real("pdn-pathogen-data-survey.md")
    assert [o.label for o in questions["Q4"].options] == ["I agree"]


def test_answers_run_into_one_paragraph_are_a_list() -> None:
    questions = by_id(
        compile_text(
            "4. Why did you join the garden club? Mark (X) ONLY one box.\n"
            "PEOPLE 210 01 Friends were members 02 Met neighbours 03 Family reason "
            "PLANTS 04 Wanted a plot 05 Learn to grow food 06 Any other – Specify\n"
            "5. How old were you in 2010? 25 or 30 years, roughly.\n"
        )
    )
    assert [(o.code, o.label) for o in questions["Q4"].options] == [
        ("01", "Friends were members"),
        ("02", "Met neighbours"),
        ("03", "Family reason"),
        ("04", "Wanted a plot"),
        ("05", "Learn to grow food"),
        ("06", "Any other – Specify"),
    ]
    assert questions["Q4"].options[-1].specify
    assert questions["Q4"].text.endswith("Mark (X) ONLY one box.")


def test_nychvs_q6_keeps_its_run_in_answers() -> None:
    questions = _real("nychvs-2011-census-housing.pdf")
    labels = [o.label for o in questions["Q6"].options]
    assert len(labels) == 33
    assert labels[0] == "Job transfer/new job"
    assert labels[6] == "Needed larger house or apartment"


def test_answers_with_their_codes_after_a_dash_on_the_question_line() -> None:
    questions = by_id(
        compile_text(
            "C1 Pets Does (name) keep a pet? Yes – 1 No – 2 (skip to C3)\n"
            "C2 Kind Which pet does (name) keep? Dog - 1 Cat - 2 Other Specify ______ - 3\n"
            "C3 How are you today? Fine - thanks\n"
        )
    )
    assert [(o.code, o.label) for o in questions["C1"].options] == [("1", "Yes"), ("2", "No")]
    assert questions["C1"].text.endswith("keep a pet?")
    assert [s.to for s in questions["C1"].skip_to] == ["C3"]
    other = questions["C2"].options[-1]
    assert (other.label, other.specify) == ("Other Specify", True)
    assert questions["C3"].options == []


def test_answers_printed_in_columns_go_back_into_code_order() -> None:
    questions = by_id(
        compile_text(
            "D1. What kind of home is this?\n"
            "1. Cottage 3. Terraced house 5. Houseboat\n"
            "2. Flat 4. Farmhouse\n"
            "D2. Do you rent it?\n"
            "1. Yes 2. No\n"
        )
    )
    assert [o.label for o in questions["D1"].options] == [
        "Cottage",
        "Flat",
        "Terraced house",
        "Farmhouse",
        "Houseboat",
    ]
    assert [o.label for o in questions["D2"].options] == ["Yes", "No"]


def test_a_dates_box_captions_are_no_type_notes() -> None:
    questions = by_id(
        compile_text(
            "R1 Which sport does (name) play? Tennis - 1 Golf - 2 Chess - 3\nY\nM\nD\n"
            "R2 How old is (name)?\n"
        )
    )
    assert questions["R1"].type == "single"


def test_popstan_pdf_roster_answers() -> None:
    questions = _real("popstan-household-cspro.pdf")
    assert [o.label for o in questions["B02"].options] == ["Male", "Female"]
    assert questions["B08"].type == "single"
    assert [o.label for o in questions["D03"].options][:2] == [
        "Traditional round hut",
        "Detached house",
    ]


def test_opposite_words_over_a_row_of_points_are_a_grid() -> None:
    questions = by_id(
        compile_text(
            "1. How old are you?\n"
            "2. The new timetable is…\n"
            "late\tearly\nconfusing\tclear\ncrowded\tspacious\nslow\tfast\n"
            "-3 -2 -1 0 1 2 3\n"
            "3. Anything else?\n"
        )
    )
    grid = questions["Q2"]
    assert grid.type == "grid"
    assert grid.text == "The new timetable is…"
    assert [r.label for r in grid.rows] == [
        "late – early",
        "confusing – clear",
        "crowded – spacious",
        "slow – fast",
    ]
    assert [o.label for o in grid.options] == ["-3", "-2", "-1", "0", "1", "2", "3"]


def test_subtitlers_differential_keeps_every_pair_as_a_row() -> None:
    questions = _real("subtitlers-task-questionnaire.pdf")
    grid = questions["Q8"]
    assert len(grid.rows) == 13
    assert grid.rows[-1].label == "impractical – practical"
    assert "practical" not in [o.label for o in grid.options]


def test_one_list_with_a_column_of_codes_for_each_of_two_questions() -> None:
    questions = by_id(
        compile_text(
            "Q1. How often do you walk? (Code one)\n1 Daily\n2 Weekly\n"
            "Q2. Which of these matters most to you? (Code one under “first choice”)\n"
            "Q3. And which matters next most? (Code one under “second choice”)\n"
            "Q2 Q3\n"
            "First choice Second choice\n"
            "1. Clean paths 1 1\n"
            "2. More benches along the river and in the 2 2\n"
            "old town\n"
            "3. Dog-free areas 3 3\n"
            "Q4. Anything else?\n"
        )
    )
    for qid in ("Q2", "Q3"):
        assert questions[qid].type == "single"
        assert [o.label for o in questions[qid].options] == [
            "Clean paths",
            "More benches along the river and in the old town",
            "Dog-free areas",
        ]
    assert not any(q.startswith("Q2_") for q in questions)


def test_wvs_first_and_second_choice_questions_share_their_list() -> None:
    questions = _real("wvs7-master-questionnaire.pdf")
    assert [o.label for o in questions["Q155"].options][0] == "Maintaining order in the nation"
    assert "Q154_2" not in questions
