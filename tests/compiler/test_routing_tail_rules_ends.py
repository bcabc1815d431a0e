"""Routing tails in more verbs after an answer, and the same words as sentences (invented)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielder.compiler import compile_document
from fielder.compiler.options import strip_routing
from fielder.compiler.routing_tails import canonical_note, canonical_tail, skip_verbs
from fielder.documents import read_path


def _survey(tmp_path: Path, text: str) -> dict[str, dict]:
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    result = compile_document(read_path(path))
    return {
        str(q.id): q.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        for q in result.survey.questions()
    }


@pytest.mark.parametrize(
    ("line", "label", "target", "ends"),
    [
        ("Walk  pass to Q7", "Walk", "Q7", False),
        ("Walk\tmove on to question 7", "Walk", "7", False),
        ("Walk – pass on to Q7", "Walk", "Q7", False),
        ("Never  Thank and end", "Never", None, True),
        ("Never  thank them and close the call", "Never", None, True),
        ("Never  (end the interview politely)", "Never", None, True),
        ("Never  [close the survey]", "Never", None, True),
        ("Never → finish the questionnaire", "Never", None, True),
        # labels that merely hold the words stay whole
        ("Close to the city centre", "Close to the city centre", None, False),
        ("Pass the exam", "Pass the exam", None, False),
        ("I moved on to a new job", "I moved on to a new job", None, False),
        ("Thank you cards", "Thank you cards", None, False),
    ],
)
def test_answer_tails(line: str, label: str, target: str | None, ends: bool) -> None:
    assert strip_routing(line) == (label, target, ends)


def test_tail_form_is_required() -> None:
    assert canonical_tail("We close the survey") == "We close the survey"
    assert canonical_tail("Rarely  close the survey") == "Rarely  TERMINATE"
    assert canonical_note("pass to B4") == "go to B4"
    assert canonical_note("(thank and end)") == "TERMINATE"
    assert canonical_note("Close to home") == "Close to home"


def test_skip_verbs_need_a_place() -> None:
    assert skip_verbs("If No, pass to Q9.") == "If No, go to Q9."
    assert skip_verbs("Otherwise move on to section C") == "Otherwise go to section C"
    assert skip_verbs("Pass to a friend") == "Pass to a friend"


def test_routed_answers_in_a_document(tmp_path: Path) -> None:
    got = _survey(
        tmp_path,
        "A1. Do you own a bike?\n1. Yes\n2. No  pass to A3\n\n"
        "A2. How often do you ride it?\n1. Daily\n2. Weekly\n\n"
        "A3. May we contact you again?\n1. Yes\n2. No  Thank and end\n3. Close to it\n\n"
        "A4. Which do you prefer?\n1. Tea\n2. Coffee\n",
    )
    assert got["A1"]["skip_to"] == [{"if": "A1 == '2'", "to": "A3"}]
    assert got["A3"]["terminate_if"] == "A3 == '2'"
    assert [o["label"] for o in got["A3"]["options"]] == ["Yes", "No", "Close to it"]


def test_if_pass_to_sentence(tmp_path: Path) -> None:
    got = _survey(
        tmp_path,
        "A1. Do you own a bike?\n1. Yes\n2. No\nIf No, pass to A3.\n\n"
        "A2. How often do you ride it?\n1. Daily\n2. Weekly\n\n"
        "A3. Which do you prefer?\n1. Tea\n2. Coffee\n",
    )
    assert got["A1"]["skip_to"] == [{"if": "A1 == '2'", "to": "A3"}]


def test_number_screen_out_sentence_not_glued(tmp_path: Path) -> None:
    got = _survey(
        tmp_path,
        "B1. How many people work at your site? Please give your best estimate.\n"
        "(Enter a number)\nIf fewer than 20, thank and close.\n\n"
        "B2. Which do you prefer?\n1. Tea\n2. Coffee\n",
    )
    assert got["B1"]["text"] == "How many people work at your site? Please give your best estimate."
    assert got["B1"]["terminate_if"] == "B1 < 20"


def test_arrow_to_closing_screen(tmp_path: Path) -> None:
    body = (
        "C1. Have you visited the park?\n1. Yes\n2. No  -> END\n\n"
        "C2. What did you do there?\n1. Walk\n2. Play\n\n"
    )
    with_screen = _survey(tmp_path, body + "END. Thank you for your time.\n")
    assert with_screen["C1"]["skip_to"] == [{"if": "C1 == '2'", "to": "END"}]
    without = _survey(tmp_path, body)
    assert without["C1"]["terminate_if"] == "C1 == '2'"
