"""Conventions of document files (Word exports, printables, forms) met in the fifth blind
batch, one small case each, written in their own words rather than taken from any fixture."""

from __future__ import annotations

import io

import docx

from fielder.compiler import compile_document
from fielder.compiler.options import parse_option_text
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _docx(paragraphs: list[str], tables: dict[int, list[list[str]]] | None = None) -> bytes:
    """A Word file of plain paragraphs; `tables[i]` is a table placed after paragraph i."""
    document = docx.Document()
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text)
        cells = (tables or {}).get(index)
        if cells:
            table = document.add_table(rows=len(cells), cols=len(cells[0]))
            for r, row in enumerate(cells):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _compile_docx(
    paragraphs: list[str], tables: dict[int, list[list[str]]] | None = None
) -> dict[str, Question]:
    document = read_document(_docx(paragraphs, tables), "export.docx")
    return by_id(compile_document(document).survey)


_EXPORT = [
    "Start of Block: Welcome",
    "hello_txt Hi there, and thank you for joining our panel today.",
    "End of Block: Welcome",
    "Start of Block: Pets",
    "* pet_kind Which pets live with you? Select all that apply.",
    "▢ Dog",
    "▢ Cat",
    "▢ Fish",
    "▢ ⊗No pets at all",
    "Page Break",
    "Display This Question:",
    "If pet_kind ⊗No pets at all Is Not Selected",
    "Q2_fav Which of them is your favourite?",
    'Carry Forward Selected Choices - Displayed from "Which pets live with you? Select all '
    'that apply."',
    "household What is the age of the oldest person at home?",
    "○ Under 30",
    "○ 30 - 49",
    "○ 50 - 69",
    "○ 70 or older",
    "Skip To: End of Survey If household = Under 30",
    "Display This Question:",
    "If household = 50 - 69",
    "Or household = 70 or older",
    "walks How many walks a week do you take?",
    "______________",
    "End of Block: Pets",
    "Start of Block: End",
    "bye_txt That is all. Thanks a lot for your help!",
    "End of Block: End",
]


def test_a_platform_export_takes_its_export_tags_as_ids() -> None:
    """`* pet_kind Which…`, `Q2_fav Which…`: the tag before the words is the question's id,
    and its block markers and page breaks are no questions or answers."""
    questions = _compile_docx(_EXPORT)
    assert list(questions) == ["hello_txt", "pet_kind", "Q2_fav", "household", "walks", "bye_txt"]
    assert questions["pet_kind"].text == "Which pets live with you? Select all that apply."
    assert [o.label for o in questions["pet_kind"].options][-1] == "No pets at all"


def test_an_export_descriptive_text_is_a_screen() -> None:
    """A tagged paragraph that neither asks nor has answers, right before a block's end, is an
    information screen."""
    questions = _compile_docx(_EXPORT)
    assert questions["hello_txt"].type == "display"
    assert questions["bye_txt"].type == "display"


def test_an_export_display_block_names_answers_by_their_label() -> None:
    """`Display This Question:` over `If tag Label Is Not Selected` and `If tag = A` / `Or tag
    = B` lines filters the question after it, the answers named by their words."""
    questions = _compile_docx(_EXPORT)
    assert questions["Q2_fav"].display_if == "not (pet_kind contains '4')"
    assert questions["walks"].display_if == "household in ['3','4']"


def test_an_export_skip_to_end_of_survey_by_label_screens_out() -> None:
    """`Skip To: End of Survey If tag = Under 30` ends the interview for that answer: the
    words are an answer's label, not a bound."""
    questions = _compile_docx(_EXPORT)
    assert questions["household"].terminate_if == "household == '1'"


def test_an_export_carry_forward_names_its_source_by_its_words() -> None:
    """`Carry Forward Selected Choices - Displayed from "…"` quotes the earlier question's
    words; its chosen answers are this question's."""
    question = _compile_docx(_EXPORT)["Q2_fav"]
    assert question.options_from is not None
    assert question.options_from.question == "pet_kind"
    assert [o.label for o in question.options] == ["Dog", "Cat", "Fish"]


