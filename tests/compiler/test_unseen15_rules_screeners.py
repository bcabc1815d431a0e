"""Screener termination conventions (unseen15, fix15a), in their own invented words: a spec
sheet's key of routing marks, a denial on a single read as the other codes, "THANK & END",
"MUST … – IF NOT / IF NEITHER, CLOSE", a fixed-length ID in a text
box, and a spec row labelled HIDDEN."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.legend_keys import expand_mark, legend_keys
from fielder.documents import read_document
from tests.compiler.conftest import by_id


def _spec_book() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Screener"
    sheet.append(["Bakery owners screener", None, None, None, None, "Draft 3"])
    sheet.append(["Key: X = SCREEN OUT, K = QUOTA CHECK"])
    sheet.append(["Ref", "Question", "Answers", "Code", "Routing", "Comments"])
    sheet.append(["A1", "How many ovens does your bakery run?", None, None, None, "SINGLE"])
    sheet.append([None, None, "One", 1, "X"])
    sheet.append([None, None, "Two or three", 2, "K"])
    sheet.append([None, None, "Four or more", 3, "K"])
    sheet.append([None, None, "Not sure", 9, "X"])
    sheet.append(["A2", "Which flour do you mostly buy?", None, None, "IF NOT CODE 2 → SCREEN OUT",
                  "SINGLE"])  # fmt: skip
    sheet.append([None, None, "Rye", 1])
    sheet.append([None, None, "Spelt", 2])
    sheet.append([None, None, "Wheat", 3])
    sheet.append(["A3", "For how many years have you baked for a living?", None, None,
                  "X if fewer than 3", "NUMERIC 0-60"])  # fmt: skip
    sheet.append(["HIDDEN", "hSIZE: small if A1 = 1, large otherwise", None, None, None,
                  "NOT SHOWN, QUOTA VARIABLE"])  # fmt: skip
    sheet.append(["A4", "Do you sell online?", None, None, None, "SINGLE"])
    sheet.append([None, None, "Yes", 1])
    sheet.append([None, None, "No", 2])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_sheet_key_defines_its_routing_marks() -> None:
    keys = legend_keys(["Draft 3 | X = SCREEN OUT, K = QUOTA CHECK"])
    assert keys == {"X": "SCREEN OUT", "K": "QUOTA CHECK"}
    assert expand_mark("X", keys) == "SCREEN OUT"
    assert expand_mark("X if fewer than 3", keys) == "SCREEN OUT if fewer than 3"
    assert expand_mark("Y", keys) == "Y"
    # one pair alone is a field of the title row, not a key
    assert legend_keys(["Version = Final draft"]) == {}


def test_a_keyed_mark_beside_an_answer_screens_it_out() -> None:
    questions = by_id(compile_document(read_document(_spec_book(), "bakers.xlsx")).survey)
    assert questions["A1"].terminate_if == "A1 in ['1','9']"
    assert questions["A3"].terminate_if == "A3 < 3"
    assert "HIDDEN" not in questions
    assert questions["A4"].terminate_if is None


def test_a_denied_code_on_a_single_screens_out_the_other_codes() -> None:
    questions = by_id(compile_document(read_document(_spec_book(), "bakers.xlsx")).survey)
    assert questions["A2"].terminate_if == "A2 in ['1','3']"


_RECRUIT = """\
Q1. Which of these pets live with you? CODE ALL THAT APPLY.
1 Dog
2 Cat
3 Rabbit
4 None of these
MUST BE CODE 1 - IF NOT, THANK & END

Q2. Which of these have you bought this month? CODE ALL THAT APPLY.
1 Dry food
2 Wet food
3 Treats
PN: MUST SELECT CODE 1 OR 2 TO QUALIFY. IF NEITHER, TERMINATE.

Q3. Have you judged at a pet show this year?
1 Yes
2 No
IF YES, THANK & END

Q4. How many people live in your home? WRITE IN NUMBER (1-10)
______

ASK Q5 IF MORE THAN TWO PEOPLE AT Q4
Q5. How many of them are under 12? WRITE IN NUMBER (0-9)
______

Q6. Please type your 8-digit membership number.
PN: TEXT BOX, 8 DIGITS NUMERIC.
"""


def _recruit() -> dict[str, object]:
    return by_id(compile_document(read_document(_RECRUIT.encode(), "pets.txt")).survey)


def test_must_select_with_if_not_or_if_neither_screens_out_the_rest() -> None:
    questions = _recruit()
    assert questions["Q1"].terminate_if == "not (Q1 contains '1')"  # type: ignore[attr-defined]
    assert (
        questions["Q2"].terminate_if  # type: ignore[attr-defined]
        == "not (Q2 contains '1' or Q2 contains '2')"
    )


def test_thank_and_end_written_with_an_ampersand_is_a_termination() -> None:
    assert _recruit()["Q3"].terminate_if == "Q3 == '1'"  # type: ignore[attr-defined]


def test_a_fixed_length_number_in_a_text_box_is_text() -> None:
    assert _recruit()["Q6"].type == "text"  # type: ignore[attr-defined]
