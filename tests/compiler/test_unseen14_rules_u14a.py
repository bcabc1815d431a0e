"""General conventions met in a fourteenth blind batch (a client-filled agency template, a
survey tool's Word export, a hand-marked wave mark-up, a CATI script), one small case each, in
their own invented words."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.bracketed_bases import bracketed_base
from fielder.compiler.end_coded_scales import scale_from_ends
from fielder.compiler.row_recodes import without_row_recodes
from fielder.documents import read_document
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id


def _template() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Questionnaire"
    sheet.append(["ACME FIELD – SURVEY TEMPLATE"])
    sheet.append(["Fill in one row per question; delete the example before sending."])
    sheet.append(
        [
            "Ref",
            "Part",
            "Question type",
            "Question text (word for word as the reader will see it)",
            "Answer options",
            "Code",
            "Routing / who sees this question",
            "Notes",
        ]
    )
    sheet.append(
        [
            "EG1",
            "Example",
            "Single choice",
            "Do you like [THING]? (EXAMPLE – DELETE THIS ROW)",
            "Yes",
            1,
            "All",
        ]
    )
    sheet.append([None, None, None, None, "No", 2])
    sheet.append(["B1", "Garden", "Multiple choice", "Which of these tools do you own?", "Rake", 1])
    sheet.append([None, None, None, None, "Hoe", 2])
    sheet.append([None, None, None, None, "Trowel", 3])
    sheet.append([None, None, None, None, "None of them", 4])
    sheet.append(
        [
            "B2",
            "Garden",
            "Single choice",
            "Which tool do you use most?",
            "Rake\nHoe\nTrowel",
            None,
            "Only gardeners with tools (any of 1-3 at B1)",
        ]
    )
    sheet.append(
        [
            "B3",
            "Garden",
            "Single choice",
            "How did the season go?",
            "1 - Good\n2 - Mixed\n3 - Washed out",
            None,
            "3 = close survey (no crop)",
        ]
    )
    sheet.append(
        ["B4", "Garden", "Rating scale", "How tidy is your shed?", "1 = Very messy\n6 = Very tidy"]
    )
    sheet.append(
        ["B5", "Garden", "Numeric", "How many beds do you dig?", None, None, "All", "2-40"]
    )
    sheet.append(["B6", "Garden", "Dropdown", "Which county are you in?", "Northshire", "01"])
    sheet.append([None, None, None, None, "Southshire", "02"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_questions() -> dict[str, Question]:
    return by_id(compile_document(read_document(_template(), "template.xlsx")).survey)


def test_a_long_column_name_with_a_filling_note_in_brackets_still_names_its_column() -> None:
    questions = _sheet_questions()
    assert questions["B1"].text == "Which of these tools do you own?"
    assert [o.label for o in questions["B1"].options] == ["Rake", "Hoe", "Trowel", "None of them"]


def test_a_template_s_example_row_left_in_is_not_a_question() -> None:
    questions = _sheet_questions()
    assert "EG1" not in questions
    assert list(questions)[0] == "B1"


def test_zero_padded_codes_typed_in_the_code_column_keep_their_zero() -> None:
    assert [o.code for o in _sheet_questions()["B6"].options] == ["01", "02"]


def test_a_base_described_in_words_takes_its_condition_from_the_brackets() -> None:
    assert _sheet_questions()["B2"].display_if == (
        "B1 contains '1' or B1 contains '2' or B1 contains '3'"
    )
    assert bracketed_base("Only people who own a tool (any of 1-3 at B1)") == "any of 1-3 at B1"
    assert bracketed_base("Only if B1 = 1 (same list as B1)") is None
    assert bracketed_base("Ask only those who water daily (C2 = 1)") == "C2 = 1"
    assert bracketed_base("Only people who water daily (regular gardeners)") is None


def test_code_equals_close_survey_in_a_routing_cell_screens_out() -> None:
    assert _sheet_questions()["B3"].terminate_if == "B3 == '3'"


def test_a_scale_written_as_its_two_ends_gets_its_middle_points() -> None:
    shed = _sheet_questions()["B4"]
    assert shed.type == "scale"
    assert [(o.code, o.label) for o in shed.options] == [
        ("1", "Very messy"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "5"),
        ("6", "Very tidy"),
    ]
    # not named a scale and not extremes: a list whose codes only happen to be apart
    pair = [Option(code="1", label="Yes"), Option(code="9", label="Refused")]
    assert scale_from_ends(pair, []) is None
    ends = [Option(code="0", label="Not at all keen"), Option(code="10", label="Extremely keen")]
    assert [o.code for o in scale_from_ends(ends, []) or []] == [str(n) for n in range(11)]


def test_a_bare_range_in_the_notes_of_a_numeric_question_is_its_range() -> None:
    beds = _sheet_questions()["B5"]
    assert beds.type == "number"
    assert beds.validation is not None
    assert (beds.validation.min, beds.validation.max) == (2, 40)


def test_routing_on_a_scale_end_stays_on_that_end_once_the_middle_is_filled() -> None:
    text = (
        "Q1. How keen are you on rain?\n"
        "1 = Not at all keen\n"
        "5 = Extremely keen  --> GO TO Q3\n\n"
        "Q2. Why not?\n"
        "1 Too wet\n"
        "2 Too cold\n\n"
        "Q3. Any comments?\n"
    )
    questions = by_id(compile_document(read_document(text.encode(), "rain.txt")).survey)
    keen = questions["Q1"]
    assert [o.code for o in keen.options] == ["1", "2", "3", "4", "5"]
    assert [(s.if_, s.to) for s in keen.skip_to] == [("Q1 == '5'", "Q3")]


_EXPORT = """Start of Block: Intro

