"""Style variants read the same (round variants2): a route to CLOSE after a code-first answer,
a label-first answer that opens "Only when", capitals answers with their code after, more
sentence-case cues."""

from __future__ import annotations

from pathlib import Path

from fielder.compiler import compile_document
from fielder.compiler.cue_case import _kind
from fielder.documents import read_path


def _compile(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "survey.txt"
    path.write_text(text, encoding="utf-8")
    return {q.id: q for q in compile_document(read_path(path)).survey.questions()}


def _codes(question) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(o.code, o.label) for o in question.options]


CLOSE_DOC = """K1  Do you keep a garden?
       1. Yes
       2. No   -> CLOSE

K2  How big is it?
       1. Small
       2. Large
{close}"""


def test_arrow_to_close_after_code_first_answer(tmp_path: Path) -> None:
    screen = "\nCLOSE  READ OUT: That is all. Thank you for your time.\n"
    with_screen = _compile(tmp_path, CLOSE_DOC.format(close=screen))
    assert [rule.to for rule in with_screen["K1"].skip_to] == ["CLOSE"]
    assert with_screen["K1"].terminate_if is None
    without = _compile(tmp_path, CLOSE_DOC.format(close=""))
    assert without["K1"].terminate_if == "K1 == '2'"


ONLY_WHEN = """P1. How often do you water the plants?
    Every day (1)
    Twice a week (2)
    Only when the soil is dry (3)
    Never (4)

P2. Which tool do you use?
    Hose (1)
    Can (2)
"""


def test_label_first_answer_opening_only_when(tmp_path: Path) -> None:
    got = _compile(tmp_path, ONLY_WHEN)
    assert ("3", "Only when the soil is dry") in _codes(got["P1"])
    assert got["P2"].display_if is None


def test_only_when_filter_line_still_a_filter(tmp_path: Path) -> None:
    text = ONLY_WHEN.replace("P2. Which", "Only when you water every day:\nP2. Which")
    got = _compile(tmp_path, text)
    assert got["P2"].display_if is not None


CAPS_AFTER = """R1  Have you moved house in the last year?
       Yes, within the town (1)
       Yes, from elsewhere (2)
       No (3)
       DON'T KNOW (8)

R2  Is your home rented?
       1. Yes
       2. No
       8. DON'T KNOW

R3  Do you have a spare room?
       Yes (1)
       No (2)
"""


def test_capitals_answer_closing_a_list(tmp_path: Path) -> None:
    got = _compile(tmp_path, CAPS_AFTER)
    assert ("8", "DON'T KNOW") in _codes(got["R1"])
    assert ("8", "DON'T KNOW") in _codes(got["R2"])


CAPS_RUNS = """H1  Is the dwelling owned?
       YES, FULLY (1)
       YES, WITH A LOAN (2)
       NO (3)

H2  Is there a working toilet?
       YES (1)
       NO (2)   -> END INTERVIEW

H3  Is there electricity?
       YES, ALL DAY (1)
       SOME OF THE DAY (2)
       NONE (3)
"""


def test_capitals_runs_with_code_after(tmp_path: Path) -> None:
    got = _compile(tmp_path, CAPS_RUNS)
    assert _codes(got["H1"]) == [("1", "YES, FULLY"), ("2", "YES, WITH A LOAN"), ("3", "NO")]
    assert _codes(got["H2"]) == [("1", "YES"), ("2", "NO")]
    assert got["H2"].terminate_if == "H2 == '2'"
    assert [c for c, _ in _codes(got["H3"])] == ["1", "2", "3"]


def test_more_sentence_case_cues() -> None:
    for cue in (
        "Multi. Randomise 01-05.",
        "Multi. Randomise 01-07, keep 99 last.",
        "Record in cents. Range 1..500".replace("cents", "pence"),
        "Rotate statements. Read out scale.",
        "Record verbatim. Probe fully.",
        "Record number. Range 0-12.",
        "Record email.  Ask if B4 = 1",
    ):
        assert _kind(cue) == "cue", cue
    for words in ("Rotate the tyres", "Range Rover", "Record breakers", "Randomly chosen"):
        assert _kind(words) is None, words
