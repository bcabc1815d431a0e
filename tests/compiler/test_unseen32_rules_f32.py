"""Conventions from unseen32 (pollsters' and media agencies' questionnaires): a capitals filter
after the question's label whose test is a bracket ("ASK IF USED ANY (NOT 99 AT M5)"), answers
named in words with their codes in brackets ("KALE OR LEEK AT G2 (05 OR 06)"), and a screen-out
with the words said on closing ('IF UNDER 16 - CLOSE ("Sorry, …")'), a squeeze question's filter
on a slashed label's word ("UNDECIDED/REFUSED AT V1") and one on two questions ("AT V1 OR V1a
(CODES 1-5 OR 97)"), "[PARTY AT V1/V1a]" piped in, a one-row 0-10 table over 98/99, and a
grid's headings with their codes in brackets ("Very well (1)")."""

from __future__ import annotations

from pathlib import Path

import docx

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text

_GARDEN = """G1. Please type in how many years you have gardened.
    [NUMERIC BOX, ALLOW 0-90]
    IF UNDER 2 - CLOSE ("Sorry, this study is for gardeners of two years or more.")

G2. Which of these have you grown this year?
    MULTI.
    01  Carrots
    02  Beans
    03  Onions
    04  Potatoes
    05  Kale
    06  Leek
    99  None of these    [EXCLUSIVE]

G3. ASK IF GREW ANYTHING (NOT 99 AT G2)
    Roughly how many hours a week do you spend in the garden?
    [NUMERIC, 0-80]

G4. ASK IF ANY CROP GROWN AT G2 (NOT 99). SHOW ONLY CROPS CHOSEN AT G2.
    And which ONE of these did best?
    01  Carrots
    02  Beans
    03  Onions
    04  Potatoes
    05  Kale
    06  Leek

G5. ASK IF KALE OR LEEK AT G2 (05 OR 06)
    Where did you buy the seed?
    01  Garden centre
    02  Online
    03  Saved my own

G6. How often do you water?
    01  Every day
    02  Several times a week
    03  About once a week
    04  Less often

G7. ASK IF BEANS AND PEAS (02) AT G2 AND WATERS WEEKLY OR MORE OFTEN (G6 = 01-03)
    Which bean variety grew best? Please type in its name.
    [SHORT TEXT]
"""


def test_a_bracket_that_ends_a_capitals_filter_is_its_test() -> None:
    survey = by_id(compile_text(_GARDEN, "garden.txt"))
    assert survey["G3"].display_if == "not (G2 contains '99')"
    # the bracket after the filter's words, then a carry-forward note in its own sentence
    assert survey["G4"].display_if == "not (G2 contains '99')"


def test_answers_named_in_words_then_their_codes_in_brackets() -> None:
    survey = by_id(compile_text(_GARDEN, "garden.txt"))
    assert survey["G5"].display_if == "G2 contains '05' or G2 contains '06'"
    # "(02) AT G2", then a test whose words say "or more often" (a bound, not an alternative)
    assert survey["G7"].display_if == "G2 contains '02' and G6 in ['01','02','03']"


def test_a_screen_out_with_the_words_said_on_closing() -> None:
    survey = by_id(compile_text(_GARDEN, "garden.txt"))
    assert survey["G1"].terminate_if == "G1 < 2"
    assert survey["G1"].text == "Please type in how many years you have gardened."


_SQUEEZE = """C1. Which café would you go to first?
    1  Larkspur Coffee
    2  The Copper Pot
    3  Bean Street
    97  Another café (SPECIFY)
    98  Don't know / unsure
    99  Refused

IF UNSURE/REFUSED AT C1 ASK C1a
C1a. If you had to choose, which café would it be?
    1  Larkspur Coffee
    2  The Copper Pot
    3  Bean Street
    97  Another café (SPECIFY)
    98  Still unsure

ASK ALL NAMING A CAFE AT C1 OR C1a (CODES 1-3 OR 97)
C2. How sure are you that you would go to [CAFE AT C1/C1a]? Would you say you are…
    1  Very sure
    2  Fairly sure
"""


def test_a_squeeze_question_and_the_question_after_both() -> None:
    survey = by_id(compile_text(_SQUEEZE, "cafes.txt"))
    # "UNSURE" is one of the words the slashed label "Don't know / unsure" joins
    assert survey["C1a"].display_if == "C1 in ['98','99']"
    assert survey["C2"].display_if == ("C1 in ['1','2','3','97'] or C1a in ['1','2','3','97']")
    # the answer of either question, piped into the sentence
    assert survey["C2"].text.startswith("How sure are you that you would go to [CAFE AT C1/C1a]?")


