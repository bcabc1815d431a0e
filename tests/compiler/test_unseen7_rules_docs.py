"""General conventions met in a seventh blind batch of document questionnaires (Word, PDF,
OpenDocument, workbooks), one small case each, written in their own words rather than taken
from any fixture."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.codes_row import codes_under
from fielder.compiler.joined_heads import split_joined_heads
from fielder.compiler.lines import Line
from fielder.compiler.numbered_sections import numbered_section_lines
from fielder.documents import read_document, read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def test_question_word_labels_alone_over_the_words_and_their_mentions() -> None:
    questions = by_id(
        compile_text(
            "Frage 1\n"
            "Besitzen Sie ein Fahrrad?\n"
            "☐ ja\t☐ nein → Weiter mit Frage 3\n"
            "Frage 2\n"
            "Wie oft fahren Sie damit?\n"
            "☐ täglich\t☐ wöchentlich\t☐ seltener\n"
            "Frage 3: Wie kommen Sie meistens zur Arbeit?\n"
            "☐ zu Fuß\t☐ mit dem Bus\t☐ mit dem Auto\n"
        )
    )
    assert list(questions) == ["F1", "F2", "F3"]
    assert questions["F1"].text == "Besitzen Sie ein Fahrrad?"
    assert [o.label for o in questions["F1"].options] == ["ja", "nein"]
    assert [(s.if_, s.to) for s in questions["F1"].skip_to] == [("F1 == '2'", "F3")]


def test_pregunta_labels_take_the_words_initial() -> None:
    questions = by_id(
        compile_text(
            "Pregunta 1\n¿Tiene usted coche?\n☐ Sí\t☐ No\n"
            "Pregunta 2\n¿Cuántos años tiene?\n______ años\n"
        )
    )
    assert list(questions) == ["P1", "P2"]
    assert questions["P2"].type == "number"


def test_a_box_with_a_unit_in_another_language_or_an_ordinal_dot_is_a_number() -> None:
    questions = by_id(
        compile_text(
            "F1. Wie lange wohnen Sie schon hier?\n________ Jahre\n"
            "F2. In welchem Semester sind Sie?\n________ . Semester\n"
            "F3. Combien d'heures dormez-vous ?\n________ heures\n"
        )
    )
    assert [q.type for q in questions.values()] == ["number", "number", "number"]


def _form(body: str) -> dict[str, Question]:
    """A Word form: numbered section headings in heading style, the fields as paragraphs."""
    document = docx.Document()
    for line in body.strip().splitlines():
        if line.startswith("# "):
            document.add_heading(line[2:], level=2)
        else:
            document.add_paragraph(line)
    stream = io.BytesIO()
    document.save(stream)
    return by_id(compile_document(read_document(stream.getvalue(), "form.docx")).survey)


def test_numbered_section_headings_of_a_form_are_sections_and_labels_over_lines_are_fields() -> (
    None
):
    questions = _form(
        """
