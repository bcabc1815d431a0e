"""The builtin revision commands: prompt → JSON Patch ops → the edited survey."""

from __future__ import annotations

from typing import Any

import pytest

from fielder.engines.commands import RevisionError, apply_ops, describe, match, split_prompt
from fielder.ir.models import Survey


def _q(qid: str, qtype: str = "single", **extra: Any) -> dict[str, Any]:
    options = [{"code": str(n), "label": f"Option {n}"} for n in range(1, 5)]
    return {"id": qid, "type": qtype, "text": f"Question {qid}", "options": options, **extra}


@pytest.fixture
def doc() -> dict[str, Any]:
    return {
        "schema": "fielder/ir@1",
        "title": "T",
        "blocks": [
            {"id": "B1", "items": [_q("S1"), _q("S2"), {"type": "page_break"}, _q("Q3")]},
            {
                "id": "B2",
                "items": [
                    _q("Q4", "number", options=[]),
                    _q("Q5", display_if="Q3 == '1'", text="You said {{Q3}}"),
                    _q("Q7", "multi"),
                ],
            },
        ],
        "quotas": [{"id": "QT1", "name": "x", "condition": "Q3 == '2'", "limit": 5}],
    }


def _run(doc: dict[str, Any], prompt: str) -> dict[str, Any]:
    for text in split_prompt(prompt):
        found = match(text)
        assert found is not None, text
        command, m = found
        doc = apply_ops(doc, command.build(doc, m))
    Survey.model_validate(doc)  # every edit leaves a document of the IR's shape
    return doc


def _find(doc: dict[str, Any], qid: str) -> dict[str, Any]:
    return next(i for b in doc["blocks"] for i in b["items"] if i.get("id") == qid)


def _ids(doc: dict[str, Any]) -> list[str]:
    return [i.get("id", "|") for b in doc["blocks"] for i in b["items"]]


def test_make_multi_select(doc: dict[str, Any]) -> None:
    assert _find(_run(doc, "make Q3 multi-select"), "Q3")["type"] == "multi"


def test_make_text_drops_options(doc: dict[str, Any]) -> None:
    after = _find(_run(doc, "Change Q3 to an open text question"), "Q3")
    assert after["type"] == "text"
    assert "options" not in after


def test_randomize_except_last_two(doc: dict[str, Any]) -> None:
    after = _find(_run(doc, "randomize the options of Q5 except the last two"), "Q5")
    assert after["randomize_options"] is True
    assert [o.get("fixed", False) for o in after["options"]] == [False, False, True, True]


def test_add_dont_know(doc: dict[str, Any]) -> None:
    after = _find(_run(doc, "add 'Don't know' (98) to Q7"), "Q7")
    assert after["options"][-1] == {"code": "98", "label": "Don't know", "fixed": True}


def test_add_option_with_clashing_code(doc: dict[str, Any]) -> None:
    found = match("add 'Other' (2) to Q7")
    assert found is not None
    with pytest.raises(RevisionError, match="already has"):
        found[0].build(doc, found[1])


@pytest.mark.parametrize(
    ("prompt", "expression"),
    [
        ("ask Q9 only if S2 is 1 or 2", "S2 in ['1', '2']"),
        ("show Q9 only when S2 is 3", "S2 == '3'"),
        ("ask Q9 only if S2 is not 1, 2 or 3", "S2 not in ['1', '2', '3']"),
        ("ask Q9 only if Q7 is 1 or 2", "Q7 contains any ['1', '2']"),
        ("ask Q9 only if Q4 is at least 18", "Q4 >= 18"),
    ],
)
def test_display_if(doc: dict[str, Any], prompt: str, expression: str) -> None:
    doc["blocks"][1]["items"].append(_q("Q9"))
    assert _find(_run(doc, prompt), "Q9")["display_if"] == expression


def test_terminate_if(doc: dict[str, Any]) -> None:
    assert _find(_run(doc, "terminate if S1 is 1"), "S1")["terminate_if"] == "S1 == '1'"


def test_move_after_later_question(doc: dict[str, Any]) -> None:
    assert _ids(_run(doc, "move S1 after Q4")) == ["S2", "|", "Q3", "Q4", "S1", "Q5", "Q7"]


def test_move_before_earlier_question(doc: dict[str, Any]) -> None:
    assert _ids(_run(doc, "move Q7 before S2")) == ["S1", "Q7", "S2", "|", "Q3", "Q4", "Q5"]


def test_move_within_block(doc: dict[str, Any]) -> None:
    assert _ids(_run(doc, "move S1 after S2")) == ["S2", "S1", "|", "Q3", "Q4", "Q5", "Q7"]


def test_delete(doc: dict[str, Any]) -> None:
    assert "Q4" not in _ids(_run(doc, "delete Q4"))


def test_rename_updates_references(doc: dict[str, Any]) -> None:
    after = _run(doc, "rename Q3 to Q3a")
    assert "Q3a" in _ids(after)
    assert _find(after, "Q5")["display_if"] == "Q3a == '1'"
    assert _find(after, "Q5")["text"] == "You said {{Q3a}}"
    assert after["quotas"][0]["condition"] == "Q3a == '2'"


def test_rename_onto_existing_id(doc: dict[str, Any]) -> None:
    found = match("rename Q3 to Q4")
    assert found is not None
    with pytest.raises(RevisionError, match="already"):
        found[0].build(doc, found[1])


def test_optional_and_required(doc: dict[str, Any]) -> None:
    after = _run(doc, "make Q10 optional".replace("Q10", "Q4") + "; make S1 required")
    assert _find(after, "Q4")["required"] is False
    assert _find(after, "S1")["required"] is True


def test_option_commands(doc: dict[str, Any]) -> None:
    after = _run(doc, "remove option 2 from Q7\nmake option 4 of Q7 exclusive")
    assert [o["code"] for o in _find(after, "Q7")["options"]] == ["1", "3", "4"]
    assert _find(after, "Q7")["options"][2]["exclusive"] is True


def test_reword_and_limits(doc: dict[str, Any]) -> None:
    after = _run(
        doc,
        "change the text of Q3 to 'Which brands?'; allow at most 2 answers in Q7;"
        " limit Q4 to between 0 and 120",
    )
    assert _find(after, "Q3")["text"] == "Which brands?"
    assert _find(after, "Q7")["validation"] == {"max_choices": 2}
    assert _find(after, "Q4")["validation"] == {"min": 0.0, "max": 120.0}


def test_unknown_question(doc: dict[str, Any]) -> None:
    found = match("delete Q99")
    assert found is not None
    with pytest.raises(RevisionError, match="no question Q99"):
        found[0].build(doc, found[1])


def test_not_understood() -> None:
    assert match("please make it better") is None
    assert "make Q3 multi-select" in describe()


@pytest.mark.parametrize(
    "prompt",
    [
        "change Q3 to a dropdown",
        "make Q4 numeric",
        "turn Q5 into open text",
        "add exclusive 'None' (99) to Q3",
        "screen out if S1 is 1 or 2",
        "always ask Q5",
        "move Q7 before Q3",
        "allow at least 1 answer in Q7",
        "Delete q4",
    ],
)
def test_documented_examples_understood(doc: dict[str, Any], prompt: str) -> None:
    _run(doc, prompt)
