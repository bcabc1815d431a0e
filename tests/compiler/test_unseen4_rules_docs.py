"""Conventions of document files (PDF, Word, sheets) met in the fourth blind batch, one small
case each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.compiler.code_notes import rewrite_code_notes
from fielder.compiler.spec_screens import only_tells
from fielder.documents import read_document, read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text
from tests.documents.pdf_build import make_pdf, text_ops


def _compile_docx(path: Path, paragraphs: list[tuple[str, str]]) -> dict[str, Question]:
    """A Word file of (style, text) paragraphs; the style "italic" is a plain paragraph set in
    italics."""
    document = docx.Document()
    for style, text in paragraphs:
        if style == "italic":
            document.add_paragraph().add_run(text).italic = True
        elif style == "red":
            document.add_paragraph().add_run(text).font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
        else:
            document.add_paragraph(text, style=style)
    document.save(str(path))
    return by_id(compile_document(read_path(path)).survey)


def test_a_pdf_row_of_scale_points_set_wide_apart_stays_one_line() -> None:
    """A gap between two points (or between the end words and the points) is no gutter between
    columns of text, though nothing else on the page crosses it."""
    page = ""
    for n, (stem, low, high) in enumerate(
        [
            ("1. I sleep well.", "Hardly ever", "All the time"),
            ("2. I eat well.", "No days", "Daily"),
        ]
    ):
        y = 760 - 60 * n
        page += text_ops(56, y, stem)
        page += text_ops(90, y - 18, low)
        page += "".join(text_ops(190 + 45 * p, y - 18, str(p + 1)) for p in range(5))
        page += text_ops(430, y - 18, high)
        page += text_ops(270, y - 32, "Half the time", size=9)
    doc = read_document(make_pdf([page]), "booklet.pdf")
    lines = [block.text for block in doc.blocks]
    assert "Hardly ever\t1\t2\t3\t4\t5\tAll the time" in lines
    assert "No days\t1\t2\t3\t4\t5\tDaily" in lines


def test_statements_each_over_their_own_scale_row_are_scale_questions(tmp_path: Path) -> None:
    questions = _compile_docx(
        tmp_path / "appendix.docx",
        [
            ("Heading 2", "C.1 Life in the neighbourhood"),
            ("italic", "Circle one number for each statement."),
            ("Normal", "1. My neighbours greet me in the street."),
            ("Normal", "Hardly ever\t1\t2\t3\t4\t5\tAll the time"),
            ("italic", "Now and then"),
            ("Normal", "2. I know the names of the people next door."),
            ("Normal", "Hardly ever\t1\t2\t3\t4\t5\tAll the time"),
            ("italic", "Now and then"),
            ("Heading 2", "C.2 About you"),
            ("Normal", "E1. How many people live in your home?"),
            ("Normal", "E2. Do you rent your home?"),
            ("Normal", "Yes (1)\tNo (2)"),
        ],
    )
    assert "C1" not in questions
    assert "C2" not in questions
    first = questions["Q1"]
    assert first.type == "scale"
    assert [(o.code, o.label) for o in first.options] == [
        ("1", "Hardly ever"),
        ("2", "2"),
        ("3", "Now and then"),
        ("4", "4"),
        ("5", "All the time"),
    ]
    assert questions["Q2"].text == "I know the names of the people next door."
    assert "E1" in questions


def test_boxed_answers_with_bracket_codes_wrapped_over_lines() -> None:
    """`☐ Woman (1)`: the code in brackets is the answer's code; a box left alone at the end of
    a line takes the words under it, and a label cut off mid-way goes on in small letters."""
    questions = by_id(
        compile_text(
            "Q1. What is your gender?\n"
            "☐ Woman (1)   ☐ Man (2)   ☐ In another way (3): ________\n"
            "☐ Rather not say (9)\n"
            "Q2. Where do you mostly work?\n"
            "☐ On a ward (1)   ☐ In a clinic (2)   ☐\n"
            "Somewhere else (7)\n"
            "Q3. Which tools do you use? Select all that apply.\n"
            "☐ Paper charts (1)   ☐ Tablet (2)   ☐ Electronic\n"
            "patient record (3)   ☐ Pager (4)\n"
            "Q4. How many nights did you work last month? ________ nights (0–31)\n"
        )
    )
    first = questions["Q1"]
    assert [(o.code, o.label) for o in first.options] == [
        ("1", "Woman"),
        ("2", "Man"),
        ("3", "In another way"),
        ("9", "Rather not say"),
    ]
    assert [o.code for o in first.options if o.specify] == ["3"]
    assert [(o.code, o.label) for o in questions["Q2"].options][-1] == ("7", "Somewhere else")
    assert [(o.code, o.label) for o in questions["Q3"].options] == [
        ("1", "Paper charts"),
        ("2", "Tablet"),
        ("3", "Electronic patient record"),
        ("4", "Pager"),
    ]
    fourth = questions["Q4"]
    assert fourth.text == "How many nights did you work last month?"
    assert fourth.type == "number"


def test_paper_form_boxes_to_write_in_and_a_bare_no_beside_yes_answers() -> None:
    """Boxes that make one entry are an answer box (`Jour ☐ Mois ☐ Année ☐` a date, `☐ – ☐`
    a code in groups, `€ ☐ ,00` an amount); a numbered write-in line per person is one long
    answer; "No" beside "Yes, …" answers of a multi is exclusive; an answer printed one to a
    line goes on under its box in small letters; "Answer only if …" under the words filters."""
    questions = by_id(
        compile_text(
            "1 Where do you keep your bicycle?\n"
            "☐ In a locked shed or garage at home\n"
            "☐ In a shared bike store run by the landlord (with a key or\n"
            "code lock)\n"
            "☐ Outside\n"
            "2 When did you buy it?\n"
            "Jour ☐ Mois ☐ Année ☐\n"
            "3 Which postcode do you live in?\n"
            "Postcode ☐ – ☐\n"
            "4 How much did it cost?\n"
            "(Answer only if you marked Outside in question 1.)\n"
            "Price € ☐ ,00\n"
            "5 Please print the names of everyone who rides it.\n"
            "Rider 1: Name ______________ Age ____\n"
            "Rider 2: Name ______________ Age ____\n"
            "Rider 3: Name ______________ Age ____\n"
            "6 Do you ride anywhere else? Mark all that apply.\n"
            "☐ No\n"
            "☐ Yes, to work\n"
            "☐ Yes, to the shops\n"
        )
    )
    assert questions["Q1"].options[1].label == (
        "In a shared bike store run by the landlord (with a key or code lock)"
    )
    assert questions["Q2"].type == "date"
    assert questions["Q3"].type == "text"
    amount = questions["Q4"]
    assert amount.type == "number"
    assert amount.display_if == "Q1 == '3'"
    assert questions["Q5"].type == "long_text"
    ride = questions["Q6"]
    assert ride.type == "multi"
    assert [o.code for o in ride.options if o.exclusive] == ["1"]


def test_a_scripting_spec_with_dotted_answer_references(tmp_path: Path) -> None:
    """`TERM IF A1.r3 OR A1.r4`, `SHOW IF NOT A2.r99`, `SHOW IF A3.r1-r3` (in the notes'
    colour): a question and its row code joined by a dot; `[ROWS]` / `[COLS]` blocks;
    `[CLOSE] TEXT` and a `TEXT` element whose words ask nothing are screens; `MIN 1, MAX 2`
    bounds a multi."""
    plain = [
        "[A1] SELECT ONE",
        "How do you usually get to work?",
        "r1\tBus",
        "r2\tBicycle",
        "r3\tI work from home",
        "r4\tI do not work",
        "!TERM IF A1.r3 OR A1.r4",
        "[B1] TEXT",
        "Thanks. Next we ask about your journey and what it costs.",
        "[A2] SELECT ALL THAT APPLY",
        "Which of these do you use on the way?",
        "r1\tA travel app",
        "r2\tA paper timetable",
        "r3\tA season ticket",
        "r99\tNone of these [EXCLUSIVE]",
        "PN: MIN 1, MAX 2",
        "[A3] SELECT ONE",
        "!SHOW IF NOT A2.r99",
        "Which of these do you use most?",
        "r1\tA travel app",
        "r2\tA paper timetable",
        "r3\tA season ticket",
        "[A4] GRID – SELECT ONE PER ROW",
        "!SHOW IF A3.r1-r3",
        "How do you rate it on each of these?",
        "[ROWS]",
        "r1\tPrice",
        "r2\tEase of use",
        "[COLS]",
        "c1\tBad",
        "c2\tAll right",
        "c3\tGood",
        "[CLOSE] TEXT",
        "That is the end of the survey. Thank you!",
    ]
    questions = _compile_docx(
        tmp_path / "spec.docx",
        [("red", t[1:]) if t.startswith("!") else ("Normal", t) for t in plain],
    )
    assert questions["A1"].terminate_if == "A1 in ['r3','r4']"
    assert questions["B1"].type == "display"
    limits = questions["A2"].validation
    assert limits is not None
    assert (limits.min_choices, limits.max_choices) == (1, 2)
    assert questions["A3"].display_if == "not (A2 contains 'r99')"
    grid = questions["A4"]
    assert grid.type == "grid"
    assert [o.code for o in grid.options] == ["c1", "c2", "c3"]
    assert [r.label for r in grid.rows] == ["Price", "Ease of use"]
    assert grid.display_if == "A3 in ['r1','r2','r3']"
    assert questions["CLOSE"].type == "display"


def test_notes_about_one_answer_code_under_an_answer_table(tmp_path: Path) -> None:
    """`Code 4: thank and close.` ends the interview on that answer; `Code 9 opens a text
    box.` asks that answer for specifics and is no text-box type for the question."""
    document = docx.Document()
    questions_written = [
        (1, "Do you own a car?", ["Yes, one", "Yes, more than one", "No", "I cannot drive"]),
        (2, "What do you use it for? Select all that apply.", ["Work", "Holidays", "Other"]),
    ]
    notes = {1: "Code 4: thank and close (screen-out).", 2: "Code 9 opens a text box."}
    for number, ask, answers in questions_written:
        document.add_heading(f"Question {number}", level=2)
        document.add_paragraph(ask)
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Code", "Answer"
        codes = ["1", "2", "3", "4"] if number == 1 else ["1", "2", "9"]
        for code, answer in zip(codes, answers, strict=True):
            cells = table.add_row().cells
            cells[0].text, cells[1].text = code, answer
        document.add_paragraph().add_run(notes[number]).italic = True
    path = tmp_path / "tracker.docx"
    document.save(str(path))
    questions = by_id(compile_document(read_path(path)).survey)
    assert questions["Q1"].terminate_if == "Q1 == '4'"
    uses = questions["Q2"]
    assert uses.type == "multi"
    assert [o.code for o in uses.options if o.specify] == ["9"]


def test_an_agency_sheet_scale_written_as_a_header_row_of_points(tmp_path: Path) -> None:
    """`Statement | 1  Never | 2  Sometimes | 3  Often` in the answer column's row, with the
    statements lettered a, b under it: a grid with those points as columns."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Q No.", "Question", "Code", "Answer", None, None, None, "Instructions"])
    sheet.append(["C1", "Do you use public transport?", 1, "Yes", None, None, None, "SINGLE."])
    sheet.append([None, None, 2, "No", None, None, None, None])
    sheet.append(
        ["C2", "How often does each of these happen?", None, None, None, None, None, "GRID."]
    )
    sheet.append([None, None, None, "Statement", "1  Never", "2  Sometimes", "3  Often", None])
    sheet.append([None, None, "a", "The bus is late", None, None, None, None])
    sheet.append([None, None, "b", "The train is full", None, None, None, None])
    sheet.append(["C3", "How old are you?", None, None, None, None, None, "NUMERIC."])
    path = tmp_path / "agency.xlsx"
    book.save(str(path))
    questions = by_id(compile_document(read_path(path)).survey)
    grid = questions["C2"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Never"),
        ("2", "Sometimes"),
        ("3", "Often"),
    ]
    assert [r.label for r in grid.rows] == ["The bus is late", "The train is full"]
    assert questions["C3"].type == "number"