# 1. Your details
Full name *
______________________
Home phone
______________________
# 2. Your visit
How many nights will you stay?
______ nights
Room type
☐ Single\t☐ Double
Any requests for the hotel?
______________________
______________________
Name of the person travelling with you
______________________
"""
    )
    assert [q.text for q in questions.values()] == [
        "Full name",
        "Home phone",
        "How many nights will you stay?",
        "Room type",
        "Any requests for the hotel?",
        "Name of the person travelling with you",
    ]
    assert list(questions) == ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]


def test_a_numbered_heading_over_its_answers_keeps_its_number() -> None:
    lines = [
        Line(text="1. Gender", raw="1. Gender", kind="heading"),
        Line(text="☐ Female", raw="☐ Female"),
        Line(text="2. Age group", raw="2. Age group", kind="heading"),
        Line(text="☐ Under 30", raw="☐ Under 30"),
    ]
    assert [line.text for line in numbered_section_lines(lines)][::2] == [
        "1. Gender",
        "2. Age group",
    ]


def test_plain_language_filters_over_the_next_question() -> None:
    questions = by_id(
        compile_text(
            "Which of these do you own? Tick all that apply.\n"
            "☐ Bicycle\n☐ Scooter\n☐ Car\n"
            "Only if you ticked Bicycle:\n"
            "Where do you keep it?\n☐ Indoors\n☐ Outside\n"
            "Do you have a garden?\n☐ Yes\n☐ No\n"
            "If yes, please answer the next question; if no, go to the end.\n"
            "How big is your garden?\n☐ Small\n☐ Large\n"
            "Answer only if you ticked Car.\n"
            "Where do you park it?\n☐ Street\n☐ Driveway\n"
        )
    )
    assert questions["Q2"].display_if == "Q1 contains '1'"
    assert questions["Q4"].display_if == "Q3 == '1'"
    # the answer named is not the previous question's: the nearest question offering it
    assert questions["Q5"].display_if == "Q1 contains '3'"


def test_a_paper_form_numbered_by_bare_numbers_with_its_own_conventions() -> None:
    questions = by_id(
        compile_text(
            "1\tDid you travel by train this month?\n"
            "1\tYes\n"
            "2\tNo\tIf No, go to 3\n"
            "2\tWhich of these did you use on the train?\n"
            "Cross ALL boxes that apply\n"
            "1\tWi-Fi\n2\tThe buffet\n3\tNo, I used none of them\n"
            "3\tWhat was your year of birth?\n"
            "Please write in, e.g. 1 9 8 0\n"
            "4\tHow often did these happen?\n"
            "Cross one box on each line\n"
            "Rarely\tOften Always\n"
            "a. The train was late\t1\t2\t3\n"
            "b. The train was full\t1\t2\t3\n"
        )
    )
    assert [(o.label, o.code) for o in questions["Q1"].options] == [("Yes", "1"), ("No", "2")]
    assert [(s.if_, s.to) for s in questions["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert questions["Q2"].type == "multi"
    assert [o.exclusive for o in questions["Q2"].options] == [False, False, True]
    assert questions["Q3"].type == "number"
    assert questions["Q4"].type == "grid"
    assert [o.label for o in questions["Q4"].options] == ["Rarely", "Often", "Always"]
    assert [r.label for r in questions["Q4"].rows] == ["The train was late", "The train was full"]


def test_joined_headings_stay_whole_when_their_words_are_not_each_capitalised() -> None:
    assert split_joined_heads(["Never", "Sometimes Usually", "Always"], 4) == [
        "Never",
        "Sometimes",
        "Usually",
        "Always",
    ]
    assert split_joined_heads(["Very good", "Good", "Poor"], 4) is None


def test_a_face_to_face_script_with_show_cards_probes_and_spoken_answers() -> None:
    questions = by_id(
        compile_text(
            "C1\tCARD 3 How often do you read a local newspaper? IF EVER, PROBE: Paper or online?\n"
            "Daily\t1\nWeekly\t2\nNever\t3\n(Refused)\t7\n(Don't know)\t8\n"
            "C2\tWould you say your street is… READ OUT…\n"
            "very quiet,\t1\nfairly quiet,\t2\nor, noisy?\t3\n"
            "C3\tHow many minutes does your journey take?\n"
            "INTERVIEWER: WRITE IN MINUTES (0–180)\n"
            "MINUTES |__|__|__|\n"
        )
    )
    assert questions["C1"].text == "How often do you read a local newspaper?"
    assert [o.label for o in questions["C1"].options][-2:] == ["Refused", "Don't know"]
    assert questions["C2"].text == "Would you say your street is…"
    assert [o.label for o in questions["C2"].options] == ["very quiet", "fairly quiet", "noisy"]
    assert questions["C3"].type == "number"
    assert questions["C3"].validation is not None
    assert (questions["C3"].validation.min, questions["C3"].validation.max) == (0, 180)


def _tables(rows_per_table: list[list[tuple[str, str, str]]]) -> dict[str, Question]:
    document = docx.Document()
    for rows in rows_per_table:
        table = document.add_table(rows=len(rows), cols=3)
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    stream = io.BytesIO()
    document.save(stream)
    return by_id(compile_document(read_document(stream.getvalue(), "two.docx")).survey)


def test_a_bilingual_table_per_question_is_read_in_its_first_language() -> None:
    questions = _tables(
        [
            [
                ("A1. Do you have a library card?", "", "A1. Avez-vous une carte de bibliothèque?"),
                ("Yes", "1", "Oui"),
                ("No → GO TO A3", "2", "Non → PASSEZ À A3"),
            ],
            [
                (
                    "A2. How often do you borrow books?",
                    "",
                    "A2. À quelle fréquence empruntez-vous?",
                ),
                ("READ LIST", "", "LIRE LA LISTE"),
                ("Weekly", "1", "Chaque semaine"),
                ("Rarely", "2", "Rarement"),
                ("Don't know – EXCLUSIVE", "98", "Ne sais pas – EXCLUSIF"),
            ],
            [
                ("A3. How old are you?", "", "A3. Quel âge avez-vous?"),
                ("Under 18 → TERMINATE", "1", "Moins de 18 ans → TERMINER"),
                ("18 or older", "2", "18 ans ou plus"),
            ],
        ]
    )
    assert list(questions) == ["A1", "A2", "A3"]
    assert questions["A1"].text == "Do you have a library card?"
    assert [(o.code, o.label) for o in questions["A1"].options] == [("1", "Yes"), ("2", "No")]
    assert [(s.if_, s.to) for s in questions["A1"].skip_to] == [("A1 == '2'", "A3")]
    assert [(o.code, o.label) for o in questions["A2"].options][-1] == ("98", "Don't know")
    assert questions["A3"].terminate_if == "A3 == '1'"


def test_bilingual_tables_screens_named_in_each_language_and_notes_before_answers() -> None:
    questions = _tables(
        [
            [
                ("B1. Which region do you live in?", "", "B1. Dans quelle région habitez-vous?"),
                ("North", "1", "Nord"),
                ("South", "2", "Sud"),
                ("DO NOT READ: Refused → TERMINATE", "9", "NE PAS LIRE : Refus → TERMINER"),
            ],
            [
                ("B2. What is your zip code?", "", "B2. Quel est votre code postal?"),
                ("RECORD CODE", "|__|__|__|__|__|", "INSCRIRE LE CODE"),
            ],
            [
                ("END", "", "FIN"),
                ("Thank you, that is all.", "", "Merci, c'est tout."),
            ],
        ]
    )
    assert list(questions) == ["B1", "B2", "END"]
    assert [o.label for o in questions["B1"].options][-1] == "Refused"
    assert questions["B1"].terminate_if == "B1 == '9'"
    assert questions["B2"].type == "text"
    assert questions["END"].type == "display"


def test_an_agency_workbook_with_answers_under_the_question_a_filter_column_and_quotas(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    screener = book.active
    assert screener is not None
    screener.title = "Screener"
    for row in [
        ["SCREENER", None, None, None, None],
        ["Q#", "Question / answers", "Code", "Instruction", "Route"],
        ["A1", "Do you own a dog?", None, "SINGLE CODE", None],
        [None, "Yes", 1, None, None],
        [None, "No", 2, "TERMINATE", None],
        ["A2", "Do you walk it every day?", None, "SINGLE CODE", None],
        [None, "Yes", 1, None, None],
        [None, "No", 2, None, "GO TO B2"],
    ]:
        screener.append(row)
    quotas = book.create_sheet("Quotas")
    for row in [["Quota", "Cell", "Target"], ["Dog (A1)", "Yes", 500], ["Dog (A1)", "No", 0]]:
        quotas.append(row)
    main = book.create_sheet("Main")
    for row in [
        ["ID", "Question text", "Type", "Filter", "Notes"],
        ["B1", "How long is the walk?", "SINGLE", "A2=1", None],
        [None, "1. Under 30 minutes", None, None, None],
        [None, "2. 30 minutes or more", None, None, None],
        ["B2", "Where do you buy dog food?", "SINGLE", "ALL", None],
        [None, "1. Supermarket", None, None, None],
        [None, "2. Pet shop", None, None, None],
    ]:
        main.append(row)
    book.save(str(tmp_path / "dogs.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "dogs.xlsx")).survey)
    assert list(questions) == ["A1", "A2", "B1", "B2"]
    assert [(o.code, o.label) for o in questions["A1"].options] == [("1", "Yes"), ("2", "No")]
    assert questions["A1"].terminate_if == "A1 == '2'"
    assert [(s.if_, s.to) for s in questions["A2"].skip_to] == [("A2 == '2'", "B2")]
    assert questions["B1"].display_if == "A2 == '1'"
    assert questions["B2"].display_if is None


def test_answers_across_a_questions_row_take_their_codes_from_the_row_under_them() -> None:
    assert codes_under(
        ["E1", "Do you rent or own?", "Rent", "Own", "Other"], ["", "Codes:", "1", "2", "7"]
    ) == [("Rent", "1"), ("Own", "2"), ("Other", "7")]
    assert codes_under(["E1", "Do you rent or own?", "Rent", "Own"], ["E2", "Next", "", ""]) is None


def test_a_workbook_sheet_with_answers_across_and_a_code_row(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "About you"
    for row in [
        ["ABOUT YOU – ASK ALL", None, None, None],
        ["E1", "Do you rent or own your home?", "Rent", "Own", "Other"],
        [None, "code →", 1, 2, 7],
        ["E2", "How many cars does your household have?", "None", "One", "Two or more"],
        [None, "code →", 0, 1, 2],
    ]:
        sheet.append(row)
    book.save(str(tmp_path / "about.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "about.xlsx")).survey)
    assert [(o.code, o.label) for o in questions["E1"].options] == [
        ("1", "Rent"),
        ("2", "Own"),
        ("7", "Other"),
    ]
    assert [o.code for o in questions["E2"].options] == ["0", "1", "2"]


def test_a_flyers_numbered_box_scale_and_small_print_after_the_last_box() -> None:
    questions = by_id(
        compile_text(
            "Would you recommend the fair to a friend?\n"
            "Not at all  1 ☐   2 ☐   3 ☐   4 ☐  Definitely\n"
            "Want news of next year's fair? Leave your email below.\n"
            "Email: ______________________\n"
            "Entries close on 1 May. We never share your address.\n"
        )
    )
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Not at all"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Definitely"),
    ]
    assert questions["Q1"].type == "scale"
    assert questions["Q2"].text == "Want news of next year's fair? Leave your email below."
    assert questions["Q2"].type == "email"


def test_a_screen_named_in_a_label_column_and_an_open_postcode(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Profile"
    for row in [
        ["PROFILE", None, None],
        ["P1", "Which town do you live in, and what is your postcode?", "OPEN – e.g. AB1"],
        ["P2", "What is your postcode?", "OPEN – e.g. AB1"],
        ["THANKS", "Thank you for taking part in this survey today.", None],
    ]:
        sheet.append(row)
    book.save(str(tmp_path / "profile.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "profile.xlsx")).survey)
    assert questions["P2"].type == "text"
    assert questions["P2"].options == []
    assert questions["THANKS"].type == "display"


def test_a_workbooks_scale_in_one_cell_over_lettered_items_and_points_across_a_row(
    tmp_path: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Main"
    for row in [
        ["ID", "Question text", "Type", "Filter", "Notes", None, None, None],
        ["G1", "How do you rate the park's facilities?", "GRID", "ALL", None, None, None, None],
        [None, "SCALE → 1 Poor | 2 | 3 | 4 Excellent", None, None, None, None, None, None],
        [None, "a) Toilets", None, None, None, None, None, None],
        [None, "b) Play area", None, None, None, None, None, None],
        ["G2", "How likely are you to come back?", "SCALE 1-6", "ALL", None, None, None, None],
        [None, "1 Not likely", "2", "3", "4", "5", "6 Very likely", None],
    ]:
        sheet.append(row)
    book.save(str(tmp_path / "park.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "park.xlsx")).survey)
    assert questions["G1"].type == "grid"
    assert [(o.code, o.label) for o in questions["G1"].options] == [
        ("1", "Poor"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Excellent"),
    ]
    assert [r.label for r in questions["G1"].rows] == ["Toilets", "Play area"]
    assert questions["G2"].type == "scale"
    assert [o.label for o in questions["G2"].options][::5] == ["Not likely", "Very likely"]


def test_a_battery_table_with_item_ids_and_codes_in_every_row_is_the_grid_above() -> None:
    document = docx.Document()
    document.add_paragraph("H2\tHow much do you trust each of these? READ OUT EACH ITEM")
    rows = [
        ["", "", "None at all", "", "Completely", "(Don't know)"],
        ["H2a", "the courts", "0", "1", "2", "8"],
        ["H2b", "the press", "0", "1", "2", "8"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("H3\tDid you vote at the last election?")
    document.add_paragraph("Yes\t1")
    document.add_paragraph("No\t2")
    stream = io.BytesIO()
    document.save(stream)
    questions = by_id(compile_document(read_document(stream.getvalue(), "b.docx")).survey)
    assert list(questions) == ["H2", "H3"]
    assert questions["H2"].type == "grid"
    assert [(o.code, o.label) for o in questions["H2"].options] == [
        ("0", "None at all"),
        ("1", "1"),
        ("2", "Completely"),
        ("8", "Don't know"),
    ]
    assert [r.label for r in questions["H2"].rows] == ["the courts", "the press"]


def test_a_piped_placeholder_is_not_what_an_open_question_asks_for() -> None:
    questions = by_id(
        compile_text(
            "K1. What is the biggest problem facing [country] today?\n"
            "____________________\n____________________\n"
        )
    )
    assert questions["K1"].type == "long_text"
