"""Routing written as a program (pseudo-code blocks, programmer's expressions) and in spec
tables, met in the unseen26 batch; one small case each, in invented words."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl

from fielder.compiler import compile_document
from fielder.documents import read_path
from tests.compiler.conftest import by_id, compile_text

_PETS = """
**K1.** Do you keep any pets?

- (1) Yes, a dog
- (2) Yes, a cat
- (3) Yes, something else
- (4) No pets

{logic}

**K2.** How many walks a day does your dog get?

*Number, 0–9.*

**K3.** How old is your oldest pet?

- (1) Under 2
- (2) 2 to 9
- (3) 10 or over

**K4.** Which of these do you buy? *(multi)*

- (1) Food
- (2) Toys
- (3) Insurance
- (4) None of these

**K5.** How happy are you with your vet?

- (1) Happy
- (2) Unhappy
"""


def _pets(logic: str) -> dict:
    return by_id(compile_text(_PETS.replace("{logic}", logic), "pets.md"))


def test_a_block_if_then_terminate_endif_screens_out() -> None:
    questions = _pets("```logic\nIF K1 = 4 THEN\n  TERMINATE   /* no pets */\nENDIF\n```")
    assert questions["K1"].terminate_if == "K1 == '4'"


def test_a_python_style_if_with_its_action_on_the_next_line() -> None:
    questions = _pets("```logic\nif K1 == 4:\n    terminate()   # no pets\n```")
    assert questions["K1"].terminate_if == "K1 == '4'"


def test_ask_list_and_nested_if_filter_each_named_question() -> None:
    questions = _pets(
        "```logic\nIF K1 IN (1,2) THEN\n  ASK K2, K3\n  IF K3 <> 1 THEN\n    ASK K4\n  ENDIF\n"
        "ELSE\n  GOTO K5\nENDIF\n```"
    )
    assert questions["K2"].display_if == "K1 in ['1','2']"
    assert questions["K3"].display_if == "K1 in ['1','2']"
    assert questions["K4"].display_if == "K1 in ['1','2'] and not (K3 == '1')"
    assert questions["K1"].skip_to == []  # the ELSE GOTO only restates the filter


def test_an_ask_range_covers_every_question_between() -> None:
    questions = _pets("```logic\nIF K1 = 1 OR K1 = 2 THEN\n  ASK K2-K4\nENDIF\n```")
    for qid in ("K2", "K3", "K4"):
        assert questions[qid].display_if == "K1 in ['1','2']"
    assert questions["K5"].display_if is None


def test_if_elif_goto_chain_folds_in_the_failed_branches() -> None:
    questions = _pets("```logic\nif K1 == 4:\n    goto K5\nelif not K1 == 1:\n    goto K3\n```")
    rules = {s.to: s.if_ for s in questions["K1"].skip_to}
    assert rules["K5"] == "K1 == '4'"
    assert rules["K3"] == "not (K1 == '4') and not (K1 == '1')"


def test_a_base_over_a_range_and_a_show_if_inside_it_are_joined() -> None:
    text = (
        _PETS.replace("{logic}", "")
        .replace(
            "**K4.**",
            "```logic\nBASE K4..K5 := K1 ∈ {1,2,3}   # pet owners\n```\n\n**K4.**",
        )
        .replace("**K5.**", "```logic\nSHOW K5 IF K4 contains 3\n```\n\n**K5.**")
    )
    questions = by_id(compile_text(text, "pets.md"))
    assert questions["K4"].display_if == "K1 in ['1','2','3']"
    # the run's base and the question's own filter, joined as the compiler joins two filters
    assert questions["K5"].display_if == "(K1 in ['1','2','3']) and (K4 contains '3')"


def test_programmer_symbols_in_a_condition() -> None:
    questions = _pets("```logic\nIF (K1 IN (1,2)) AND K1 != 3: SHOW K2\n```")
    assert questions["K2"].display_if == "K1 in ['1','2'] and not (K1 == '3')"


def test_set_symbols_on_a_multi() -> None:
    text = _PETS.replace("{logic}", "").replace(
        "**K5.**", "```logic\nSHOW K5 IF K4∌4 ∧ (K4∋1 ∨ K4∋2)\n```\n\n**K5.**"
    )
    questions = by_id(compile_text(text, "pets.md"))
    assert questions["K5"].display_if == (
        "not (K4 contains '4') and (K4 contains '1' or K4 contains '2')"
    )


def test_status_column_term_and_a_third_notes_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Id", "Text", "Code", "Type", "Base", "Routing", "Status", "Spec"])
    sheet.append(["H1", "Do you own a bicycle?", None, "Single", "All", None, None, None])
    sheet.append([None, "Yes", 1, None, None, None, None, None])
    sheet.append([None, "No", 2, None, None, None, "TERM", None])
    sheet.append([None, "Not sure", 3, None, None, None, "TERM IF QUOTA FULL", None])
    sheet.append(["H2", "How many do you own?", None, "Numeric", None, None, None, "RANGE 1-12"])
    sheet.append(["H3", "Which brand is it?", None, "Single", "H2 > 0", None, None, None])
    sheet.append([None, "Brand A", 1, None, None, None, None, None])
    sheet.append([None, "Brand B", 2, None, None, None, None, None])
    book.save(str(tmp_path / "bikes.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "bikes.xlsx")).survey)
    assert questions["H1"].terminate_if == "H1 == '2'"
    validation = questions["H2"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (1, 12)


def test_an_arrow_after_a_compound_test_in_a_routing_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Id", "Text", "Code", "Type", "Routing"])
    sheet.append(["H1", "Did you ride today?", None, "Single", "H1=2 OR H1=3 → H3"])
    sheet.append([None, "Yes", 1, None, None])
    sheet.append([None, "No", 2, None, None])
    sheet.append([None, "Can't remember", 3, None, None])
    sheet.append(["H2", "How far did you ride?", None, "Open", None])
    sheet.append(["H3", "Any comments?", None, "Open", None])
    book.save(str(tmp_path / "rides.xlsx"))
    questions = by_id(compile_document(read_path(tmp_path / "rides.xlsx")).survey)
    assert [(s.if_, s.to) for s in questions["H1"].skip_to] == [("H1 in ['2','3']", "H3")]


def _doc_with_routing_appendix(tmp_path: Path) -> Path:
    document = docx.Document()
    for label, text, answers in (
        ("M1.", "Do you rent or own your flat?", ["Rent", "Own"]),
        ("M2.", "Who is your landlord?", ["Council", "Private"]),
        ("M3.", "How long have you lived there?", ["Under a year", "Longer"]),
    ):
        document.add_paragraph(f"{label} {text}").runs[0].bold = True
        for code, answer in enumerate(answers, 1):
            document.add_paragraph(f"{code}\t{answer}")
    document.add_paragraph("END").runs[0].bold = True
    document.add_paragraph("Thanks, that is all.")
    document.add_heading("APPENDIX – ROUTING TABLE", level=1)
    document.add_paragraph("Each rule is checked after the question in the first column.")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(
        table.rows,
        [
            ("From", "Condition", "Go to", "Comment"),
            ("M1", "M1 = 2", "M3", "owners have no landlord"),
            ("M3", "M3 = 1", "END", "newcomers stop here"),
        ],
        strict=True,
    ):
        for cell, words in zip(row.cells, cells, strict=True):
            cell.text = words
    path = tmp_path / "flats.docx"
    document.save(str(path))
    return path


def test_a_routing_table_with_a_comment_column_and_bare_targets(tmp_path: Path) -> None:
    questions = by_id(compile_document(read_path(_doc_with_routing_appendix(tmp_path))).survey)
    assert [(s.if_, s.to) for s in questions["M1"].skip_to] == [("M1 == '2'", "M3")]
    assert [s.to for s in questions["M3"].skip_to] == ["END"]
    assert questions["END"].text == "Thanks, that is all."


def test_a_base_line_naming_a_run_with_its_test_in_brackets() -> None:
    text = _PETS.replace("{logic}", "").replace(
        "**K3.**", "*Base for K3–K4: people with a dog or a cat (K1 ≠ 3)*\n\n**K3.**"
    )
    questions = by_id(compile_text(text, "pets.md"))
    assert questions["K3"].display_if == "not (K1 == '3')"
    assert questions["K4"].display_if == "not (K1 == '3')"
    assert questions["K5"].display_if is None


def test_whole_units_of_money_give_a_range() -> None:
    text = _PETS.replace("{logic}", "").replace("*Number, 0–9.*", "*Whole pounds, 2–40.*")
    questions = by_id(compile_text(text, "pets.md"))
    validation = questions["K2"].validation
    assert validation is not None
    assert (validation.min, validation.max) == (2, 40)
