"""The llm engine against a real model: SmolLM2-135M served by llama.cpp on 127.0.0.1.

The tiny model's answers are poor; these tests check the path (the server's JSON format
found, schema-constrained output validated, repaired or refused, merged, priced), not its
wisdom.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import update
from starlette.testclient import TestClient

from fielder.compiler import clarify as rules_clarify
from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.documents import read_document
from fielder.engines.base import CannotRevise, JsonPatch
from fielder.engines.llm import LLMEngine
from fielder.engines.llm.client import ModelClient, ModelError, ModelInvalid, Task
from fielder.ir.models import Survey
from fielder.ir.patch import apply_json_patch
from fielder.ir.validate import validate
from fielder.models.survey import Survey as SurveyRow
from tests.engines.llm.local_model import MODEL_ALIAS
from tests.responses.conftest import SCREENER, MakeLive, make_live  # noqa: F401

pytestmark = pytest.mark.llm

#: A tiny model can ramble inside a JSON string: its answers are kept short.
MAX_TOKENS = 200
PRICES = {MODEL_ALIAS: {"input": 1000.0, "output": 4000.0}}
SMALL = b"""Shopping

Q1. Have you bought anything online in the last month?
1. Yes
2. No
[TERMINATE IF THEY HAVE NOT SHOPPED RECENTLY]

Q2. What did you buy?
"""


def _settings(base_url: str) -> Settings:
    return Settings(
        data_dir=Path("/tmp"),
        llm_base_url=base_url,
        llm_model=MODEL_ALIAS,
        llm_max_retries=0,
        llm_timeout_seconds=300,
        llm_max_tokens=MAX_TOKENS,
        llm_prices=PRICES,
    )


class Colour(BaseModel):
    colour: str
    count: int


def test_schema_constrained_output_validates(local_model: str) -> None:
    client = ModelClient(_settings(local_model))
    task = Task(
        name="colour",
        instructions="Name a colour and a number.",
        content="{}",
        answer=Colour,
    )
    answer = client.ask(task)
    assert isinstance(answer, Colour)
    assert client.usage.calls >= 1
    assert client.usage.prompt_tokens > 0
    assert client.cost_cents() > 0


def test_hybrid_programming_merges_only_valid_decisions(local_model: str) -> None:
    engine = LLMEngine(_settings(local_model), "org-local")
    document = read_document(SMALL, "small.txt", "text/plain")
    steps = list(engine.program(document, []))
    survey = steps[-1]
    assert isinstance(survey, Survey)
    assert [q.id for q in survey.questions()] == ["Q1", "Q2"]
    assert [p for p in validate(survey) if p.severity == "error"] == []
    q1 = survey.question_map()["Q1"]
    # Either the model settled Q1 (and says so) or the rules' note stands.
    assert q1.attention is not None
    assert q1.source is not None
    # Q2 was not flagged: the model never touched it.
    assert survey.question_map()["Q2"].attention is None


def test_clarify_adds_items_with_stable_ids(local_model: str) -> None:
    engine = LLMEngine(_settings(local_model), "org-local")
    document = read_document(SMALL, "small.txt", "text/plain")
    first = [item.id for item in engine.clarify(document, [])]
    again = [item.id for item in engine.clarify(document, [])]
    rules = [item.id for item in rules_clarify(document)]
    assert first[: len(rules)] == rules
    assert first == again


def test_revise_gives_a_valid_patch_or_refuses(local_model: str) -> None:
    engine = LLMEngine(_settings(local_model), "org-local")
    survey = Survey.model_validate(SCREENER)
    outcome: JsonPatch | CannotRevise | ModelError
    try:
        outcome = engine.revise(survey, "Make question Q4 optional.")
    except (CannotRevise, ModelError) as failed:
        outcome = failed
    if isinstance(outcome, CannotRevise):
        assert outcome.reason  # refused with the reasons: nothing applied
        return
    if isinstance(outcome, ModelError):
        assert "cut off" in str(outcome)  # rambled past max_tokens: a 502, retryable
        return
    edited = apply_json_patch(survey, outcome)
    assert [p for p in validate(edited) if p.severity == "error"] == []


def test_next_question_through_the_api_is_priced(
    client: TestClient,
    settings: Settings,
    make_live: MakeLive,  # noqa: F811
    local_model: str,
) -> None:
    live = make_live(mode="ai")
    with session_scope(settings) as session:
        session.execute(
            update(SurveyRow).where(SurveyRow.id == live.survey_id).values(engine="llm")
        )
    client.app.state.settings = settings.model_copy(  # type: ignore[attr-defined]
        update={
            "llm_base_url": local_model,
            "llm_model": MODEL_ALIAS,
            "llm_prices": PRICES,
            "llm_timeout_seconds": 300,
            "llm_max_tokens": MAX_TOKENS,
        }
    )
    rid = client.post(f"{live.public}/responses", json={}).json()["data"]["id"]
    turns: list[dict[str, Any]] = [
        {"role": "assistant", "question_id": "S1", "text": "How old are you?"},
        {"role": "respondent", "question_id": "S1", "answer": "3"},
    ]
    reply = client.post(f"{live.public}/next", json={"conversation": turns, "response_id": rid})
    assert reply.status_code in {200, 502}, reply.text
    if reply.status_code == 502:
        assert reply.json()["error"]["code"] == "ai_upstream_error"
        return
    data = reply.json()["data"]
    assert data["done"] is False
    assert data["question_id"] in {"S1", "S2", "Q3", "Q4"}
    got = client.get(f"{live.team}/responses/{rid}", headers=live.org.headers).json()["data"]
    assert got["ai_cost_cents"] >= 1
    assert got["ai_conversation"] == turns


def test_a_refused_answer_is_model_invalid(local_model: str) -> None:
    client = ModelClient(_settings(local_model))
    task = Task(
        name="impossible",
        instructions="Name a colour.",
        content="{}",
        answer=Colour,
        check=lambda answer: ["this check refuses every answer"],
    )
    with pytest.raises(ModelInvalid) as caught:
        client.ask(task)
    assert caught.value.problems == ["this check refuses every answer"]
    assert client.usage.calls == 2
