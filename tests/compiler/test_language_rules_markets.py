"""Questionnaires written for several languages at once (markets): a translation workbook's
source column, its interface rows, grid rows named after the grid and screen-out page; a
bilingual questionnaire set side by side in a two-column table. Invented wording."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.source_columns import source_column
from fielder.documents.model import Block, Cell, Document
from tests.compiler.conftest import by_id

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _table(rows: list[tuple[str, ...]], style: str | None = None) -> Block:
    return Block(
        kind="table",
        text="",
        style=style,
        rows=tuple(tuple(Cell(text=c) for c in row) for row in rows),
    )


def _compile(blocks: list[Block], media_type: str = _XLSX) -> dict:
    document = Document(name="w.xlsx", media_type=media_type, blocks=blocks)
    return by_id(compile_document(document).survey)


_HEAD = ("ID", "Type", "Code", "Source (en-US)", "de-DE", "nl-NL", "Scripting notes")


def test_the_source_language_column_holds_the_questions_and_answers() -> None:
    assert source_column(_HEAD, {"id": 0, "type": 1}) == 3
    assert source_column(("Q", "Question", "fr-FR", "de-DE"), {"text": 1}) is None
    assert source_column(("Q", "Words", "fr-FR"), {}) is None  # one tag is no workbook
    survey = _compile(
        [
            _table(
                [
                    _HEAD,
                    (
                        "H1",
                        "SINGLE",
                        "",
                        "Do you own a tent?",
                        "Besitzen Sie ein Zelt?",
                        "Heeft u een tent?",
                        "",
                    ),
                    ("", "", "1", "Yes", "Ja", "Ja", ""),
                    ("", "", "2", "No", "Nein", "Nee", ""),
                    (
                        "H2",
                        "SINGLE",
                        "",
                        "How often do you camp?",
                        "Wie oft?",
                        "Hoe vaak?",
                        "Show if H1 = 1",
                    ),
                    ("", "", "1", "Every month", "Jeden Monat", "Elke maand", ""),
                    ("", "", "2", "Less often", "Seltener", "Minder vaak", ""),
                ]
            )
        ]
    )
    assert survey["H1"].text == "Do you own a tent?"
    assert [(o.code, o.label) for o in survey["H2"].options or []] == [
        ("1", "Every month"),
        ("2", "Less often"),
    ]
    assert survey["H2"].display_if == "H1 == '1'"


def test_interface_rows_screen_out_pages_and_named_grid_rows_are_not_questions() -> None:
    survey = _compile(
        [
            _table(
                [
                    _HEAD,
                    ("NEXT_BTN", "UI", "", "Continue", "Weiter", "Verder", ""),
                    (
                        "H1",
                        "GRID",
                        "",
                        "How do you rate each site?",
                        "Wie bewerten Sie?",
                        "Hoe?",
                        "",
                    ),
                    ("H1_r1", "", "", "The lakeside site", "Am See", "Aan het meer", ""),
                    ("H1_r2", "", "", "The forest site", "Im Wald", "In het bos", ""),
                    ("H1_c", "", "1", "Poor", "Schlecht", "Slecht", ""),
                    ("H1_c", "", "2", "Good", "Gut", "Goed", ""),
                    (
                        "H2",
                        "NUMBER",
                        "",
                        "How many nights did you stay?",
                        "Wie viele?",
                        "Hoeveel?",
                        "Numeric 1-30",
                    ),
                    ("H2_ERR", "UI", "", "Enter 1 to 30.", "1 bis 30.", "1 tot 30.", ""),
                    (
                        "SO",
                        "INFO",
                        "",
                        "Sorry, you do not qualify.",
                        "Leider nicht.",
                        "Helaas.",
                        "Screen-out page",
                    ),
                ]
            )
        ]
    )
    assert set(survey) == {"H1", "H2"}
    assert survey["H1"].type == "grid"
    assert [r.label for r in survey["H1"].rows or []] == ["The lakeside site", "The forest site"]
    assert [o.label for o in survey["H1"].options or []] == ["Poor", "Good"]


def test_a_query_log_sheet_is_not_questions() -> None:
    log = _table(
        [
            ("#", "Item", "Query", "Answer", "Status"),
            ("1", "H2", "Keep the unit?", "Yes", "Closed"),
        ],
        style="Query log",
    )
    main = _table([_HEAD, ("H9", "OPEN", "", "Any comments?", "Kommentare?", "Opmerkingen?", "")])
    assert set(_compile([main, log])) == {"H9"}


def test_a_side_by_side_bilingual_table_is_read_in_its_source_column() -> None:
    rows = [
        ("ENGLISH", "DEUTSCH"),
        (
            "K1. Do you cycle to work?\n1 – Yes\n2 – No",
            "K1. Fahren Sie mit dem Rad?\n1 – Ja\n2 – Nein",
        ),
        ("K2. How far is it, in km?\n____ km", "K2. Wie weit ist es?\n____ km"),
        (
            "K3. Do you wear a helmet?\n1 – Always\n2 – Never",
            "K3. Tragen Sie einen Helm?\n1 – Immer\n2 – Nie",
        ),
    ]
    survey = _compile([_table(rows)], _DOCX)
    assert set(survey) == {"K1", "K2", "K3"}
    assert [o.label for o in survey["K3"].options or []] == ["Always", "Never"]


def test_the_source_column_is_kept_where_the_heading_names_it() -> None:
    rows = [
        ("Deutsch", "English (source)"),
        ("1. Fahren Sie Rad?\nJa\nNein", "1. Do you cycle?\nYes\nNo"),
        ("2. Haben Sie ein Auto?\nJa\nNein", "2. Do you have a car?\nYes\nNo"),
        ("3. Haben Sie einen Hund?\nJa\nNein", "3. Do you have a dog?\nYes\nNo"),
    ]
    survey = _compile([_table(rows)], _DOCX)
    texts = sorted(q.text for q in survey.values())
    assert texts == ["Do you cycle?", "Do you have a car?", "Do you have a dog?"]
