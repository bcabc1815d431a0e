"""The surveys endpoints (API.md § 4), through the app, with their failure cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

SURVEY_FIELDS = {
    "id", "org_id", "name", "slug", "mode", "status", "file_id", "engine", "target_platform",
    "target_integration_id", "prior_qa", "failure_reason", "failed_at", "settings", "ai_config",
    "programming_started_at", "programming_completed_at", "programming_duration_ms",
    "question_count", "platform_ir_available", "response_count", "live_at", "closed_at",
    "created_at", "updated_at",
}  # fmt: skip

Create = Callable[..., dict[str, Any]]


def _error(answer: Any) -> str:
    code: str = answer.json()["error"]["code"]
    return code


def test_create_empty_survey(client: TestClient, org: Any) -> None:
    answer = client.post(
        "/api/v1/surveys", json={"name": "Coffee habits 2026"}, headers=org.headers
    )
    assert answer.status_code == 201
    body = answer.json()
    survey = body["data"]
    assert set(survey) == SURVEY_FIELDS
    assert body["survey_id"] == survey["id"]
    assert body["file_id"] is None
    assert survey["status"] == "pending"
    assert survey["slug"] == "coffee-habits-2026"
    assert survey["mode"] == "manual"
    assert survey["engine"] == "builtin"
    assert survey["org_id"] == org.org_id
    assert survey["response_count"] == 0
    assert survey["platform_ir_available"] is False
    assert survey["created_at"].endswith("Z")


def test_create_from_ir_goes_to_reviewing(create: Create, small_ir: dict[str, Any]) -> None:
    survey = create(ir=small_ir, mode="ai", aiConfig={"goal": "why coffee", "target_questions": 5})
    assert survey["status"] == "reviewing"
    assert survey["question_count"] == 2
    assert survey["platform_ir_available"] is True
    assert survey["target_platform"] == "fielder"
    assert survey["mode"] == "ai"
    assert survey["ai_config"] == {"goal": "why coffee", "target_questions": 5}


def test_slug_clash_gets_suffix(create: Create) -> None:
    assert create(name="Brand tracker")["slug"] == "brand-tracker"
    assert create(name="Brand Tracker!")["slug"] == "brand-tracker-2"
    assert create(name="brand tracker")["slug"] == "brand-tracker-3"


def test_explicit_slug(client: TestClient, org: Any, create: Create) -> None:
    assert create(slug="my-survey")["slug"] == "my-survey"
    clash = client.post(
        "/api/v1/surveys", json={"name": "x", "slug": "my-survey"}, headers=org.headers
    )
    assert clash.status_code == 409
    assert _error(clash) == "slug_taken"


@pytest.mark.parametrize(
    "slug", ["ab", "Upper", "with space", "x" * 65, "3f2504e0-4f89-11d3-9a0c-0305e82c3301"]
)
def test_invalid_slug(client: TestClient, org: Any, slug: str) -> None:
    answer = client.post("/api/v1/surveys", json={"name": "x", "slug": slug}, headers=org.headers)
    assert answer.status_code == 422
    assert _error(answer) == "invalid_slug"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"name": ""},
        {"name": "   "},
        {"name": 5},
        {"name": "x", "mode": "robot"},
        {"name": "x", "unknown": 1},
        {"name": "x", "ir": "not an object"},
        [1, 2],
    ],
)
def test_invalid_create_bodies(client: TestClient, org: Any, body: Any) -> None:
    answer = client.post("/api/v1/surveys", json=body, headers=org.headers)
    assert answer.status_code == 422, answer.text
    assert "error" in answer.json()


def test_malformed_json(client: TestClient, org: Any) -> None:
    answer = client.post(
        "/api/v1/surveys",
        content=b"{not json",
        headers=org.headers | {"Content-Type": "application/json"},
    )
    assert answer.status_code == 400
    assert _error(answer) == "malformed_json"


def test_invalid_ir_is_422_with_problems(
    client: TestClient, org: Any, small_ir: dict[str, Any]
) -> None:
    small_ir["blocks"][0]["items"][1]["display_if"] = "Q9 == '1'"
    answer = client.post("/api/v1/surveys", json={"name": "x", "ir": small_ir}, headers=org.headers)
    assert answer.status_code == 422
    assert _error(answer) == "invalid_ir"
    assert answer.json()["error"]["details"][0]["element_id"] == "Q2"
    bad_shape = {"schema": "fielder/ir@1", "blocks": [{"id": "B1", "items": [{"id": "Q1"}]}]}
    answer = client.post(
        "/api/v1/surveys", json={"name": "x", "ir": bad_shape}, headers=org.headers
    )
    assert answer.status_code == 422
    assert _error(answer) == "invalid_ir"
    assert client.get("/api/v1/surveys", headers=org.headers).json()["pagination"]["total"] == 0


def test_get_and_other_org_is_404(
    client: TestClient, org: Any, make_org: Any, create: Create
) -> None:
    survey = create()
    assert (
        client.get(f"/api/v1/surveys/{survey['id']}", headers=org.headers).json()["data"] == survey
    )
    other = make_org()
    for method in ("get", "delete"):
        answer = client.request(method, f"/api/v1/surveys/{survey['id']}", headers=other.headers)
        assert answer.status_code == 404
        assert _error(answer) == "survey_not_found"
    answer = client.patch(
        f"/api/v1/surveys/{survey['id']}", json={"name": "mine"}, headers=other.headers
    )
    assert answer.status_code == 404
    assert client.get("/api/v1/surveys/nope", headers=org.headers).status_code == 404


def test_list_pages_and_status_filter(
    client: TestClient, org: Any, make_org: Any, create: Create, small_ir: dict[str, Any]
) -> None:
    for n in range(3):
        create(name=f"Survey {n}")
    create(name="Ready", ir=small_ir)
    other = make_org()
    create(name="Not mine", headers=other.headers)
    page = client.get("/api/v1/surveys?per_page=2&page=2", headers=org.headers).json()
    assert page["pagination"] == {"page": 2, "per_page": 2, "total": 4, "total_pages": 2}
    assert len(page["data"]) == 2
    reviewing = client.get("/api/v1/surveys?status=reviewing", headers=org.headers).json()
    assert [s["name"] for s in reviewing["data"]] == ["Ready"]
    bad = client.get("/api/v1/surveys?status=nope", headers=org.headers)
    assert bad.status_code == 422
    assert client.get("/api/v1/surveys?per_page=101", headers=org.headers).status_code == 422


def test_listed_survey_is_the_survey_object(
    client: TestClient, org: Any, create: Create, small_ir: dict[str, Any]
) -> None:
    # The list reads rows without the ORM (surveys.repository.list_page): each listed object
    # must still be exactly what GET /surveys/{id} answers, platform_ir_available included.
    create(name="Empty")
    create(name="Ready", ir=small_ir)
    listed = client.get("/api/v1/surveys", headers=org.headers).json()["data"]
    assert {s["platform_ir_available"] for s in listed} == {True, False}
    for survey in listed:
        one = client.get(f"/api/v1/surveys/{survey['id']}", headers=org.headers).json()["data"]
        assert survey == one


def test_patch_rename_and_slug(client: TestClient, org: Any, create: Create) -> None:
    survey = create()
    create(name="Taken", slug="taken-slug")
    url = f"/api/v1/surveys/{survey['id']}"
    answer = client.patch(url, json={"name": "Renamed", "slug": "renamed"}, headers=org.headers)
    assert answer.status_code == 200
    assert answer.json()["data"]["name"] == "Renamed"
    assert answer.json()["data"]["slug"] == "renamed"
    assert client.patch(url, json={"slug": "taken-slug"}, headers=org.headers).status_code == 409
    assert client.patch(url, json={"slug": "NO"}, headers=org.headers).status_code == 422
    assert client.patch(url, json={"name": ""}, headers=org.headers).status_code == 422
    assert client.patch(url, json={"bogus": 1}, headers=org.headers).status_code == 422
    assert client.patch(url, json={"slug": "renamed"}, headers=org.headers).status_code == 200


def test_status_machine(
    client: TestClient, org: Any, create: Create, small_ir: dict[str, Any]
) -> None:
    pending = create()
    answer = client.patch(
        f"/api/v1/surveys/{pending['id']}", json={"status": "live"}, headers=org.headers
    )
    assert answer.status_code == 409
    assert _error(answer) == "invalid_transition"
    url = f"/api/v1/surveys/{create(name='Ready', ir=small_ir)['id']}"
    live = client.patch(url, json={"status": "live"}, headers=org.headers).json()["data"]
    assert live["status"] == "live"
    assert live["live_at"] is not None
    for bad in ("reviewing", "programming", "pending"):
        answer = client.patch(url, json={"status": bad}, headers=org.headers)
        assert answer.status_code == 409
        assert _error(answer) == "invalid_transition"
    assert client.patch(url, json={"status": "nope"}, headers=org.headers).status_code == 422
    closed = client.patch(url, json={"status": "closed"}, headers=org.headers).json()["data"]
    assert closed["status"] == "closed"
    assert closed["closed_at"] is not None
    reopened = client.patch(url, json={"status": "live"}, headers=org.headers).json()["data"]
    assert reopened["status"] == "live"


def test_delete(client: TestClient, org: Any, create: Create) -> None:
    survey = create()
    url = f"/api/v1/surveys/{survey['id']}"
    assert client.delete(url, headers=org.headers).status_code == 204
    assert client.get(url, headers=org.headers).status_code == 404
    assert client.delete(url, headers=org.headers).status_code == 404


def test_auth_required(client: TestClient, org: Any) -> None:
    assert client.get("/api/v1/surveys").status_code == 401
    no_org = {"Authorization": org.headers["Authorization"]}
    answer = client.get("/api/v1/surveys", headers=no_org)
    assert answer.status_code == 400
    assert _error(answer) == "missing_org"
