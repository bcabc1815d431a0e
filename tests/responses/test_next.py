"""`POST /surveys/{slug}/next` for AI-led surveys."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from fielder.app import create_app
from fielder.config import Settings
from tests.responses.conftest import Live, MakeLive


def test_next_walks_the_survey(client: TestClient, make_live: MakeLive) -> None:
    live = make_live(mode="ai")
    first = client.post(f"{live.public}/next", json={"conversation": []})
    assert first.status_code == 200, first.text
    data = first.json()["data"]
    assert (data["question_id"], data["type"], data["done"]) == ("S1", "single", False)
    assert data["options"][0] == {"code": "1", "label": "Under 18"}
    turns = [
        {"role": "assistant", "question_id": "S1", "text": data["question"]},
        {"role": "respondent", "question_id": "S1", "answer": "1"},
    ]
    done = client.post(f"{live.public}/next", json={"conversation": turns}).json()["data"]
    assert done["done"] is True
    assert done["question"] == "Thanks, that is all."


def test_next_keeps_the_conversation(client: TestClient, make_live: MakeLive) -> None:
    live = make_live(mode="ai")
    rid = client.post(f"{live.public}/responses", json={}).json()["data"]["id"]
    turns = [{"role": "assistant", "question_id": "S1", "text": "How old are you?"}]
    reply = client.post(f"{live.public}/next", json={"conversation": turns, "response_id": rid})
    assert reply.status_code == 200
    got = client.get(f"{live.team}/responses/{rid}", headers=live.org.headers).json()["data"]
    assert got["ai_conversation"] == turns


def test_next_on_a_manual_survey_is_409(client: TestClient, live: Live) -> None:
    reply = client.post(f"{live.public}/next", json={"conversation": []})
    assert reply.status_code == 409
    bad = client.post(f"{live.public}/next", json={"conversation": "hello"})
    assert bad.status_code == 422


def test_unavailable_engine_is_503(settings: Settings, make_live: MakeLive) -> None:
    live = make_live(mode="ai")
    app: FastAPI = create_app(settings.model_copy(update={"engine": "nosuch"}))
    with TestClient(app) as client:
        reply = client.post(f"{live.public}/next", json={"conversation": []})
    assert reply.status_code == 503
    assert reply.json()["error"]["code"] == "ai_unavailable"
