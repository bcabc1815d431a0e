"""Question ids and words read in more house styles (ids): a print view's table per question
(`3) | Which …?` over answer rows), a sheet's id column found by its cells whatever its heading
("Tag", "Question name", "Field name"), a data dictionary's `Variable | Label | Values`, Word spec
cards (`Question ID | A4` rows, or the id and type over the question and coded rows), starred
script headers (`*QUESTION 10 *CODES 61L1 *MULTI`), ids in lower case (`q3`), an HTML table's
caption, an id span glued to the words, keyed fields (`Question ID: …` / `Wording: …`); and the
robustness_ids folder, every file in a different house style, read whole. Invented wording."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from bench.accuracy import figures, score_file

from fielder.compiler import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "robustness_ids"


def _html(body: str) -> dict[str, Question]:
    return by_id(compile_text(f"<html><body>{body}</body></html>", "q.html"))


def _sheet(path: Path, head: list[str], rows: list[list[object]]) -> dict[str, Question]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(head)
    for row in rows:
        sheet.append(row)
    book.save(str(path))
    return by_id(compile_document(read_path(path)).survey)


def _texts(survey: dict[str, Question]) -> dict[str, str]:
    return {qid: q.text for qid, q in survey.items()}


def test_a_print_views_table_per_question_is_read() -> None:
    survey = _html(
        "<table><tr><td>1)</td><td>Which ferry did you take this morning?</td></tr>"
        "<tr><td></td><td>&#9675; The early crossing</td></tr>"
        "<tr><td></td><td>&#9675; The midday crossing</td></tr></table>"
        "<table><tr><td>2)</td><td>How would you rate the crossing overall?</td></tr>"
        "<tr><td></td><td>&#9675; Good</td></tr><tr><td></td><td>&#9675; Poor</td></tr></table>"
    )
    assert _texts(survey) == {
        "Q1": "Which ferry did you take this morning?",
        "Q2": "How would you rate the crossing overall?",
    }
    assert [o.label for o in survey["Q1"].options] == ["The early crossing", "The midday crossing"]


def test_a_sheets_id_column_is_found_by_its_cells(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["FR1", "Which ferry did you take this morning?", "1 Early\n2 Midday"],
        ["FR2", "How would you rate the crossing overall?", "1 Good\n2 Poor"],
        ["FR3", "What could the crew do better?", None],
    ]
    for head in ("Tag", "Question name", "Slide"):
        survey = _sheet(tmp_path / "ferry.xlsx", [head, "Question text", "Answer options"], rows)
        assert list(survey) == ["FR1", "FR2", "FR3"], head
        assert survey["FR3"].text == "What could the crew do better?"


def test_variable_names_in_lower_case_are_an_id_column(tmp_path: Path) -> None:
    survey = _sheet(
        tmp_path / "ferry.xlsx",
        ["Field name", "Question text", "Choices"],
        [
            ["crossing", "Which ferry did you take this morning?", "1 Early\n2 Midday"],
            ["crossing_rating", "How would you rate the crossing overall?", "1 Good\n2 Poor"],
        ],
    )
    assert list(survey) == ["crossing", "crossing_rating"]


def test_a_data_dictionarys_variable_label_is_the_question(tmp_path: Path) -> None:
    survey = _sheet(
        tmp_path / "dict.xlsx",
        ["Variable", "Label", "Values"],
        [
            ["ferry", "Which ferry did you take this morning?", "1=Early | 2=Midday"],
            ["rating", "How would you rate the crossing overall?", "1=Good | 2=Poor"],
        ],
    )
    assert _texts(survey)["rating"] == "How would you rate the crossing overall?"
    assert [o.label for o in survey["ferry"].options] == ["Early", "Midday"]


def _card_document(path: Path, cards: list[list[tuple[str, str]]]) -> dict[str, Question]:
    document = docx.Document()
    for card in cards:
        table = document.add_table(rows=len(card), cols=2)
        for row, (left, right) in zip(table.rows, card, strict=True):
            row.cells[0].text = left
            row.cells[1].text = right
        document.add_paragraph("")
    document.save(str(path))
    return by_id(compile_document(read_path(path)).survey)


def test_word_spec_cards_of_field_rows_are_read_one_question_each(tmp_path: Path) -> None:
    survey = _card_document(
        tmp_path / "cards.docx",
        [
            [("Question ID", "FE1"), ("Question text", "Which ferry did you take?")]
            + [("Answers", "1 = Early\n2 = Midday"), ("Instructions", "Single code")],
            [("Question ID", "FE2"), ("Question text", "Why did you choose it?")]
            + [("Answers", "Open text box"), ("Instructions", "Open end")],
        ],
    )
    assert _texts(survey) == {"FE1": "Which ferry did you take?", "FE2": "Why did you choose it?"}


def test_a_card_with_the_id_and_type_over_the_question_and_coded_rows(tmp_path: Path) -> None:
    survey = _card_document(
        tmp_path / "cards.docx",
        [
            [("FE1", "MULTI"), ("Which decks did you visit today?", "")]
            + [("1", "Upper deck"), ("2", "Car deck")],
            [("FE2", "OPEN"), ("What could the crew do better?", "")],
        ],
    )
    assert survey["FE1"].type == "multi"
    assert [o.label for o in survey["FE1"].options] == ["Upper deck", "Car deck"]
    assert survey["FE2"].text == "What could the crew do better?"


def test_starred_script_headers_name_the_question_under_them() -> None:
    survey = by_id(
        compile_text(
            """
            *QUESTION 21 *CODES 80L1
            Which ferry did you take this morning?
            1: Early
            2: Midday
            *QUESTION 22 *CODES 81L2 *MULTI
            Which decks did you visit?
            1: Upper deck
            2: Car deck
            """
        )
    )
    assert list(survey) == ["Q21", "Q22"]
    assert survey["Q21"].type == "single"
    assert survey["Q22"].type == "multi"


def test_lower_case_q_ids_are_labels() -> None:
    survey = by_id(
        compile_text(
            """
            q7 Which ferry did you take this morning?
              1 Early
              2 Midday

            q8b
            How would you rate the crossing overall?
              1 Good
              2 Poor
            """
        )
    )
    assert _texts(survey) == {
        "q7": "Which ferry did you take this morning?",
        "q8b": "How would you rate the crossing overall?",
    }


def test_an_html_tables_caption_is_its_question() -> None:
    survey = _html(
        "<table><caption>FC2. How would you rate the crossing overall?</caption>"
        "<tr><td>1</td><td>Good</td></tr><tr><td>2</td><td>Poor</td></tr></table>"
    )
    assert survey["FC2"].text == "How would you rate the crossing overall?"


def test_an_id_span_glued_to_the_words_stands_apart() -> None:
    survey = _html(
        "<div><span class='n'>FS4</span><span class='t'>Which ferry did you take?</span>"
        "<ul><li>Early</li><li>Midday</li></ul></div>"
    )
    assert _texts(survey) == {"FS4": "Which ferry did you take?"}


def test_keyed_fields_are_read_as_a_card() -> None:
    survey = by_id(
        compile_text(
            """
            Question ID: FK1
            Type: Single
            Wording: Which ferry did you take this morning?
            Answer options:
              1. Early
              2. Midday

            Question ID: FK2
            Wording: What could the crew do better?
            """
        )
    )
    assert _texts(survey) == {
        "FK1": "Which ferry did you take this morning?",
        "FK2": "What could the crew do better?",
    }
    assert [o.label for o in survey["FK1"].options] == ["Early", "Midday"]


def test_a_question_line_is_no_keyed_id() -> None:
    survey = by_id(compile_text("Question: How often do you take the ferry?\n1 Daily\n2 Weekly"))
    assert [q.text for q in survey.values()] == ["How often do you take the ferry?"]


def test_every_house_style_in_robustness_ids_keeps_its_ids_and_words() -> None:
    keys = ("gold", "predicted", "matched", "type_ok", "details_ok", "options_total")
    counts = dict.fromkeys(keys + ("options_ok", "logic_total", "logic_ok"), 0)
    missed = []
    for gold in sorted(FIXTURES.glob("*.gold.json")):
        result = score_file(gold)
        missed += [f"{gold.name}: {m}" for m in result["misses"] if "not found" in m]
        for key in counts:
            counts[key] += result[key]
    assert not missed
    assert figures(counts)["f1"] == 1.0


def test_a_data_maps_short_labels_are_no_questions(tmp_path: Path) -> None:
    survey = _sheet(
        tmp_path / "map.xlsx",
        ["Variable", "Label", "Values"],
        [["AGE", "Age", "16-99"], ["SHOPS_1", "Shops used", "0/1"], ["WT", "Weight", ""]],
    )
    assert not [q for q in survey.values() if q.id in ("AGE", "SHOPS_1", "WT")]
