"""General conventions met in the PDF and RTF files of an eighth blind batch (agency online
questionnaires printed from Word with red scripting, clinical self-report forms, bilingual
paper forms), one small case each, in invented words."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.documents import read_document, read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text
from tests.documents.pdf_build import grid_ops, make_pdf, text_ops

RED = RGBColor(0xC0, 0x00, 0x00)


def _red_script(tmp_path: Path, paragraphs: list[list[tuple[str, bool]]]) -> dict[str, Question]:
    """A Word file whose paragraphs are runs (text, red?): scripting in red, the rest black."""
    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, red in runs:
            run = paragraph.add_run(text)
            if red:
                run.font.color.rgb = RED
    path = tmp_path / "script.docx"
    document.save(str(path))
    return by_id(compile_document(read_path(path)).survey)


def test_a_red_label_before_black_words_is_the_label_and_red_notes_stay_notes(
    tmp_path: Path,
) -> None:
    questions = _red_script(
        tmp_path,
        [
            [("Scripting notes are red.", True)],
            [("A1.", True), (" Which of these pets do you keep? ", False), ("[MULTI]", True)],
            [("Hamster\t1", False)],
            [("Parrot\t2", False)],
            [("Goldfish\t3", False)],
            [("B4.", True), (" How many years have you kept pets? ", False), ("[NUMERIC]", True)],
            [("FINISH.", True), (" That is all, thank you for your time today.", False)],
        ],
    )
    assert list(questions) == ["A1", "B4", "FINISH"]
    assert questions["A1"].text == "Which of these pets do you keep?"
    assert questions["A1"].type == "multi"
    assert questions["B4"].type == "number"
    assert questions["FINISH"].type == "display"


def test_a_red_pipe_inside_black_words_stays_in_the_text(tmp_path: Path) -> None:
    questions = _red_script(
        tmp_path,
        [
            [("K1.", True), (" Which garage serviced your van last? ", False), ("[SINGLE]", True)],
            [("Northgate Motors\t1", False)],
            [("Harbour Autos\t2", False)],
            [("K2.", True), (" How would you rate ", False)]
            + [("[PIPE: GARAGE AT K1]", True), (" for value for money? ", False)]
            + [("[SINGLE]", True)],
            [("Poor\t1", False)],
            [("Fair\t2", False)],
            [("Good\t3", False)],
        ],
    )
    assert questions["K2"].text == "How would you rate [PIPE: GARAGE AT K1] for value for money?"


def test_several_red_bracketed_notes_in_one_run_are_read_one_by_one(tmp_path: Path) -> None:
    questions = _red_script(
        tmp_path,
        [
            [("C1.", True), (" Which of these cafes have you visited? ", False), ("[MULTI]", True)],
            [("Bean Street\t1", False)],
            [("Copper Cup\t2", False)],
            [("Mill House\t3", False)],
            [("None of these\t99", False), ("\t[EXCLUSIVE]", True)],
            [
                ("C2.", True),
                (" And which would you visit again? ", False),
                ("[MULTI] [SHOW ONLY CAFES SELECTED AT C1]", True),
            ],
            [("None of these\t99", False), ("\t[EXCLUSIVE]", True)],
        ],
    )
    again = questions["C2"]
    assert again.type == "multi"
    assert [o.code for o in again.options] == ["1", "2", "3", "99"]
    assert again.options_from is not None
    assert again.options_from.question == "C1"


def test_a_pdf_note_wrapped_over_two_lines_stays_one_note() -> None:
    """The space where a red note wraps is red too: the note is read whole."""
    red = "0.8 0 0 rg "
    page = (
        text_ops(
            56, 780, "Q1. Which of these radio stations have you listened to in the past week?"
        )
        + text_ops(56, 764, "Q2. And which of these do you listen to most?")
        + red
        + text_ops(292, 764, "[SINGLE] [SHOW ONLY THE STATIONS")
        + text_ops(56, 751, "SELECTED AT Q1]")
        + "0 0 0 rg "
        + text_ops(80, 730, "None of these    99")
    )
    document = read_document(make_pdf([page]), "radio.pdf")
    second = next(b for b in document.blocks if b.text.startswith("Q2."))
    red_runs = [r.text for r in second.runs if r.color]
    assert red_runs == ["[SINGLE] [SHOW ONLY THE STATIONS SELECTED AT Q1]"]


def test_a_footer_ending_in_its_page_number_on_every_page_is_left_out() -> None:
    def page(number: int, answers: list[str], first: str = "") -> str:
        ops = text_ops(56, 780, first) if first else ""
        for place, answer in enumerate(answers):
            ops += text_ops(80, 750 - 16 * place, answer)
        return ops + text_ops(230, 40, f"Harbour Research - internal - {number}", size=8)

    pdf = make_pdf(
        [
            page(1, ["Daily    1", "Weekly    2"], "Q1. How often do you cycle to work?"),
            page(2, ["Monthly    3", "Never    4"]),
        ]
    )
    questions = by_id(compile_document(read_document(pdf, "cycle.pdf")).survey)
    assert [o.label for o in questions["Q1"].options] == ["Daily", "Weekly", "Monthly", "Never"]


def test_please_type_in_after_an_answer_is_its_write_in_box() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which bakery do you buy bread from most often?
            Crumb & Co\t1
            Daily Loaf\t2
            Another bakery (please type in)\t97
            """
        )
    )
    assert [o.code for o in questions["Q1"].options if o.specify] == ["97"]