def test_digit_boxes_grouped_into_one_entry() -> None:
    """One box a digit: `Day ☐☐ Month ☐☐ Year ☐☐☐☐` is a date, `£ ☐☐,☐☐☐.00` an amount and
    `☐☐☐☐ ☐☐` a code written in two groups."""
    questions = by_id(
        compile_text(
            "1 When did you move in?\n"
            "Day ☐☐ Month ☐☐ Year ☐☐☐☐\n"
            "2 How much rent did you pay last year?\n"
            "£ ☐☐,☐☐☐.00\n"
            "3 What is your postcode?\n"
            "☐☐☐☐ ☐☐\n"
            "4 Which ticket do you want?\n"
            "○ Full week £120\n"
            "○ One day £30\n"
        )
    )
    assert [questions[q].type for q in ("Q1", "Q2", "Q3")] == ["date", "number", "text"]
    assert all(not questions[q].options for q in ("Q1", "Q2", "Q3"))
    # a price after an answer's words is no amount to write in
    assert [o.label for o in questions["Q4"].options] == ["Full week £120", "One day £30"]


def test_rated_statements_with_boxed_points_among_prefixed_labels() -> None:
    """Statements numbered `1.`, `2.` each over `Never ☐1 ☐2 … Always` are scale questions in a
    document whose other questions are labelled `D1.`, `D2.`."""
    questions = by_id(
        compile_text(
            "D1. What is your age?\n"
            "D2. Do you smoke?\n"
            "☐ Yes (1)   ☐ No (2)\n"
            "Please circle one number for each statement.\n"
            "1. I feel rested in the morning.\n"
            "Never ☐1 ☐2 ☐3 ☐4 ☐5 Always\n"
            "2. I fall asleep easily.\n"
            "Never ☐1 ☐2 ☐3 ☐4 ☐5 Always\n"
        )
    )
    assert [(q.id, q.type) for q in questions.values()] == [
        ("D1", "number"),
        ("D2", "single"),
        ("Q1", "scale"),
        ("Q2", "scale"),
    ]
    assert [o.label for o in questions["Q2"].options] == ["Never", "2", "3", "4", "Always"]


