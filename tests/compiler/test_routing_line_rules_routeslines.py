"""Per-item base lines, whole-section heads, branch pairs, coded jumps (invented wording)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fielder.compiler import compile_document
from fielder.compiler.code_notes import rewrite_code_notes
from fielder.compiler.conditions import _normalise
from fielder.compiler.instructions import interpret
from fielder.compiler.section_bases import only_if_tail
from fielder.documents import read_path

_HEAD = """P1. Which pet do you keep?
1. A cat
2. A dog
3. A rabbit
4. None

"""


def _survey(tmp_path: Path, text: str) -> dict[str, dict[str, Any]]:
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    result = compile_document(read_path(path))
    return {
        str(q.id): q.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        for q in result.survey.questions()
    }


def _tail(base: str) -> str:
    return (
        _HEAD
        + base
        + """
P2. How old is your pet?
(Enter a number)

P3. What is its name?
(Write in: ________)

P4. How often do you walk it?
1. Daily
2. Weekly

P5. Anything else?
(Please write in your answer below)
"""
    )


def test_who_line_is_the_next_questions_filter_only(tmp_path: Path) -> None:
    got = _survey(tmp_path, _tail("Who: those with P1 = 1 or 2\n"))
    assert got["P2"]["display_if"] == "P1 in ['1','2']"
    # a spec's base line over one item is no banner over the questions below it
    assert "display_if" not in got["P3"]
    assert "display_if" not in got["P5"]


def test_universe_line_is_one_items_base(tmp_path: Path) -> None:
    got = _survey(tmp_path, _tail("Universe: P1 = 2\n"))
    assert got["P2"]["display_if"] == "P1 == '2'"
    assert "display_if" not in got["P3"]


def test_who_line_naming_a_run_stays_a_run(tmp_path: Path) -> None:
    got = _survey(tmp_path, _tail("Who: P2 to P4 are for those with P1 = 1 (cats).\n"))
    assert all(got[q].get("display_if") == "P1 == '1'" for q in ("P2", "P3", "P4"))
    assert "display_if" not in got["P5"]


def test_who_caption_without_a_question_is_no_filter(tmp_path: Path) -> None:
    got = _survey(tmp_path, _tail("Who: the person who feeds it most\n"))
    assert "display_if" not in got["P2"]


def test_whole_section_head() -> None:
    assert only_if_tail("SECTION B – WHOLE SECTION: ASK IF Q2 = 4") == "ASK IF Q2 = 4"
    assert only_if_tail("Section D – ask if D1 = 2 or 3") == "ASK IF D1 = 2 or 3"
    # a heading that merely holds the words
    assert only_if_tail("SECTION B – WHAT WE ASK OF YOU") == ""


def test_whole_section_head_filters_its_questions(tmp_path: Path) -> None:
    text = _HEAD + (
        "SECTION B – WHOLE SECTION: ASK IF P1 = 2\n\nP2. How old is your dog?\n(Enter a number)\n\n"
        "P3. What is its name?\n(Write in: ________)\n\nSECTION C\n\n"
        "P4. Anything else?\n(Please write in your answer below)\n"
    )
    got = _survey(tmp_path, text)
    assert got["P2"]["display_if"] == got["P3"]["display_if"] == "P1 == '2'"
    assert "display_if" not in got["P4"]


def test_branch_pair_over_the_next_question(tmp_path: Path) -> None:
    got = _survey(tmp_path, _tail("IF P1 = 1 OR 2 → P2 ELSE → P3\n"))
    assert got["P2"]["display_if"] == "P1 in ['1','2']"
    assert "skip_to" not in got["P1"]
    assert "display_if" not in got["P3"]


def test_branch_pair_to_the_closing_screen(tmp_path: Path) -> None:
    text = _HEAD + (
        "P2. May we call you?\n1. Yes\n2. No\n\nIF P2 = 1 → P3 ELSE → CLOSE\n"
        "P3. Your phone number\n(Write in: ________)\n\nCLOSE. Thank you, goodbye.\n"
    )
    got = _survey(tmp_path, text)
    assert got["P3"]["display_if"] == "P2 == '1'"
    assert "terminate_if" not in got["P2"]


def test_branch_pair_directives() -> None:
    kinds = [(d.kind, d.value, d.target) for d in interpret("IF Q4 = 2 → Q9 ELSE → Q5")]
    assert kinds == [("skip", "Q4 = 2", "Q9"), ("skip_unless", "Q4 = 2", "Q5")]
    # one branch only: a plain skip
    assert [d.kind for d in interpret("IF Q4 = 2 → Q9")] == ["skip"]


def test_responded_codes_in_a_question() -> None:
    assert _normalise("only who responded code 3 or 4 in Q5") == "3 or 4 in Q5"
    assert _normalise("who answered codes 1, 2 or 3 at B2") == "1, 2 or 3 at B2"
    # one code: left to the readers of "code 2 in Q1"
    assert _normalise("who responded code 2 in Q1") == "who responded code 2 in Q1"


def test_filter_only_who_responded(tmp_path: Path) -> None:
    text = _tail("").replace("P3. What", "Filter: only who responded code 1 or 3 in P1\nP3. What")
    got = _survey(tmp_path, text)
    assert got["P3"]["display_if"] == "P1 in ['1','3']"


def test_codes_go_to() -> None:
    assert rewrite_code_notes("Code 2 goes to Q12.") == "IF CODE 2 GO TO Q12"
    assert rewrite_code_notes("Codes 2 and 8 go to END.") == "IF CODE 2, 8 GO TO END"
    assert rewrite_code_notes("Code 2 goes to ENCERRAMENTO.") == "IF CODE 2 GO TO ENCERRAMENTO"
    # a close in words stays a screen-out; a name in lower case is no target
    assert rewrite_code_notes("Code 6: thank and close.") == "TERMINATE IF CODE 6"
    assert rewrite_code_notes("Code 2 goes to waste.") == "Code 2 goes to waste."
    # a section named in capitals is no screen (the section readers' own)
    assert rewrite_code_notes("IF CODE 3-5 GO TO SECTION D") == "IF CODE 3-5 GO TO SECTION D"
