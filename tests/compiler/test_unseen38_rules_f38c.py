"""Readings added for the unseen38 batch (consumer services and retail), in invented words."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.conditions import parse_condition, render
from fielder.compiler.instructions import interpret
from fielder.compiler.lines import split_text
from fielder.compiler.options import parse_option_text
from fielder.documents import read_document
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id, compile_text


def _question(qid: str, kind: str, labels: list[str]) -> Question:
    options = [Option(code=str(i), label=label) for i, label in enumerate(labels, 1)]
    return Question(id=qid, type=kind, text="Which?", options=options)


def _read(text: str, questions: dict[str, Question], default: str | None = None) -> str:
    return render(parse_condition(text, questions, default), questions)


def test_spss_word_operators_after_a_question_id() -> None:
    questions = {
        "B1": _question("B1", "single", ["Yes", "No"]),
        "B3": _question("B3", "single", ["Ashby", "Brook", "Cole"]),
        "B4": _question("B4", "single", ["One", "Two", "Three"]),
    }
    assert _read("CURRENT BANK IS ANY OTHER (B3 NE 2)", questions) == "not (B3 == '2')"
    assert _read("B1 = 1 AND B3 NE 2", questions) == "B1 == '1' and not (B3 == '2')"
    assert _read("B4 GE 2", questions) == "B4 in ['2','3']"


def test_a_list_of_codes_denied_whole_with_its_question_after_it() -> None:
    questions = {"P1": _question("P1", "multi", ["Dog", "Cat", "Rabbit", "None"])}
    expected = "not (P1 contains '1' or P1 contains '2' or P1 contains '3')"
    assert _read("NOT CODE 1, 2 OR 3 AT P1", questions) == expected
    assert _read("NO PET (NOT CODE 1, 2 OR 3 AT P1)", questions) == expected


def test_any_code_other_than_a_list_is_the_list_denied() -> None:
    questions = {"T1": _question("T1", "single", ["Owner", "Tenant", "Lodger", "Other"])}
    assert _read("ANY CODE OTHER THAN 1 OR 2 AT T1", questions) == "not (T1 in ['1','2'])"


def test_a_base_in_capitals_stays_the_lines_words() -> None:
    said = "Base: IF LAPSED MEMBER (M2 CODE 3 AND M1 NOT 2)"
    assert split_text(said) == (said, [])


def test_answers_in_closing_brackets_are_the_test() -> None:
    questions = {
        "C2": _question("C2", "single", ["Yes", "No", "Not yet"]),
        "C4": _question(
            "C4", "single", ["Quite happy", "Very happy", "Quite unhappy", "Very unhappy"]
        ),
    }
    worded = "you do not own a bike (No or Not yet at C2)"
    assert _read(worded, questions, "C4") == "C2 in ['2','3']"
    assert _read("NO BIKE (NO OR NOT YET)", questions, "C2") == "C2 in ['2','3']"
    # two answers sharing their last word, written once
    assert _read("you were quite or very unhappy at C4", questions, "C4") == "C4 in ['3','4']"


def test_a_group_skipping_a_run_filters_each_question_of_it() -> None:
    questions = by_id(
        compile_text(
            """
            H2. Do you own or rent your home?
            1  Own outright
            2  Own with a mortgage
            3  Rent
            RENTERS (H2 = 3): SKIP H3–H4

            H3. How many years are left on the mortgage?
            NUMERIC

            H4. Have you thought about paying it off early?
            1  Yes
            2  No

            H5. How many bedrooms does your home have?
            NUMERIC
            """
        )
    )
    assert questions["H3"].display_if == "not (H2 == '3')"
    assert questions["H4"].display_if == "not (H2 == '3')"
    assert questions["H5"].display_if is None
    assert not questions["H2"].skip_to


def test_a_screen_out_for_anyone_else_lists_the_other_answers() -> None:
    questions = by_id(
        compile_text(
            """
            T1  Who holds the lease on the shop?
                 Me ............ [1]
                 My partner .... [2]
                 The landlord .. [3]
            >> CONTINUE IF T1 = 1 OR 2. ANYONE ELSE: THANK AND CLOSE.

            T2  How long have you traded there?
                 Under a year .. [1]
                 Longer ........ [2]
            >> CONTINUE IF T2 = 2; OTHERWISE CLOSE.

            T3  What do you sell?
            OPEN
            """
        )
    )
    assert questions["T1"].terminate_if == "T1 == '3'"
    assert [o.label for o in questions["T1"].options or []] == ["Me", "My partner", "The landlord"]
    # "otherwise" denies the test as written (GOLD_CONVENTIONS: the negation)
    assert questions["T2"].terminate_if == "not (T2 == '2')"


def test_a_short_leader_before_a_bracketed_code() -> None:
    [option] = parse_option_text("Bought it second hand .. [2]")
    assert (option.code, option.label) == ("2", "Bought it second hand")


def test_a_paper_form_stop_after_a_colon_and_a_skip_with_answers_in_brackets() -> None:
    questions = by_id(
        compile_text(
            """
            Q1 Do you look after the garden yourself?
            ☐ Yes, always 1
            ☐ Yes, with help 2
            ☐ No, a gardener does 3
            IF A GARDENER DOES: PLEASE STOP HERE AND THANK YOU FOR YOUR TIME.

            Q2 Do you have a lawn?
            ☐ Yes 1
            ☐ No 2
            ☐ Only artificial grass 3
            Skip to Q4 if no real lawn (No or Only artificial grass).

            Q3 How often do you mow it in summer?
            ☐ Weekly 1
            ☐ Less often 2

            Q4 How big is the garden, in square metres?
            ____
            """
        )
    )
    assert questions["Q1"].terminate_if == "Q1 == '3'"
    assert [(s.if_, s.to) for s in questions["Q2"].skip_to] == [("Q2 in ['2','3']", "Q4")]
    # the condition said last keeps its closing bracket (the answers it means)
    [skip] = interpret("SKIP TO Q4 IF NO REAL LAWN (NO OR ONLY ARTIFICIAL GRASS)")
    assert (skip.kind, skip.value) == ("skip", "NO REAL LAWN (NO OR ONLY ARTIFICIAL GRASS)")


def _loop_sheet() -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows = [
        ("Q", "Question / answers", "Code", "Routing", "Scripter note"),
        ("K1", "Which of these gyms have you used this month?", None, None, "MULTI"),
        (None, "Northside", 1, None, None),
        (None, "Riverside", 2, None, None),
        (None, "Town centre", 3, None, None),
        (None, "None of these", 4, None, "4 EXCLUSIVE"),
        ("LOOP", "GYM LOOP – K2 TO K3", None, "ASK FOR EACH GYM USED AT K1 (CODES 1-3)", None),
        ("K2", "How many visits did you make to [GYM]?", None, "IN LOOP", "NUMBER. RANGE 1-31"),
        ("K3", "How would you rate [GYM] overall?", None, "IN LOOP", "SCALE 0-10"),
        (None, "Very poor", 0, None, None),
        *[(None, None, n, None, None) for n in range(1, 10)],
        (None, "Excellent", 10, None, None),
        ("END LOOP", None, None, None, None),
        ("K4", "What let the gym down?", None, "CRITICS (K3 = 0–4)", "OPEN (LONG)"),
        ("K5", "What is the first part of your postcode?", None, None, "TEXT, SHORT"),
    ]
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    return by_id(compile_document(read_document(data.getvalue(), "gyms.xlsx")).survey)


def test_a_sheets_loop_row_filters_its_run_and_is_no_question() -> None:
    questions = _loop_sheet()
    assert "LOOP" not in questions
    looped = "K1 contains '1' or K1 contains '2' or K1 contains '3'"
    assert questions["K2"].display_if == looped
    assert questions["K3"].display_if == looped


def test_a_group_and_its_test_in_a_sheets_routing_cell() -> None:
    questions = _loop_sheet()
    assert questions["K4"].display_if == "K3 in ['0','1','2','3','4']"
    assert questions["K5"].display_if is None
