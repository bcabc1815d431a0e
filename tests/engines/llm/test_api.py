"""The llm engine through the API: next, revisions, programming, the per-org switch, errors."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import update
from starlette.testclient import TestClient
from typer.testing import CliRunner

from fielder.cli.main import app as cli
from fielder.config import Settings, get_settings
from fielder.db.session import session_scope
from fielder.models.organization import Organization
from fielder.models.survey import Survey
from tests.conftest import OrgContext
from tests.engines.llm.replay import FIXTURES, ReplayServer, recorded
from tests.responses.conftest import SCREENER, MakeLive, make_live  # noqa: F401


@pytest.fixture
def settings(
    settings: Settings, replay: ReplayServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    """The test settings with the llm engine on the replay server."""
    env = {
        "FIELDER_LLM_BASE_URL": replay.base_url,
        "FIELDER_LLM_MODEL": "recorded-model",
        "FIELDER_LLM_MAX_RETRIES": "0",
        "FIELDER_LLM_PRICES": json.dumps({"recorded-model": {"input": 1000, "output": 6000}}),
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def _use_llm(settings: Settings, survey_id: str) -> None:
    with session_scope(settings) as session:
        session.execute(update(Survey).where(Survey.id == survey_id).values(engine="llm"))


def _llm_switch(settings: Settings, org: OrgContext, on: bool) -> None:
    result = CliRunner().invoke(cli, ["orgs", "set-llm", org.org_id, "on" if on else "off"])
    assert result.exit_code == 0, result.output
    with session_scope(settings) as session:
        assert session.get(Organization, org.org_id).llm_enabled is on  # type: ignore[union-attr]


def _ai_survey(settings: Settings, make_live: MakeLive) -> Any:  # noqa: F811
    live = make_live(mode="ai")
    _use_llm(settings, live.survey_id)
    return live


ASKED_S1 = [
    {"role": "assistant", "question_id": "S1", "text": "How old are you?"},
    {"role": "respondent", "question_id": "S1", "answer": "3"},
]


def test_next_asks_the_model_and_keeps_the_cost(
    client: TestClient,
    settings: Settings,
    make_live: MakeLive,  # noqa: F811
    replay: ReplayServer,
) -> None:
    live = _ai_survey(settings, make_live)
    rid = client.post(f"{live.public}/responses", json={}).json()["data"]["id"]
    replay.play(recorded("next-question") * 2)
    body = {"conversation": ASKED_S1, "response_id": rid}
    reply = client.post(f"{live.public}/next", json=body)
    assert reply.status_code == 200, reply.text
    data = reply.json()["data"]
    assert data["question_id"] == "S2"
    assert data["question"].startswith("Thanks! And how")
    assert "cost_cents" not in data
    client.post(f"{live.public}/next", json=body)
    got = client.get(f"{live.team}/responses/{rid}", headers=live.org.headers).json()["data"]
    assert got["ai_conversation"] == ASKED_S1
    # (520 × 1000 + 30 × 6000) / 1e6 = 0.7 cents a call, rounded up per call.
    assert got["ai_cost_cents"] == 2
    sent = replay.requests[0]["messages"][1]["content"]
    assert "How old are you?" in sent
    assert rid not in sent  # only the survey and the conversation go to the model


def test_next_model_failure_is_502_and_retryable(
    client: TestClient,
    settings: Settings,
    make_live: MakeLive,  # noqa: F811
    replay: ReplayServer,
) -> None:
    live = _ai_survey(settings, make_live)
    replay.play([{"status": 500, "error": "upstream exploded"}, *recorded("next-question")])
    failed = client.post(f"{live.public}/next", json={"conversation": ASKED_S1})
    assert failed.status_code == 502
    assert failed.json()["error"]["code"] == "ai_upstream_error"
    again = client.post(f"{live.public}/next", json={"conversation": ASKED_S1})
    assert again.status_code == 200


def test_next_timeout_is_502(
    client: TestClient,
    settings: Settings,
    make_live: MakeLive,  # noqa: F811
    replay: ReplayServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    live = _ai_survey(settings, make_live)
    client.app.state.settings = settings.model_copy(update={"llm_timeout_seconds": 0.3})  # type: ignore[attr-defined]
    replay.play([{"sleep": 1.5, **recorded("next-question")[0]}])
    reply = client.post(f"{live.public}/next", json={"conversation": ASKED_S1})
    assert reply.status_code == 502
    assert "in time" in reply.json()["error"]["message"]


def test_next_without_a_model_is_503(
    client: TestClient,
    settings: Settings,
    make_live: MakeLive,  # noqa: F811
) -> None:
    live = _ai_survey(settings, make_live)
    client.app.state.settings = settings.model_copy(update={"llm_model": None})  # type: ignore[attr-defined]
    reply = client.post(f"{live.public}/next", json={"conversation": []})
    assert reply.status_code == 503
    assert reply.json()["error"]["code"] == "ai_unavailable"


def test_an_org_with_the_llm_off_gets_the_builtin_engine(
    client: TestClient,
    settings: Settings,
    org: OrgContext,
    make_live: MakeLive,  # noqa: F811
    replay: ReplayServer,
) -> None:
    live = _ai_survey(settings, make_live)
    _llm_switch(settings, org, on=False)
    reply = client.post(f"{live.public}/next", json={"conversation": ASKED_S1})
    assert reply.json()["data"]["question"] == "Gender"
    assert replay.requests == []
    _llm_switch(settings, org, on=True)
    replay.play(recorded("next-question"))
    reply = client.post(f"{live.public}/next", json={"conversation": ASKED_S1})
    assert reply.json()["data"]["question"].startswith("Thanks!")


def test_set_llm_refuses_an_unknown_org(settings: Settings) -> None:
    result = CliRunner().invoke(cli, ["orgs", "set-llm", "nosuch", "off"])
    assert result.exit_code == 1
    assert "No organization" in result.output


def _reviewing(client: TestClient, settings: Settings, org: OrgContext) -> str:
    answer = client.post(
        "/api/v1/surveys", json={"name": "Screener", "ir": SCREENER}, headers=org.headers
    )
    assert answer.status_code == 201, answer.text
    survey_id: str = answer.json()["data"]["id"]
    _use_llm(settings, survey_id)
    return survey_id


def _revise(client: TestClient, org: OrgContext, survey_id: str, prompt: str) -> Any:
    url = f"/api/v1/surveys/{survey_id}/revisions"
    return client.post(url, json={"prompt": prompt}, headers=org.headers)


def test_revision_by_the_model_awaits_approval(
    client: TestClient, settings: Settings, org: OrgContext, replay: ReplayServer
) -> None:
    survey_id = _reviewing(client, settings, org)
    replay.play(recorded("revise"))
    answer = _revise(client, org, survey_id, "Make gender optional; add 'Somewhere else'")
    assert answer.status_code == 202, answer.text
    proposal = answer.json()["data"]
    assert (proposal["type"], proposal["status"]) == ("ai_prompt", "awaiting_approval")
    assert [c["element_id"] for c in proposal["changes"]] == ["S2"]


def test_an_invalid_model_patch_is_refused(
    client: TestClient, settings: Settings, org: OrgContext, replay: ReplayServer
) -> None:
    survey_id = _reviewing(client, settings, org)
    before = client.get(f"/api/v1/surveys/{survey_id}/platform-ir", headers=org.headers).json()
    replay.play(recorded("revise-invalid"))
    answer = _revise(client, org, survey_id, "Only ask gender of those who answered Q42")
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "revision_refused"
    assert any("Q43" in d["problem"] for d in error["details"])
    after = client.get(f"/api/v1/surveys/{survey_id}/platform-ir", headers=org.headers).json()
    assert after == before


def test_a_revision_model_failure_is_502(
    client: TestClient, settings: Settings, org: OrgContext, replay: ReplayServer
) -> None:
    survey_id = _reviewing(client, settings, org)
    replay.play([{"truncated": '{"operations": ['}])
    answer = _revise(client, org, survey_id, "Make gender optional")
    assert answer.status_code == 502
    assert answer.json()["error"]["code"] == "ai_upstream_error"


def _wait(client: TestClient, org: OrgContext, survey_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        url = f"/api/v1/surveys/{survey_id}"
        survey: dict[str, Any] = client.get(url, headers=org.headers).json()["data"]
        if survey["status"] in {"reviewing", "pending"}:
            return survey
        time.sleep(0.05)
    raise AssertionError("programming never finished")


def test_programming_with_the_model(
    client: TestClient, org: OrgContext, replay: ReplayServer
) -> None:
    replay.play(recorded("program-prose-logic"))
    data = (FIXTURES / "prose-logic.txt").read_bytes()
    created = client.post(
        "/api/v1/surveys",
        files={"file": ("prose-logic.txt", data)},
        data={"engine": "llm"},
        headers=org.headers,
    )
    assert created.status_code == 201, created.text
    survey_id = created.json()["data"]["id"]
    assert created.json()["data"]["engine"] == "llm"
    url = f"/api/v1/surveys/{survey_id}"
    client.put(f"{url}/destination", json={"platform": "fielder"}, headers=org.headers)
    assert client.post(f"{url}/start-programming", json={}, headers=org.headers).status_code == 202
    done = _wait(client, org, survey_id)
    assert done["status"] == "reviewing", done["failure_reason"]
    ir = client.get(f"{url}/platform-ir", headers=org.headers).json()["ir"]
    items = {q["id"]: q for b in ir["blocks"] for q in b["items"] if "id" in q}
    assert items["Q3"]["display_if"] == "Q1 == '1' and Q2 == '1'"
    assert "Decided by the model" in items["Q3"]["attention"]["reason"]
    assert len(replay.requests) == 2


def test_programming_fails_cleanly_when_the_model_is_down(
    client: TestClient, org: OrgContext, replay: ReplayServer
) -> None:
    replay.play([{"status": 503, "error": "down"}])
    data = (FIXTURES / "prose-logic.txt").read_bytes()
    created = client.post(
        "/api/v1/surveys",
        files={"file": ("prose-logic.txt", data)},
        data={"engine": "llm"},
        headers=org.headers,
    ).json()["data"]
    url = f"/api/v1/surveys/{created['id']}"
    client.put(f"{url}/destination", json={"platform": "fielder"}, headers=org.headers)
    client.post(f"{url}/start-programming", json={}, headers=org.headers)
    done = _wait(client, org, created["id"])
    assert done["status"] == "pending"
    assert "503" in done["failure_reason"]


def test_programming_without_a_model_fails_with_the_reason(
    client: TestClient, org: OrgContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FIELDER_LLM_MODEL")
    get_settings.cache_clear()
    client.app.state.settings = get_settings()  # type: ignore[attr-defined]
    data = (FIXTURES / "prose-logic.txt").read_bytes()
    created = client.post(
        "/api/v1/surveys",
        files={"file": ("prose-logic.txt", data)},
        data={"engine": "llm"},
        headers=org.headers,
    ).json()["data"]
    url = f"/api/v1/surveys/{created['id']}"
    client.put(f"{url}/destination", json={"platform": "fielder"}, headers=org.headers)
    client.post(f"{url}/start-programming", json={}, headers=org.headers)
    done = _wait(client, org, created["id"])
    assert done["status"] == "pending"
    assert "FIELDER_LLM_MODEL" in done["failure_reason"]


@pytest.mark.parametrize(
    "conversation",
    [
        [{"role": "bogus"}],
        [{"role": "respondent", "question_id": 5, "answer": "x"}],
        [{"role": "respondent", "question_id": "ZZ", "answer": "x"}],
        [{"role": "respondent", "question_id": "ZZ", "answer": "x", "probe": True}],
    ],
)
def test_odd_turns_are_never_a_server_error(
    client: TestClient,
    settings: Settings,
    make_live: MakeLive,  # noqa: F811
    replay: ReplayServer,
    conversation: list[dict[str, Any]],
) -> None:
    live = _ai_survey(settings, make_live)
    probe_zz = {"content": json.dumps({"probe": True, "question_id": "ZZ", "question": "?"})}
    replay.play([probe_zz, probe_zz])
    reply = client.post(f"{live.public}/next", json={"conversation": conversation})
    assert reply.status_code in {200, 422}, reply.text
    if reply.status_code == 200:
        assert reply.json()["data"]["question_id"] in {"S1", "S2", "Q3", "Q4"}
    else:
        assert reply.json()["error"]["code"] == "invalid_request"