def test_a_stem_over_a_table_of_numbered_items_is_a_grid_numbered_by_its_first_item(
    tmp_path: Path,
) -> None:
    """Items 1–5 of a battery printed as a table under an unnumbered stem, then question 6:
    the grid is Q1 and the numbering goes on."""
    document = docx.Document()
    document.add_paragraph("Morning routine check")
    document.add_paragraph("During the past week, how often did each of these happen to you?")
    table = document.add_table(rows=1, cols=4)
    for cell, head in zip(table.rows[0].cells, ["", "Never", "Sometimes", "Often"], strict=True):
        cell.text = head
    items = [
        "Skipping breakfast",
        "Running late for the bus",
        "Forgetting your keys",
        "Checking the phone in bed",
        "Sleeping through the alarm",
    ]
    for number, item in enumerate(items, 1):
        cells = table.add_row().cells
        cells[0].text = f"{number}. {item}"
        for cell, code in zip(cells[1:], ["0", "1", "2"], strict=True):
            cell.text = code
    document.add_paragraph("6. How many hours did you sleep last night? ____ hours")
    document.add_paragraph("7. Do you use an alarm clock?")
    document.add_paragraph("☐ Yes\t☐ No")
    path = tmp_path / "routine.docx"
    document.save(str(path))
    questions = by_id(compile_document(read_path(path)).survey)
    assert list(questions) == ["Q1", "Q6", "Q7"]
    grid = questions["Q1"]
    assert grid.type == "grid"
    assert grid.text == "During the past week, how often did each of these happen to you?"
    assert [(o.code, o.label) for o in grid.options] == [
        ("0", "Never"),
        ("1", "Sometimes"),
        ("2", "Often"),
    ]
    assert [r.label for r in grid.rows] == items
    assert questions["Q6"].type == "number"


def test_the_office_use_box_is_not_asked() -> None:
    questions = by_id(
        compile_text(
            """
            1. Which day did you visit the museum?
            ☐ Saturday\t☐ Sunday
            2. What did you enjoy most?
            ______________________________
            FOR OFFICE USE ONLY
            Batch number: ______
            Checked ☐   Keyed ☐   Initials: ______
            For staff use: Gallery ______ Date received ___/___/____
            """
        )
    )
    assert list(questions) == ["Q1", "Q2"]
    assert questions["Q2"].type in ("text", "long_text")
    assert not questions["Q2"].options


def test_staff_use_inside_a_question_is_still_asked() -> None:
    questions = by_id(
        compile_text(
            """
            1. Which day did you visit the museum?
            ☐ Saturday\t☐ Sunday
            2. Staff use of the rest room has gone up this year. How far do you agree?
            ☐ Agree\t☐ Disagree
            3. What did you enjoy most?
            ______________________________
            """
        )
    )
    assert list(questions) == ["Q1", "Q2", "Q3"]


def _table_page(rows: list[list[str]], widths: list[float]) -> str:
    return text_ops(56, 790, "Q1. How much do you agree with each of these?") + grid_ops(
        56, 770, widths, rows
    )


def test_a_pdf_heading_wider_than_its_cell_is_read_whole() -> None:
    """A centred heading that overhangs its ruled cell on both sides belongs to that cell."""
    widths = [150.0, 60.0, 46.0]
    page = _table_page([["", "", ""], ["Parking", "[ ]", "[ ]"], ["Signs", "[ ]", "[ ]"]], widths)
    # "Entirely agree" (about 65 points) centred over the third column (46 points wide)
    page += text_ops(257, 758, "Entirely agree", size=10) + text_ops(216, 758, "Agree", size=10)
    document = read_document(make_pdf([page]), "grid.pdf")
    table = next(b for b in document.blocks if b.kind == "table")
    assert [c.text for c in table.rows[0]] == ["", "Agree", "Entirely agree"]


