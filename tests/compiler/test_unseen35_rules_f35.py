"""Readings added for the unseen35 batch (financial services and insurance), in invented words."""

from __future__ import annotations

import io
from dataclasses import replace

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.bracketed_points import bracketed_point_lines
from fielder.compiler.classify import screen_id
from fielder.compiler.conditions import parse_condition
from fielder.compiler.joined_notes import split_joined_notes
from fielder.compiler.lines import Line
from fielder.compiler.section_bases import in_span, section_span
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _ref_sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Script"
    sheet.append(["Beekeepers' guild recruitment"])
    sheet.append(["Q ref", "Question / answer list", "Code", "Type / instruction", "Routing"])
    sheet.append(["H1", "How many hives do you keep?", None, "NUMBER. RANGE 0-90", None])
    sheet.append(["H2", "Which honey do you sell?", None, "MULTI", None])
    sheet.append([None, "Heather", "1", None, None])
    sheet.append([None, "Clover", "2", None, None])
    sheet.append([None, "None", "9", "EXCLUSIVE", "CLOSE"])
    sheet.append(["H3", "Do you sell at fairs?", None, "SINGLE", "ASK IF CLOVER (H2 = 2)"])
    sheet.append([None, "Yes", "1", None, None])
    sheet.append([None, "No", "2", None, None])
    sheet.append(["FINISH", "[Guild thank-you page]", None, None, None])
    log = book.create_sheet("Quotas and log")
    log.append(["Date", "Change"])
    log.append(["2024-03-01", "H3 added"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_q_ref_column_holds_the_ids_and_a_quotas_and_log_sheet_is_no_question() -> None:
    survey = compile_document(read_document(_ref_sheet(), "hives.xlsx")).survey
    questions = by_id(survey)
    assert list(questions) == ["H1", "H2", "H3"]
    assert [o.label for o in questions["H2"].options] == ["Heather", "Clover", "None"]
    assert questions["H3"].display_if == "H2 contains '2'"


def test_a_screen_of_only_a_programmer_note_is_no_entry() -> None:
    survey = by_id(
        compile_text(
            """
            P1. Do you own a kite?
            1 Yes
            2 No

            CLOSE
            [STANDARD PANEL REDIRECT]
            """
        )
    )
    assert list(survey) == ["P1"]


def test_a_filter_over_a_run_of_sections_covers_each_section_of_the_run() -> None:
    assert section_span("SECTIONS B TO D: ASK ALL WHO SAIL (K2 = 1).") == (
        "B",
        "D",
        "ASK IF K2 = 1",
    )
    assert section_span("SECTION B - SAILING") is None
    assert in_span("SECTION C - RIGGING", "B", "D") is True
    assert in_span("SECTION E - ABOUT YOU", "B", "D") is False
    survey = by_id(
        compile_text(
            """
            K1. Do you live by the coast?
            1 Yes
            2 No

            K2. Have you sailed this summer?
            1 Yes
            2 No

            SECTIONS B TO C: ASK ALL WHO SAILED THIS SUMMER (K2 = 1).
            ALL OTHERS GO TO SECTION D (M1).

            SECTION B - THE BOAT

            L1. What kind of boat was it?
            1 Dinghy
            2 Yacht

            ASK IF L1 = 2
            L2. How many berths did it have?
            ______ BERTHS   RANGE 1-12

            SECTION C - THE CREW

            L3. Did you crew for anyone else?
            1 Yes
            2 No

            SECTION D - ABOUT YOU.  ASK ALL

            M1. Which harbour is nearest to you?
            1 Northport
            2 Southport
            """
        )
    )
    assert survey["L1"].display_if == "K2 == '1'"
    assert survey["L3"].display_if == "K2 == '1'"
    assert survey["L2"].display_if is not None
    assert "K2 == '1'" in survey["L2"].display_if
    assert "L1 == '2'" in survey["L2"].display_if
    assert survey["M1"].display_if is None


def test_a_bare_if_in_capitals_before_the_words_filters_the_question() -> None:
    survey = by_id(
        compile_text(
            """
            T1. How many lamps did you light? Please use a scale from 0 to 10.
            0 = None at all   1   2   3   4   5   6   7   8   9   10 = Every one

            T2. IF T1 = 0-4: What kept you from lighting more?  RECORD VERBATIM
            """
        )
    )
    assert survey["T2"].text.startswith("What kept you")
    assert survey["T2"].display_if == "T1 in ['0','1','2','3','4']"


def test_square_bracketed_filters_above_questions_each_filter_the_next_question() -> None:
    survey = by_id(
        compile_text(
            """
            V1. Which of these do you own? [MULTI CODE]
            Bicycle 1
            Scooter 2
            Canoe 3

            [IF OWNS BICYCLE (V1=1)]
            V2. How far do you ride in a week?
            [NUMBER. RANGE 0-900]

            [IF OWNS SCOOTER (V1=2)]
            V3. How old is your scooter?
            [NUMBER. RANGE 0-40]

            [IF OWNS CANOE (V1=3)]
            V4. Where do you paddle most?
            River 1
            Lake 2
            """
        )
    )
    assert survey["V2"].display_if == "V1 contains '1'"
    assert survey["V3"].display_if == "V1 contains '2'"
    assert survey["V4"].display_if == "V1 contains '3'"


def test_a_section_heading_naming_a_box_at_a_numbered_question_filters_the_section() -> None:
    survey = by_id(
        compile_text(
            """
            1. Do you keep goats?
            1 Yes
            2 No

            SECTION B – ONLY FOR GOAT KEEPERS (box 1 at question 1)

            2. How many goats do you keep?
            ______ goats (1–60)

            SECTION C – EVERYONE

            3. Do you like cheese?
            1 Yes
            2 No
            """
        )
    )
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].display_if is None


def _note(text: str) -> Line:
    return Line(text="", raw=text, spaced="", instructions=[text], kind="paragraph")


def test_a_joined_note_is_split_before_a_filter_sentence_or_a_routing_arrow() -> None:
    lines = split_joined_notes(
        [
            _note(
                "Tick one box only. → If you have no boat, go to question 7. "
                "Please answer question 5 only if you row."
            )
        ]
    )
    assert [line.instructions for line in lines] == [
        ["Tick one box only."],
        ["→ If you have no boat, go to question 7."],
        ["Please answer question 5 only if you row."],
    ]
    assert len(split_joined_notes([_note("Tick one box only. Use a pen.")])) == 1


def test_a_small_bound_spelled_out_is_a_number() -> None:
    questions = {"Q4": Question(id="Q4", type="number", text="How many kites do you own?")}
    atoms = parse_condition("you own more than one kite (question 4)", questions, "Q6")
    assert [(a.question, a.op, a.value) for a in atoms[0]] == [("Q4", ">", 1.0)]


def test_paper_form_filters_for_people_in_words_and_whom_only() -> None:
    survey = by_id(
        compile_text(
            """
            Q1. How old are you?
            ______ years (16-99)

            Q2. How many ponds do you have?
            ______ ponds (0-20)

            *Question 3 is only for people aged 60 or over (question 1).*

            Q3. Have you joined the elders' angling club?
            1 Yes
            2 No

            *Pond keepers of two years or more only (Q2 = 2 or more).*

            Q4. Which fish do you keep?
            1 Carp
            2 Tench

            *For keepers with three ponds or more (Q2 = 3 or more):*

            Q5. Do you sell fish?
            1 Yes
            2 No
            """,
            "ponds.md",
        )
    )
    assert survey["Q3"].display_if == "Q1 >= 60"
    assert survey["Q4"].display_if == "Q2 >= 2"
    assert survey["Q5"].display_if == "Q2 >= 3"


def test_a_row_of_bracketed_codes_before_end_words_is_a_scale() -> None:
    line = Line(
        text="(1) Never tasty (2) (3) (4) (5) Always tasty",
        raw="(1) Never tasty\t(2)\t(3)\t(4)\t(5) Always tasty",
        spaced="",
        instructions=[],
        kind="paragraph",
    )
    assert bracketed_point_lines([line])[0].text == "1 Never tasty  2  3  4  5 Always tasty"
    answers = replace_text(line, "(1) Yes (2) No (3) Unsure")
    assert bracketed_point_lines([answers])[0].text == answers.text


def replace_text(line: Line, text: str) -> Line:
    return replace(line, text=text, raw=text)


def test_a_module_s_two_letters_before_an_opening_or_closing_screen_name_it() -> None:
    assert screen_id("KPINTRO") == "KPINTRO"
    assert screen_id("KPEND") == "KPEND"
    assert screen_id("AMEND") is None
    assert screen_id("SPEND") is None


def test_base_as_another_question_copies_that_question_s_filter() -> None:
    survey = by_id(
        compile_text(
            """
            W1. Have you seen a heron this year?
            1 Yes
            2 No

            Base: herons seen (W1 = 1)
            W2. Where did you see it?
            1 River
            2 Pond

            Base: as W2
            W3. Was it fishing?
            1 Yes
            2 No
            """
        )
    )
    assert survey["W2"].display_if == "W1 == '1'"
    assert survey["W3"].display_if == "W1 == '1'"
