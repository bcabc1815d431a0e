"""'SKIP SECTION C' passes over the section: its questions are filtered, the rest asked."""

from __future__ import annotations

from pathlib import Path

from fielder.compiler.compile import compile_document
from fielder.documents import read_path
from fielder.ir.models import Question


def _compile(tmp_path: Path, text: str) -> dict[str, Question]:
    path = tmp_path / "orchard.txt"
    path.write_text(text, encoding="utf-8")
    survey = compile_document(read_path(path)).survey
    return {q.id: q for q in survey.questions()}


def test_a_section_skipped_further_on_filters_only_its_questions(tmp_path: Path) -> None:
    questions = _compile(
        tmp_path,
        "SECTION A - YOU\n\n"
        "A1. Do you grow apples?\n1. Yes\n2. No\n"
        "IF NO APPLES (A1 = 2), SKIP SECTION C\n\n"
        "SECTION B - PEARS\n\n"
        "B1. How many pear trees do you have?\nNUMBER, 0-50\n\n"
        "SECTION C - APPLES\n\n"
        "C1. Which apple varieties do you grow?\n1. Russet\n2. Pippin\n\n"
        "C2. How many apple trees do you have?\nNUMBER, 0-90\n\n"
        "SECTION D - ABOUT YOU\n\n"
        "D1. How long have you had your orchard?\n1. Under 5 years\n2. 5 years or more\n",
    )
    assert questions["A1"].skip_to == []
    assert questions["B1"].display_if is None
    assert questions["C1"].display_if == "not (A1 == '2')"
    assert questions["C2"].display_if == "not (A1 == '2')"
    assert questions["D1"].display_if is None


def test_a_skip_to_a_section_still_goes_there(tmp_path: Path) -> None:
    # (with a question between the skip and the next heading: a skip standing over the
    # heading filters the skipped section's questions instead, which says the same)
    questions = _compile(
        tmp_path,
        "SECTION A - YOU\n\n"
        "A1. Do you grow apples?\n1. Yes\n2. No\n"
        "IF NO APPLES (A1 = 2), SKIP TO SECTION C\n\n"
        "A2. Do you sell your fruit?\n1. Yes\n2. No\n\n"
        "SECTION B - APPLES\n\n"
        "B1. Which apple varieties do you grow?\n1. Russet\n2. Pippin\n\n"
        "SECTION C - ABOUT YOU\n\n"
        "C1. How long have you had your orchard?\n1. Under 5 years\n2. 5 years or more\n",
    )
    skips = questions["A1"].skip_to
    assert [(rule.if_, rule.to) for rule in skips] == [("A1 == '2'", "C1")]
