"""Research instruments (dev70): an app item sheet's capital variable heads and rule lines,
program-syntax tests, codes across a line after an interviewer's verb, numbered answer columns
in a sheet, boxed answers with square-bracket codes and an Action column in a CRF table,
outcomes after an arrow, letters kept as codes where routing names them, Markdown footnotes
on answers and braced codes, display notes under the question they test, word ids among
numbered heading ids, and filters in brackets inside the words. Invented wording."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.captioned_boxes import captioned_box_notes
from fielder.compiler.conditions import parse_condition
from fielder.compiler.instructions import interpret, type_words
from fielder.documents import read_path
from fielder.documents.model import Block, Cell, Document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _codes(question: Question) -> list[tuple[str, str]]:
    return [(o.code, o.label) for o in question.options]


_ITEM_SHEET = """<html><body>
<section><div>HELLO <span>info</span></div><p>Welcome to today's short diary entry.</p></section>
<section><div>READY <span>radio</span></div><p>Can you answer some questions now?</p>
<ul><li><b>1</b> Yes</li><li><b>2</b> Later</li></ul>
<pre>on READY == 2 → close_prompt()</pre></section>
<section><div>TIRED <span>slider 1–5</span></div><p>How tired are you right now?</p>
<ul><li><b>1</b> not at all</li><li><b>2</b></li><li><b>3</b></li><li><b>4</b></li>
<li><b>5</b> very</li></ul></section>
<section><div>NAP <span>radio</span></div><pre>show_if: TIRED &gt;= 4</pre>
<p>Would you like to take a nap?</p><ul><li><b>1</b> Yes</li><li><b>2</b> No</li></ul>
<pre>on NAP == 2 → jump(BYE)</pre></section>
<section><div>WHERE <span>checkbox</span></div><p>Where could you nap? (tick all that apply)</p>
<ul><li><b>1</b> Bed</li><li><b>2</b> Sofa</li><li><b>3</b> Car</li></ul></section>
<section><div>BYE <span>info</span></div><p>Thank you, see you at the next entry.</p></section>
</body></html>
"""


def test_capital_variable_heads_over_an_item_sheets_words_are_the_ids() -> None:
    survey = by_id(compile_text(_ITEM_SHEET, "diary.html"))
    assert list(survey) == ["HELLO", "READY", "TIRED", "NAP", "WHERE", "BYE"]
    assert survey["HELLO"].type == "display"
    assert survey["WHERE"].type == "multi"


def test_an_apps_rule_lines_and_event_handlers_are_routing() -> None:
    survey = by_id(compile_text(_ITEM_SHEET, "diary.html"))
    assert survey["READY"].terminate_if == "READY == '2'"
    assert survey["NAP"].display_if == "TIRED in ['4','5']"
    assert [(s.if_, s.to) for s in survey["NAP"].skip_to] == [("NAP == '2'", "BYE")]


def test_program_syntax_tests_read_as_plain_tests() -> None:
    questions = {
        "K01": Question(id="K01", type="single", options=[{"code": c, "label": c} for c in "123"]),
        "K02": Question(id="K02", type="multi", options=[{"code": c, "label": c} for c in "123"]),
    }
    listed = parse_condition("inlist(k01,1,3)", questions, None)
    assert [(a.question, a.codes) for a in listed[0]] == [("K01", ["1", "3"])]
    included = parse_condition("K02.includes(2)", questions, None)
    assert [(a.question, a.codes) for a in included[0]] == [("K02", ["2"])]


def test_codes_across_a_line_after_an_interviewers_verb_are_the_answers() -> None:
    survey = by_id(
        compile_text(
            "B1      Have you had headaches on most days this month?\n\n"
            "        SCORE:  0 No information   1 Not present   2 Present\n\n"
            "B2      Did they stop you working?\n\n"
            "        SCORE:  1 No   3 Yes\n\n"
            "B3      How many days off did you take?\n\n"
            "        RECORD DAYS (0-31): ______\n"
        )
    )
    assert _codes(survey["B1"]) == [("0", "No information"), ("1", "Not present"), ("2", "Present")]
    assert _codes(survey["B2"]) == [("1", "No"), ("3", "Yes")]
    assert survey["B3"].type == "number"


def test_a_record_verb_with_a_unit_and_a_range_is_a_number() -> None:
    assert type_words("RECORD LITRES (0-20): ______") == ["number"]


def test_numbered_answer_columns_across_a_sheet_row_are_the_answers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Var", "Question text", "Kind", "Next", "C1", "C2", "C3", "C4"])
    sheet.append(["H01", "Do you own a bicycle?", "SR", "if h01==2 → H03", "[1] Yes", "[2] No"])
    sheet.append(["H02", "How often do you ride it?", "SR", None, "[1] Daily", "[2] Weekly",
                  "[3] Rarely"])  # fmt: skip
    sheet.append(["H03", "How satisfied are you with the cycle lanes?", "SCL", None,
                  "[0] Not at all", "[1]", "[2]", "[3] Fully"])  # fmt: skip
    path = tmp_path / "spec.xlsx"
    book.save(str(path))
    survey = by_id(compile_document(read_path(path)).survey)
    assert _codes(survey["H02"]) == [("1", "Daily"), ("2", "Weekly"), ("3", "Rarely")]
    assert _codes(survey["H03"])[1] == ("1", "1")
    assert [(s.if_, s.to) for s in survey["H01"].skip_to] == [("H01 == '2'", "H03")]


def _row(*cells: str) -> tuple[Cell, ...]:
    return tuple(Cell(text=c) for c in cells)


def test_a_crf_tables_boxed_answers_and_action_column() -> None:
    table = Block(
        kind="table",
        rows=(
            _row("Item", "Question / criterion", "Response", "Action"),
            _row(
                "IC1",
                "Is the volunteer a non-smoker?",
                "☐ Yes [1]      ☐ No [0]",
                "No → NOT ELIGIBLE (stop).",
            ),  # fmt: skip
            _row("IC2", "Resting heart rate", "|__|__|__| bpm", "Complete only if IC1 = Yes [1]."),
            _row("IC3", "Any allergy to latex?", "☐ Yes [1]      ☐ No [0]", ""),
        ),
    )
    document = Document(name="crf.docx", media_type="docx", blocks=[table])
    survey = by_id(compile_document(document).survey)
    assert _codes(survey["IC1"]) == [("1", "Yes"), ("0", "No")]
    assert survey["IC1"].terminate_if == "IC1 == '0'"
    assert survey["IC2"].type == "number"
    assert survey["IC2"].display_if == "IC1 == '1'"


def test_digit_boxes_with_a_sign_or_a_per_unit_are_a_number() -> None:
    assert captioned_box_notes("|__|__| %") == ["NUMERIC"]
    assert captioned_box_notes("|__|__|__| ml/hour") == ["NUMERIC"]


def test_an_answer_an_arrow_and_ineligible_is_a_screen_out() -> None:
    found = interpret("Grade 4 → INELIGIBLE.")
    assert [(d.kind, d.value) for d in found] == [("terminate_if", "Grade 4")]


def test_letters_named_by_the_routing_stay_the_codes() -> None:
    survey = by_id(
        compile_text(
            "1. Which group were you put in?\n"
            "a) Morning\n"
            "b) Evening\n\n"
            "2. How rested do you feel?\n"
            "⚑ Ask only when 1 = b.\n"
            "a) Rested\n"
            "b) Tired\n\n"
            "3. Why?\n"
            "⚑ Only if b) at 2.\n"
            "________________\n"
        )
    )
    assert _codes(survey["Q1"]) == [("a", "Morning"), ("b", "Evening")]
    assert survey["Q2"].display_if == "Q1 == 'b'"
    assert survey["Q3"].display_if == "Q2 == 'b'"


_BUILD = """# Commuting study

