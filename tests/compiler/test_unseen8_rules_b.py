"""General conventions met in the document files of an eighth blind batch (a B2B CATI script
numbered by Word, an agency CAPI tracker, a survey tool's import sheet, a Google Docs web
page), one small case each, in invented words."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_document, read_path
from tests.compiler.conftest import by_id, compile_text


def _bold_tail(paragraph: docx.text.paragraph.Paragraph, text: str, tail: str) -> None:
    paragraph.add_run(text)
    paragraph.add_run(" " + tail).bold = True


def test_lettered_screener_then_questions_numbered_by_word(tmp_path: Path) -> None:
    document = docx.Document()
    screener = document.add_paragraph()
    screener.add_run("S1.").bold = True
    screener.add_run("\tDo you look after the fleet of vans at your firm?")
    document.add_paragraph("Yes\t1")
    document.add_paragraph("No\t2\tTHANK AND CLOSE")
    document.add_paragraph("S2.\tHow many vans does your firm run?")
    document.add_paragraph("PROGRAMMER: RANGE 1-500.")
    first = document.add_paragraph(style="List Number")
    _bold_tail(first, "Which fuel do most of your vans use?", "SINGLE CODE.")
    for code, label in enumerate(["Diesel", "Electric", "Petrol"], start=1):
        document.add_paragraph(f"{label}\t{code}")
    document.add_paragraph(
        "I will read out some kinds of upkeep. For each one, tell me who does it for you.",
        style="List Number",
    )
    document.add_paragraph("Tyres\t1")
    document.add_paragraph("Servicing\t2")
    third = document.add_paragraph(style="List Number")
    _bold_tail(third, "How happy are you with your main garage?", "SINGLE CODE.")
    document.add_paragraph("1 – Very unhappy\t1")
    for code in (2, 3, 4):
        document.add_paragraph(f"{code}\t{code}")
    document.add_paragraph("5 – Very happy\t5")
    document.add_paragraph("3a.\tWould you recommend that garage? SINGLE CODE.")
    document.add_paragraph("Yes\t1")
    document.add_paragraph("No\t2")
    document.add_paragraph("PROGRAMMER: ASK 3b IF 3a = 1. OTHERS GO TO Q4.")
    document.add_paragraph("3b.\tWhat share of your repairs go there? RECORD NUMBER (0-100%)")
    document.add_paragraph("Is there anything else about your vans to add?", style="List Number")
    document.save(str(tmp_path / "fleet.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "fleet.docx")).survey)
    assert list(questions) == ["S1", "S2", "Q1", "Q2", "Q3", "Q3a", "Q3b", "Q4"]
    assert questions["Q2"].text.startswith("I will read out some kinds of upkeep.")
    assert [o.label for o in questions["Q3"].options][::4] == ["Very unhappy", "Very happy"]
    assert questions["Q3b"].text == "What share of your repairs go there?"
    assert questions["Q3b"].display_if == "Q3a == '1'"


def test_numbered_answers_under_a_lettered_question_stay_answers() -> None:
    questions = by_id(
        compile_text(
            """
            S1. Which region are you in?
            1. North
            2. South
            3. East
            S2. Which sector are you in?
            1. Retail
            2. Farming
            """
        )
    )
    assert list(questions) == ["S1", "S2"]
    assert [o.label for o in questions["S1"].options] == ["North", "South", "East"]


def test_grid_columns_named_column_a_and_b_keep_their_words(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(
        "Q1. For each kind of ticket, do you buy it now and would you buy it next year?"
    )
    table = document.add_table(rows=3, cols=3)
    cells = [
        ("", "Column A: Buy now", "Column B: Would buy next year"),
        ("Season ticket", "1", "2"),
        ("Day pass", "1", "2"),
    ]
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph("Q2. Any other comments?")
    document.save(str(tmp_path / "tickets.docx"))
    grid = by_id(compile_document(read_path(tmp_path / "tickets.docx")).survey)["Q1"]
    assert grid.type == "grid"
    assert [o.label for o in grid.options] == ["Buy now", "Would buy next year"]


_GDOCS_STYLE = (
    '<style type="text/css">'
    '.lst-kix_z9-0>li:before{content:"" counter(lst-ctn-kix_z9-0,decimal) ". "}'
    '.lst-kix_z9-1>li:before{content:"" counter(lst-ctn-kix_z9-1,lower-latin) ") "}'
    ".c2{color:#ff0000}</style>"
)


def _gdocs_item(level: int, start: int, words: str) -> str:
    return (
        f'<ol class="c4 lst-kix_z9-{level} start" start="{start}">'
        f'<li class="c1"><span>{words}</span></li></ol>'
    )


def test_google_docs_flat_lists_keep_their_levels_and_comments_are_dropped() -> None:
    body = "".join(
        [
            '<p><span class="c7">S1. Do you own a bicycle?</span></p>',
            "<p><span>Yes (1)</span></p><p><span>No (2)</span></p>",
            '<p><span class="c2">CLOSE IF S1 DOES NOT INCLUDE CODE 1</span></p>',
            _gdocs_item(
                0,
                1,
                'Which brand is your bicycle?<sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup>',
            ),
            _gdocs_item(1, 1, "Brompton (1)"),
            _gdocs_item(1, 2, "Raleigh (2)"),
            _gdocs_item(1, 3, "Trek (3)"),
            _gdocs_item(0, 2, "How often do you ride it?"),
            _gdocs_item(1, 1, "Daily (1)"),
            _gdocs_item(1, 2, "Weekly (2)"),
            '<div><p><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Reviewer: add Giant?</span>'
            "</p></div>",
        ]
    )
    page = f"<html><head>{_GDOCS_STYLE}</head><body>{body}</body></html>"
    document = read_document(page.encode(), "bikes.html")
    assert [b.numbering for b in document.blocks if b.kind == "list_item"][:3] == ["1.", "a)", "b)"]
    questions = by_id(compile_document(document).survey)
    assert list(questions) == ["S1", "Q1", "Q2"]
    assert questions["Q1"].text == "Which brand is your bicycle?"
    assert [o.label for o in questions["Q1"].options] == ["Brompton", "Raleigh", "Trek"]
    assert [o.code for o in questions["Q2"].options] == ["1", "2"]
    # a screen-out denying a single's code keeps the denial as written (passes/screened_codes)
    assert questions["S1"].terminate_if == "not (S1 == '1')"
    assert "Reviewer" not in document.text


def _import_sheet(tmp_path: Path, rows: list[tuple[str, ...]]) -> dict[str, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Import"
    sheet.append(("Question ID", "Question text", "Type", "Options", "Logic"))
    for row in rows:
        sheet.append(row)
    book.save(str(tmp_path / "import.xlsx"))
    return by_id(compile_document(read_path(tmp_path / "import.xlsx")).survey)


def test_import_sheet_hide_logic_negations_page_breaks_and_number_limits(tmp_path: Path) -> None:
    questions = _import_sheet(
        tmp_path,
        [
            ("P1", "Which pets do you keep?", "Checkbox", "Dog\nCat\nFish\nNone", ""),
            ("P2", "Where do you live?", "Radio", "City\nTown\nVillage", ""),
            ("", "PAGE 2 – Your garden", "Page break", "", ""),
            (
                "P3",
                "How many walks a week?",
                "Number",
                "min 0\nmax 21",
                'Only if P1 includes "Dog"',
            ),
            ("P4", "Do you have a pond?", "Radio", "Yes\nNo", 'Hide if P2 is "City"'),
            ("P5", "Why no fish?", "Comment", "", 'Only if P1 does not include "Fish"'),
            ("P6", "Do you walk to work?", "Radio", "Yes\nNo", 'Only if P2 is not "Village"'),
        ],
    )
    walks = questions["P3"]
    assert walks.type == "number"  # type: ignore[attr-defined]
    assert walks.options == []  # type: ignore[attr-defined]
    assert (walks.validation.min, walks.validation.max) == (0, 21)  # type: ignore[attr-defined]
    assert questions["P4"].display_if == "not (P2 == '1')"  # type: ignore[attr-defined]
    assert questions["P5"].display_if == "not (P1 contains '3')"  # type: ignore[attr-defined]
    assert questions["P6"].display_if == "not (P2 == '3')"  # type: ignore[attr-defined]
    assert "PAGE 2" not in " ".join(o.label for o in questions["P2"].options)  # type: ignore[attr-defined]


def test_a_denied_condition_of_several_answers_stays_one_filter() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which of these do you own?  MULTI CODE
            Car\t1
            Bike\t2
            Scooter\t3
            Q2. Which do you use most?
            Car\t1
            Bike\t2
            HIDE IF Q1 = 1 OR 2
            Q3. Why none of these?
            """
        )
    )
    assert questions["Q3"].display_if == "not (Q1 contains '1' or Q1 contains '2')"


