"""General conventions met in the document files of a ninth blind batch (Word CATI modules,
printed forms, Word web pages, comment cards), one small case each, in their own words."""

from __future__ import annotations

from pathlib import Path

import docx
import docx.document

from fielder.compiler import compile_document
from fielder.documents import read_document, read_path
from tests.compiler.conftest import by_id, compile_text


def test_module_prefixed_ids_and_routing_between_them() -> None:
    questions = by_id(
        compile_text(
            """
            M2Q1.\tDo you own a bicycle?  SINGLE CODE
            Yes\t1
            No\t2
            Not sure\t3
            IF M2Q1 = 2 OR 3 SKIP TO M2Q3
            M2Q2.\tHow often do you ride it?
            Daily\t1
            Weekly\t2
            M2Q3.\tDo you own a car?
            Yes\t1
            No\t2
            """
        )
    )
    assert list(questions) == ["M2Q1", "M2Q2", "M2Q3"]
    assert questions["M2Q1"].text == "Do you own a bicycle?"
    assert [(s.if_, s.to) for s in questions["M2Q1"].skip_to] == [("M2Q1 in ['2','3']", "M2Q3")]


def test_module_screens_with_an_interviewer_line_and_end_of_module_is_not_a_screen_out() -> None:
    questions = by_id(
        compile_text(
            """
            S4INTRO
            INTERVIEWER: READ OUT
            Now a few questions about your garden.
            S4Q1. Do you have a garden?  SINGLE CODE
            Yes\t1
            No\t2   THANK AND END MODULE
            S4Q2. How big is it?
            Small\t1
            Large\t2
            S4END
            INTERVIEWER: READ OUT, THEN GO TO MODULE 5
            That is all about gardens.
            """
        )
    )
    assert questions["S4INTRO"].type == "display"
    assert questions["S4INTRO"].text == "Now a few questions about your garden."
    assert questions["S4END"].type == "display"
    first = questions["S4Q1"]
    assert first.terminate_if is None
    assert [(s.if_, s.to) for s in first.skip_to] == [("S4Q1 == '2'", "S4END")]


def test_end_of_section_without_a_closing_screen_goes_to_the_next_section() -> None:
    questions = by_id(
        compile_text(
            """
            SECTION A: PETS
            A1. Do you have a pet?
            Yes\t1
            No\t2   END OF SECTION
            A2. What kind of pet?
            Dog\t1
            Cat\t2
            SECTION B: HOME
            B1. Do you rent your home?
            Yes\t1
            No\t2
            """
        )
    )
    assert questions["A1"].terminate_if is None
    assert [(s.if_, s.to) for s in questions["A1"].skip_to] == [("A1 == '2'", "B1")]


def test_question_and_its_boxes_on_one_line() -> None:
    questions = compile_text(
        """
        Tell us about your stay
        Is this your first stay? ○ Yes ○ No
        How did you book? ○ Phone ○ Website ○ Agent ○ Other
        Join our newsletter? One email a month. ○ Yes please ○ No thanks
        If yes, your email address: ______________________________
        """
    ).questions()
    assert [q.text for q in questions][:3] == [
        "Is this your first stay?",
        "How did you book?",
        "Join our newsletter? One email a month.",
    ]
    assert [o.label for o in questions[1].options] == ["Phone", "Website", "Agent", "Other"]
    assert questions[3].type == "email"


def test_a_date_mask_of_blanks_after_a_label_is_a_date_field() -> None:
    questions = compile_text(
        """
        Would you stay again?
        ○ Definitely ○ Maybe ○ No
        Arrival date: __ / __ / ____
        """
    ).questions()
    assert [(q.text, q.type) for q in questions][1] == ("Arrival date", "date")


def test_word_web_page_wingdings_boxes_and_named_colour_notes() -> None:
    page = """<html><body>
    <p class=MsoNormal><b>1. Which drink do you prefer?</b>
    <span style='color:red'>SINGLE – SHOW AS DROP-DOWN</span></p>
    <p class=MsoListParagraph><span style='font-family:Wingdings'>&#168;</span> Tea</p>
    <p class=MsoListParagraph><span style='font-family:Wingdings'>&#168;</span> Coffee</p>
    <p class=MsoNormal><b>2. What else do you drink?</b> <span style='color:red'>MULTI</span></p>
    <p class=MsoListParagraph><span style='font-family:Wingdings'>&#168;</span> Water</p>
    <p class=MsoListParagraph><span style='font-family:Wingdings'>&#168;</span> Juice</p>
    <p class=MsoFooter>Drinks study v2 – Confidential – Page 1</p>
    </body></html>"""
    survey = compile_document(read_document(page.encode("utf-8"), "drinks.htm")).survey
    questions = by_id(survey)
    assert [o.label for o in questions["Q1"].options] == ["Tea", "Coffee"]
    assert questions["Q1"].type == "dropdown"
    assert questions["Q2"].text == "What else do you drink?"
    assert questions["Q2"].type == "multi"
    assert [o.label for o in questions["Q2"].options] == ["Water", "Juice"]