def test_a_one_row_scale_table_over_its_no_score_codes(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(
        "K1.\tOn a scale of 0 to 10, where 0 means you would certainly NOT go and 10 means you "
        "certainly would, how likely are you to visit the fair?"
    )
    cells = ["0 Certainly not", *(str(n) for n in range(1, 10)), "10 Certainly"]
    table = document.add_table(rows=1, cols=len(cells))
    for index, words in enumerate(cells):
        table.cell(0, index).text = words
    document.add_paragraph("Don't know\t98")
    document.add_paragraph("Refused\t99")
    document.add_paragraph("K2.\tHow do you rate each stall?")
    grid = document.add_table(rows=3, cols=4)
    for col, words in enumerate(["", "Good (1)", "Poor (2)", "Not sure (98)"]):
        grid.cell(0, col).text = words
    for row, stall in enumerate(["Jam stall", "Cake stall"], start=1):
        for col, words in enumerate([stall, "1", "2", "98"]):
            grid.cell(row, col).text = words
    document.save(str(tmp_path / "fair.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "fair.docx")).survey)
    points = [(o.code, o.label) for o in questions["K1"].options]
    # the table's end words, not the question's ("you would certainly NOT go")
    assert points[0] == ("0", "Certainly not")
    assert points[10] == ("10", "Certainly")
    assert points[11:] == [("98", "Don't know"), ("99", "Refused")]
    assert [(o.code, o.label) for o in questions["K2"].options] == [
        ("1", "Good"),
        ("2", "Poor"),
        ("98", "Not sure"),
    ]


def test_a_skip_on_answers_named_then_coded_and_a_filter_of_those_who() -> None:
    survey = by_id(
        compile_text(
            """H1. Have you seen our posters for the harbour festival?
    1  Yes
    2  No
    98  Don't know
    IF NO / DON'T KNOW (2, 98) GO TO H4

H2. Where did you see them? Please select all that apply.
    MULTI.
    1  Bus stop
    2  Library
    3  Ferry terminal

OF THOSE WHO SAW THEM AT THE FERRY (H2 = 3)
H3. Which ferry were you taking?
    1  Morning ferry
    2  Evening ferry

H4. How likely are you to go to the festival?
    1  Likely
    2  Unlikely
""",
            "festival.txt",
        )
    )
    # the words name the answers; the bracket gives both of their codes
    assert [(r.if_, r.to) for r in survey["H1"].skip_to] == [("H1 in ['2','98']", "H4")]
    assert survey["H3"].display_if == "H2 contains '3'"


def _coded_table(document: docx.document.Document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=len(rows) + 1, cols=3)
    for index, cells in enumerate([("Code", "Answer", "Instruction"), *rows]):
        for col, words in enumerate((*cells, "")[:3]):
            table.cell(index, col).text = words


def test_routing_notes_between_answer_tables_and_a_coded_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("K1. Which kite did you fly?")
    _coded_table(document, [("1", "Box kite"), ("2", "Delta kite")])
    document.add_paragraph("ROUTING: ASK IF FLEW A BOX KITE (K1 = 1).")
    document.add_paragraph("K2. How well did it fly?")
    # answers that open like questions ("Does not …") under a "Code" heading
    _coded_table(
        document,
        [("1", "Flew well"), ("2", "Does not fly very well"), ("3", "Does not fly at all")],
    )
    document.add_paragraph("VIDEO. Please watch the kite clip below.")
    document.add_paragraph(
        "SPLIT SAMPLE: CELL A SEE 'RED KITE' (30s), CELL B SEE 'BLUE KITE' (30s)."
    )
    document.add_paragraph("K3. What did you think of the clip?")
    document.save(str(tmp_path / "kites.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "kites.docx")).survey)
    # "ROUTING: ASK IF …" under K1's table is K2's filter, not K1's
    assert questions["K1"].display_if is None
    assert questions["K2"].display_if == "K1 == '1'"
    assert [o.label for o in questions["K2"].options] == [
        "Flew well",
        "Does not fly very well",
        "Does not fly at all",
    ]
    # a capitals note with a number's small unit letter ("(30s)") is still a note
    assert questions["VIDEO"].text == "Please watch the kite clip below."


def test_a_screen_out_in_words_then_its_test_after_ie() -> None:
    survey = by_id(
        compile_text(
            """T1. Which of these teas have you drunk this month? Please select all that apply.
    MULTI.
    1  Black tea
    2  Green tea
    3  Mint tea
    99  None of these    [EXCLUSIVE]
    TERMINATE IF NO HERBAL OR GREEN TEA – I.E. NONE OF CODES 2-3 SELECTED AT T1.

T2. How many cups a day do you drink?
    [NUMERIC, 0-20]
""",
            "teas.txt",
        )
    )
    assert survey["T1"].terminate_if == "not (T1 contains '2' or T1 contains '3')"