def test_an_age_band_is_an_answer_not_a_label_and_code() -> None:
    """`○ 30 - 49` is a band of ages; `Sometimes - 3` still ends in its code."""
    assert [(o.label, o.code) for o in parse_option_text("○ 30 - 49")] == [("30 - 49", None)]
    assert [(o.label, o.code) for o in parse_option_text("Sometimes - 3")] == [("Sometimes", "3")]


def test_an_export_drop_down_rank_boxes_and_point_table() -> None:
    """`▼ A ... B ... C` is a drop-down, `_____ item` lines the items to rank, and a table of
    end words over points 0–10 over radio marks a scale."""
    paragraphs = [
        "Start of Block: Shops",
        "shop_pick Which shop do you visit most?",
        "▼ Corner shop ... Big market ... Online only",
        "rank_it Please rank these reasons from most to least important.",
        "______ Opening hours",
        "______ Prices",
        "______ Parking",
        "shop_nps How likely are you to recommend the shop to a neighbour?",
        "End of Block: Shops",
        "Start of Block: Done",
        "End of Block: Done",
    ]
    points = [str(n) for n in range(11)]
    table = [["Not likely", *[""] * 9, "Very likely"], points, ["○"] * 11]
    questions = _compile_docx(paragraphs, {7: table})
    assert questions["shop_pick"].type == "dropdown"
    assert [o.label for o in questions["shop_pick"].options] == [
        "Corner shop",
        "Big market",
        "Online only",
    ]
    assert questions["rank_it"].type == "ranking"
    assert [o.label for o in questions["rank_it"].options] == ["Opening hours", "Prices", "Parking"]
    nps = questions["shop_nps"]
    assert nps.type == "scale"
    assert [o.code for o in nps.options] == points
    assert (nps.options[0].label, nps.options[-1].label) == ("Not likely", "Very likely")


def test_lower_case_words_are_no_tags_outside_an_export() -> None:
    """Without the export's block markers a lower-case first word is just a word."""
    survey = compile_text(
        """
        Q1. How old are you?
        o Under 30
        o 30 or older
        """
    )
    assert [q.id for q in survey.questions()] == ["Q1"]


_PRINTABLE = """
Library Use Survey

There are 5 questions in this survey.

1 [VISITS]How many times did you visit the library last month? *
Please write your answer here:
Only numbers may be entered in this field.
Your answer must be between 0 and 31

2 [BRANCH]Which branch do you use most? *
Please choose *only one* of the following:
○ Central (C1)
○ Riverside (C2)
○ I never go in person (C9)

3 [WHYNOT]Why do you not go in person?
Only answer this question if the following conditions are met:
° Answer was 'I never go in person' at question '2 [BRANCH]' (Which branch do you use most?)
Please write your answer here:

4 [LOANS]What do you borrow?
Only answer this question if the following conditions are met:
° ((BRANCH.NAOK != "C9"))
Check any that apply
☐ Novels (SQ001)
☐ Films (SQ002)
☐ Other: ________ (other)

5 [STAFF]How do you rate our staff?
Please choose the appropriate response for each item:
Good\tFair Poor
(B1)\t(B2)\t(B3)
[SQ001] Friendliness\t○\t○\t○
[SQ002] Know-how\t○\t○\t○

Submit your survey.
Thank you for completing this survey.
"""


def test_a_printable_takes_the_code_in_brackets_as_the_id() -> None:
    """`1 [VISITS]How many…? *`: the code after the printed number is the id; the number, the
    required star and the tool's hints and end lines are not words of any question."""
    questions = by_id(compile_text(_PRINTABLE))
    assert list(questions) == ["VISITS", "BRANCH", "WHYNOT", "LOANS", "STAFF"]
    assert questions["VISITS"].text == "How many times did you visit the library last month?"
    assert questions["VISITS"].type == "number"
    assert questions["VISITS"].validation is not None
    assert (questions["VISITS"].validation.min, questions["VISITS"].validation.max) == (0, 31)


def test_a_printable_answer_keeps_its_small_code() -> None:
    """`○ Central (C1)`, `☐ Other: ____ (other)`: the bracketed code is the answer's code."""
    questions = by_id(compile_text(_PRINTABLE))
    assert [(o.code, o.label) for o in questions["BRANCH"].options] == [
        ("C1", "Central"),
        ("C2", "Riverside"),
        ("C9", "I never go in person"),
    ]
    loans = questions["LOANS"]
    assert loans.type == "multi"
    assert [o.code for o in loans.options] == ["SQ001", "SQ002", "other"]
    assert [o.code for o in loans.options if o.specify] == ["other"]