def test_a_running_header_on_every_page_is_not_an_answer(tmp_path: Path) -> None:
    document = docx.Document()
    for text in (
        "Harbour Sailing Club | Members",
        "Would you join a race?",
        "☐ Yes\t☐ No\t☐ Maybe",
        "Would you crew for someone else?",
    ):
        document.add_paragraph(text)
    document.add_page_break()
    document.add_paragraph("Harbour Sailing Club | Members")
    document.add_paragraph("☐ Yes\t☐ No")
    document.save(str(tmp_path / "club.docx"))
    questions = compile_document(read_path(tmp_path / "club.docx")).survey.questions()
    assert [o.label for o in questions[-1].options] == ["Yes", "No"]
    assert [o.label for o in questions[0].options] == ["Yes", "No", "Maybe"]


def _bold(document: docx.document.Document, text: str) -> None:
    document.add_paragraph().add_run(text).bold = True


def test_a_details_table_bold_section_bands_and_a_request_over_a_grid(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Volunteer sign-off form")
    table = document.add_table(rows=4, cols=2)
    for row, (label, entry) in enumerate(
        [("1. About you", ""), ("Your name", ""), ("Team", ""), ("Last shift", "DD / MM / YYYY")]
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = label, entry
    _bold(document, "2. Your role")
    _bold(document, "Which shift did you work most? (tick one)")
    document.add_paragraph("☐ Mornings\t☐ Afternoons\t☐ Evenings")
    _bold(document, "3. Looking back")
    _bold(document, "Please rate each of the following (1 = very poor, 5 = very good).")
    grid = document.add_table(rows=4, cols=6)
    for column, number in enumerate(["", "1", "2", "3", "4", "5"]):
        grid.cell(0, column).text = number
    for row, item in enumerate(["Training", "Support", "Rota"], start=1):
        grid.cell(row, 0).text = item
        for column in range(1, 6):
            grid.cell(row, column).text = "☐"
    _bold(document, "What would you change about the role?")
    document.save(str(tmp_path / "volunteer.docx"))
    questions = compile_document(read_path(tmp_path / "volunteer.docx")).survey.questions()
    assert [q.type for q in questions] == ["text", "text", "date", "single", "grid", "long_text"]
    assert [q.text for q in questions][:3] == ["Your name", "Team", "Last shift"]
    assert questions[3].text.startswith("Which shift did you work most?")
    assert questions[4].text.startswith("Please rate each of the following")
    assert [o.label for o in questions[3].options] == ["Mornings", "Afternoons", "Evenings"]


def test_an_answer_table_with_a_route_beside_one_answer(tmp_path: Path) -> None:
    document = docx.Document()
    _bold(document, "Q1. Do you cycle to work?")
    table = document.add_table(rows=2, cols=3)
    for row, cells in enumerate([("Yes", "☐", ""), ("No", "☐", "Please go to Q3")]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    _bold(document, "Q2. How far do you cycle?")
    answers = document.add_table(rows=2, cols=2)
    for row, label in enumerate(["Under 5 miles", "5 miles or more"]):
        answers.cell(row, 0).text, answers.cell(row, 1).text = label, "☐"
    _bold(document, "Q3. Do you drive?")
    last = document.add_table(rows=2, cols=2)
    for row, label in enumerate(["Yes", "No"]):
        last.cell(row, 0).text, last.cell(row, 1).text = label, "☐"
    document.save(str(tmp_path / "travel.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "travel.docx")).survey)
    first = questions["Q1"]
    assert first.type == "single"
    assert [o.label for o in first.options] == ["Yes", "No"]
    assert [(s.if_, s.to) for s in first.skip_to] == [("Q1 == '2'", "Q3")]


def test_a_scale_printed_as_numbers_over_boxes(tmp_path: Path) -> None:
    document = docx.Document()
    _bold(document, "Q1. How likely are you to visit again?")
    points = ["Very unlikely", "1", "2", "3", "4", "5", "Very likely"]
    table = document.add_table(rows=2, cols=len(points))
    for column, text in enumerate(points):
        table.cell(0, column).text = text
        table.cell(1, column).text = "☐" if text.isdigit() else ""
    _bold(document, "Q2. Why do you say that?")
    document.save(str(tmp_path / "visit.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "visit.docx")).survey)
    scale = questions["Q1"]
    assert scale.type == "scale"
    assert [(o.code, o.label) for o in scale.options] == [
        ("1", "Very unlikely"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very likely"),
    ]


def test_an_age_on_a_birthday_is_a_number_and_a_date_of_birth_a_date() -> None:
    questions = compile_text(
        """
        Q1. What was your age at your last birthday? ______ years
        Q2. What is your date of birth? __ / __ / ____
        """
    ).questions()
    assert [q.type for q in questions] == ["number", "date"]


def test_column_numbers_over_anchor_words_with_wrapped_ends() -> None:
    questions = by_id(
        compile_text(
            """
            D1. Please say how far you agree with each of the following.
            1\t2\t3\t4
            Strongly\tDisagree\tAgree\tStrongly
            Item
            disagree\tagree
            The park is clean.\t○\t○\t○\t○
            The park is safe.\t○\t○\t○\t○
            D2. What would you add to the park?
            """
        )
    )
    grid = questions["D1"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Strongly disagree"),
        ("2", "Disagree"),
        ("3", "Agree"),
        ("4", "Strongly agree"),
    ]
