"""Two orgs never see each other's objects: every id-taking route answers 404 to the other org.

The routes come from the app's own OpenAPI description, so a new route with a path parameter
is covered as soon as it exists (or the test names it as not covered).
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.testclient import TestClient

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.survey import Survey
from fielder.responses import publishing
from tests.conftest import MakeOrg, OrgContext

IR: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Coffee habits",
    "blocks": [
        {
            "id": "B1",
            "items": [
                {
                    "id": "Q1",
                    "type": "single",
                    "text": "Do you drink coffee?",
                    "options": [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}],
                },
                {"id": "Q2", "type": "text", "text": "Why?", "display_if": "Q1 == '1'"},
            ],
        }
    ],
}
QUESTIONNAIRE = b"Q1. Do you drink coffee?\n1. Yes\n2. No\n\nQ2. Why? [OPEN END]\n"

PATCH_TYPE = "application/json-patch+json"
# Routes addressed by a public slug (the respondent's flow, no key), not by an org's id.
PUBLIC_PREFIX = "/api/v1/surveys/{slug}"


@dataclass
class Owned:
    """The ids of one of each object org A owns, by path parameter name."""

    ids: dict[str, str] = field(default_factory=dict)


def _publish(settings: Settings, org: OrgContext) -> tuple[str, str]:
    """A live survey of `org` (id, slug), published as the fielding tests do."""
    with session_scope(settings) as session:
        survey = Survey(
            org_id=org.org_id,
            name="Live one",
            slug=f"live-{org.org_id[:8]}",
            mode="manual",
            status="reviewing",
            target_platform="fielder",
            platform_ir=copy.deepcopy(IR),
        )
        session.add(survey)
        session.flush()
        publishing.publish(session, survey)
        survey.status = "live"
        survey.live_at = utcnow()
        return survey.id, survey.slug


@pytest.fixture
def owned(client: TestClient, org: OrgContext, settings: Settings) -> Owned:
    """Org A with a survey, a file, a changeset, a change, a response, an integration, a key."""
    h = org.headers
    survey = client.post("/api/v1/surveys", json={"name": "Mine", "ir": IR}, headers=h)
    assert survey.status_code == 201, survey.text
    survey_id = survey.json()["data"]["id"]
    patch = [{"op": "replace", "path": "/title", "value": "Mine, edited"}]
    edited = client.patch(
        f"/api/v1/surveys/{survey_id}/platform-ir",
        content=json.dumps(patch),
        headers={**h, "Content-Type": PATCH_TYPE},
    )
    assert edited.status_code == 200, edited.text
    history = client.get(f"/api/v1/surveys/{survey_id}/history", headers=h).json()["data"]
    changes = client.get(f"/api/v1/surveys/{survey_id}/changes", headers=h).json()["data"]
    upload = client.post(
        "/api/v1/files", files={"file": ("coffee.txt", QUESTIONNAIRE, "text/plain")}, headers=h
    )
    assert upload.status_code == 201, upload.text
    live_id, slug = _publish(settings, org)
    started = client.post(f"/api/v1/surveys/{slug}/responses", json={})
    assert started.status_code == 201, started.text
    respondents = client.post(
        f"/api/v1/surveys/{live_id}/respondents",
        json={"email": "a@example.org"},
        headers=h,
    )
    assert respondents.status_code in (200, 201), respondents.text
    integration = client.post(
        "/api/v1/integrations",
        json={"platform": "qualtrics", "name": "Ours", "credentials": {"token": "t"}},
        headers=h,
    )
    assert integration.status_code == 201, integration.text
    keys = client.get("/api/v1/api-keys", headers=h).json()["data"]
    # .invalid never resolves (RFC 2606): nothing is sent anywhere.
    webhook = client.post("/api/v1/webhooks", json={"url": "https://hooks.invalid/x"}, headers=h)
    assert webhook.status_code == 201, webhook.text
    webhook_id = webhook.json()["data"]["id"]
    delivery = client.post(f"/api/v1/webhooks/{webhook_id}/test", headers=h)
    assert delivery.status_code == 202, delivery.text
    return Owned(
        {
            "survey_id": live_id,
            "file_id": upload.json()["data"]["id"],
            "changeset_id": history[0]["id"],
            "change_id": changes[0]["id"],
            "response_id": started.json()["data"]["id"],
            "integration_id": integration.json()["data"]["id"],
            "key_id": keys[0]["id"],
            "webhook_id": webhook_id,
            "delivery_id": delivery.json()["data"]["id"],
            "_edited_survey": survey_id,
        }
    )


def _id_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every /api/v1 operation with a path parameter, public ones aside."""
    routes = []
    for path, operations in app.openapi()["paths"].items():
        if "{" not in path or path.startswith(PUBLIC_PREFIX):
            continue
        routes.extend((method.upper(), path) for method in operations)
    return routes


