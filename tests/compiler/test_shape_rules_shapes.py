"""Layout shapes of questions and answers, each with a case that must not be read that way.

Invented wording throughout: coloured numbers as labels, codes after tick boxes, scale points
across a line with marks, notes over named questions, codes under grid headings, wrapped notes,
a CODE column heading, survey-tool format lines, and words after an answer's arrow.
"""

from __future__ import annotations

from docx import Document as make_docx
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.documents.docx_build import docx_bytes


def _survey(text: str, name: str = "q.txt"):  # type: ignore[no-untyped-def]
    return compile_document(read_document(text.encode(), name)).survey


def _options(question) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(o.code, o.label) for o in question.options]


# --- coloured bare numbers after a typed lettered series -----------------------------------


def _coloured_form(numbers: list[str]) -> bytes:
    doc = make_docx()
    asks = ["How many rooms does the flat have?", "Is there a garden?", "Is there a garage?"]
    for index, words in enumerate(asks, start=1):
        doc.add_paragraph(f"K{index}\t{words}")
        doc.add_paragraph("☐  Yes")
        doc.add_paragraph("☐  No")
    doc.add_heading("Resident 1", level=2)
    person = ["What is your first name?", "Which year were you born in?", "Do you drive a car?"]
    for number, words in zip(numbers, person, strict=True):
        para = doc.add_paragraph()
        label = para.add_run(number)
        label.bold = True
        label.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
        para.add_run("\t")
        para.add_run(words)
        doc.add_paragraph("☐  Yes")
        doc.add_paragraph("☐  No")
    return docx_bytes(doc)


def test_coloured_numbers_after_letter_labels_are_questions_too() -> None:
    survey = compile_document(read_document(_coloured_form(["1.", "2.", "3."]), "f.docx")).survey
    ids = [q.id for q in survey.questions()]
    assert ids == ["K1", "K2", "K3", "Q1", "Q2", "Q3"]


def test_coloured_words_before_a_question_stay_a_note() -> None:
    doc = make_docx()
    para = doc.add_paragraph()
    note = para.add_run("ASK ALL")
    note.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    para.add_run(" Q1. Which colour is your front door?")
    doc.add_paragraph("1 Red")
    doc.add_paragraph("2 Blue")
    survey = compile_document(read_document(docx_bytes(doc), "f.docx")).survey
    assert [q.id for q in survey.questions()] == ["Q1"]


# --- codes printed after tick boxes -----------------------------------------------------------


def test_codes_after_boxes_counting_up_are_the_answers_codes() -> None:
    text = (
        "Q1. Which bus do you take most often?\n"
        "□ 1 The number 12\n□ 2 The express\n□ 3 Another bus\n\n"
        "Q2. Where did you sit?\n☐ (1) Upstairs\n☐ (2) Downstairs\n"
    )
    first, second = _survey(text).questions()
    assert _options(first) == [("1", "The number 12"), ("2", "The express"), ("3", "Another bus")]
    assert _options(second) == [("1", "Upstairs"), ("2", "Downstairs")]


def test_numbers_that_are_part_of_the_answer_stay_in_it() -> None:
    text = "Q1. How many dogs live with you?\n□ 1 dog\n□ 2 dogs\n□ 3 or more dogs\n"
    (question,) = _survey(text).questions()
    assert [o.label for o in question.options] == ["1 dog", "2 dogs", "3 or more dogs"]


# --- scale points across one line --------------------------------------------------------------


def test_scale_points_set_apart_by_marks_with_worded_ends() -> None:
    text = (
        "Q1. How tasty was the soup?\n\n1 (Bland) · 2 · 3 · 4 (Delicious)\n\n"
        "Q2. How calm was the ward?\n\n1 — Very noisy | 2 | 3 | 4 | 5 — Very calm\n\n"
        "Q3. How warm was the room?\n\n☐ (0) Freezing (1) (2) (3) Too hot\n"
    )
    first, second, third = _survey(text, "q.md").questions()
    assert first.type == "scale"
    assert _options(first) == [("1", "Bland"), ("2", "2"), ("3", "3"), ("4", "Delicious")]
    assert _options(second)[0] == ("1", "Very noisy")
    assert _options(second)[-1] == ("5", "Very calm")
    assert _options(third) == [("0", "Freezing"), ("1", "1"), ("2", "2"), ("3", "Too hot")]


def test_numbers_inside_worded_answers_across_are_no_scale() -> None:
    from fielder.compiler.points_across import points_across

    assert points_across("(1) Bus (2) Train (3) Tram") is None
    assert points_across("1 / 2 / 3 / 4") is None  # no words at either end
    assert points_across("Aged 18-24 · 25-34 · 35-44") is None


# --- a note over named questions ---------------------------------------------------------------


