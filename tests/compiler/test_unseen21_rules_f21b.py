"""Agency questionnaires whose routing is written in prose (unseen21, fix f21b): section
filters in headings, chevron routing lines, filters said with "for those", answers named by
their words — one small case each, in invented words."""

from __future__ import annotations

import io

import docx

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text

_GARDEN_TXT = """
GARDEN SURVEY

G1. Which of these do you grow at the moment?
    PN: MULTI. CODE 5 EXCLUSIVE.
    1 = Roses
    2 = Tomatoes
    3 = Herbs
    4 = Bulbs
    5 = None of these
>> CLOSE IF NEITHER ROSES NOR TOMATOES AT G1

G2. How big is your garden?
    1 = Small
    2 = Medium
    3 = Large

>> IF MORE THAN 3 AT G3
G3. How many beds do you have?
    PN: NUMERIC, RANGE 1-20

G4. Do you compost?
    1 = Yes
    2 = No

>> ASK THOSE WHO COMPOST (G4 = 1)
G5. How often do you turn the heap?
    1 = Weekly
    2 = Monthly
    3 = Hardly ever
"""


def test_chevron_routing_lines_are_filters_and_screen_outs() -> None:
    questions = by_id(compile_text(_GARDEN_TXT, "garden.txt"))
    assert questions["G1"].terminate_if == "not (G1 contains '1') and not (G1 contains '2')"
    assert questions["G5"].display_if == "G4 == '1'"
    assert questions["G4"].display_if is None  # the line above G5 is G5's, not G4's


_SECTIONED_TXT = """
MUSIC STUDY

P1. Which instruments do you play?
    PN: MULTI
    1 = Piano
    2 = Violin
    3 = Drums

P2. How old are you?
    PN: NUMERIC

SECTION R - PIANISTS ONLY (P1 = 1)

R1. How many hours a week do you practise?
    PN: NUMERIC

>> IF MORE THAN 5 AT R1
R2. Do you have lessons?
    1 = Yes
    2 = No

SECTION V - VIOLINISTS (P1 = 2).  ALL OTHERS GO TO SECTION W

V1. Do you play in an orchestra?
    1 = Yes
    2 = No

SECTION W - ABOUT YOU (ASK ALL)

W1. Which of these describes your job?
    1 = Full-time
    2 = Part-time
    3 = Not working
    4 = Retired

>> FOR THOSE NOT WORKING (W1 = 3 OR 4)
W2. Would you join a daytime ensemble?
    1 = Yes
    2 = No
"""


def test_section_heading_with_a_test_filters_its_questions() -> None:
    questions = by_id(compile_text(_SECTIONED_TXT, "music.txt"))
    assert questions["R1"].display_if == "P1 contains '1'"
    assert questions["V1"].display_if == "P1 contains '2'"
    assert questions["W1"].display_if is None
    # a question's own filter is kept with the section's
    assert "R1 > 5" in (questions["R2"].display_if or "")
    assert "P1 contains '1'" in (questions["R2"].display_if or "")


def test_for_those_names_whom_the_question_is_for() -> None:
    questions = by_id(compile_text(_SECTIONED_TXT, "music.txt"))
    assert questions["W2"].display_if == "W1 in ['3','4']"


_LABELLED_TXT = """
BAKERY SURVEY

K1. Was your order complete?
    1 = Yes – everything arrived
    2 = Yes – but one item was late
    3 = No – some items missing

K2. Would you order again?
    PN: ASK IF 'YES – BUT ONE ITEM WAS LATE' OR 'NO – SOME ITEMS MISSING' AT K1
    1 = Yes
    2 = No

K3. Did you eat in?
    1 = Yes
    2 = No

K4. Did you take away?
    1 = Yes
    2 = No

IF BOTH K3 AND K4 ARE 'YES'
K5. Which did you prefer?
    1 = Eating in
    2 = Taking away

ASK IF 'YES' AT K3 OR K4
K6. How was the coffee?
    1 = Good
    2 = Poor
"""


def test_quoted_answers_listed_before_their_question_keep_their_dashes() -> None:
    questions = by_id(compile_text(_LABELLED_TXT, "bakery.txt"))
    assert questions["K2"].display_if == "K1 in ['2','3']"


def test_one_answer_named_for_two_questions() -> None:
    questions = by_id(compile_text(_LABELLED_TXT, "bakery.txt"))
    assert questions["K5"].display_if == "K3 == '1' and K4 == '1'"
    assert questions["K6"].display_if == "K3 == '1' or K4 == '1'"


def _bracketed_scale_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("T1. How tidy was the campsite, from 1 to 7?")
    table = document.add_table(rows=1, cols=7)
    for index, cell in enumerate(table.rows[0].cells, start=1):
        cell.text = f"({index})"
    table.rows[0].cells[0].text = "(1)\nVery untidy"
    table.rows[0].cells[6].text = "(7)\nVery tidy"
    document.add_paragraph("T2. Would you stay again?")
    document.add_paragraph("(1) Yes")
    document.add_paragraph("(2) No")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_one_row_scale_with_bracketed_codes_is_a_scale() -> None:
    survey = compile_document(read_document(_bracketed_scale_docx(), "camp.docx")).survey
    tidy = by_id(survey)["T1"]
    assert tidy.type == "scale"
    assert [(o.code, o.label) for o in tidy.options][:2] == [("1", "Very untidy"), ("2", "2")]
    assert tidy.options[-1].label == "Very tidy"


def test_end_line_naming_the_standard_page_is_no_screen() -> None:
    survey = compile_text(
        """
        W1. Did you enjoy the walk?
            1 = Yes
            2 = No

        END – show standard thank-you page and close
        """,
        "walk.txt",
    )
    assert [q.id for q in survey.questions()] == ["W1"]
