"""Routing and layouts read more widely (dev65): a CAPI spec's IF … THEN / ENDIF blocks over
questions, its variables named without a number, a loop's banner, universe lines in new words
("Same as …", "code 1 at any of them", "except … (X not equal to 5)"), screen-outs told as
"No: the survey closes.", filters in new words ("Asked of those whose …", "Only those who …",
"Hide if …", "DO NOT ASK IF …"), a jump for everyone but a group that goes on, a unit before a
write-in box, "Multiple choice; N is exclusive", lettered rows over answers on the rows below,
and a yes/no question's own "if …" not said back. Invented wording."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str) -> dict[str, Question]:
    return by_id(compile_text(body))


def _html(body: str) -> dict[str, Question]:
    return by_id(compile_text(f"<html><body>{body}</body></html>", "q.html"))


def _note(document: docx.document.Document, words: str) -> None:
    run = document.add_paragraph().add_run(words)
    run.italic = True
    run.font.color.rgb = RGBColor(0x1F, 0x4E, 0x9A)


def _docx(document: docx.document.Document, path: Path) -> dict[str, Question]:
    target = path / "q.docx"
    document.save(str(target))
    return by_id(compile_document(read_path(target)).survey)


_CAPI = """\
FARM SURVEY - CAPI SPECIFICATION

FMINTRO   INTERVIEWER: READ OUT
          I would like to ask you some questions about the land you farm and the animals you keep.

FMSIZE    How many hectares does the holding cover in total?
          RANGE 1..5000

F1        Does the holding keep any cattle?
          1    Yes
          2    No

IF F1 = 1 THEN
F2        How many cattle are kept on the holding today?
          RANGE 1..9999

    IF F2 >= 100 THEN
F3        Is the herd mainly for milk or for beef?
          1    Milk
          2    Beef
    ENDIF
ENDIF

F4        Does the holding grow any cereals?
          1    Yes
          2    No

IF F4 = 1 THEN
F5        Which cereal covers the most land?
          1    Wheat
          2    Barley
          3    Oats
ELSE GO TO F6

F6        Is any of the land rented?
          1    Yes
          2    No
