"""Revisions by prompt (API.md § 6): proposal awaiting approval, approve, reject."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

Create = Callable[..., dict[str, Any]]


@pytest.fixture
def survey(create: Create, small_ir: dict[str, Any]) -> dict[str, Any]:
    return create(ir=small_ir)


def _revise(client: TestClient, org: Any, survey_id: str, prompt: str, **headers: str) -> Any:
    return client.post(
        f"/api/v1/surveys/{survey_id}/revisions",
        json={"prompt": prompt},
        headers=org.headers | headers,
    )


def _ir(client: TestClient, org: Any, survey_id: str) -> dict[str, Any]:
    body: dict[str, Any] = client.get(
        f"/api/v1/surveys/{survey_id}/platform-ir", headers=org.headers
    ).json()
    return body


def test_propose_then_approve(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    before = _ir(client, org, survey["id"])
    answer = _revise(client, org, survey["id"], "make Q1 multi-select; make Q2 optional")
    assert answer.status_code == 202, answer.text
    proposal = answer.json()["data"]
    assert proposal["type"] == "ai_prompt"
    assert proposal["status"] == "awaiting_approval"
    assert [c["element_id"] for c in proposal["changes"]] == ["Q1", "Q2"]
    assert proposal["changes"][0]["after"]["blocks"][0]["items"][0]["type"] == "multi"
    assert _ir(client, org, survey["id"]) == before  # nothing applied yet
    approved = client.post(f"/api/v1/changesets/{proposal['id']}/approve", headers=org.headers)
    assert approved.status_code == 200
    assert approved.json()["data"]["status"] == "complete"
    items = _ir(client, org, survey["id"])["ir"]["blocks"][0]["items"]
    assert items[0]["type"] == "multi"
    assert items[0]["version"] == 2
    assert items[1]["required"] is False
    again = client.post(f"/api/v1/changesets/{proposal['id']}/approve", headers=org.headers)
    assert again.status_code == 409


def test_reject(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    before = _ir(client, org, survey["id"])
    proposal = _revise(client, org, survey["id"], "delete Q2").json()["data"]
    rejected = client.post(f"/api/v1/changesets/{proposal['id']}/reject", headers=org.headers)
    assert rejected.json()["data"]["status"] == "discarded"
    assert _ir(client, org, survey["id"]) == before
    late = client.post(f"/api/v1/changesets/{proposal['id']}/approve", headers=org.headers)
    assert late.status_code == 409


def test_stale_proposal(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    proposal = _revise(client, org, survey["id"], "delete Q2").json()["data"]
    client.patch(
        f"/api/v1/surveys/{survey['id']}/platform-ir",
        json=[{"op": "remove", "path": "/blocks/0/items/1"}],
        headers=org.headers | {"Content-Type": "application/json-patch+json"},
    )
    answer = client.post(f"/api/v1/changesets/{proposal['id']}/approve", headers=org.headers)
    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "proposal_stale"


def test_not_understood_lists_commands(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    answer = _revise(client, org, survey["id"], "make it sparkle")
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "revision_not_understood"
    assert {"command": "make Q3 multi-select"} in error["details"]
    assert _revise(client, org, survey["id"], "delete Q42").status_code == 422


def test_revision_that_breaks_logic(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    answer = _revise(client, org, survey["id"], "delete Q1")  # Q2 shows only if Q1 == '1'
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_ir"


def test_revision_failure_cases(
    client: TestClient, org: Any, make_org: Any, create: Create, survey: dict[str, Any]
) -> None:
    other = make_org()
    assert _revise(client, other, survey["id"], "delete Q2").status_code == 404
    pending = create(name="Nothing yet")
    assert _revise(client, org, pending["id"], "delete Q2").status_code == 409
    empty = client.post(
        f"/api/v1/surveys/{survey['id']}/revisions", json={"prompt": ""}, headers=org.headers
    )
    assert empty.status_code == 422
    proposal = _revise(client, org, survey["id"], "delete Q2").json()["data"]
    for action in ("approve", "reject"):
        url = f"/api/v1/changesets/{proposal['id']}/{action}"
        assert client.post(url, headers=other.headers).status_code == 404


def test_idempotent_revision(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    first = _revise(client, org, survey["id"], "delete Q2", **{"Idempotency-Key": "rev-1"})
    second = _revise(client, org, survey["id"], "delete Q2", **{"Idempotency-Key": "rev-1"})
    assert first.status_code == second.status_code == 202
    assert first.json() == second.json()
    history = client.get(f"/api/v1/surveys/{survey['id']}/history", headers=org.headers).json()
    assert [c["type"] for c in history["data"]].count("ai_prompt") == 1