def test_a_printable_condition_block_filters_its_question() -> None:
    """`Only answer this question if the following conditions are met:` over `° Answer was '…'
    at question '2 [BRANCH]'` or a raw expression `° ((BRANCH.NAOK != "C9"))`."""
    questions = by_id(compile_text(_PRINTABLE))
    assert questions["WHYNOT"].display_if == "BRANCH == 'C9'"
    assert questions["WHYNOT"].type == "long_text"
    assert questions["LOANS"].display_if == "not (BRANCH == 'C9')"


def test_a_printable_array_takes_its_column_codes() -> None:
    """Column words over `(B1) (B2) (B3)` and rows `[SQ001] Friendliness ○ ○ ○`: a grid whose
    answers are the column codes (words run together are split before a capital)."""
    grid = by_id(compile_text(_PRINTABLE))["STAFF"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("B1", "Good"),
        ("B2", "Fair"),
        ("B3", "Poor"),
    ]
    assert [r.label for r in grid.rows] == ["Friendliness", "Know-how"]


def test_points_take_the_end_words_written_in_the_question() -> None:
    """Points 1 … 5 printed bare under "from 1 (awful) to 5 (superb)" take those words."""
    survey = compile_text(
        """
        Q1. On a scale from 1 (awful) to 5 (superb), how was the food?
        ○ 1   ○ 2   ○ 3   ○ 4   ○ 5
        """
    )
    options = by_id(survey)["Q1"].options
    assert [o.label for o in options] == ["awful", "2", "3", "4", "superb"]


def _crf(rows: list[tuple[str, str, str, str]]) -> dict[str, Question]:
    """A case report form: a section band, then a table of code | label | entry (+ italic note),
    then a sign-off line."""
    document = docx.Document()
    document.add_paragraph("PART 2 – BLOOD TESTS")
    table = document.add_table(rows=len(rows), cols=3)
    for r, (code, label, entry, note) in enumerate(rows):
        table.cell(r, 0).text = code
        table.cell(r, 1).text = label
        paragraph = table.cell(r, 2).paragraphs[0]
        paragraph.add_run(entry)
        if note:
            paragraph.add_run("   " + note).italic = True
    document.add_paragraph("Investigator signature: ________   Date: __ / __ / ____")
    document.add_paragraph("Monitor use only:  Checked ☐   Query ☐")
    out = io.BytesIO()
    document.save(out)
    return by_id(compile_document(read_document(out.getvalue(), "crf.docx")).survey)


_CRF_ROWS = [
    ("BT1", "Was blood drawn today?", "☐ Yes [1]   ☐ No [0]", "If No → go to BT4"),
    ("BT2", "Haemoglobin", "|__|__| . |__| g/dL", "(5.0–20.0)"),
    ("BT3", "Tube type", "☐ Plain [1]   ☐ EDTA [2]   ☐ Heparin [3]", ""),
    ("BT4", "Any reaction at the needle site?", "☐ Yes [1]   ☐ No [0]", ""),
    ("BT5", "If Yes, please describe", "______________________________", ""),
]


def test_a_crf_table_row_is_a_field_with_bracketed_data_codes() -> None:
    """`BT3 | Tube type | ☐ Plain [1] ☐ EDTA [2] …`: the code is the id, the bracketed data
    codes are the answers' codes; the sign-off and monitor lines are no fields."""
    questions = _crf(_CRF_ROWS)
    assert list(questions) == ["BT1", "BT2", "BT3", "BT4", "BT5"]
    assert [(o.code, o.label) for o in questions["BT3"].options] == [
        ("1", "Plain"),
        ("2", "EDTA"),
        ("3", "Heparin"),
    ]
    assert [(o.code, o.label) for o in questions["BT1"].options] == [("1", "Yes"), ("0", "No")]


