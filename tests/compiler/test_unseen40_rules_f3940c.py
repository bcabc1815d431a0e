"""Conventions from unseen40 (social research and CAPI modules): a derived variable defined
by a test in a spec sheet's row (`DVX | DERIVED VARIABLE — NOT ASKED. DVX = 1 if any of …`),
named later in the filter column; the filter is read with the definition in its place. A
block's name in the id column over a note in capitals (`VICTIM FORM | ASKED ONCE …`) is the
block's heading."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id


def _module_book() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Spec"
    sheet.append(["Var", "Question / response text", "Code", "Filter (ask if)", "Note"])
    rows: list[list[object]] = []
    for var, ask in (("H1", "a fox in your garden"), ("H2", "a badger"), ("H3", "a deer")):
        rows += [
            [var, f"Have you seen {ask} this year?", None, "ALL RESPONDENTS", None],
            [None, "Yes", 1, None, None],
            [None, "No", 2, None, None],
        ]
    rows += [
        [
            "DVSEEN",
            "DERIVED VARIABLE — NOT ASKED. DVSEEN = 1 if any of H1, H2 or H3 = 1; otherwise 2.",
            None,
            None,
            "Set by the program after H3.",
        ],
        [
            "SIGHTING FORM",
            "ASKED ABOUT THE LAST SIGHTING ONLY. FILTER FOR W1–W2: DVSEEN = 1.",
            None,
            None,
            "Interviewer: say 'Thinking about the last time…'",
        ],
        ["W1", "Did you report it?", None, "DVSEEN = 1", None],
        [None, "Yes", 1, None, None],
        [None, "No", 2, None, None],
        ["W2", "To whom?", None, "DVSEEN = 1 AND W1 = 1", None],
        [None, "The council", 1, None, None],
        [None, "A charity", 2, None, None],
    ]
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_derived_variable_definition_read_in_filters() -> None:
    survey = by_id(compile_document(read_document(_module_book(), "wildlife.xlsx")).survey)
    assert "DVSEEN" not in survey
    # a block's name in the id column over its note in capitals: a heading, not a question
    assert "SIGHTING_FORM" not in survey
    assert survey["W1"].display_if == "H1 == '1' or H2 == '1' or H3 == '1'"
    w2 = survey["W2"].display_if or ""
    # every term of the definition, each with the question's own test
    for var in ("H1", "H2", "H3"):
        assert f"{var} == '1'" in w2
    assert "W1 == '1'" in w2
    assert "DVSEEN" not in w2
