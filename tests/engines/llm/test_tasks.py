"""Clarify, revise and next question against recorded exchanges."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fielder.compiler import Clarification
from fielder.compiler import clarify as rules_clarify
from fielder.documents.model import Document
from fielder.engines.base import CannotRevise
from fielder.engines.llm import LLMEngine, PatchRefused, PricedNextQuestion
from fielder.engines.llm.clarify import concern_id
from fielder.ir.models import Survey
from fielder.ir.patch import apply_json_patch
from tests.engines.llm.replay import ReplayServer, recorded
from tests.responses.conftest import SCREENER


def _survey() -> Survey:
    return Survey.model_validate(SCREENER)


def test_clarify_adds_the_models_concerns_with_stable_ids(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    replay.play(recorded("clarify"))
    items = [c for c in llm.clarify(prose_logic, []) if isinstance(c, Clarification)]
    rules = list(rules_clarify(prose_logic))
    assert items[: len(rules)] == rules
    added = items[len(rules) :]
    assert [(c.kind, c.detail["question_id"]) for c in added] == [("options-missing", "Q4")]
    assert added[0].id == concern_id("options-missing", "Q4")
    assert added[0].detail["source"] == "llm"
    assert added[0].suggestions == ["Add the show card's answers", "Make it an open question"]
    # The same file asks the same ids again (the model's answers are remembered: no call);
    # an answered one is not asked again.
    replay.play([])
    again = list(llm.clarify(prose_logic, []))
    assert [c.id for c in again] == [c.id for c in items]
    assert len(replay.requests) == 0
    replay.play(recorded("clarify"))
    answered = [{"id": added[0].id, "user_clarification": "Make it an open question"}]
    assert added[0].id not in [c.id for c in llm.clarify(prose_logic, answered)]


def test_clarify_keeps_the_rules_items_when_the_model_fails(
    llm: LLMEngine, replay: ReplayServer, prose_logic: Document
) -> None:
    replay.play([{"status": 500, "error": "boom"}])
    items = list(llm.clarify(prose_logic, []))
    assert items == list(rules_clarify(prose_logic))


def test_revise_returns_a_checked_patch(llm: LLMEngine, replay: ReplayServer) -> None:
    replay.play(recorded("revise"))
    survey = _survey()
    ops = llm.revise(survey, "Make the gender question optional and add 'Somewhere else'")
    edited = apply_json_patch(survey, ops)
    s2 = edited.question_map()["S2"]
    assert s2.required is False
    assert s2.options[-1].label == "Somewhere else"
    sent = json.loads(replay.requests[0]["messages"][1]["content"])
    assert sent["request"].startswith("Make the gender question optional")
    assert sent["document"]["blocks"][0]["items"][1]["id"] == "S2"


def test_revise_does_not_send_the_file_id(llm: LLMEngine, replay: ReplayServer) -> None:
    replay.play(recorded("revise"))
    document = json.loads(json.dumps(SCREENER))
    document["blocks"][0]["items"][1]["source"] = {"file_id": "f-123", "excerpt": "Gender"}
    survey = Survey.model_validate(document)
    ops = llm.revise(survey, "Make the gender question optional")
    assert "f-123" not in replay.requests[0]["messages"][1]["content"]
    assert "Gender" in replay.requests[0]["messages"][1]["content"]
    assert apply_json_patch(survey, ops).question_map()["S2"].required is False


def test_an_invalid_patch_is_refused_with_its_errors(llm: LLMEngine, replay: ReplayServer) -> None:
    replay.play(recorded("revise-invalid"))
    with pytest.raises(PatchRefused) as caught:
        llm.revise(_survey(), "Only ask gender of those who answered Q42")
    assert any("Q43" in problem for problem in caught.value.problems)
    # The model saw the first patch's problems before its second try.
    assert "Q42" in replay.requests[1]["messages"][-1]["content"]


def test_no_operations_is_not_understood(llm: LLMEngine, replay: ReplayServer) -> None:
    answer = {"operations": [], "explanation": "There is no such question."}
    replay.play([{"content": json.dumps(answer)}])
    with pytest.raises(CannotRevise, match="no such question"):
        llm.revise(_survey(), "Delete Q77")


def _turns(*pairs: tuple[str, Any]) -> list[dict[str, Any]]:
    turns: list[dict[str, Any]] = []
    for question_id, answer in pairs:
        turns.append({"role": "assistant", "question_id": question_id, "text": "?"})
        turns.append({"role": "respondent", "question_id": question_id, "answer": answer})
    return turns


def test_next_question_is_worded_by_the_model_and_priced(
    llm: LLMEngine, replay: ReplayServer
) -> None:
    replay.play(recorded("next-question"))
    context = {"ai_config": {"goal": "Understand coffee drinkers", "tone": "warm"}}
    found = llm.next_question(_survey(), _turns(("S1", "3")), context)
    assert isinstance(found, PricedNextQuestion)
    assert found.question_id == "S2"
    assert found.question == "Thanks! And how would you describe your gender?"
    assert found.type == "single"
    assert found.options == [{"code": "1", "label": "Man"}, {"code": "2", "label": "Woman"}]
    # 520 prompt and 30 completion tokens at 15 and 60 cents per million.
    assert found.cost_cents == pytest.approx((520 * 15 + 30 * 60) / 1_000_000)
    sent = json.loads(replay.requests[0]["messages"][1]["content"])
    assert sent["goal"] == "Understand coffee drinkers"
    assert [q["id"] for q in sent["open_questions"]] == ["S2", "Q3", "Q4"]
    schema = json.dumps(replay.requests[0]["response_format"]["json_schema"]["schema"])
    assert '"enum": ["S2", "Q3", "Q4", "S1"]' in schema


def test_the_logic_stays_in_charge(llm: LLMEngine, replay: ReplayServer) -> None:
    # Screened out, and nothing left to ask: the rules answer, the model is not called.
    screened = llm.next_question(_survey(), _turns(("S1", "1")), {})
    assert (screened.done, screened.ending) == (True, "screened_out")
    finished = _turns(("S1", "2"), ("S2", "1"), ("Q4", 2))
    done = llm.next_question(_survey(), finished, {})
    assert (done.done, done.ending) == (True, "complete")
    assert replay.requests == []


def test_an_invented_question_falls_back_to_the_rules(llm: LLMEngine, replay: ReplayServer) -> None:
    invented = {"content": json.dumps({"question_id": "Q99", "question": "Favourite film?"})}
    replay.play([invented, invented])
    found = llm.next_question(_survey(), _turns(("S1", "3")), {})
    assert found.question_id == "S2"
    assert found.question == "Gender"
    assert "Q99" not in json.dumps(found.options)
    assert "S2" in replay.requests[1]["messages"][-1]["content"]


def test_done_is_refused_while_required_questions_are_open(
    llm: LLMEngine, replay: ReplayServer
) -> None:
    early = {"content": json.dumps({"done": True})}
    probe = {"content": json.dumps({"probe": True, "question_id": "S1", "question": "Why?"})}
    replay.play([early, probe])
    found = llm.next_question(_survey(), _turns(("S1", "3")), {})
    assert (found.probe, found.question_id, found.question) == (True, "S1", "Why?")
    assert "required questions are still open" in replay.requests[1]["messages"][-1]["content"]
