"""General conventions met in a twelfth blind batch (everyday commercial market research: an
agency questionnaire grid in Word, an e-mailed plain-text draft, …), one small case each, in
their own invented words."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_document, read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _grid_docx(tmp_path: Path, rows: list[tuple[str, str, str, str]]) -> dict[str, Question]:
    document = docx.Document()
    document.add_paragraph("Section 1: Screener")
    table = document.add_table(rows=0, cols=4)
    for row in rows:
        cells = table.add_row().cells
        for cell, words in zip(cells, row, strict=True):
            cell.text = words
    document.save(str(tmp_path / "grid.docx"))
    return by_id(compile_document(read_path(tmp_path / "grid.docx")).survey)


def test_question_and_responses_column_holds_the_answers_under_each_question(
    tmp_path: Path,
) -> None:
    questions = _grid_docx(
        tmp_path,
        [
            ("Q", "Question / responses", "Code", "Scripting & routing"),
            ("K1", "Which kind of kettle do you own?", "", "SINGLE"),
            ("", "Stovetop kettle", "1", ""),
            ("", "Electric kettle", "2", ""),
            ("", "No kettle", "3", "CLOSE"),
            ("K2", "Which colours do you like for a kettle?", "", "MULTI"),
            ("", "Copper", "1", ""),
            ("", "Slate", "2", ""),
        ],
    )
    k1 = questions["K1"]
    assert [(o.code, o.label) for o in k1.options] == [
        ("1", "Stovetop kettle"),
        ("2", "Electric kettle"),
        ("3", "No kettle"),
    ]
    assert k1.terminate_if == "K1 == '3'"
    assert [o.label for o in questions["K2"].options] == ["Copper", "Slate"]


def test_must_have_codes_else_close_screens_out_everyone_else(tmp_path: Path) -> None:
    questions = _grid_docx(
        tmp_path,
        [
            ("Q", "Question / responses", "Code", "Scripting & routing"),
            (
                "K3",
                "Which of these have you repaired in the last year?",
                "",
                "MULTI. MUST HAVE REPAIRED A KETTLE (CODE 1 OR 2) – ELSE CLOSE.",
            ),
            ("", "A stovetop kettle", "1", ""),
            ("", "An electric kettle", "2", ""),
            ("", "A toaster", "3", ""),
        ],
    )
    assert questions["K3"].terminate_if == "not (K3 contains '1' or K3 contains '2')"


def test_continue_if_code_otherwise_terminate_is_a_screen_out() -> None:
    questions = by_id(
        compile_text(
            "T1. Do you brew tea at home? [CONTINUE IF CODE 1, OTHERWISE TERMINATE]\n"
            "1. Yes\n2. No\n\n"
            "T2. How many cups a day?\n"
        )
    )
    # a screen-out denying a single's code keeps the denial as written (passes/screened_codes)
    assert questions["T1"].terminate_if == "not (T1 == '1')"


_DRAFT = """\
W1. How often do you order from [W0 SHOP]?
    1. Weekly
    2. Monthly

W2. Which of these lamps have you bought in the last 2 years?
    Please select all that apply.
    PROG: MULTI.
    1. Desk lamp
    2. Floor lamp
    99. None of these                              EXCLUSIVE

W3. What were the main reasons you chose a lamp from a catalogue rather than a shop? Please
    choose up to 2 reasons.
    PROG: MULTI, MAX 2 ANSWERS.
    1. Price
    2. Choice
    3. Delivery

W4. How likely are you to recommend [W0 SHOP] to a neighbour?
    0 (Not at all likely)  1  2  3  4  5  6  7  8  9  10 (Extremely likely)

** PN: ASK W5 IF W4 = 0-6 **
W5. What would [W0 SHOP] need to do better?
    ** PN: OPEN END, LARGE BOX **