@pytest.mark.parametrize(
    ("note", "shorthand"),
    [
        ("Code 6: thank and close (screen-out).", "TERMINATE IF CODE 6"),
        ("If code 6: thank and close.", "TERMINATE IF CODE 6"),
        ("Those who answer code 2: terminate.", "TERMINATE IF CODE 2"),
        ("Code 5 ends the interview.", "TERMINATE IF CODE 5"),
        ("Multiple answers. Code 7 opens a text box.", "Multiple answers. CODE 7 SPECIFY"),
        ("Codes 8 and 9 are single answers.", "CODE 8, 9 EXCLUSIVE"),
        ("Codes 1-3: go to Question 9.", "IF CODE 1, 2, 3 GO TO Q9"),
        ("Código 4: agradecer y terminar.", "TERMINATE IF CODE 4"),
        ("Date picker, dd/mm/yyyy.", "Date picker, dd/mm/yyyy."),
    ],
)
def test_notes_about_an_answer_code_in_scripting_shorthand(note: str, shorthand: str) -> None:
    assert rewrite_code_notes(note) == shorthand


def test_numbered_items_over_scale_rows_under_a_question_about_each_are_its_grid() -> None:
    """Under `Q2. How would you rate each of these?`, `1. Taste` over `Poor 1 … 5 Excellent`
    is a row of Q2's grid, not a question of its own."""
    questions = by_id(
        compile_text(
            "Q1. How old are you?\n"
            "Q2. How would you rate each of these?\n"
            "1. Taste\n"
            "Poor 1 2 3 4 5 Excellent\n"
            "2. Price\n"
            "Poor 1 2 3 4 5 Excellent\n"
            "Q3. Any comments?\n"
        )
    )
    assert list(questions) == ["Q1", "Q2", "Q3"]
    grid = questions["Q2"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Taste", "Price"]
    assert [o.label for o in grid.options] == ["Poor", "2", "3", "4", "Excellent"]


@pytest.mark.parametrize(
    ("words", "screen"),
    [
        ("Thanks. The next questions are about your last holiday.", True),
        ("This part of the survey is about the journeys you made last month.", True),
        ("The name of your employer.", False),
        ("Please enter your postcode so we can find your area.", False),
        ("What is your postcode?", False),
    ],
)
def test_a_bare_text_element_is_a_screen_when_its_words_only_tell(words: str, screen: bool) -> None:
    assert only_tells(words) is screen


def test_rated_statements_over_bare_points_ask_for_the_scale_words() -> None:
    """`1   2   3   4   5` alone under each numbered statement: scale questions, flagged for
    their missing end words rather than read as answers of the question above."""
    questions = by_id(
        compile_text(
            "D1. Do you smoke?\n"
            "☐ Yes (1)   ☐ No (2)\n"
            "1. I feel rested in the morning.\n"
            "1   2   3   4   5\n"
            "2. I fall asleep easily.\n"
            "1   2   3   4   5\n"
        )
    )
    assert [o.code for o in questions["D1"].options] == ["1", "2"]
    rested = questions["Q1"]
    assert rested.type == "scale"
    assert [o.code for o in rested.options] == ["1", "2", "3", "4", "5"]
    assert rested.attention is not None