def _fill(path: str, ids: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in ids, f"no object of org A for the path parameter {name} of {path}"
        return ids[name]

    return re.sub(r"\{(\w+)\}", one, path)


def _bodies(method: str, path: str) -> dict[str, Any]:
    """A body that would be valid for the owner, so that only ownership can refuse it."""
    if path.endswith("/platform-ir") and method == "PUT":
        return {"json": IR}
    if path.endswith("/platform-ir") and method == "PATCH":
        ops = [{"op": "replace", "path": "/title", "value": "x"}]
        return {"content": json.dumps(ops), "headers": {"Content-Type": PATCH_TYPE}}
    if path.endswith("/destination"):
        return {"json": {"platform": "surveyjs"}}
    if path.endswith("/revisions"):
        return {"json": {"prompt": "make Q1 optional"}}
    if path.endswith("/respondents") and method == "POST":
        return {"json": {"email": "b@example.org"}}
    if path.endswith("/sources") and method == "POST":
        return {"json": {"name": "panel"}}
    if path.endswith("/pull"):
        return {"files": {"file": ("x.qsf", b"{}", "application/json")}}
    if path.endswith("/export") and method == "GET":
        return {"params": {"platform": "surveyjs"}}
    if path.endswith("/export") and method == "POST":
        return {"json": {"format": "csv"}}
    if path.endswith("/qa"):
        return {"json": {}}
    if method == "PATCH" and path.startswith("/api/v1/webhooks"):
        return {"json": {"description": "stolen"}}
    if method == "PATCH":
        return {"json": {"name": "stolen"}}
    if method in ("POST", "PUT"):
        return {"json": {}}
    return {}


def test_every_id_route_is_404_for_another_org(
    app: FastAPI, client: TestClient, owned: Owned, make_org: MakeOrg, org: OrgContext
) -> None:
    intruder = make_org()
    routes = _id_routes(app)
    assert len(routes) > 20
    for method, path in routes:
        url = _fill(path, owned.ids)
        body = _bodies(method, path)
        headers = {**intruder.headers, **body.pop("headers", {})}
        answer = client.request(method, url, headers=headers, **body)
        assert answer.status_code == 404, f"{method} {path}: {answer.status_code} {answer.text}"
    # Nothing the intruder tried changed anything of org A.
    survey = client.get(f"/api/v1/surveys/{owned.ids['survey_id']}", headers=org.headers)
    assert survey.status_code == 200
    assert survey.json()["data"]["status"] == "live"
    keys = client.get("/api/v1/api-keys", headers=org.headers).json()["data"]
    assert all(key.get("revoked_at") is None for key in keys)
    edited = client.get(
        f"/api/v1/surveys/{owned.ids['_edited_survey']}/platform-ir", headers=org.headers
    )
    assert edited.json()["ir"]["title"] == "Mine, edited"


def test_every_list_is_empty_for_another_org(
    client: TestClient, owned: Owned, make_org: MakeOrg
) -> None:
    intruder = make_org()
    surveys = client.get("/api/v1/surveys", headers=intruder.headers)
    assert surveys.status_code == 200, surveys.text
    assert surveys.json()["data"] == []
    # The built-in hosted and file-platform integrations are everyone's; A's own one is not.
    integrations = client.get("/api/v1/integrations", headers=intruder.headers).json()["data"]
    assert owned.ids["integration_id"] not in {item["id"] for item in integrations}
    assert all(item["kind"] != "api" for item in integrations)
    keys = client.get("/api/v1/api-keys", headers=intruder.headers).json()["data"]
    assert owned.ids["key_id"] not in {key["id"] for key in keys}