END SCREEN
Thank you, your answers about lamps have been saved.
"""


def test_hand_wrapped_draft_keeps_its_respondent_sentences_and_fills() -> None:
    questions = by_id(compile_text(_DRAFT))
    assert questions["W1"].text == "How often do you order from [W0 SHOP]?"
    assert questions["W2"].text == (
        "Which of these lamps have you bought in the last 2 years? Please select all that apply."
    )
    w3 = questions["W3"]
    assert w3.text.endswith("rather than a shop? Please choose up to 2 reasons.")
    assert w3.validation is not None
    assert w3.validation.max_choices == 2


def test_bracketed_end_words_on_a_row_of_points_make_a_scale() -> None:
    w4 = by_id(compile_text(_DRAFT))["W4"]
    assert w4.type == "scale"
    assert [o.code for o in w4.options] == [str(n) for n in range(11)]
    assert (w4.options[0].label, w4.options[5].label, w4.options[10].label) == (
        "Not at all likely",
        "5",
        "Extremely likely",
    )


def test_note_fenced_in_asterisks_filters_the_next_question() -> None:
    questions = by_id(compile_text(_DRAFT))
    assert questions["W5"].display_if == "W4 in ['0','1','2','3','4','5','6']"
    assert questions["W5"].type == "long_text"


def test_end_screen_heading_names_the_end_screen() -> None:
    questions = by_id(compile_text(_DRAFT))
    assert list(questions)[-1] == "END"
    assert questions["END"].type == "display"


def test_sentence_at_the_margin_is_not_pulled_into_the_ask() -> None:
    questions = by_id(
        compile_text(
            "**V1** Which of these rooms have a lamp?\n\n"
            "Please select one response in each row.\n\n"
            "| | Yes | No |\n|---|---|---|\n| Kitchen | ☐ | ☐ |\n| Hall | ☐ | ☐ |\n",
            "rooms.md",
        )
    )
    assert questions["V1"].text == "Which of these rooms have a lamp?"


def test_arrowed_routing_note_in_colour_and_go_to_close(tmp_path: Path) -> None:
    document = docx.Document()
    for words in ("Q1. Have you ever hired a canoe?", "Yes", "No"):
        document.add_paragraph(words)
    note = document.add_paragraph().add_run("→ If ‘No’, skip to Q3")
    note.font.color.rgb = RGBColor(0x1F, 0x4E, 0xD8)
    note.italic = True
    for words in ("Q2. How long was your last hire?", "Less than 2 hours", "3 hours to a day"):
        document.add_paragraph(words)
    document.add_paragraph("Q3. May we write to you about canoe clubs?")
    for words in ("Yes", "No"):
        document.add_paragraph(words)
    note = document.add_paragraph().add_run("→ If ‘No’, go to CLOSE")
    note.font.color.rgb = RGBColor(0x1F, 0x4E, 0xD8)
    document.add_paragraph("Q4. What is your email address?")
    document.add_paragraph("CLOSE")
    document.add_paragraph("Thank you for telling us about your canoe trips.")
    document.save(str(tmp_path / "canoe.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "canoe.docx")).survey)
    assert [(r.if_, r.to) for r in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert [(r.if_, r.to) for r in questions["Q3"].skip_to] == [("Q3 == '2'", "CLOSE")]


def test_a_number_of_units_starts_an_uncoded_answer() -> None:
    questions = by_id(
        compile_text(
            "Q1. How long have you kept bees?\n"
            "• Less than 6 months\n• 6 months to 1 year\n• 3 weeks or less\n• Longer\n"
        )
    )
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Less than 6 months"),
        ("2", "6 months to 1 year"),
        ("3", "3 weeks or less"),
        ("4", "Longer"),
    ]


_CATI = """\
QS1. Which region does <<FIRM>> mainly sell in?
DO NOT READ OUT.
1 North
2 South
3 Abroad

Q1. Thinking of <<FIRM>>'s spend on glue, roughly what share went to each of these?
READ OUT. RECORD %. TOTAL MUST COME TO 100% – CHECK IF NOT.
1 Our own brand
2 All other brands

Q2. Has <<FIRM>> had a late glue delivery this year?
1 Yes
2 No    [GO TO Q4]
9 Don't know    [GO TO Q4]

Q3. What was late?

Q4. May the glue maker call you?
1 Yes
2 No    [GO TO CLOSE]

Q5. Your phone number?

CLOSE
Thank you for your time on the glue study.
"""


def test_cati_script_merge_fields_sum_check_and_bracketed_routes() -> None:
    questions = by_id(compile_text(_CATI))
    assert questions["QS1"].text == "Which region does <<FIRM>> mainly sell in?"
    q1 = questions["Q1"]
    assert (q1.type, q1.total) == ("constant_sum", 100)
    assert [(r.if_, r.to) for r in questions["Q2"].skip_to] == [("Q2 in ['2','9']", "Q4")]
    assert [(r.if_, r.to) for r in questions["Q4"].skip_to] == [("Q4 == '2'", "CLOSE")]


_TRACKER = """\
B1. Which of these garden brands have you heard of? [MULTI CODE]
1. Rootwell
2. Leafline
99. None of these [EXCLUSIVE]

[ASK ALL WHO KNOW A BRAND – NOT CODE 99 AT B1]
B2. Which have you bought? [MULTI CODE]
1. Rootwell
2. Leafline

[ASK IF ANY BRAND BOUGHT AT B2 (CODES 1-2)]
B3. Which one do you buy most? [SINGLE CODE]
1. Rootwell
2. Leafline
3. Another

[ASK IF MAIN BRAND IS ONE WE LIST – B3 = 1-2]
B4. Why do you buy it?
"""


def test_filters_that_describe_their_base_before_the_condition() -> None:
    questions = by_id(compile_text(_TRACKER))
    assert questions["B2"].display_if == "not (B1 contains '99')"
    assert questions["B3"].display_if == "B2 contains '1' or B2 contains '2'"
    assert questions["B4"].display_if == "B3 in ['1','2']"


def test_constant_sum_with_no_total_written_assumes_100_and_asks() -> None:
    result = compile_document(
        read_document(
            b"S1. Please split your week's tea between these shops. CONSTANT SUM\n"
            b"1. Corner shop\n2. Market\n",
            "tea.txt",
        )
    )
    s1 = by_id(result.survey)["S1"]
    assert (s1.type, s1.total) == ("constant_sum", 100)
    assert any("no total written" in c.summary for c in result.clarifications)
