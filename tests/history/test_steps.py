"""history.steps: any edit splits into per-question steps that replay to the result."""

from __future__ import annotations

import copy
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fielder.history.steps import (
    apply,
    bump_versions,
    diff,
    question_step,
    split,
    with_question,
)


def _q(qid: str, text: str = "", **extra: Any) -> dict[str, Any]:
    return {"id": qid, "type": "single", "text": text or f"Text of {qid}", **extra}


def _doc(*blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": "fielder/ir@1",
        "title": "T",
        "blocks": [{"id": f"B{n}", "items": items} for n, items in enumerate(blocks, 1)],
    }


def _replay(before: dict[str, Any] | None, after: dict[str, Any]) -> list[Any]:
    steps = split(before, after)
    state = copy.deepcopy(before)
    for step in steps:
        state = apply(state, step.patch)
    assert state == after
    return steps


def test_first_programming_is_one_create_per_question() -> None:
    after = _doc([_q("Q1"), {"type": "page_break"}, _q("Q2")], [_q("Q3")])
    steps = _replay(None, after)
    assert [(s.element_id, s.operation) for s in steps[:3]] == [
        ("Q1", "create"),
        ("Q2", "create"),
        ("Q3", "create"),
    ]


def test_edit_of_three_questions_is_three_changes() -> None:
    before = _doc([_q("Q1"), _q("Q2"), _q("Q3"), _q("Q4")])
    after = copy.deepcopy(before)
    for n in (0, 1, 3):
        after["blocks"][0]["items"][n]["text"] = "changed"
    steps = _replay(before, after)
    assert [(s.element_id, s.operation) for s in steps] == [
        ("Q1", "update"),
        ("Q2", "update"),
        ("Q4", "update"),
    ]
    assert steps[0].patch == [
        {"op": "replace", "path": "/blocks/0/items/0/text", "value": "changed"}
    ]


def test_delete_create_move() -> None:
    before = _doc([_q("Q1"), _q("Q2"), _q("Q3")])
    after = _doc([_q("Q3"), _q("Q1"), _q("Q9")])
    steps = _replay(before, after)
    kinds = {(s.element_id, s.operation) for s in steps}
    assert ("Q2", "delete") in kinds
    assert ("Q9", "create") in kinds


def test_no_change_no_steps() -> None:
    before = _doc([_q("Q1")])
    assert split(before, copy.deepcopy(before)) == []


def test_title_change_is_a_survey_step() -> None:
    before = _doc([_q("Q1")])
    after = copy.deepcopy(before) | {"title": "New"}
    steps = _replay(before, after)
    assert [(s.element_id, s.operation) for s in steps] == [(None, "update")]


_ids = st.lists(st.sampled_from([f"Q{n}" for n in range(8)]), unique=True, max_size=8)


@st.composite
def _docs(draw: st.DrawFn) -> dict[str, Any]:
    blocks = []
    for _ in range(draw(st.integers(1, 3))):
        items: list[dict[str, Any]] = []
        for qid in draw(_ids):
            if draw(st.booleans()) and items:
                items.append({"type": "page_break"})
            items.append(_q(qid, draw(st.sampled_from(["a", "b"]))))
        blocks.append(items)
    doc = _doc(*blocks)
    seen: set[str] = set()
    for block in doc["blocks"]:  # ids unique across the survey, as validation demands
        kept = []
        for item in block["items"]:
            if "id" in item and item["id"] in seen:
                continue
            seen.add(item.get("id", ""))
            kept.append(item)
        block["items"] = kept
    return doc


@settings(max_examples=200, deadline=None)
@given(before=_docs(), after=_docs())
def test_any_edit_replays(before: dict[str, Any], after: dict[str, Any]) -> None:
    _replay(before, after)


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_survey_replays(seed: int) -> None:
    questions = [_q(f"Q{n}") for n in range(30)]
    before = _doc(questions[:15], questions[15:])
    shuffled = questions[:]
    random.Random(seed).shuffle(shuffled)
    _replay(before, _doc(shuffled[:10], shuffled[10:]))


def test_with_question_streams_into_one_create_each() -> None:
    state = None
    steps = []
    for block_id, qid in [("B1", "Q1"), ("B1", "Q2"), ("B2", "Q3")]:
        after = with_question(state, block_id, _q(qid), title="T")
        steps += _replay(state, after)
        state = after
    assert [(s.element_id, s.operation) for s in steps] == [
        ("Q1", "create"),
        ("Q2", "create"),
        ("Q3", "create"),
    ]
    assert state == _doc([_q("Q1"), _q("Q2")], [_q("Q3")])
    replaced = with_question(state, "B1", _q("Q2", "new text"))
    assert [(s.element_id, s.operation) for s in _replay(state, replaced)] == [("Q2", "update")]


def test_bump_versions() -> None:
    before = _doc([_q("Q1"), _q("Q2", version=3), _q("Q4")])
    after = _doc([_q("Q1"), _q("Q2", "new", version=3), _q("Q4", "changed"), _q("Q5")])
    bumped = bump_versions(before, after)
    assert [i.get("version") for i in bumped["blocks"][0]["items"]] == [None, 4, 2, None]
    assert bump_versions(None, after) == after


def test_question_step_replays() -> None:
    state: dict[str, Any] | None = None
    produced = [("B1", _q("Q1")), ("B1", _q("Q2")), ("B2", _q("Q3")), ("B1", _q("Q2", "new"))]
    for block_id, question in produced:
        steps, after = question_step(state, block_id, question, title="T")
        replayed = copy.deepcopy(state)
        for step in steps:
            replayed = apply(replayed, step.patch)
        assert replayed == after
        state = after
    assert state is not None
    assert state["blocks"][0]["items"][1] == _q("Q2", "new", version=2)
    assert question_step(state, "B1", _q("Q1"))[0] == []


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text("ab/~", max_size=3),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text("ab/~", max_size=3), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_json, _json)
def test_diff_turns_old_into_new(old: Any, new: Any) -> None:
    patch = diff(old, new)
    assert apply_any(old, patch) == new
    assert (patch == []) == (old == new and type(old) is type(new))


def apply_any(value: Any, patch: list[dict[str, Any]]) -> Any:
    import jsonpatch

    return jsonpatch.apply_patch(copy.deepcopy(value), patch)


def test_diff_of_one_list_element_is_one_op() -> None:
    old = {"options": [{"code": "1"}, {"code": "2"}, {"code": "3"}]}
    added = {"options": [{"code": "1"}, {"code": "9"}, {"code": "2"}, {"code": "3"}]}
    assert diff(old, added) == [{"op": "add", "path": "/options/1", "value": {"code": "9"}}]
    removed = {"options": [{"code": "1"}, {"code": "3"}]}
    assert diff(old, removed) == [{"op": "remove", "path": "/options/1"}]
    relabelled = {"options": [{"code": "1"}, {"code": "2", "label": "x"}, {"code": "3"}]}
    assert diff(old, relabelled) == [{"op": "add", "path": "/options/1/label", "value": "x"}]
