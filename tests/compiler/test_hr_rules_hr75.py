"""Workplace and HR survey shapes (round hr75): codes after words in square brackets across a
line, vendor answer cells that write their own codes, a verb of ticking before a code list,
friendly tips and interviewer notes over a question, titled heads over builder rule lines, a
skip of every answer to the next question, and more. Invented wording."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.grid_sub_rows import is_statement_row
from fielder.compiler.lines import Line
from fielder.compiler.self_coded_cells import cell_code, self_coded
from fielder.compiler.square_codes_after import square_codes_after_across
from fielder.compiler.tip_filters import tip_filter_lines
from fielder.compiler.types import asks_to_rank
from fielder.documents import read_document
from fielder.documents.model import Block, Document, Run
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _text(body: str, name: str = "q.txt") -> dict[str, Question]:
    return by_id(compile_text(body, name))


def _codes(question: Question) -> list[tuple[str | None, str]]:
    return [(o.code, o.label) for o in question.options or []]


# --- codes after words in square brackets, across a line ------------------------------------


def test_square_codes_after_words_split_across_a_line() -> None:
    assert square_codes_after_across("Kitchen [1]\tDepot [2]") == ["Kitchen [1]", "Depot [2]"]
    assert square_codes_after_across("Yes [1]   No [2]   Unsure [3]") == [
        "Yes [1]",
        "No [2]",
        "Unsure [3]",
    ]


def test_square_codes_near_misses() -> None:
    assert square_codes_after_across("Kitchen [1]") == []  # one answer: the ordinary reader's
    assert square_codes_after_across("Kitchen [1]\tDepot [1]") == []  # a code twice
    assert square_codes_after_across("[1] Kitchen\t[2] Depot") == []  # codes first
    assert square_codes_after_across("See note [1]\tand then") == []


def test_square_codes_after_words_compile() -> None:
    questions = _text(
        "P1. Where is your desk?\n"
        "Kitchen [1]\tDepot [2]\n"
        "Front office [3]\tSomewhere else – write in: ________ [4]\n\n"
        "P2. Do you drive?\n"
        "Yes [1]\tNo [2]\n"
    )
    assert _codes(questions["P1"])[:3] == [("1", "Kitchen"), ("2", "Depot"), ("3", "Front office")]
    assert [o.code for o in questions["P1"].options or []] == ["1", "2", "3", "4"]
    assert _codes(questions["P2"]) == [("1", "Yes"), ("2", "No")]


# --- answer cells that write their own code ---------------------------------------------------


def test_self_coded_cells() -> None:
    assert self_coded(["0 = Never", "1", "2", "3 = Always"])
    assert cell_code("0 = Never") == ("0", "Never")
    assert cell_code("5") == ("5", "5")
    assert not self_coded(["Never", "Sometimes", "Always"])
    assert not self_coded(["1 = Never", "Sometimes"])  # a worded cell without its code
    assert not self_coded(["1 = Never"])  # one cell is no evidence


def test_sheet_answer_columns_take_the_written_codes() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Var", "Question text", "Type", "Ans 1", "Ans 2", "Ans 3", "Ans 4"])
    sheet.append(
        ["T1", "How likely are you to stay on?", "Single", "0 = No chance", "1", "2", "3 = Certain"]
    )
    sheet.append(
        ["T2", "Which tools do you use?", "Multi", "1 = Hammer", "2 = Saw", "99 = None of these"]
    )
    sheet.append(["T3", "Which floor are you on?", "Single", "Ground", "First", "Second"])
    buffer = io.BytesIO()
    book.save(buffer)
    document = read_document(buffer.getvalue(), "spec.xlsx")
    questions = by_id(compile_document(document).survey)
    assert [o.code for o in questions["T1"].options or []] == ["0", "1", "2", "3"]
    assert _codes(questions["T1"])[0] == ("0", "No chance")
    assert _codes(questions["T2"])[-1] == ("99", "None of these")
    assert _codes(questions["T3"]) == [("1", "Ground"), ("2", "First"), ("3", "Second")]


def test_grid_rows_named_by_a_word_id_range() -> None:
    notes = "Grid. Index = mean of MOOD_1 to MOOD_4."
    assert is_statement_row("MOOD_3", "MOOD", [], notes)
    assert not is_statement_row("MOOD_6", "MOOD", [], notes)
    assert not is_statement_row("MOOD_3", "MOOD", [], "Index = mean of MOOD_1 to MOOD_4.")


# --- conditions --------------------------------------------------------------------------------


def test_ticked_codes_at_a_question() -> None:
    questions = _text(
        "R1. Which shift do you work?\n1. Early\n2. Late\n3. Night\n\n"
        "R2. How many breaks did you take?\n________\n\n"
        "ONLY IF YOU TICKED [2] OR [3] AT R1\n"
        "R3. Do you get a hot meal?\n1. Yes\n2. No\n"
    )
    assert questions["R3"].display_if == "R1 in ['2','3']"


def test_answers_of_either_kind_and_group_word_before_who() -> None:
    questions = _text(
        "K1. Would you join a walkout?\n1. Yes, for a day\n2. Yes, for a week\n3. No\n\n"
        "K2. Why?\n________\n\n"
        "K3 is for everyone who said Yes (either kind) at K1.\n"
        "K3. Which day suits you?\n1. Monday\n2. Friday\n"
    )
    assert questions["K3"].display_if == "K1 in ['1','2']"


def test_skip_of_a_named_run_is_a_negated_filter() -> None:
    questions = _text(
        "M1. Are you a first aider?\n1. Yes\n2. Not yet\n3. No\n\n"
        "Skip M2 and M3 if you said No at M1.\n\n"
        "M2. When did you train?\n________\n\n"
        "M3. Would you train others?\n1. Yes\n2. No\n\n"
        "M4. Any comments?\n________\n"
    )
    assert questions["M2"].display_if == "not (M1 == '3')"
    assert "not (M1 == '3')" in (questions["M3"].display_if or "")
    assert questions["M4"].display_if is None


def test_other_party_acting_in_an_opening_if_supposes() -> None:
    questions = _text(
        "V1. Do you back the new rota?\n1. Back it\n2. Oppose it\n\n"
        "V2. If the board opposes the rota, would you sign a petition?\n1. Yes\n2. No\n\n"
        "V3. If you oppose it, what would you change?\n________\n"
    )
    assert questions["V2"].display_if is None
    assert questions["V3"].display_if == "V1 == '2'"


def test_ranking_asked_from_most_to_least() -> None:
    assert asks_to_rank("Number these from 1 (most important) to 4 (least important).")
    assert asks_to_rank("from 1 (best idea) – 6 (worst idea)")
    assert not asks_to_rank("Rate it from 1 (very poor) to 5 (very good).")


# --- titled heads and builder rule lines -------------------------------------------------------


def test_titled_heads_over_show_when_lines() -> None:
    questions = _text(
        "### H1 · Commute\n\nHow did you get to work today?\n\n1. Car\n2. Bus\n3. Bike\n\n"
        "### H2 · Bus fare\n\n`show when` H1 = 2\n\nHow much was your fare?\n\n"
        "### H3 · Bike storage\n\nHidden unless H1 is 3.\n\nIs there enough bike storage?\n\n"
        "1. Yes\n2. No\n\n"
        "### H4 · Desk\n\nWhich desk did {{team_name}} give you?\n\n1. Fixed\n2. Hot desk\n",
        "pulse.md",
    )
    assert questions["H2"].text == "How much was your fare?"
    assert questions["H2"].display_if == "H1 == '2'"
    assert questions["H3"].text == "Is there enough bike storage?"
    assert questions["H3"].display_if == "H1 == '3'"
    assert questions["H4"].text.startswith("Which desk did")


def test_every_answer_to_the_next_question_is_no_skip() -> None:
    questions = _text(
        "### N1 · Lunch\n\nDid you eat lunch?\n\n| Code | Answer | Next |\n|---:|---|---|\n"
        "| 1 | Yes | → N2 |\n| 2 | No | → N2 |\n\n"
        "### N2 · Water\n\nDid you drink water?\n\n| Code | Answer | Next |\n|---:|---|---|\n"
        "| 1 | Yes | |\n| 2 | No | → N4 |\n\n"
        "### N3 · Litres\n\nHow many litres?\n\n### N4 · Sleep\n\nDid you sleep well?\n\n"
        "1. Yes\n2. No\n",
        "pulse.md",
    )
    assert not questions["N1"].skip_to
    assert questions["N2"].skip_to
    assert questions["N2"].skip_to[0].to == "N4"


# --- tips and interviewer notes over a question ------------------------------------------------


def _note(words: str) -> Line:
    return Line(text="", raw=words, instructions=[words])


def _words(text: str) -> Line:
    return Line(text=text, raw=text)


def test_tip_lines_become_forward_notes() -> None:
    lines = [
        _words("1. How do you travel?"),
        _words("○ By the staff shuttle ○ Driving my own car ○ Remote from home"),
        _note("(Shuttle riders only)"),
        _words("2. Was the shuttle on time?"),
        _words("○ Yes ○ No"),
        _note("Own car? Then this one's for you:"),
        _words("3. Did you find a space?"),
        _words("○ Yes ○ No"),
        _note("If no, tell us where you parked:"),
        _words("4. Where did you park?"),
        _note("(Not for remote – there's no commute to rate.)"),
        _words("5. How was your commute?"),
    ]
    out = tip_filter_lines(lines)
    assert out[2].instructions == ["ASK IF Q1 = 'By the staff shuttle'"]
    assert out[5].instructions == ["ASK IF Q1 = 'Driving my own car'"]
    assert out[8].instructions == ["ASK IF no"]
    assert out[10].instructions == ["ASK IF Q1 != 'Remote from home'"]


def test_interviewer_notes_over_questions() -> None:
    lines = [
        _words("B1 Why are you moving on?"),
        _words("☐ New job"),
        _words("☐ Relocation"),
        _words("☐ Retiring"),
        _note("Interviewer: if relocation or retiring, thank them and move on to C1."),
        _words("B2 Did you discuss it with anyone?"),
        _words("☐ Yes ☐ No"),
        _note("Interviewer: only if Yes at B2."),
        _words("B3 Who with?"),
        _note("Interviewer: if yes at B3 – otherwise go on to B5."),
        _words("B4 Were they helpful?"),
    ]
    out = tip_filter_lines(lines)
    assert out[4].instructions == ["IF B1 = 'Relocation' OR B1 = 'Retiring', GO TO C1"]
    assert out[7].instructions == ["ASK IF Yes at B2"]
    assert out[9].instructions == ["ASK IF yes at B3"]


def test_tips_need_the_documents_repetition() -> None:
    lines = [
        _words("1. How do you travel?"),
        _words("○ By the staff shuttle ○ Driving myself"),
        _note("(Shuttle riders only)"),
        _words("2. Was the shuttle on time?"),
        _note("Remember to be honest."),
        _words("3. Anything else?"),
    ]
    assert tip_filter_lines(lines) == lines


def test_tips_in_a_compiled_document() -> None:
    def para(text: str, note: bool = False) -> Block:
        run = Run(text=text, italic=note, color="#2E7D32" if note else None)
        return Block(kind="paragraph", text=text, runs=(run,))

    blocks = [
        para("1. How did you join the session?"),
        para("○ In the training room ○ Video call ○ Recorded version"),
        para("(Training room attendees only)", True),
        para("2. How comfortable was the room?"),
        para("○ Very ○ Fairly ○ Not at all"),
        para("Joined by video call? Then this one's for you:", True),
        para("3. Was the sound clear?"),
        para("○ Yes ○ No"),
        para("If no, tell us more so we can fix it:", True),
        para("4. What went wrong with the sound?"),
        para("5. Anything else?"),
    ]
    document = Document(name="q.docx", media_type="application/octet-stream", blocks=blocks)
    questions = by_id(compile_document(document).survey)
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if == "Q1 == '2'"
    assert questions["Q4"].display_if == "Q3 == '2'"
    assert questions["Q5"].display_if is None