### CM1 – Mode

How do you usually travel to campus?

- Walk {1}
- Bus {2}
- I do not travel to campus {9}[^out]

### CM2 – Time

How many minutes does the journey take?

- Under 15 {1}
- 15 or more {2}

<!-- display: CM2 = {2} -->

### CM3 – Delay

How often is your journey delayed?

- Rarely {1}
- Often {2}[^skip]

### CM4 – Cost

How many pounds a week do you spend on the journey?

### THANKS – End

Thank you for taking part in the study today.

[^out]: Ends the survey on the "not eligible" page.
[^skip]: Goes straight to THANKS.
"""


def test_footnotes_on_answers_are_their_routing_and_braces_their_codes() -> None:
    survey = by_id(compile_text(_BUILD, "build.md"))
    assert _codes(survey["CM1"]) == [
        ("1", "Walk"),
        ("2", "Bus"),
        ("9", "I do not travel to campus"),
    ]
    assert survey["CM1"].terminate_if == "CM1 == '9'"


def test_a_display_note_testing_the_question_above_is_the_next_ones() -> None:
    survey = by_id(compile_text(_BUILD, "build.md"))
    assert survey["CM2"].display_if is None
    assert survey["CM3"].display_if == "CM2 == '2'"


def test_a_capitals_name_among_numbered_heading_ids_is_an_id_and_a_jump_target() -> None:
    survey = by_id(compile_text(_BUILD, "build.md"))
    assert "THANKS" in survey
    assert [(s.if_, s.to) for s in survey["CM3"].skip_to] == [("CM3 == '2'", "THANKS")]


def test_a_filter_in_brackets_inside_the_words_is_taken_out() -> None:
    survey = by_id(
        compile_text(
            "P1. Do you have a pet?\n☐ Yes\n☐ No\n\n"
            "P2. What is your pet called? (only if you ticked Yes at P1)\n______________\n"
        )
    )
    assert survey["P2"].text == "What is your pet called?"
    assert survey["P2"].display_if == "P1 == '1'"


def test_braced_codes_across_a_line_and_after_grid_headings() -> None:
    survey = by_id(
        compile_text(
            "### RT1 – Rating\n\nHow would you rate the app overall?\n\n"
            "Poor {0} · {1} · {2} · {3} · Great {4}\n\n"
            "### RT2 – Features\n\nHow often do you use each feature?\n\n"
            "| | Never {0} | Sometimes {1} | Often {2} |\n|---|---|---|---|\n"
            "| Search | ○ | ○ | ○ |\n| Maps | ○ | ○ | ○ |\n\n"
            "### RT3 – Comments\n\nAny other comments about the app?\n",
            "q.md",
        )
    )
    assert _codes(survey["RT1"])[0] == ("0", "Poor")
    assert _codes(survey["RT1"])[-1] == ("4", "Great")
    assert _codes(survey["RT2"]) == [("0", "Never"), ("1", "Sometimes"), ("2", "Often")]