def test_a_note_opening_with_two_labels_is_no_question() -> None:
    text = (
        "P1\tDo you own a bicycle?\n1\tYes\n2\tNo\n"
        "P2 AND P3: IF P1 = 1\n"
        "P2\tHow often do you ride it?\n1\tDaily\n2\tWeekly\n"
        "P3\tWhere do you keep it?\n1\tIndoors\n2\tOutdoors\n"
    )
    questions = _survey(text).questions()
    assert [q.id for q in questions] == ["P1", "P2", "P3"]
    assert questions[1].display_if == "P1 == '1'"


def test_a_label_followed_by_its_words_is_still_a_question() -> None:
    text = "P1\tAnd what else did you buy?\n1\tBread\n2\tMilk\nP2\tAnything more?\n1\tYes\n2\tNo\n"
    assert [q.id for q in _survey(text).questions()] == ["P1", "P2"]


# --- codes under grid headings in the same cell ------------------------------------------------


def _grid_docx(heads: list[str], cells: list[str]) -> bytes:
    doc = make_docx()
    doc.add_paragraph("G1\tHow far do you agree with each of these?")
    table = doc.add_table(rows=3, cols=len(heads) + 1)
    for index, head in enumerate(heads, start=1):
        table.cell(0, index).text = head
    for row, item in enumerate(["a) The park is clean", "b) The park is safe"], start=1):
        table.cell(row, 0).text = item
        for index, cell in enumerate(cells, start=1):
            table.cell(row, index).text = cell
    return docx_bytes(doc)


def test_a_heading_over_its_code_repeated_below_loses_the_code() -> None:
    data = _grid_docx(["Agree\n1", "Unsure\n2", "Disagree\n3"], ["1", "2", "3"])
    (question,) = compile_document(read_document(data, "g.docx")).survey.questions()
    assert _options(question) == [("1", "Agree"), ("2", "Unsure"), ("3", "Disagree")]


def test_a_number_in_a_heading_over_boxes_stays_in_it() -> None:
    data = _grid_docx(["Under 5", "5 to 10", "Over 10"], ["☐", "☐", "☐"])
    (question,) = compile_document(read_document(data, "g.docx")).survey.questions()
    assert [o.label for o in question.options] == ["Under 5", "5 to 10", "Over 10"]


# --- wrapped notes and column headings in a fixed-width script ---------------------------------


def test_a_bracketed_note_wrapped_over_two_lines_is_one_note() -> None:
    text = (
        "Q1    What would have made your stay better? [PROBE AND\n"
        "      RECORD IN FULL]\n\n"
        "Q2    Which of these is nearest to you?\n"
        "        1  The beach\n"
        "        2  The hills   {close the survey here and show the\n"
        "           goodbye page}\n"
    )
    first, second = _survey(text).questions()
    assert first.text == "What would have made your stay better?"
    assert _options(second) == [("1", "The beach"), ("2", "The hills")]


def test_a_closed_bracket_of_capitals_after_words_is_still_read() -> None:
    text = "Q1    How was your stay? [READ OUT]\n        1  Good\n        2  Bad\n"
    (question,) = _survey(text).questions()
    assert question.text == "How was your stay?"


def test_a_code_column_heading_is_no_answer() -> None:
    text = (
        "Q1  Did you post the parcel yourself?\n"
        "                                              CODE\n"
        "      Yes                                       1\n"
        "      No                                        2\n"
    )
    (question,) = _survey(text).questions()
    assert _options(question) == [("1", "Yes"), ("2", "No")]


# --- a survey tool's printout ---------------------------------------------------------------


def test_a_tools_format_line_is_no_part_of_the_question() -> None:
    text = (
        "<p>Q1 Which snacks did you buy? Select all that apply.</p>"
        "<p>Multiple choice · Multiple answer</p>"
        "<ul><li>Crisps [1]</li><li>Part of a cake [2]</li>"
        "<li>Other snack [3] + text entry</li></ul>"
    )
    (question,) = _survey(text, "q.html").questions()
    assert question.text == "Which snacks did you buy? Select all that apply."
    assert _options(question) == [("1", "Crisps"), ("2", "Part of a cake"), ("3", "Other snack")]
    assert [o.code for o in question.options if o.specify] == ["3"]


def test_a_part_heading_is_still_a_section() -> None:
    from fielder.compiler.classify import is_section
    from fielder.compiler.lines import Line

    assert is_section(Line(text="Part 2: Your home", raw="Part 2: Your home"))
    assert not is_section(Line(text="Part of the time [2]", raw="Part of the time [2]"))


# --- words after an arrow at an answer's end ---------------------------------------------------


def test_words_after_an_answers_arrow_are_its_note() -> None:
    from fielder.compiler.options import parse_option_text

    (option,) = parse_option_text("☐ No → please return this card to the clerk")
    assert option.label == "No"
    assert option.instructions == ["please return this card to the clerk"]
    (plain,) = parse_option_text("☐ From home to work")
    assert plain.label == "From home to work"
