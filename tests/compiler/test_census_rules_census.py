"""Official statistics forms (fix-census): filter boxes numbered in series, value boxes in a
unit column, jumps on an entered value laid out as answer rows, groups sent their own ways in
a self-completion form, callout filters over a question. Invented wording."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.value_boxes import value_box
from fielder.compiler.value_jumps import value_jump_text
from fielder.documents import read_document
from fielder.documents.model import Block, Cell, Document, Run
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str, name: str = "q.txt") -> dict[str, Question]:
    return by_id(compile_text(body, name))


def _blocks(blocks: list[Block]) -> dict[str, Question]:
    document = Document(name="q.docx", media_type="application/octet-stream", blocks=blocks)
    return by_id(compile_document(document).survey)


def _para(text: str) -> Block:
    return Block(kind="paragraph", text=text, runs=(Run(text=text),))


def _table(rows: list[list[str]]) -> Block:
    cells = tuple(tuple(Cell(text=t, runs=(Run(text=t),) if t else ()) for t in r) for r in rows)
    return Block(kind="table", text="\n".join("\t".join(r) for r in rows), rows=cells)


_FISHERY = """\
[F1]  Did the vessel go to sea during the reference month?
        Yes .................................................. 1
        No ................................................... 2   >>> F9

[F2]  Who owns the vessel?
        One person ........................................... 1
        A partnership ........................................ 2
        A company ............................................ 3

+----------------------------------------------------------------------------+
| BOX 7    | F3 only if owned by one person (code 1 at F2).                  |
+----------------------------------------------------------------------------+

[F3]  How many nets were used?
        Nets |__|__|__|   (0 to 500)
        If 0 (no nets) ....................................... 0   >>> F5

[F4]  How many crew members were on board?
        Crew |__|__|   (0 to 40)

+----------------------------------------------------------------------------+
| FILTER 1 | F5 only if there was crew (more than 0 at F4                     |
|          | or more than 0 at F3).                                           |
+----------------------------------------------------------------------------+

[F5]  Was any catch landed abroad?
        Yes .................................................. 1
        No ................................................... 2

+----------------------------------------------------------------------------+
| FILTER 2 | F6 only for a partnership (F2 = 2). Companies and single owners  |
|          | go on to F9.                                                     |
+----------------------------------------------------------------------------+

[F6]  Do the partners share the fuel costs?
        Yes .................................................. 1
        No ................................................... 2

[F9]  Name of the skipper
        ________________________________________