QID4 Do you keep bees?
○ Yes  (1)
○ No  (2)
○ Not yet  (3)
Skip logic: If 'No' or 'Not yet' is selected, the respondent goes to the End of Survey.

QID7 How many hives do you have?
____________________
Text entry validation: Number only, minimum 1, maximum 40.
Skip logic: If QID7 is less than 2, skip to End of Survey.

QID8 Which flowers do your bees visit? Select all that apply.
☐ Clover  (1)
☐ Heather  (2)
☐ Lavender  (3)
Display logic: Display this question only if 'Heather' is selected at QID8.

QID9 How dark is your heather honey?
○ Light  (1)
○ Dark  (2)
Skip logic: If 'Light' is slected, skip to End of Block.

QID10 Why is it light, do you think?
____________________

End of Block: Intro

Start of Block: Rating

QID12 How happy are you with your bees, from 0 to 10?
○ 0  (0)
○ 1  (1)
○ 2  (2)
○ 3  (3)
○ 4  (4)
○ 5  (5)
Display this question if:
QID12 'How happy are you…' is less than or equal to 2

QID13 What would make you happier?
____________________

QID14 How often do you check each of these?
\tWeekly (1)\tMonthly (2)
Frames (1)\t○\t○
Queen (2)\t○\t○

End of Block: Rating
"""


def _export_questions() -> dict[str, Question]:
    return by_id(compile_document(read_document(_EXPORT.encode(), "bees.txt")).survey)


def test_an_export_s_skip_sentences_to_the_end_of_survey_screen_out() -> None:
    questions = _export_questions()
    assert questions["QID4"].terminate_if == "QID4 in ['2','3']"
    assert questions["QID7"].terminate_if == "QID7 < 2"


def test_an_export_s_validation_sentence_makes_a_number_with_its_range() -> None:
    hives = _export_questions()["QID7"]
    assert hives.type == "number"
    assert hives.validation is not None
    assert (hives.validation.min, hives.validation.max) == (1, 40)


def test_an_export_s_display_sentence_filters_the_question_below_it() -> None:
    questions = _export_questions()
    assert questions["QID9"].display_if == "QID8 contains '2'"
    assert questions["QID8"].display_if is None
    assert questions["QID13"].display_if == "QID12 in ['0','1','2']"


def test_skip_to_end_of_block_goes_to_the_next_block_s_first_question() -> None:
    skips = _export_questions()["QID9"].skip_to
    assert [(s.if_, s.to) for s in skips] == [("QID9 == '1'", "QID12")]


def test_a_matrix_row_s_bracketed_recode_is_not_part_of_its_words() -> None:
    assert without_row_recodes(["Frames (1)", "Queen (2)"]) == ["Frames", "Queen"]
    assert without_row_recodes(["Frames", "Cash machine (ATM)"]) == ["Frames", "Cash machine (ATM)"]
    assert without_row_recodes(["Frames (1)", "Queen (1)"]) == ["Frames (1)", "Queen (1)"]