"""


def test_questions_inside_if_then_endif_blocks_take_the_open_ifs_as_their_filter() -> None:
    survey = _text(_CAPI)
    assert survey["F2"].display_if == "F1 == '1'"
    assert survey["F3"].display_if == "F1 == '1' and F2 >= 100"
    assert survey["F4"].display_if is None
    assert survey["F5"].display_if == "F4 == '1'"
    assert survey["F6"].display_if is None


def test_a_capitals_variable_with_no_number_starts_an_item_in_a_spec_of_numbered_columns() -> None:
    survey = _text(_CAPI)
    assert list(survey)[:3] == ["FMINTRO", "FMSIZE", "F1"]
    assert survey["FMINTRO"].type == "display"
    assert survey["FMINTRO"].text.startswith("I would like to ask you")
    assert survey["FMSIZE"].type == "number"


def test_a_block_banner_that_first_says_how_the_loop_repeats_still_filters_the_block() -> None:
    survey = _text(
        "P3. How old is this person?\n\n"
        "BLOCK H - HEALTH\n"
        "LOOP OVER ADULTS AGAIN. THE WHOLE BLOCK IS ASKED ONLY FOR ADULTS AGED 50 OR OVER\n"
        "(P3 >= 50). FOR A YOUNGER ADULT GO TO THE NEXT ADULT.\n\n"
        "H1. Has this person had a flu jab this year?\n1 Yes\n2 No\n\n"
        "H2. Has this person had a health check this year?\n1 Yes\n2 No\n"
    )
    assert survey["H1"].display_if == "P3 >= 50"
    assert survey["H2"].display_if == "P3 >= 50"


def test_a_screen_out_beside_a_remark_naming_another_module_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("G1").bold = True
    _note(document, "Universe: All respondents")
    document.add_paragraph("What was your age last birthday?")
    _note(document, "Enter age (0–110).")
    _note(
        document,
        "End of screener: if G1 is less than 18, thank the respondent and end the interview "
        "(outcome 12, under age). Persons under 18 are covered by the junior module.",
    )
    document.add_paragraph().add_run("G2").bold = True
    document.add_paragraph("Do you own a bicycle?")
    document.add_paragraph("1\tYes")
    document.add_paragraph("2\tNo")
    survey = _docx(document, tmp_path)
    assert survey["G1"].terminate_if == "G1 < 18"


_UNIVERSE = """\
<p>K1</p><p><i>Universe: All respondents</i></p><p>Do you own a bicycle?</p>
<p>1\tYes</p><p>2\tNo</p>
<p>K2</p><p><i>Universe: K1 = 1</i></p><p>Has a bicycle of yours been stolen this year?</p>
<p>1\tYes</p><p>2\tNo</p>
<p>K3</p><p><i>Universe: Same as K2</i></p><p>Do you lock your bicycle at home?</p>
<p>1\tYes</p><p>2\tNo</p>
<p>K4</p><p><i>Universe: Any theft or lock at K2 or K3 (code 1 at any of them)</i></p>
<p>Did you tell your insurer?</p><p>1\tYes, straight away</p><p>2\tYes, later</p><p>3\tNo</p>
<p>K5</p><p><i>Universe: Not all insurers told (K4 = 2 or 3)</i></p>
<p>Why did you wait?</p><p>1\tForgot</p><p>2\tOther reason</p>
<p>K6</p><p><i>Universe: All respondents except those who never cycle (K1 not equal to 2)</i></p>
<p>How often do you cycle?</p><p>1\tDaily</p><p>2\tWeekly</p>
"""


def test_universe_lines_in_new_words_are_read() -> None:
    survey = _html(_UNIVERSE)
    assert survey["K2"].display_if == "K1 == '1'"
    assert survey["K3"].display_if == "K1 == '1'"
    assert survey["K4"].display_if == "K2 == '1' or K3 == '1'"
    assert survey["K5"].display_if == "K4 in ['2','3']"
    assert survey["K6"].display_if == "not (K1 == '2')"


def test_a_unit_before_the_write_in_box_makes_a_number() -> None:
    survey = _text(
        "1. Are you a tenant?\nYes ☐ 1\nNo ☐ 2\n"
        "2. How long have you rented this home?\nMonths: ________ (0 to 600)\n"
        "3. What is your landlord called?\nName: ________\n"
    )
    assert survey["Q2"].type == "number"
    assert survey["Q3"].type == "text"


def test_answers_named_before_a_colon_then_the_survey_closing_end_the_survey() -> None:
    survey = _text(
        "P1. May we use your answers in our report?\n1 Yes\n2 No\n3 Not sure\n"
        "[2 or 3: the survey closes with a short thank-you page.]\n"
        "P2. Are you happy to go on?\n1 Yes\n2 No\n"
        "[No: the survey closes.]\n"
        "P3. How are you today?\n1 Well\n2 Unwell\n"
    )
    assert survey["P1"].terminate_if == "P1 in ['2','3']"
    assert survey["P2"].terminate_if == "P2 == '2'"


def test_filters_between_questions_in_new_words_wait_for_the_next_question() -> None:
    survey = _html(
        "<p><b>D1.</b> What day was your diary day?</p>"
        "<p>1 = Monday</p><p>2 = Tuesday</p><p>3 = Saturday</p><p>4 = Sunday</p>"
        "<p><b>D2.</b> How much did you enjoy the day?</p><p>1 = A lot</p><p>2 = A little</p>"
        "<p><i>Asked of those whose diary day was a weekday (D1 = 1 or 2).</i></p>"
        "<p><b>D3.</b> Would you keep a second diary?</p><p>1 = Yes</p><p>2 = No</p>"
        "<p><i>Only those who said Yes at D3.</i></p>"
        "<p><b>D4.</b> Which month would suit you?</p><p>1 = May</p><p>2 = June</p>"
    )
    assert survey["D2"].display_if is None
    assert survey["D3"].display_if == "D1 in ['1','2']"
    assert survey["D4"].display_if == "D3 == '1'"


def test_a_jump_for_everyone_but_a_group_that_carries_on_is_a_skip_on_the_other_codes() -> None:
    survey = _html(
        "<p><b>W1.</b> Do you have a garden?</p><p>1 = Yes</p><p>2 = No</p>"
        "<p><i>Those with a garden (1) carry on with W2. Everyone else skip to W4.</i></p>"
        "<p><b>W2.</b> How big is it?</p><p>1 = Small</p><p>2 = Large</p>"
        "<p><b>W3.</b> Do you grow food in it?</p><p>1 = Yes</p><p>2 = No</p>"
        "<p><b>W4.</b> Do you have a balcony?</p><p>1 = Yes</p><p>2 = No</p>"
    )
    assert [(s.if_, s.to) for s in survey["W1"].skip_to] == [("W1 == '2'", "W4")]


def test_hide_if_under_the_question_it_tests_is_the_next_questions_filter() -> None:
    survey = _html(
        "<h3>N1</h3><p>Do you avoid the news?</p><p class='type'>Single choice</p>"
        "<table><tr><th>Code</th><th>Answer</th></tr><tr><td>1</td><td>Often</td></tr>"
        "<tr><td>2</td><td>Never</td></tr></table><p class='logic'>Hide if N1 = 2 (Never).</p>"
        "<h3>N2</h3><p>Why do you avoid it?</p><p class='type'>Open</p>"
    )
    assert survey["N2"].display_if == "not (N1 == '2')"


def test_a_cati_table_reads_do_not_ask_if_and_lettered_rows_over_answers_below(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=5)
    heads = ["No.", "Question", "Response", "Code", "Route"]
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        cell.text = head
    rows = [
        ("V1", "Which issue matters most to you?", "Housing", "1", ""),
        ("", "", "Transport", "2", ""),
        ("", "", "Don't know", "98", ""),
        ("V2", "Which party is best on that issue?", "Red", "1", "DO NOT ASK IF V1 = 98"),
        ("", "", "Blue", "2", ""),
        ("V3", "How much do you trust each of these?\na) The mayor\nb) The council", "", "", ""),
        ("", "", "A lot", "1", ""),
        ("", "", "Not at all", "2", ""),
    ]
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    survey = _docx(document, tmp_path)
    assert survey["V2"].display_if == "not (V1 == '98')"
    assert survey["V3"].type == "grid"
    assert [r.label for r in survey["V3"].rows] == ["The mayor", "The council"]
    assert [o.label for o in survey["V3"].options] == ["A lot", "Not at all"]


def test_an_end_of_script_mark_with_a_note_is_no_screen_text() -> None:
    survey = _text(
        "V1. Do you vote?\n1 Yes\n2 No\n"
        "CLOSE. That is all, thank you very much for your time.\n"
        "END OF SCRIPT – the dialler marks the call as complete.\n"
    )
    assert survey["CLOSE"].text == "That is all, thank you very much for your time."


def test_multiple_choice_with_an_exclusive_code_is_a_multi() -> None:
    survey = _html(
        "<h3>M1</h3><p>Did you do any of these after the storm?</p>"
        "<p class='type'>Multiple choice; 4 is exclusive</p>"
        "<table><tr><th>Code</th><th>Answer</th></tr><tr><td>1</td><td>Called the council</td></tr>"
        "<tr><td>2</td><td>Cleared the drains</td></tr><tr><td>3</td><td>Moved the car</td></tr>"
        "<tr><td>4</td><td>None of these</td></tr></table>"
    )
    assert survey["M1"].type == "multi"
    assert [o.code for o in survey["M1"].options if o.exclusive] == ["4"]


def test_a_yes_no_questions_own_if_clause_is_not_said_back_by_the_next_question() -> None:
    survey = _text(
        "B1. Is there a neighbour you could ask for help if you were ill at home?\n"
        "1 Yes\n2 No\n"
        "B2. If you were ill at home, who would you ask first? Choose all that apply.\n"
        "1 A neighbour\n2 A friend\n3 Family\n"
    )
    assert survey["B2"].display_if is None
