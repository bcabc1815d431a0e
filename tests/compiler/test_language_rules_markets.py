"""Questionnaires written for several languages at once (markets): a translation workbook's
source column, its interface rows, grid rows named after the grid and screen-out page; a
bilingual questionnaire set side by side in a two-column table. Invented wording."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.source_columns import source_column
from fielder.documents.model import Block, Cell, Document
from tests.compiler.conftest import by_id, compile_text

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


def test_answers_printed_in_every_language_keep_the_source_words() -> None:
    survey = by_id(
        compile_text(
            "H1. Do you keep goats?\n"
            "DE: Halten Sie Ziegen?\n"
            "NL: Houdt u geiten?\n"
            "1 Yes / Ja / Ja\n"
            "2 No / Nein / Nee → go to H3\n"
            "H2. How do you sell the milk?\n"
            "DE: Wie verkaufen Sie die Milch?\n"
            "NL: Hoe verkoopt u de melk?\n"
            "1 At market / Auf dem Markt / Op de markt\n"
            "2 To a dairy / An eine Molkerei / Aan een zuivel "
            "3 Not sold / Nicht verkauft / Niet verkocht\n"
            "96 Other (specify) / Andere (angeben) / Anders (specificeren): ________\n"
            "H3. How old are you?\n"
            "DE: Wie alt sind Sie?\n"
            "NL: Hoe oud bent u?\n"
            "|__|__| years\n"
        )
    )
    assert [(o.code, o.label) for o in survey["H1"].options or []] == [("1", "Yes"), ("2", "No")]
    assert survey["H1"].skip_to
    assert survey["H1"].skip_to[0].to == "H3"
    labels = [(o.code, o.label) for o in survey["H2"].options or []]
    assert labels[:3] == [("1", "At market"), ("2", "To a dairy"), ("3", "Not sold")]
    assert labels[3][0] == "96"
    assert labels[3][1].startswith("Other")


def test_an_english_answer_with_a_slash_is_kept_whole() -> None:
    survey = by_id(
        compile_text(
            "Q1. How did you pay?\n1 Cash / cheque\n2 Card\n3 Phone / watch\nQ2. Why?\n________\n"
        )
    )
    assert [o.label for o in survey["Q1"].options or []] == [
        "Cash / cheque",
        "Card",
        "Phone / watch",
    ]


def test_boxes_printed_above_their_question_are_its_own() -> None:
    survey = by_id(
        compile_text(
            "► INTERVIEWER: READ OUT\n"
            "K1. Do you own a boat?\n1 Yes\n2 No\n"
            "► If 2, go to K3.\n"
            "► MULTI CODE ALLOWED. PROBE FULLY.\n"
            "K2. Which boats do you own?\n1 Canoe\n2 Dinghy\n3 Yacht\n"
            "► Ask only if K1 = 1.\n"
            "K3. How often do you sail?\n1 Weekly\n2 Monthly\n"
        )
    )
    assert survey["K1"].type == "single"
    assert survey["K2"].type == "multi"


def test_market_tick_columns_are_a_filter_on_the_country_question() -> None:
    rows = [
        ("Var", "Question / answers", "Code", "FI", "NO", "DK", "IS", "Base / filter", "Notes"),
        ("R1", "Where do you live?", "", "x", "x", "x", "x", "All", "Single"),
        ("", "Finland", "1", "", "", "", "", "", ""),
        ("", "Norway", "2", "", "", "", "", "", ""),
        ("", "Denmark", "3", "", "", "", "", "", ""),
        ("", "Iceland", "4", "", "", "", "", "", ""),
        ("", "Elsewhere", "5", "", "", "", "", "", ""),
        ("R2", "Do you own a sauna?", "", "x", "x", "x", "x", "All", "Single"),
        ("", "Yes", "1", "", "", "", "", "", ""),
        ("", "No", "2", "", "", "", "", "", ""),
        ("R3", "How often do you use it?", "", "x", "", "x", "", "Sauna owners (R2 = 1)", "Single"),
        ("", "Daily", "1", "", "", "", "", "", ""),
        ("", "Weekly", "2", "", "", "", "", "", ""),
        ("R4", "How much did it cost?", "", "", "x", "", "", "All", "Number 0-9000"),
    ]
    survey = _compile([_table(rows)])
    assert survey["R2"].display_if is None
    assert survey["R3"].display_if == "(R1 in ['1','3']) and (R2 == '1')"
    assert survey["R4"].display_if == "R1 == '2'"
    assert survey["R4"].type == "number"


def test_market_tags_over_a_question_name_the_fact_sheets_markets() -> None:
    survey = by_id(
        compile_text(
            "Countries: IT, PT, GR, MT\n"
            "C1. Which country do you live in?\n"
            "01 Italy\n02 Portugal\n03 Greece\n04 Malta\n05 Other\n"
            "[GR ONLY]\n"
            "C2. Do you drink ouzo?\n1 Yes\n2 No\n"
            "[ALL MARKETS EXCEPT IT AND PT]\n"
            "C3. Do you visit islands?\n1 Yes\n2 No\n"
            "[IT/MT ONLY]\n"
            "C4. Do you ride a scooter?\n1 Yes\n2 No\n"
        )
    )
    assert survey["C2"].display_if == "C1 == '03'"
    assert survey["C3"].display_if == "not (C1 in ['01','02'])"
    assert survey["C4"].display_if == "C1 in ['01','04']"


def test_a_white_bar_ends_the_block_its_filter_covers() -> None:
    from fielder.documents.model import Run

    def para(text: str, color: str | None = None, bold: bool = False) -> Block:
        return Block(kind="paragraph", text=text, runs=(Run(text=text, color=color, bold=bold),))

    blocks = [
        para("T1 Do you lead a team?"),
        para("Yes [1]"),
        para("No [2]"),
        para("R1 Which region are you in?"),
        para("North [1]"),
        para("South [2]"),
        para("Block: Team leads (T2–T3)", "#FFFFFF", True),
        para("Logic: whole block only if T1 = Yes [1]. Everyone else continues below.", "#1A5E20"),
        para("T2 Do you run weekly meetings?"),
        para("Yes [1]"),
        para("No [2]"),
        para("T3 Do you write reviews?"),
        para("Yes [1]"),
        para("No [2]"),
        para("Regional block – North (N1–N2)", "#FFFFFF", True),
        para("Logic: R1 = North [1].", "#1A5E20"),
        para("N1 Do you use the northern office?"),
        para("Yes [1]"),
        para("No [2]"),
        para("N2 Do you use the northern canteen?"),
        para("Yes [1]"),
        para("No [2]"),
    ]
    survey = _compile(blocks, _DOCX)
    assert survey["T3"].display_if == "T1 == '1'"
    assert survey["N2"].display_if == "R1 == '1'"


def test_a_filter_cell_saying_what_it_replaces_keeps_its_test() -> None:
    rows = [
        ("ID", "Type", "Code", "Source text (en-GB)", "fr-FR", "de-DE", "Programming notes"),
        ("P1", "SINGLE", "", "Where do you live?", "Où?", "Wo?", ""),
        ("", "", "1", "North", "Nord", "Nord", ""),
        ("", "", "2", "South", "Sud", "Süd", ""),
        ("P2", "OPEN", "", "Why do you like the north?", "Pourquoi?", "Warum?", "Show if P1 = 1"),
        (
            "P3",
            "OPEN",
            "",
            "Why do you like the south?",
            "Pourquoi?",
            "Warum?",
            "South only (P1 = 2) – asked instead of P2",
        ),
    ]
    survey = _compile([_table(rows)])
    assert survey["P3"].display_if == "P1 == '2'"
