"""A German agency workbook and a Dutch telephone script (unseen19, fix f19c), one small case
each, in invented words."""

from __future__ import annotations

import io

from fielder.compiler import compile_document
from fielder.compiler.glossary import to_english
from fielder.documents import read_document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text


def _workbook(rows: list[list[str]], log: list[list[str]] | None = None) -> dict[str, Question]:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Fragebogen"
    for row in rows:
        sheet.append(row)
    if log:
        changes = book.create_sheet("Änderungen")
        for row in log:
            changes.append(row)
    data = io.BytesIO()
    book.save(data)
    return by_id(compile_document(read_document(data.getvalue(), "umfrage.xlsx")).survey)


_HEAD = ["Nr.", "Frage / Antwortvorgaben", "Code", "Antworttyp", "Filter / Steuerung", "Hinweise"]


def test_german_column_headings_are_read_as_a_questionnaire_sheet() -> None:
    survey = _workbook(
        [
            _HEAD,
            [
                "A1",
                "Welche Zeitschriften lesen Sie regelmäßig?",
                "",
                "Mehrfachnennung",
                "",
                "9 exklusiv",
            ],
            ["", "Gartenblatt", "1"],
            ["", "Reisewelt", "2"],
            ["", "Eine andere, und zwar: ____", "8"],
            ["", "keine davon", "9"],
            ["A2", "Wie oft kaufen Sie Zeitschriften am Kiosk?", "", "Einfachnennung"],
            ["", "oft", "1"],
            ["", "selten", "2"],
            ["", "nie", "3"],
            [
                "A3",
                "Wie gefällt Ihnen das Titelbild?",
                "",
                "Einfachnennung",
                "(A1 = 1 ODER 2) UND NICHT A2 = 3",
            ],
            ["", "gut", "1"],
            ["", "schlecht", "2"],
        ],
        log=[["Version", "Datum", "Änderung"], ["0.2", "01.02.2025", "A3 neu"]],
    )
    assert [o.code for o in survey["A1"].options] == ["1", "2", "8", "9"]
    assert survey["A1"].type == "multi"
    assert survey["A3"].display_if == "(A1 contains '1' or A1 contains '2') and not (A2 == '3')"
    assert set(survey) == {"A1", "A2", "A3"}  # the change log is no question


def test_a_part_name_in_the_answers_column_is_no_answer() -> None:
    survey = _workbook(
        [
            _HEAD,
            ["B1", "Besitzen Sie ein Fahrrad?", "", "Einfachnennung"],
            ["", "ja", "1"],
            ["", "nein", "2"],
            ["", "DEMOGRAFIE"],
            ["B2", "Wie alt sind Sie?", "", "Zahl", "", "Bereich 16 – 1.000"],
        ]
    )
    assert [o.label for o in survey["B1"].options] == ["ja", "nein"]
    assert survey["B2"].type == "number"
    assert survey["B2"].validation is not None
    assert (survey["B2"].validation.min, survey["B2"].validation.max) == (16, 1000)


def test_german_sheet_notes_name_the_write_in_the_sum_and_the_number_format() -> None:
    survey = _workbook(
        [
            _HEAD,
            ["C1", "Wo kaufen Sie Brot?", "", "Einfachnennung", "", "7 mit offenem Textfeld"],
            ["", "Bäckerei", "1"],
            ["", "Supermarkt", "2"],
            ["", "Woanders", "7"],
            [
                "C2",
                "Verteilen Sie 50 Punkte auf diese Zutaten.",
                "",
                "Konstantsumme",
                "",
                "Summe muss genau 50 ergeben",
            ],
            ["", "Mehl", "1"],
            ["", "Salz", "2"],
            [
                "C3",
                "Wie viel geben Sie pro Woche für Brot aus (in Euro)?",
                "",
                "Zahl (2 Nachkommastellen)",
                "",
                "Bereich 0,50 – 80,00 €",
            ],
            ["C4", "Wie lautet Ihre Kundennummer?", "", "Text (6-stellig)"],
        ]
    )
    assert [o.specify for o in survey["C1"].options] == [False, False, True]
    assert survey["C2"].type == "constant_sum"
    assert survey["C2"].total == 50
    assert survey["C3"].validation is not None
    assert (survey["C3"].validation.min, survey["C3"].validation.max) == (0.5, 80)
    assert survey["C4"].type == "text"


def test_items_and_skala_blocks_in_a_sheet_make_a_grid() -> None:
    survey = _workbook(
        [
            _HEAD,
            ["D1", "Wie sehr stimmen Sie zu?", "", "Matrix (eine Antwort je Zeile)"],
            ["", "Items:"],
            ["", "a) Der Park ist sauber."],
            ["", "b) Der Park ist sicher."],
            ["", "Skala:"],
            ["", "stimme zu", "1"],
            ["", "stimme nicht zu", "2"],
        ]
    )
    assert survey["D1"].type == "grid"
    assert [r.label for r in survey["D1"].rows] == ["Der Park ist sauber.", "Der Park ist sicher."]
    assert [o.label for o in survey["D1"].options] == ["stimme zu", "stimme nicht zu"]


def test_continental_numbers_in_a_note_are_read_as_numbers() -> None:
    assert to_english("Bereich 2.500 – 1.200.000") == "RANGE 2500 – 1200000"
    assert to_english("Bereich 0,99 – 12,50") == "RANGE 0.99 – 12.50"
    # a date and a list of codes stay as written
    assert to_english("Zahl; Stand 11.03.2025; nur wenn A1 = 1,2") == (
        "NUMBER; Stand 11.03.2025; ONLY IF A1 = 1,2"
    )


_DUTCH = """
    V1\tHeeft u een moestuin?
    Ja\t1
    Nee\t2
    Ik woon in een flat\t3\t→ BEDANKEN EN STOPPEN
    V2\tWelke groenten kweekt u? (NIET VOORLEZEN – MAXIMAAL 2 ANTWOORDEN)
    Tomaten\t1
    Bonen\t2
    Anders, namelijk: …\t6
    Geen (EXCLUSIEF)\t7
    [VRAAG ALLEEN AAN WIE BIJ V2 DE TOMATEN (CODE 1) HEEFT GENOEMD]
    V3\tHoeveel tomatenplanten heeft u? [AANTAL: 1–40]
    [V4 T/M V5 NIET VRAGEN ALS V1 = 2 – DOORGAAN MET V6]
    V4\tSinds wanneer heeft u de tuin? [DD-MM-JJJJ]
    V5\tGebruikt u compost?
    Ja\t1
    Nee\t2
    V6\tWat is uw leeftijd?
    Jonger dan 40\t1
    40 of ouder\t2
"""


def test_dutch_routing_filters_and_formats() -> None:
    survey = by_id(compile_text(_DUTCH))
    assert survey["V1"].terminate_if == "V1 == '3'"
    assert survey["V2"].type == "multi"
    assert survey["V2"].validation is not None
    assert survey["V2"].validation.max_choices == 2
    by_code = {o.code: o for o in survey["V2"].options}
    assert by_code["6"].specify
    assert by_code["6"].label == "Anders, namelijk"
    assert by_code["7"].exclusive
    assert by_code["7"].label == "Geen"
    assert survey["V3"].display_if == "V2 contains '1'"
    assert survey["V3"].type == "number"
    assert survey["V4"].type == "date"
    for qid in ("V4", "V5"):
        assert survey[qid].display_if == "not (V1 == '2')", qid
    assert survey["V6"].display_if is None
