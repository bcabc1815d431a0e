"""General conventions met in a ninth blind batch (plain-text scripts, wiki pages, profile
sheets), one small case each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _codes(question: object) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]  # type: ignore[attr-defined]


def test_bracketed_codes_across_one_line_keep_their_written_codes() -> None:
    questions = by_id(
        compile_text(
            """
            2.1  Do you own a bicycle?
                 (1) Yes (2) No (8) Not sure (9) Refused
            2.2  How do you usually get to work?
                 (1) Walk (2) Bus or tram (3) Car
                 (4) Other (specify) ________ (9) Refused
            """
        )
    )
    assert _codes(questions["Q2_1"]) == [
        ("1", "Yes"),
        ("2", "No"),
        ("8", "Not sure"),
        ("9", "Refused"),
    ]
    ride = questions["Q2_2"]
    assert [o.code for o in ride.options] == ["1", "2", "3", "4", "9"]
    assert [o.code for o in ride.options if o.specify] == ["4"]


def test_an_answer_in_capitals_after_a_bracketed_code_is_kept() -> None:
    questions = by_id(
        compile_text(
            """
            1.  Is the park near your home clean?
                (1) Always (2) Sometimes (3) Never (7) NOT SURE (9) REFUSED
            2.  Do you visit it at weekends?
                (1) Yes (2) No (9) REFUSED
            """
        )
    )
    assert _codes(questions["Q1"])[-2:] == [("7", "NOT SURE"), ("9", "REFUSED")]
    assert _codes(questions["Q2"])[-1] == ("9", "REFUSED")


def test_a_running_page_counter_and_a_sentence_wrapped_before_a_number() -> None:
    questions = by_id(
        compile_text(
            """
            5.1  How many hours did you sleep on an average night in the last
                 7 days?
                 ___ ___  Hours   [Range 0-24]
            - - - - - - - - - - - - - - - - - -
             Sleep study 2030 v3                 Página 2 de 5
            - - - - - - - - - - - - - - - - - -
            5.2  Do you snore?
                 (1) Yes (2) No
            """
        )
    )
    sleep = questions["Q5_1"]
    assert sleep.text.endswith("in the last 7 days?")
    assert sleep.type == "number"
    assert not sleep.options
    assert _codes(questions["Q5_2"]) == [("1", "Yes"), ("2", "No")]


def _profile_sheet(tmp_path: Path, rows: list[list[object]]) -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Household block, spring wave"])
    sheet.append(["Variable", "Question", "Response code", "Response label", "Filter", "Notes"])
    for row in rows:
        sheet.append(row)
    book.save(str(tmp_path / "profile.xlsx"))
    return by_id(compile_document(read_path(tmp_path / "profile.xlsx")).survey)


def test_one_row_per_answer_with_a_code_column_named_after_answers(tmp_path: Path) -> None:
    boat = "Does your household own a boat?"
    kind = "What kind of boat is it?"
    questions = _profile_sheet(
        tmp_path,
        [
            ["H_BOAT", boat, 1, "Yes", None, "Single"],
            ["H_BOAT", boat, 2, "No", None, None],
            ["H_BOATKIND", kind, 1, "Sailing boat", "H_BOAT=1", "Single"],
            ["H_BOATKIND", kind, 2, "Motor boat", "H_BOAT=1", None],
            ["H_BOATKIND", kind, 9, "Not sure", "H_BOAT=1", None],
        ],
    )
    assert _codes(questions["H_BOAT"]) == [("1", "Yes"), ("2", "No")]
    assert _codes(questions["H_BOATKIND"]) == [
        ("1", "Sailing boat"),
        ("2", "Motor boat"),
        ("9", "Not sure"),
    ]


def test_a_hidden_derived_variable_is_no_question(tmp_path: Path) -> None:
    questions = _profile_sheet(
        tmp_path,
        [
            ["H_SIZE", "How many rooms does your home have?", None, "[Numeric]", None, "1-20"],
            ["H_BAND", "[computed from H_SIZE]", 1, "Small", None, "Hidden, computed"],
            ["H_BAND", "[computed from H_SIZE]", 2, "Large", None, None],
            ["H_GARDEN", "Does your home have a garden?", 1, "Yes", None, "Single"],
            ["H_GARDEN", "Does your home have a garden?", 2, "No", None, None],
        ],
    )
    assert "H_BAND" not in questions
    assert list(questions) == ["H_SIZE", "H_GARDEN"]


def test_a_loose_drafts_lower_case_hints_and_comma_lists() -> None:
    questions = by_id(
        compile_text(
            """
            quick poll for the garden club (draft!!)

            1) How happy are you with the club? (0-10, 0 = not at all, 10 = very)

            2) [if 0-4] What would make it better?
               cheaper fees, more outings, better newsletter, something else - tell us (pick one)

            3) [if 8-10] What do you like best? (open, short is fine)

            4) Which plots do you grow? (multi)
               vegetables, herbs, flowers, fruit trees, nothing yet

            5) how many years have you been a member?  (number, 1-60)

            6) Any other thoughts? (long answer ok)

            7) May we email you the results? (yes / no)
               -> if no, skip to the end

            8) What is your address for the results?  (email)

            9) where do you garden most? allotment, back garden, balcony (pick one)

            END SCREEN: Many thanks, happy digging!

            notes to self:
            - ask the committee about q4
            - maybe drop q6?
            """
        )
    )
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "END"]
    happy = questions["Q1"]
    assert happy.type == "scale"
    assert happy.text == "How happy are you with the club?"
    assert [o.code for o in happy.options] == [str(n) for n in range(11)]
    better = questions["Q2"]
    assert better.type == "single"
    assert better.display_if == "Q1 in ['0','1','2','3','4']"
    assert [o.code for o in better.options if o.specify] == ["4"]
    assert questions["Q3"].type == "text"
    assert questions["Q3"].display_if == "Q1 in ['8','9','10']"
    assert questions["Q4"].type == "multi"
    assert len(questions["Q4"].options) == 5
    assert questions["Q5"].type == "number"
    assert questions["Q6"].type == "long_text"
    assert _codes(questions["Q7"]) == [("1", "yes"), ("2", "no")]
    assert [(s.if_, s.to) for s in questions["Q7"].skip_to] == [("Q7 == '2'", "END")]
    assert questions["Q8"].type == "email"
    assert _codes(questions["Q9"]) == [("1", "allotment"), ("2", "back garden"), ("3", "balcony")]
    assert questions["END"].type == "display"


def test_a_spec_page_with_answer_type_and_logic_lines() -> None:
    questions = by_id(
        compile_text(
            """
            # Member feedback form

            Each question has a heading and an *Answer type* line.

            ### 1. Hello

            Thanks for giving us two minutes of your time.

            Answer type: Text block (no answer)

            ### 2. Did you use the pool this month?

            Answer type: Multiple choice (one)

            * Yes
            * No, only the gym

            ### 3. Which times did you swim?

            Answer type: Checkboxes

            * Mornings
            * Evenings

            Logic: only if Q2 = Yes

            ### 4. How clean was the pool?

            Answer type: Linear scale 1–7 (Filthy → Spotless)

            Logic: only if Q2 = Yes

            ### 5. Goodbye

            Thank you for your answers, see you soon.

            Answer type: Text block (no answer)

            ---

            *Labels: feedback, members*
            """,
            "q.md",
        )
    )
    assert questions["Q1"].type == "display"
    assert questions["Q1"].text == "Thanks for giving us two minutes of your time."
    assert questions["Q3"].display_if == "Q2 == '1'"
    clean = questions["Q4"]
    assert clean.type == "scale"
    assert [o.label for o in clean.options][::6] == ["Filthy", "Spotless"]
    assert clean.display_if == "Q2 == '1'"
    assert not any("Labels" in q.text for q in questions.values())


def test_a_labelled_closing_screen_keeps_its_thanks() -> None:
    questions = by_id(
        compile_text(
            """
            1.1  Do you cycle to work?
                 (1) Yes (2) No (9) Refused

            1.2  How far is your commute in kilometres?
                 ___ ___  Kilometres   [Range 0-99]

            END: Those are all my questions. Your answers help the city plan new cycle lanes.
            Thank you for taking part tonight.
            """
        )
    )
    assert questions["END"].type == "display"
    assert questions["END"].text.endswith("Thank you for taking part tonight.")


def test_go_on_to_the_next_question_otherwise_skip_is_the_next_ones_filter() -> None:
    questions = by_id(
        compile_text(
            """
            2.1  Do you own a dog?
                 (1) Yes (2) No (9) Refused
                 [If 2.1 = 1, go to 2.2; otherwise go to 2.3]

            2.2  How many walks does your dog get a day?
                 ___  Walks   [Range 0-9]

            2.3  Do you own a cat?
                 (1) Yes (2) No (9) Refused
            """
        )
    )
    assert questions["Q2_1"].skip_to == []
    assert questions["Q2_2"].display_if == "Q2_1 == '1'"
    assert questions["Q2_3"].display_if is None