def test_a_crf_digit_box_with_a_range_is_a_number() -> None:
    """`|__|__| . |__| g/dL   (5.0–20.0)`: a number whose range is the bracketed one."""
    field = _crf(_CRF_ROWS)["BT2"]
    assert field.type == "number"
    assert field.validation is not None
    assert (field.validation.min, field.validation.max) == (5.0, 20.0)


def test_a_crf_italic_skip_and_a_label_that_names_an_answer() -> None:
    """`If No → go to BT4` in italics routes that answer; `If Yes, please describe` is asked
    only after a Yes to the field above."""
    questions = _crf(_CRF_ROWS)
    assert [(r.if_, r.to) for r in questions["BT1"].skip_to] == [("BT1 == '0'", "BT4")]
    assert questions["BT5"].display_if == "BT4 == '1'"
    assert questions["BT5"].type == "long_text"


def test_portuguese_scripting_words_and_routing_between_answer_and_code() -> None:
    """`(RM)`, `(ANOTAR – 18 A 99)`, `→ ENCERRE`, `Pule para P4`, `(EXCLUSIVA)` set between an
    answer and its right-margin code are read as their English equivalents."""
    survey = compile_text(
        """
        P1. Você mora nesta cidade?
        ☐ Sim\t1
        ☐ Não\t→ ENCERRE\t2
        P2. Quais frutas você comprou na semana passada? (RM)
        ☐ Maçã\t1
        ☐ Banana\t2
        ☐ Outra (ANOTAR): ________\t96
        ☐ Nenhuma destas\t(EXCLUSIVA) Pule para P4\t99
        P3. Por que não comprou frutas?
        ________________________
        ________________________
        P4. Quantas pessoas moram na sua casa?
        |___|___| pessoas
        """
    )
    questions = by_id(survey)
    assert questions["P1"].terminate_if == "P1 == '2'"
    assert [o.label for o in questions["P1"].options] == ["Sim", "Não"]
    fruit = questions["P2"]
    assert fruit.type == "multi"
    assert [(o.code, o.label) for o in fruit.options] == [
        ("1", "Maçã"),
        ("2", "Banana"),
        ("96", "Outra"),
        ("99", "Nenhuma destas"),
    ]
    assert [o.code for o in fruit.options if o.exclusive] == ["99"]
    assert [o.code for o in fruit.options if o.specify] == ["96"]
    assert [(r.if_, r.to) for r in fruit.skip_to] == [("P2 contains '99'", "P4")]
    assert questions["P4"].type == "number"


def test_portuguese_range_with_thousands_points() -> None:
    """`(ANOTAR – DE 0 A 5.000)` in a note is a range 0–5000."""
    from fielder.compiler.glossary import to_english

    assert to_english("(ANOTAR VALOR EM REAIS – DE 0 A 5.000)").endswith("RANGE 0-5000)")
    assert to_english("(ANOTAR – 18 A 99)") == "(RECORD – RANGE 18-99)"


def test_a_page_number_before_a_page_break_is_no_answer() -> None:
    """A line holding only the page's number right before the next page is left out."""
    from fielder.compiler.lines import Line
    from fielder.compiler.page_numbers import drop_page_numbers

    lines = [
        Line(text="☐ Yes", raw="☐ Yes", page=1),
        Line(text="- 1 -", raw="- 1 -", page=1),
        Line(text="", raw="", kind="page_break"),
        Line(text="7", raw="7", page=2),
        Line(text="☐ No", raw="☐ No", page=2),
    ]
    assert [line.text for line in drop_page_numbers(lines)] == ["☐ Yes", "", "7", "☐ No"]


_MAGAZINE = """
1. Which paper do you read?
☐ The Morning Star
☐ The Evening Post
2. How many of the last four issues did you read?
☐ 1 ☐ 2 ☐ 3 ☐ 4
3. How do you rate these pages?
Great Fine\tWeak
Sport\t☐\t☐\t☐
Crosswords\t☐\t☐\t☐
4. How likely are you to subscribe?
Very unlikely\tVery likely
☐1 ☐2 ☐3 ☐4 ☐5 ☐6 ☐7
5. Where do you live?
☐ North ☐ South ☐ East
☐ West ☐ Abroad
Win a year's reading!
To enter the draw, write your details below.
Your name ______________________
Email address ______________________
Send your completed form to:
FREEPOST MORNING STAR
"""


