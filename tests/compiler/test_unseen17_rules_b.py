"""Filters written in words over a whole section, and routing notes of everyday
self-completion forms (invented wording, one small case each)."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def test_answer_this_section_only_if_with_a_gloss_and_an_if_not() -> None:
    survey = compile_text(
        """
        Section 1 - Garden
        G1. Do you have a garden at home?
        1. Yes
        2. No

        Section 2 - Gardeners only
        Please complete this section only if you said 'Yes' at G1 (you have a garden or a yard).
        If not, go on to Section 3.
        G2. How many hours a week do you spend gardening?
        G3. Do you grow any vegetables?
        1. Yes
        2. No

        Section 3 - Everyone
        G4. How many people live in your home?
        """
    )
    questions = by_id(survey)
    assert questions["G2"].display_if == "G1 == '1'"
    assert questions["G3"].display_if == "G1 == '1'"
    assert questions["G4"].display_if is None
    assert questions["G2"].attention is None


_EXPORT = (
    "<html><head><style>.b{font-weight:700}.n{font-weight:400}"
    ".g{color:#777777;font-style:italic}</style></head><body>"
    "<ol start='1'><li><span class='b'>Which snacks did you buy? (Tick all)</span></li></ol>"
    "<ul><li><span class='n'>&#9744; Crisps</span></li>"
    "<li><span class='n'>&#9744; Fruit</span></li>"
    "<li><span class='n'>&#9744; Sweets: any kind</span></li>"
    "<li><span class='n'>&#9744; Other</span></li></ul>"
    "<p><span class='b'>Your visit today</span></p>"
    "<ol start='2'><li><span class='b'>How much did you enjoy the sweets?</span></li></ol>"
    "<p><span class='g'>(only show if they ticked the sweets at Q1)</span></p>"
    "<ul><li><span class='n'>A lot</span></li><li><span class='n'>A little</span></li></ul>"
    "<ol start='3'><li><span class='b'>Was the price fair?</span></li></ol>"
    "<ul><li><span class='n'>Yes</span></li><li><span class='n'>No</span></li>"
    "<li><span class='n'>I did not pay (a free sample)</span></li></ul>"
    "<p><span class='g'>(If Yes or did not pay, skip to Q5)</span></p>"
    "<ol start='4'><li><span class='b'>Why not?</span></li></ol>"
    "<p><span class='g'>short text</span></p>"
    "<ol start='5'><li><span class='b'>Which town do you live in?</span></li></ol>"
    "</body></html>"
)


def test_a_bold_title_between_list_answers_and_the_next_question_is_a_section() -> None:
    questions = by_id(compile_text(_EXPORT, "snacks.html"))
    assert [o.label for o in questions["Q1"].options] == [
        "Crisps",
        "Fruit",
        "Sweets: any kind",
        "Other",
    ]


def test_answers_named_by_a_title_before_a_colon_or_words_inside_a_label() -> None:
    questions = by_id(compile_text(_EXPORT, "snacks.html"))
    assert questions["Q2"].display_if == "Q1 contains '3'"
    assert [(r.if_, r.to) for r in questions["Q3"].skip_to] == [("Q3 in ['1','3']", "Q5")]


def test_short_text_on_its_own_names_the_answer_box() -> None:
    assert by_id(compile_text(_EXPORT, "snacks.html"))["Q4"].type == "text"


def _dictionary() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Library users survey – variables"])
    sheet.append(["Variable", "Question text", "Response options", "Type", "Skip logic",
                  "Validation / notes"])  # fmt: skip
    sheet.append(["v1", "Are you a library member?", "1=Yes; 2=No", "Single",
                  "v1 == 2: end survey (not eligible)", None])  # fmt: skip
    sheet.append(["v2", "How often do you visit?", "1=Weekly; 2=Monthly; 3=Rarely", "Single",
                  None, None])  # fmt: skip
    sheet.append(["v3", "Why so rarely?", "1=No time; 2=Too far", "Multi", "v2==3", None])
    sheet.append(["v4", "How many books did you borrow last month?", None, "Numeric",
                  "not asked if v2 = 3", "whole number 0-40"])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_data_dictionary_skip_logic_column_of_bare_tests() -> None:
    questions = by_id(compile_document(read_document(_dictionary(), "lib.xlsx")).survey)
    assert questions["v1"].terminate_if == "v1 == '2'"
    assert questions["v3"].display_if == "v2 == '3'"
    assert questions["v4"].display_if == "not (v2 == '3')"
    validation = questions["v4"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (0, 40)
