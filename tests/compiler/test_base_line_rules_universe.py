"""Per-item base lines placed per document; a scale whose end codes follow their words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fielder.compiler import compile_document
from fielder.compiler.numbered_ends import numbered_ends
from fielder.documents import read_path


def _survey(tmp_path: Path, text: str) -> dict[str, dict[str, Any]]:
    path = tmp_path / "q.txt"
    path.write_text(text, encoding="utf-8")
    result = compile_document(read_path(path))
    return {
        str(q.id): q.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        for q in result.survey.questions()
    }


# base lines over each label: the one after an open question is the next question's
_OVER = """G1. Which of these do you grow?
1. Roses
2. Tomatoes
3. Herbs

Universe: G1 = 2 OR 3
G2. How many plants do you have?
(Enter a number)

Universe: G1 = 2
G3. Which variety do you like best?
(Write in: ________)

Universe: G1 = 3
G4. Do you dry your herbs?
1. Yes
2. No

G5. How long have you gardened?
1. Under a year
2. A year or more
"""

# the same lines under each item, one closing the last question too: each is its own item's
_UNDER = """G1. Which of these do you grow?
1. Roses
2. Tomatoes
3. Herbs

Universe: all.

G2. How many plants do you have?
(Enter a number)

Universe: G1 = 2 or 3.

G3. Which variety do you like best?
(Write in: ________)

Universe: G1 = 2.

G4. Do you dry your herbs?
1. Yes
2. No

Universe: G1 = 3.
"""


def test_base_lines_over_their_labels_go_to_the_next_question(tmp_path: Path) -> None:
    got = _survey(tmp_path, _OVER)
    assert got["G2"].get("display_if") == "G1 in ['2','3']"
    assert got["G3"].get("display_if") == "G1 == '2'"
    assert got["G4"].get("display_if") == "G1 == '3'"
    assert "display_if" not in got["G5"]


def test_base_lines_under_their_items_stay_with_them(tmp_path: Path) -> None:
    got = _survey(tmp_path, _UNDER)
    assert "display_if" not in got["G1"]
    assert got["G2"].get("display_if") == "G1 in ['2','3']"
    assert got["G3"].get("display_if") == "G1 == '2'"
    assert got["G4"].get("display_if") == "G1 == '3'"


def test_scale_with_end_codes_in_brackets_after_the_words() -> None:
    points = numbered_ends(
        "Not at all likely (0)   1   2   3   4   5   6   7   8   9   Very likely (10)"
    )
    assert points[0] == ("0", "Not at all likely")
    assert points[5] == ("5", "5")
    assert points[-1] == ("10", "Very likely")
    assert [code for code, _ in numbered_ends("Poor (1)\t2\t3\t4\tGreat (5)")] == list("12345")


def test_bracketed_ends_need_the_points_in_order() -> None:
    # (a list of answers on one line, not a scale: the numbers do not run on)
    assert numbered_ends("Poor (1)   3   7   9   Great (5)") == []
    assert numbered_ends("Yes (1)   No (2)") == []
