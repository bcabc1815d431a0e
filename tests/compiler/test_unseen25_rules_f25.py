"""Everyday agency routing (unseen25): filters written above every question (open ones too),
"continue if …; otherwise terminate" on a named question, "ask all except …", amounts in
conditions, whole-section bases in notes, headings and spreadsheet section rows, answers
described in words at a named question, grey answer codes and lettered section titles
(invented wording, one small case each)."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text

_BANDS = """
P1. How likely are you to recommend the ferry to a friend?
0 Not at all likely  1  2  3  4  5  6  7  8  9  10 Extremely likely
[ASK IF P1 = 0-6]
P2. Why would you not recommend it? [OPEN]
[ASK IF P1 = 9 OR 10]
P3. What do you like most about it? [OPEN]
P4. Which deck do you sit on?
Upper deck 1
Lower deck 2
[ASK IF P4 = 1]
P5. Why the upper deck?
Views 1
Fresh air 2
[ASK IF P5 = 2]
P6. Is it ever too windy?
Yes 1
No 2
"""


def test_a_filter_under_an_open_question_is_the_next_questions_where_filters_sit_above() -> None:
    questions = by_id(compile_text(_BANDS, "ferry.txt"))
    assert questions["P2"].display_if == "P1 in ['0','1','2','3','4','5','6']"
    assert questions["P3"].display_if == "P1 in ['9','10']"


def test_continue_if_a_named_question_otherwise_terminate() -> None:
    questions = by_id(
        compile_text(
            """
            K1. Which of these pets do you keep? [MULTI]
            Cat ...... 1
            Dog ...... 2
            Rabbit ...... 3
            [CONTINUE IF K1 = 1 OR 2; OTHERWISE TERMINATE]
            K2. How old are you?
            """,
            "pets.txt",
        )
    )
    assert questions["K1"].terminate_if == "not (K1 contains '1' or K1 contains '2')"


def test_ask_all_except_those_who_said_an_answer() -> None:
    questions = by_id(
        compile_text(
            """
            R1. Which of these radio stations have you heard of? [MULTI]
            Wave FM 1
            Coast Radio 2
            None of these 9
            [ASK ALL EXCEPT THOSE WHO SAID 'NONE OF THESE' AT R1]
            R2. Which one do you listen to most?
            Wave FM 1
            Coast Radio 2
            """,
            "radio.txt",
        )
    )
    assert questions["R2"].display_if == "not (R1 contains '9')"


_SPEND = """
T1. Which of these do you buy at the market? Please select all that apply.
PN: MULTI
1 Bread
2 Cheese
3 Flowers
T2. How much do you spend there on a usual visit?
£ ______
PN: NUMERIC, RANGE 1-200. IF LESS THAN £10, SKIP TO T4
T3. What else would you buy there?
PN: OPEN
PN: ASK T4 IF BUYS FLOWERS (CODE 3 AT T1) OR SPENDS £20 OR MORE (T2)
T4. How fresh are the flowers?
1 Very fresh
2 Not fresh
"""


def test_a_bound_written_as_an_amount_keeps_its_number() -> None:
    questions = by_id(compile_text(_SPEND, "market.txt"))
    assert [(s.if_, s.to) for s in questions["T2"].skip_to] == [("T2 < 10", "T4")]


def test_a_bracket_naming_only_the_question_takes_the_words_before_it() -> None:
    questions = by_id(compile_text(_SPEND, "market.txt"))
    assert questions["T4"].display_if == "T1 contains '3' or T2 >= 20"


_AWARE = """
H1. Which of these gyms have you heard of? Please select all that apply.
PN: MULTI. 9 EXCLUSIVE
1 Ironworks
2 Pulse Gym
9 None of these
PN: ASK IF KNOWS ANY GYM, I.E. NOT 'NONE OF THESE' AT H1
H2. Which have you visited?
1 Ironworks
2 Pulse Gym
PN: ASK ALL GYM-GOERS (NOT 'NONE OF THESE' AT H1)
H3. Which gym is nearest to you?
1 Ironworks
2 Pulse Gym
"""


def test_words_then_i_e_and_the_test() -> None:
    assert by_id(compile_text(_AWARE, "gyms.txt"))["H2"].display_if == "not (H1 contains '9')"


def test_ask_all_described_with_the_test_in_brackets() -> None:
    assert by_id(compile_text(_AWARE, "gyms.txt"))["H3"].display_if == "not (H1 contains '9')"


def test_a_section_note_naming_its_run_and_where_the_others_go() -> None:
    questions = by_id(
        compile_text(
            """
            L1. Have you ever visited the lighthouse?
            1 Yes
            2 No
            LIGHTHOUSE VISITS
            PN: THIS WHOLE SECTION (L2 TO L3) IS ASKED ONLY OF VISITORS (L1 = 1). OTHERS GO TO L4.
            L2. How did you get there?
            1 On foot
            2 By boat
            L3. Did you climb the tower?
            1 Yes
            2 No
            OTHER THINGS
            L4. How old are you?
            1 Under 40
            2 40 or over
            """,
            "lighthouse.txt",
        )
    )
    assert questions["L2"].display_if == "L1 == '1'"
    assert questions["L3"].display_if == "L1 == '1'"
    assert questions["L4"].display_if is None


def test_base_for_this_whole_section_under_its_heading() -> None:
    questions = by_id(
        compile_text(
            """
            SECTION A – HOME
            G1 Do you own a bicycle?
            1 Yes
            2 No
            SECTION B – CYCLING
            BASE FOR THIS WHOLE SECTION: BIKE OWNERS (G1 = 1). ALL OTHERS GO TO END
            B1 How often do you ride it?
            1 Daily
            2 Weekly
            B2 Where do you keep it?
            1 Indoors
            2 Outdoors
            """,
            "bikes.txt",
        )
    )
    assert questions["B1"].display_if == "G1 == '1'"
    assert questions["B2"].display_if == "G1 == '1'"


def _sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Q no.", "Question text", "Code", "Answer", "Type", "Routing / base"])
    sheet.append(["V1", "Do you drive a van for work?", None, None, "Single", "ASK ALL"])
    sheet.append([None, None, 1, "Yes", None, None])
    sheet.append([None, None, 2, "No", None, None])
    base = "BASE FOR WHOLE SECTION: VAN DRIVERS (V1 = 1). EVERYONE ELSE SKIPS TO END"
    sheet.append(["SECTION V – VAN DRIVERS", None, None, None, None, base])
    sheet.append(["V2", "How many miles a week do you drive?", None, None, "Numeric", None])
    sheet.append(["V3", "Is the van electric?", None, None, "Single", None])
    sheet.append([None, None, 1, "Yes", None, None])
    sheet.append([None, None, 2, "No", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_spreadsheet_section_row_with_its_base_in_the_routing_column() -> None:
    questions = by_id(compile_document(read_document(_sheet(), "vans.xlsx")).survey)
    assert questions["V2"].display_if == "V1 == '1'"
    assert questions["V3"].display_if == "V1 == '1'"


_HTML = """
<html><head><style>.code { color: #888; } .route { color: #0a58ca; }</style></head><body>
<p><b>Q1.</b> How did you pay for your ticket?</p>
<ul>
<li>In cash <span class="code">(1)</span></li>
<li>By card <span class="code">(2)</span></li>
</ul>
<p class="route">ASK IF PAID BY CARD AT Q1</p>
<p><b>Q2.</b> Which card did you use?</p>
<ul>
<li>Debit <span class="code">(1)</span></li>
<li>Credit <span class="code">(2)</span></li>
</ul>
<p class="route">IF DEBIT (Q2 = 1)</p>
<p><b>Q3.</b> How likely are you to travel with us again?</p>
<ul>
<li>Not at all likely <span class="code">(0)</span></li>
<li><span class="code">(1)</span></li>
<li><span class="code">(2)</span></li>
<li><span class="code">(3)</span></li>
<li>Very likely <span class="code">(4)</span></li>
</ul>
</body></html>
"""


def test_an_answer_described_in_words_at_a_named_question() -> None:
    assert by_id(compile_text(_HTML, "tickets.html"))["Q2"].display_if == "Q1 == '2'"


def test_whom_in_words_then_the_test_in_brackets() -> None:
    assert by_id(compile_text(_HTML, "tickets.html"))["Q3"].display_if == "Q2 == '1'"


def test_a_code_in_grey_after_an_answer_is_its_code() -> None:
    question = by_id(compile_text(_HTML, "tickets.html"))["Q3"]
    assert [o.code for o in question.options] == ["0", "1", "2", "3", "4"]


def test_skip_to_a_section_lettered_without_the_word_section() -> None:
    questions = by_id(
        compile_text(
            """
            ## A. Your trip

            ### Q1. Did you buy food on board? `[SINGLE]`

            | Code | Answer | Routing |
            |---:|---|---|
            | 1 | Yes | |
            | 2 | No | SKIP TO SECTION B |

            ### Q2. What did you buy? `[OPEN]`

            ## B. About you

            ### Q3. How old are you? `[NUMBER]`
            """,
            "trip.md",
        )
    )
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]


def test_an_ad_screen_named_before_its_words() -> None:
    questions = by_id(
        compile_text(
            """
            V1 Have you seen any adverts for trains lately?
            1 Yes
            2 No
            AD Now we will play you a short film. Please turn your sound on.
            V2 Could you hear the film clearly?
            1 Yes
            2 No
            """,
            "film.txt",
        )
    )
    assert questions["AD"].type == "display"
    assert questions["AD"].text.startswith("Now we will play you a short film.")
