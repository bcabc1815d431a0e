"""Question heads in house styles the generic readers did not know (dev68): a script's item
tags in angle brackets before the item's type ("<B4>  TYPE: SINGLE", "<PIC>  TYPE: INFO", an end
page "<FIN>  TYPE: TERMINATE …" that is no question), a survey tool's print view heading each
question with its id and a type badge ("K2  Multiple choice · Required"), and Word spec tables
whose one column holds "Question and answers" (the words, then one answer per line, or a grid's
"Rows: a / b" and "Columns: 1 – x, 2 – y"). Invented wording."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.answers_in_cell import answers_in_cell
from fielder.compiler.type_badges import type_badge
from fielder.documents.model import Block, Cell, Document
from tests.compiler.conftest import by_id, compile_text


def test_script_item_tags_in_angle_brackets_are_labels() -> None:
    text = (
        "<PIC>  TYPE: INFO\n  Please look at the picture of the new kettle below.\n\n"
        "<B4>  TYPE: MULTI\n  Which of these kettles have you owned?\n"
        "    1   Steel\n    2   Glass\n    3   Plastic\n\n"
        "<B5>  TYPE: SINGLE\n  How long did the glass one last?\n"
        "    1   Under a year\n    2   Longer\n\n"
        "<B6>  TYPE: OPEN\n  Why did you choose it?\n\n"
        "<B7>  TYPE: SINGLE\n  Would you buy it again?\n    1   Yes\n    2   No\n\n"
        "<FIN>  TYPE: TERMINATE STATUS 1 (COMPLETE) - thank-you page\n"
    )
    survey = by_id(compile_text(text))
    assert list(survey) == ["PIC", "B4", "B5", "B6", "B7"]
    assert survey["B4"].type == "multi"
    assert survey["B5"].text == "How long did the glass one last?"


def test_an_angle_note_of_words_is_still_a_note() -> None:
    survey = by_id(compile_text("Q1. Do you bake?  <ask all>\n1 Yes\n2 No\n"))
    assert survey["Q1"].text == "Do you bake?"


def test_a_print_views_type_badge_is_no_part_of_the_words() -> None:
    assert type_badge("K2 Multiple choice · Required") == (
        "K2",
        ["Multiple choice · Required", "MULTI"],
    )
    assert type_badge("P7 Rating scale 1–7") == ("P7", ["Rating scale 1–7"])
    assert type_badge("WELCOME Text / instructions") == ("WELCOME", ["Text / instructions"])
    assert type_badge("K2 Multiple choices of bread") is None
    assert type_badge("Q3 Number of children?") is None
    assert type_badge("RECORD NUMBER") is None  # a programmer's note in capitals
    assert type_badge("X4 number") is None  # a lone word without the tool's qualifier
    text = (
        "K1 Single choice · Required\nDo you own a bicycle?\n○ 1 Yes\n○ 2 No\n\n"
        "K2 Multiple choice\nWhere do you ride it?\n○ 1 To work\n○ 2 In the park\n\n"
        "K3 Short text\nWhat make is it?\n\n"
        "K4 Text area\nWhat would make cycling easier for you?\n"
    )
    survey = by_id(compile_text(text))
    assert survey["K1"].text == "Do you own a bicycle?"
    assert survey["K2"].type == "multi"
    assert survey["K3"].text == "What make is it?"
    assert survey["K4"].type == "long_text"


def test_answers_under_the_words_in_one_cell_are_split_off() -> None:
    cell = "Which pets do you keep?\n1 – Dog\n2 – Cat\n3 – None"
    assert answers_in_cell(cell) == ("Which pets do you keep?", "1 – Dog\n2 – Cat\n3 – None")
    assert answers_in_cell("Please describe the 2 rooms you use most.") is None
    grid = answers_in_cell(
        "Rate each room.\nRows: Kitchen / Hall / Attic\nColumns: 1 – Good, 2 – Poor"
    )
    assert grid == ("Rate each room.", "Rows: Kitchen\nHall\nAttic\nColumns: 1 – Good\n2 – Poor")


def _row(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell(t) for t in texts)


def test_a_question_and_answers_column_in_a_spec_table() -> None:
    rows = (
        _row("No.", "Question and answers", "Instructions"),
        _row("H1", "Do you rent or own?\n1 – Rent\n2 – Own", "Single."),
        _row(
            "H2", "How many rooms?\n1 – One\n2 – Two\n3 – Three or more", "Single.\nOnly if H1 = 2."
        ),
        _row(
            "H3",
            "Rate each room.\nRows: Kitchen / Hall\nColumns: 1 – Good, 2 – Fair, 3 – Poor",
            "Grid.",
        ),
    )
    table = Block("table", "\n".join("\t".join(c.text for c in r) for r in rows), rows=rows)
    survey = by_id(
        compile_document(Document(name="spec.docx", media_type="docx", blocks=[table])).survey
    )
    assert survey["H1"].text == "Do you rent or own?"
    assert [(o.code, o.label) for o in survey["H2"].options][-1] == ("3", "Three or more")
    assert survey["H2"].display_if == "H1 == '2'"
    assert survey["H3"].type == "grid"
    assert [o.label for o in survey["H3"].options] == ["Good", "Fair", "Poor"]


def test_a_note_over_the_questions_up_to_and_including_one() -> None:
    text = (
        "P1. Have you tried the oat drink?\n1 Yes\n2 No\n\n"
        "The tasting screen and the questions up to and including P4 are only for people who "
        "tried it (1 at P1). Everyone else goes straight on to P5.\n\n"
        "TASTE Please take a sip of the oat drink now and hold it for a moment.\n\n"
        "P2. How creamy was it?\n1 Very\n2 A little\n3 Not at all\n\n"
        "P3. How sweet was it?\n1 Very\n2 A little\n3 Not at all\n\n"
        "P4. Would you buy it?\n1 Yes\n2 No\n\n"
        "P5. How old are you?\n1 Under 40\n2 40 or over\n"
    )
    survey = by_id(compile_text(text))
    for qid in ("P2", "P3", "P4"):
        assert survey[qid].display_if == "P1 == '1'"
    assert survey["P5"].display_if is None


def test_an_amount_in_a_currency_with_its_bounds_is_a_number() -> None:
    survey = by_id(
        compile_text("M1. What would you pay for a month of lessons?\n$ per month, 10 to 400.\n")
    )
    assert survey["M1"].type == "number"


def test_programmer_notes_before_filters() -> None:
    text = (
        "A1. Which of these gyms have you heard of?\n1 Flexo\n2 Pumpit\n99 None of these\n\n"
        "SECTION B: FLEXO\n\n"
        "[PROGRAMMER NOTE: ASK B1 ONLY IF AWARE OF FLEXO (A1 = 1).]\n"
        "B1. How would you rate Flexo overall?\n1 Good\n2 Fair\n3 Poor\n\n"
        "[PROGRAMMER NOTE: ASK IF B1 = 3]\n"
        "B2. Why do you say that?\n[PROGRAMMER NOTE: OPEN END.]\n"
        "[PROGRAMMER NOTE: ASK IF B1 = 1]\n"
        "B3. What do you like most?\n[PROGRAMMER NOTE: OPEN END.]\n\n"
        "B4. Which gym has the best classes?\n"
        "[PROGRAMMER NOTE: ASK ALL AWARE OF ANY GYM (A1 NOT = 99). SINGLE CODE.]\n"
        "1 Flexo\n2 Pumpit\n"
    )
    survey = by_id(compile_text(text))
    assert survey["B1"].display_if == "A1 == '1'"
    assert survey["B2"].display_if == "B1 == '3'"
    assert survey["B3"].display_if == "B1 == '1'"
    assert survey["B4"].display_if == "not (A1 == '99')"


def test_a_screen_out_on_a_denied_test_is_no_band_group() -> None:
    text = (
        "<K1>  TYPE: MULTI\n  Which of these pets do you have?\n    1   Dog\n    2   Cat\n"
        "    3   None\n  TERMINATE IF NOT (K1 = 1 OR K1 = 2)\n\n"
        "<K2>  TYPE: SINGLE\n  How old is your oldest pet?\n    1   Under 5\n    2   5 or more\n\n"
        "<K3>  TYPE: SINGLE\n  Do you insure it?\n    1   Yes\n    2   No\n"
    )
    survey = by_id(compile_text(text))
    assert survey["K1"].terminate_if == "not (K1 contains '1' or K1 contains '2')"
    assert survey["K2"].display_if is None
