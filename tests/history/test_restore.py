"""history.restore: one question put back as it was, the rest as it is now."""

from __future__ import annotations

from typing import Any

from fielder.history.restore import revert_element


def _q(qid: str, text: str = "") -> dict[str, Any]:
    return {"id": qid, "type": "text", "text": text or qid}


def _doc(*items: dict[str, Any], title: str = "T") -> dict[str, Any]:
    return {
        "schema": "fielder/ir@1",
        "title": title,
        "blocks": [{"id": "B1", "items": list(items)}],
    }


def test_deleted_question_comes_back_in_place() -> None:
    before = _doc(_q("Q1"), _q("Q2"), _q("Q3"))
    now = _doc(_q("Q1", "edited"), _q("Q3"))
    assert revert_element(now, before, "Q2") == _doc(_q("Q1", "edited"), _q("Q2"), _q("Q3"))


def test_created_question_is_removed() -> None:
    now = _doc(_q("Q1"), _q("Q9"))
    assert revert_element(now, _doc(_q("Q1")), "Q9") == _doc(_q("Q1"))


def test_updated_question_restored_others_kept() -> None:
    before = _doc(_q("Q1", "old"), _q("Q2", "old"))
    now = _doc(_q("Q1", "new"), _q("Q2", "new"))
    assert revert_element(now, before, "Q1") == _doc(_q("Q1", "old"), _q("Q2", "new"))


def test_survey_level_restored() -> None:
    before = _doc(_q("Q1"), title="Old")
    now = _doc(_q("Q1", "new"), title="New")
    assert revert_element(now, before, None) == _doc(_q("Q1", "new"), title="Old")


def test_first_question_of_a_vanished_block() -> None:
    before = {
        "schema": "fielder/ir@1",
        "blocks": [{"id": "B9", "title": "Gone", "items": [_q("Q5")]}],
    }
    now = _doc(_q("Q1"))
    restored = revert_element(now, before, "Q5")
    assert restored["blocks"][1] == {"id": "B9", "title": "Gone", "items": [_q("Q5")]}