def _capi_question(document: docx.document.Document, label: str, words: str, tag: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(f"\t{words}\t")
    paragraph.add_run(tag).bold = True


def _answer_table(document: docx.document.Document, rows: list[tuple[str, str, str]]) -> None:
    table = document.add_table(rows=len(rows) + 1, cols=3)
    for column, head in enumerate(("", "Code", "Route")):
        table.cell(0, column).text = head
    for index, (label, code, route) in enumerate(rows, start=1):
        words, _, note = label.partition("|")
        cell = table.cell(index, 0).paragraphs[0]
        cell.add_run(words)
        if note:
            cell.add_run("  " + note).italic = True
        table.cell(index, 1).text, table.cell(index, 2).text = code, route


def test_capi_tracker_tags_bases_and_answer_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph().add_run("INTRODUCTION").bold = True
    document.add_paragraph("Hello, I am from a research agency and we are asking about tea.")
    _capi_question(document, "Q1.", "Which of these teas have you drunk this month?", "MULTICODE")
    _answer_table(
        document,
        [("Green", "1", ""), ("Black", "2", ""), ("Herbal", "3", ""), ("None", "4", "CLOSE")],
    )
    document.add_paragraph().add_run("BASE: ALL DRINKING TEA (CODES 1-3 AT Q1)").bold = True
    _capi_question(document, "Q2.", "Which of these brands have you bought?", "MULTICODE")
    _answer_table(
        document,
        [("Leafy", "1", ""), ("Brewster", "2", ""), ("Don't know|DO NOT READ OUT", "3", "")],
    )
    document.add_paragraph().add_run("BASE: ALL").bold = True
    _capi_question(document, "Q3.", "How likely are you to try a new brand?", "SINGLE CODE")
    points = [(str(n), str(n), "") for n in range(1, 10)]
    _answer_table(document, [("Not at all likely", "0", ""), *points, ("Certain", "10", "")])
    document.save(str(tmp_path / "tea.docx"))
    questions = by_id(compile_document(read_path(tmp_path / "tea.docx")).survey)
    assert list(questions) == ["INTRO", "Q1", "Q2", "Q3"]
    assert questions["Q1"].type == "multi"
    assert questions["Q1"].text == "Which of these teas have you drunk this month?"
    brands = questions["Q2"]
    assert brands.display_if == "Q1 contains '1' or Q1 contains '2' or Q1 contains '3'"
    assert [o.label for o in brands.options] == ["Leafy", "Brewster", "Don't know"]
    assert brands.options[-1].exclusive
    scale = questions["Q3"]
    assert scale.type == "scale"
    assert [o.code for o in scale.options] == [str(n) for n in range(11)]
    assert (scale.options[0].label, scale.options[-1].label) == ("Not at all likely", "Certain")