def test_a_pdf_heading_run_on_into_the_row_below_goes_back_to_it() -> None:
    """ "Hardly" / "ever" over a column of codes, its second line printed inside the first row:
    the words are the heading's, the code the row's."""
    widths = [150.0, 60.0, 60.0]
    page = _table_page(
        [["", "Often", "Hardly"], ["Parking", "1", ""], ["Signs", "1", "2"], ["Lights", "1", "2"]],
        widths,
    )
    page += text_ops(269, 744, "ever", size=8) + text_ops(269, 733, "2", size=8)
    document = read_document(make_pdf([page]), "grid.pdf")
    table = next(b for b in document.blocks if b.kind == "table")
    assert [c.text for c in table.rows[0]] == ["", "Often", "Hardly ever"]
    assert [c.text for c in table.rows[1]] == ["Parking", "1", "2"]


def test_having_more_than_one_of_something_does_not_make_the_question_multi() -> None:
    questions = by_id(
        compile_text(
            """
            1. Which year is your dog in? (If you have more than one dog, think of the oldest.)
            ○ Puppy\t○ Adult\t○ Senior
            2. Which treats do you buy? (You may choose more than one.)
            □ Biscuits
            □ Chews
            □ Dental sticks
            3. How many walks a day does it get?
            ○ One\t○ Two\t○ Three or more
            """
        )
    )
    assert questions["Q1"].type == "single"
    assert questions["Q2"].type == "multi"


def test_a_table_of_boxed_answers_is_read_row_by_row() -> None:
    """Answers laid out three to a row in a ruled table, one tick box and answer a cell."""
    page = text_ops(56, 790, "1. Where do you buy your plants? (Check all that apply.)")
    page += grid_ops(
        56,
        770,
        [160.0, 160.0, 160.0],
        [["[ ] Garden centre", "[ ] Market stall", "[ ] Online shop"], ["[ ] Friends", "", ""]],
    )
    page += text_ops(56, 700, "2. How many plants do you own?  ______ plants")
    page += text_ops(56, 680, "3. What is your favourite plant?  ______________")
    questions = by_id(compile_document(read_document(make_pdf([page]), "plants.pdf")).survey)
    where = questions["Q1"]
    assert where.type == "multi"
    assert [o.label for o in where.options] == [
        "Garden centre",
        "Market stall",
        "Online shop",
        "Friends",
    ]


def test_the_italic_translation_under_each_question_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    pairs = [
        ("1. Which bus route do you take most?", "Quelle ligne de bus prenez-vous le plus?"),
        ("2. How long is your trip to town?", "Combien de temps dure votre trajet?"),
        ("3. Would you like your email receipts?", "Voulez-vous vos reçus par courriel?"),
        ("4. How safe do you feel at the stop?", "Vous sentez-vous en sécurité à l'arrêt?"),
        (
            "5. Is there anything else you would like to tell us?",
            "¿Hay algo más que quiera decirnos por correo electrónico?",
        ),
    ]
    answers = ["☐ Route 4\t☐ Route 9", "____ minutes", "☐ Yes\t☐ No", "☐ Safe\t☐ Unsafe", ""]
    for (ask, translation), answer in zip(pairs, answers, strict=True):
        document.add_paragraph(ask)
        document.add_paragraph().add_run(translation).italic = True
        if answer:
            document.add_paragraph(answer)
    path = tmp_path / "bus.docx"
    document.save(str(path))
    questions = by_id(compile_document(read_path(path)).survey)
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5"]
    assert questions["Q2"].type == "number"
    assert questions["Q3"].type == "single"
    # the translation's "correo electrónico" is no instruction to ask for an email address
    assert questions["Q5"].type == "long_text"


def test_a_return_note_and_phone_or_email_after_the_last_question() -> None:
    questions = by_id(
        compile_text(
            """
            1. Did you enjoy the open day?
            ☐ Yes\t☐ No
            2. May we contact you about the next one?
            ☐ Yes\t☐ No
            3. If yes, please write your phone number or email.
            Please hand this form to a volunteer at the exit. Thank you!
            """
        )
    )
    assert list(questions) == ["Q1", "Q2", "Q3"]
    contact = questions["Q3"]
    assert contact.text == "If yes, please write your phone number or email."
    assert contact.type == "text"
