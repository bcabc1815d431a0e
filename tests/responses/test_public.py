"""The public respondent flow through the app: form, start, save, complete, and bad input."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fielder.config import Settings
from tests.conftest import MakeOrg
from tests.responses.conftest import Live, MakeLive
from tests.responses.ir_samples import full_answers


def _start(client: TestClient, live: Live, **body: Any) -> dict[str, Any]:
    reply = client.post(f"{live.public}/responses", json=body)
    assert reply.status_code == 201, reply.text
    data: dict[str, Any] = reply.json()["data"]
    return data


def _save(client: TestClient, live: Live, response_id: str, answers: dict[str, Any]) -> Any:
    return client.patch(f"{live.public}/responses/{response_id}", json={"answers": answers})


def _complete(client: TestClient, live: Live, response_id: str) -> Any:
    return client.post(f"{live.public}/responses/{response_id}/complete")


def test_form_has_questions_versions_and_logic(client: TestClient, live: Live) -> None:
    reply = client.get(f"{live.public}/form", params={"lang": "en"})
    assert reply.status_code == 200
    form = reply.json()["data"]
    assert form["language"] == "en"
    items = form["blocks"][0]["items"]
    assert [item["id"] for item in items] == ["S1", "S2", "Q3", "Q4"]
    assert items[0]["terminate_if"] == "S1 == '1'"
    assert form["question_versions"] == {"S1": 1, "S2": 1, "Q3": 1, "Q4": 1}
    assert reply.headers["access-control-allow-origin"] == "*"


def test_not_live_is_404(client: TestClient) -> None:
    reply = client.get("/api/v1/surveys/no-such-survey/form")
    assert reply.status_code == 404
    assert reply.json()["error"]["code"] == "survey_not_found"
    assert reply.headers["access-control-allow-origin"] == "*"
    assert client.post("/api/v1/surveys/no-such-survey/responses", json={}).status_code == 404


def test_start_save_complete(client: TestClient, live: Live) -> None:
    started = _start(
        client, live, respondent_email="a@example.org", metadata={"panel": "x", "ip": "1.2.3.4"}
    )
    assert started["status"] == "in_progress"
    assert started["metadata"]["panel"] == "x"
    assert started["metadata"]["ip"] == "testclient"  # the server's value wins
    assert started["metadata"]["user_agent"]
    rid = started["id"]
    saved = _save(client, live, rid, {"S1": "2", "S2": "1"})
    assert saved.status_code == 200, saved.text
    assert saved.json()["data"]["answers"] == {"S1": "2", "S2": "1"}
    assert saved.json()["data"]["status"] == "in_progress"
    done = _complete(client, live, rid)
    assert done.status_code == 200, done.text
    data = done.json()["data"]
    assert (data["status"], data["outcome"]) == ("completed", "complete")
    assert data["completed_at"]
    again = _complete(client, live, rid)
    assert again.json()["data"] == data
    late = _save(client, live, rid, {"S1": "3"})
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "response_completed"
    survey = client.get(live.team, headers=live.org.headers)
    if survey.status_code == 200:  # the surveys routes are the programming domain's
        assert survey.json()["data"]["response_count"] == 1


def test_invalid_answers_are_422_with_details(client: TestClient, live: Live) -> None:
    rid = _start(client, live)["id"]
    reply = _save(client, live, rid, {"S1": "9", "S2": ["1"], "NOPE": "x", "Q4": "many"})
    assert reply.status_code == 422
    body = reply.json()["error"]
    assert body["code"] == "invalid_answers"
    assert {d["question_id"] for d in body["details"]} == {"S1", "S2", "NOPE", "Q4"}


def test_complete_checks_required_and_hidden(client: TestClient, live: Live) -> None:
    rid = _start(client, live)["id"]
    assert _save(client, live, rid, {"S1": "2"}).status_code == 200
    missing = _complete(client, live, rid)
    assert missing.status_code == 422
    assert missing.json()["error"]["details"][0]["question_id"] == "S2"
    assert _save(client, live, rid, {"S1": "2", "S2": "1", "Q3": "tasty"}).status_code == 200
    hidden = _complete(client, live, rid)
    assert hidden.status_code == 422
    assert hidden.json()["error"]["details"][0]["code"] == "hidden_answered"


def test_termination_screens_out(client: TestClient, live: Live) -> None:
    rid = _start(client, live)["id"]
    _save(client, live, rid, {"S1": "1"})
    done = _complete(client, live, rid)
    assert done.status_code == 200, done.text
    assert done.json()["data"]["outcome"] == "screened_out"


def test_full_quota_gives_over_quota(client: TestClient, live: Live) -> None:
    outcomes = []
    for _ in range(3):
        rid = _start(client, live)["id"]
        _save(client, live, rid, {"S1": "2", "S2": "2"})
        outcomes.append(_complete(client, live, rid).json()["data"]["outcome"])
    assert outcomes == ["complete", "complete", "over_quota"]


def test_every_answer_shape_is_accepted(client: TestClient, every_type_live: Live) -> None:
    rid = _start(client, every_type_live)["id"]
    reply = _save(client, every_type_live, rid, full_answers())
    assert reply.status_code == 200, reply.text
    assert _complete(client, every_type_live, rid).status_code == 200


def test_response_of_another_survey_is_404(client: TestClient, make_live: MakeLive) -> None:
    first, second = make_live(), make_live()
    rid = _start(client, first)["id"]
    assert _save(client, second, rid, {}).status_code == 404
    assert _complete(client, second, rid).status_code == 404


def test_respondent_token_resumes_one_response(client: TestClient, live: Live) -> None:
    first = client.post(f"{live.public}/responses", json={"respondent_token": "tok-1"})
    second = client.post(f"{live.public}/responses", json={"respondent_token": "tok-1"})
    assert first.status_code == 201
    assert second.status_code == 200
    assert first.json()["data"]["id"] == second.json()["data"]["id"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"[1, 2]", 422, "invalid_request"),
        (b'{"answers": "S1"}', 422, "invalid_request"),
        (b'{"answers": {"S1": NaN}}', 400, "malformed_json"),
        (b'{"unknown_field": 1}', 422, "invalid_request"),
    ],
)
def test_malformed_bodies(
    client: TestClient, live: Live, body: bytes, status: int, code: str
) -> None:
    rid = _start(client, live)["id"]
    reply = client.patch(
        f"{live.public}/responses/{rid}",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert reply.status_code == status, reply.text
    assert reply.json()["error"]["code"] == code


def test_oversized_body_is_413(client: TestClient, live: Live) -> None:
    rid = _start(client, live)["id"]
    huge = {"answers": {"Q3": "x" * (1024 * 1024 + 10)}}
    reply = client.patch(f"{live.public}/responses/{rid}", json=huge)
    assert reply.status_code == 413


def test_text_over_the_limit_is_422(client: TestClient, live: Live) -> None:
    rid = _start(client, live)["id"]
    reply = _save(client, live, rid, {"S1": "3", "Q3": "x" * 10_001})
    assert reply.status_code == 422


def test_preflight(client: TestClient, live: Live) -> None:
    reply = client.options(
        f"{live.public}/responses",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    assert reply.status_code == 204
    assert reply.headers["access-control-allow-origin"] == "*"
    assert "POST" in reply.headers["access-control-allow-methods"]


def test_source_is_recorded(client: TestClient, live: Live, make_org: MakeOrg) -> None:
    integrations = client.get("/api/v1/integrations", headers=live.org.headers).json()["data"]
    hosted = next(i for i in integrations if i["kind"] == "hosted")
    source = client.post(
        f"/api/v1/integrations/{hosted['id']}/surveys/{live.survey_id}/sources",
        json={"name": "newsletter"},
        headers=live.org.headers,
    )
    assert source.status_code == 201, source.text
    src = source.json()["data"]
    assert src["url"].endswith(f"/s/{live.slug}?src={src['id']}")
    reply = client.post(f"{live.public}/responses", params={"src": src["id"]}, json={})
    response = reply.json()["data"]
    assert response["metadata"]["source"] == src["id"]
    _save(client, live, response["id"], {"S1": "2", "S2": "1"})
    _complete(client, live, response["id"])
    listed = client.get(
        f"/api/v1/integrations/{hosted['id']}/surveys/{live.survey_id}/sources",
        headers=live.org.headers,
    ).json()["data"]
    assert listed[0]["response_count"] == 1


def test_nul_characters_are_refused_not_stored(client: TestClient, live: Live) -> None:
    started = client.post(f"{live.public}/responses", json={"metadata": {"note": "a\u0000b"}})
    assert started.status_code == 422
    assert started.json()["error"]["code"] == "invalid_text"
    rid = _start(client, live)["id"]
    assert _save(client, live, rid, {"Q3": "x\u0000"}).status_code == 422
    assert client.patch(f"{live.public}/responses/a%00b", json={}).status_code == 404
    assert client.get("/api/v1/surveys/a%00b/form").status_code == 404
    team = client.get(f"{live.team}/responses/a%00b", headers=live.org.headers)
    assert team.status_code == 404


def test_nul_in_a_key_is_refused_and_an_escaped_backslash_is_not_a_nul(
    client: TestClient, live: Live
) -> None:
    keyed = client.post(f"{live.public}/responses", json={"metadata": {"a\u0000": 1}})
    assert keyed.json()["error"]["code"] == "invalid_text"
    # The JSON text `"\\u0000"` is a backslash then `u0000`: six ordinary characters.
    started = client.post(f"{live.public}/responses", json={"metadata": {"note": "\\u0000"}})
    assert started.status_code == 201
    assert started.json()["data"]["metadata"]["note"] == "\\u0000"


def test_a_save_with_metadata_answers_with_what_it_stored(client: TestClient, live: Live) -> None:
    rid = _start(client, live)["id"]
    body = {"answers": {"S1": "2"}, "metadata": {"panel": "y", "ip": "9.9.9.9"}}
    saved = client.patch(f"{live.public}/responses/{rid}", json=body).json()["data"]
    assert saved["answers"] == {"S1": "2"}
    assert saved["metadata"]["panel"] == "y"
    assert saved["metadata"]["ip"] == "testclient"  # the server's key is kept
    again = client.patch(f"{live.public}/responses/{rid}", json={"metadata": {"panel": "z"}})
    assert again.json()["data"]["metadata"]["panel"] == "z"
    assert again.json()["data"]["answers"] == {"S1": "2"}


def test_a_write_locked_out_of_sqlite_is_503_with_retry_after(
    client: TestClient, live: Live, settings: Settings
) -> None:
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("SQLite's single write lock")
    rid = _start(client, live)["id"]
    holder = sqlite3.connect(settings.database_url.split("///", 1)[1], timeout=1)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock past busy_timeout
        reply = _save(client, live, rid, {"S1": "2"})
    finally:
        holder.rollback()
        holder.close()
    assert reply.status_code == 503
    assert reply.json()["error"]["code"] == "database_busy"
    assert reply.headers["retry-after"] == "1"
    assert _save(client, live, rid, {"S1": "2"}).status_code == 200


def test_every_answer_shows_the_stored_response_as_the_team_reads_it(
    client: TestClient, live: Live
) -> None:
    """The flow writes with Core statements and builds its JSON itself: each answer must be
    what the team's API (ORM row through `ResponseRead`) shows of the same stored row."""
    started = _start(client, live, metadata={"panel": "x"})
    rid = started["id"]
    saved = _save(client, live, rid, {"S1": "2", "S2": "1"}).json()["data"]
    done = _complete(client, live, rid).json()["data"]
    stored = client.get(f"{live.team}/responses/{rid}", headers=live.org.headers).json()["data"]
    assert done == stored
    for key in ("id", "survey_id", "metadata", "started_at", "created_at"):
        assert started[key] == saved[key] == stored[key]
    assert saved["answers"] == stored["answers"]