def test_a_wrapped_row_of_boxes_is_one_row_of_answers() -> None:
    """`☐ North ☐ South ☐ East` / `☐ West ☐ Abroad`: one question's five answers."""
    where = by_id(compile_text(_MAGAZINE))["Q5"]
    assert where.type == "single"
    assert [o.label for o in where.options] == ["North", "South", "East", "West", "Abroad"]


def test_numbered_boxes_under_how_many_are_counts_not_a_scale() -> None:
    """`How many of the last four issues …?` over `☐ 1 … ☐ 4`: a single choice of a count."""
    assert by_id(compile_text(_MAGAZINE))["Q2"].type == "single"


def test_end_words_above_numbered_boxes_and_run_together_column_words() -> None:
    """End words set apart over `☐1 … ☐7` name its ends; `Great Fine | Weak` over rows of three
    boxes is three columns."""
    questions = by_id(compile_text(_MAGAZINE))
    scale = questions["Q4"]
    assert scale.type == "scale"
    assert (scale.options[0].label, scale.options[-1].label) == ("Very unlikely", "Very likely")
    assert [o.label for o in questions["Q3"].options] == ["Great", "Fine", "Weak"]


def test_fill_in_lines_after_the_last_question_go_on_with_the_numbering() -> None:
    """`Your name ____`, `Email address ____` after question 5 are questions 6 and 7; the
    return address after them is not."""
    questions = by_id(compile_text(_MAGAZINE))
    assert list(questions)[-2:] == ["Q6", "Q7"]
    assert questions["Q6"].text == "Your name"
    assert questions["Q7"].type == "email"


def test_a_label_cell_beside_the_words_and_a_ranking_by_numbers() -> None:
    """A table row `B2 | How strongly …` is question B2 (its grid in the table after it);
    `Please number them from 1 to 4` over tick boxes is a ranking."""
    document = docx.Document()
    document.add_paragraph("B1. Which do you prefer?")
    document.add_paragraph("○ Tea")
    document.add_paragraph("○ Coffee")
    label = document.add_table(rows=1, cols=2)
    label.cell(0, 0).text = "B2"
    label.cell(0, 1).text = "How strongly do you agree with each statement below."
    grid = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["", "Agree", "Disagree"], ["a) Tea is hot", "○", "○"]]):
        for c, cell in enumerate(row):
            grid.cell(r, c).text = cell
    grid.cell(2, 0).text = "b) Coffee is bitter"
    grid.cell(2, 1).text = grid.cell(2, 2).text = "○"
    document.add_paragraph("B3. Which matter most? Please number them from 1 to 3.")
    for item in ("Price", "Taste", "Smell"):
        document.add_paragraph(f"☐ {item}")
    out = io.BytesIO()
    document.save(out)
    questions = by_id(compile_document(read_document(out.getvalue(), "form.docx")).survey)
    assert list(questions) == ["B1", "B2", "B3"]
    assert questions["B2"].type == "grid"
    assert questions["B3"].type == "ranking"


def test_end_words_under_column_numbers_and_lettered_grid_rows() -> None:
    """`1 2 3 4` over `Never  Always` (the end words printed under the ends) names columns 1 and
    4; statements lettered `a.` `b.` over boxes keep only their words."""
    survey = compile_text(
        """
        Q1. How often does each of these happen?
        1\t2\t3\t4
        Never\tAlways
        a. The bus is late\t□\t□\t□\t□
        b. The bus is full\t□\t□\t□\t□
        Q2. Do you drive?
        ○ Yes
        ○ No
        """
    )
    grid = by_id(survey)["Q1"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Never"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Always"),
    ]
    assert [r.label for r in grid.rows] == ["The bus is late", "The bus is full"]


def test_a_footnote_is_no_part_of_a_question() -> None:
    """`¹ Card 1: …` under the last screen is the page's footnote, not its words."""
    survey = compile_text(
        """
        Q1. Which of these brands do you know? (SHOW CARD 1¹)
        ○ Alpha
        ○ Beta
        CLOSE. Thank you very much for your time today!
        ¹ Card 1: the two logos side by side.
        """
    )
    assert by_id(survey)["CLOSE"].text == "Thank you very much for your time today!"