"""


def test_numbered_filter_boxes_and_their_label_column_are_read() -> None:
    survey = _text(_FISHERY)
    assert survey["F5"].display_if == "F4 > 0 or F3 > 0"
    assert survey["F6"].display_if == "F2 == '2'"


def test_a_value_jump_laid_out_as_an_answer_row_is_a_skip_on_the_number() -> None:
    survey = _text(_FISHERY)
    assert survey["F3"].type == "number"
    assert not survey["F3"].options
    assert [(s.if_, s.to) for s in survey["F3"].skip_to] == [("F3 == 0", "F5")]


def test_value_jump_text_shapes() -> None:
    assert value_jump_text("If 0\t⇒ K7") == "If 0 → K7"
    assert value_jump_text("If 0 (none) ........ 0   >>> K7") == "If 0 → K7"
    assert value_jump_text("If 0 → K7") is None  # already plain
    assert value_jump_text("If other, write in ____") is None


def test_double_arrow_after_an_answer_routes_it() -> None:
    survey = _text(
        "G1. Did you travel abroad last year?\n[1] Yes\n[2] No\t⇒ G3\n"
        "G2. How many trips?\nTrips: ____ (1–50)\n"
        "G3. Did you travel within the country?\n[1] Yes\n[2] No\n"
    )
    assert [(s.if_, s.to) for s in survey["G1"].skip_to] == [("G1 == '2'", "G3")]


def test_end_in_capitals_after_an_arrow_then_a_dash_ends_the_survey() -> None:
    survey = _text(
        "H0. Is this the household on the address list?\n[1] Yes\n"
        "[2] No\t⇒ END – thank the person and note the right address\n"
        "H1. How many rooms does the dwelling have?\nRooms: ____ (1–30)\n"
    )
    assert survey["H0"].terminate_if == "H0 == '2'"


def test_a_coded_answer_is_not_the_first_half_of_a_note_under_it() -> None:
    survey = _text(
        "W1. Do you cycle to school?\n[1] Every day\n[2] Some days\n[3] Never\n"
        "▶ Who is asked: W2 to W3 — pupils who cycle (W1 = [1] or [2]).\n"
        "W2. Do you wear a helmet?\n[1] Yes\n[2] No\n"
        "W3. Where do you leave the bike?\n[1] Rack\n[2] Elsewhere\n"
    )
    assert [o.code for o in survey["W1"].options] == ["1", "2", "3"]
    assert survey["W2"].display_if == "W1 in ['1','2']"


def test_a_unit_column_value_box_is_a_number_with_its_range() -> None:
    assert value_box("€000, 0–500000") == ("number", (0.0, 500000.0))
    assert value_box("tonnes, 0–9999") == ("number", (0.0, 9999.0))
    assert value_box("text, 80 characters") == ("text", None)
    assert value_box("codes 1–5") is None
    assert value_box("Query if above 10") is None


def test_a_workbook_unit_column_types_the_boxes() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Item", "Question / response", "Code", "Routing", "Unit / range"])
    sheet.append(
        ["V10", "What was the value of goods shipped this month?", None, None, "€000, 0–500000"]
    )
    sheet.append(
        ["V20", "How much of that was shipped by rail?", None, "Ask when V10 > 0", "€000, 0–500000"]
    )
    sheet.append(
        ["V30", "Briefly describe the main goods shipped.", None, None, "text, 80 characters"]
    )
    sheet.append(["V40", "Were any goods returned?", None, None, None])
    sheet.append([None, "Yes", 1, None, None])
    sheet.append([None, "No", 2, None, None])
    data = io.BytesIO()
    book.save(data)
    survey = by_id(compile_document(read_document(data.getvalue(), "q.xlsx")).survey)
    assert survey["V10"].type == "number"
    assert survey["V10"].validation is not None
    assert survey["V10"].validation.max == 500000
    assert survey["V20"].display_if == "V10 > 0"
    assert survey["V30"].type == "text"


def test_filter_labels_in_shaded_boxes_set_apart_by_a_gap() -> None:
    survey = _blocks(
        [
            _para("P01\tDo you rent or own your home?"),
            _table([["Code", "Answer", "Go to"], ["1", "Rent", ""], ["2", "Own", "P04"]]),
            _table(
                [["FILTER  P02 and P03 are for renters only (P01 = 1). Everyone else: go to P04."]]
            ),
            _para("P02\tWho is the landlord?"),
            _table(
                [["Code", "Answer", "Go to"], ["1", "A private person", ""], ["2", "A council", ""]]
            ),
            _table([["FILTER  P03 only if the landlord is a private person (P02 = 1)."]]),
            _para("P03\tIs there a written lease?"),
            _table([["Code", "Answer", "Go to"], ["1", "Yes", ""], ["2", "No", ""]]),
            _para("P04\tHow many rooms are there?"),
            _table([["Code", "Answer", "Go to"], ["", "|__|__| rooms   (1–20)", "If 0 → P06"]]),
            _para("P05\tHow many of them are bedrooms?"),
            _table([["Code", "Answer", "Go to"], ["", "|__|__| rooms   (0–20)", ""]]),
            _para("P06\tAnything else about the home?"),
            _table([["Code", "Answer", "Go to"], ["", "Notes: ____________________", ""]]),
        ]
    )
    assert survey["P02"].display_if == "P01 == '1'"
    assert survey["P03"].display_if in (
        "(P02 == '1') and (P01 == '1')",
        "(P01 == '1') and (P02 == '1')",
    )


def test_an_answer_table_of_entry_boxes_only_is_the_box_and_its_jump() -> None:
    survey = _blocks(
        [
            _para("P04\tHow many rooms are there?"),
            _table([["Code", "Answer", "Go to"], ["", "|__|__| rooms   (0–20)", "If 0 → P06"]]),
            _para("P05\tHow many of them are bedrooms?"),
            _table([["Code", "Answer", "Go to"], ["", "|__|__| rooms   (0–20)", ""]]),
            _para("P06\tDoes the home have a garden?"),
            _table([["Code", "Answer", "Go to"], ["1", "Yes", ""], ["2", "No", ""]]),
        ]
    )
    assert survey["P04"].type == "number"
    assert survey["P04"].validation is not None
    assert survey["P04"].validation.max == 20
    assert [(s.if_, s.to) for s in survey["P04"].skip_to] == [("P04 == 0", "P06")]
    assert survey["P05"].validation is not None
    assert survey["P05"].validation.max == 20


_HOUSEHOLD_FORM = """\
1.\tHow old are you?
Age in years |__|__|__| (0 to 110)
2.\tDo you have a library card?
☐ Yes
☐ No
Question 3 is for people aged 18 and over. If you are aged under 18, go to question 4.
3.\tAre you registered to vote?
☐ Yes
☐ No
4.\tHow many books did you read last month?
Books |__|__| (0 to 99)
If you are aged 17 or under, you have now finished this form. Thank you. \
Everyone aged 18 or over: please continue with question 5.
5.\tDo you work for pay?
☐ Yes
☐ No
6.\tHow long is your journey to work?
If you are not working now, answer questions 6 to 7 about your last job.
☐ Under 30 minutes
☐ 30 minutes or more
7.\tDo you travel by car?
☐ Yes
☐ No
"""


def test_a_note_for_one_question_and_the_others_way_is_that_questions_filter() -> None:
    survey = _text(_HOUSEHOLD_FORM)
    assert survey["Q3"].display_if == "Q1 >= 18"
    assert not survey["Q1"].skip_to


def test_the_rest_of_the_form_is_for_the_group_that_goes_on() -> None:
    survey = _text(_HOUSEHOLD_FORM)
    assert not survey["Q4"].display_if
    for qid in ("Q5", "Q6", "Q7"):
        assert survey[qid].display_if == "Q1 >= 18", qid


def test_answer_questions_about_your_last_job_is_no_filter() -> None:
    survey = _text(_HOUSEHOLD_FORM)
    assert survey["Q6"].display_if == "Q1 >= 18"  # (the rest-of-form filter alone)


_CALLOUTS = """\
# Library module

### L01 · Visits

How often did you visit a library last year?

1. Every week
2. Every month
3. Less often
4. Never

> [!NOTE]
> L02 only if L01 = 1.

### L02 · Branch

Which branch do you use most?

1. Central
2. Riverside

> [!NOTE]
> Only if L01 = 3.

### L03 · Reason

Why not more often?

1. No time
2. Too far

> [!NOTE]
> Non-visitors (L01 = 4) only.

### L04 · Barrier

What stops you from visiting?

1. Opening hours
2. Nothing in particular

> [!NOTE]
> If L04 = 1.

### L05 · Hours

Which hours would suit you?

1. Evenings
2. Weekends
"""


def test_a_group_and_test_callout_over_a_head_filters_that_question() -> None:
    survey = _text(_CALLOUTS, "q.md")
    assert survey["L04"].display_if == "L01 == '4'"
    assert not survey["L03"].display_if or "L01 == '4'" not in survey["L03"].display_if
