"""The event catalogue: every event of API.md § 10, examples that fit their models, docs that
match, and the events the parts really publish fit the payload models they are documented with."""

from __future__ import annotations

import json
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.event import Event
from fielder.responses.abandon import abandon_idle
from fielder.webhooks.catalogue import BY_NAME, EVENTS, SUBSCRIBABLE
from fielder.webhooks.docgen import rewrite
from tests.conftest import OrgContext

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
# API.md § 10, word for word.
CONTRACT = {
    "survey.created", "survey.updated", "survey.deleted", "programming.started",
    "programming.finished", "changeset-started", "changeset-completed", "changeset-failed",
    "changeset-awaiting-approval", "changeset-operation-added", "response.started",
    "response.completed", "response.abandoned", "response.deleted", "survey.closed",
}  # fmt: skip
IR: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Coffee habits",
    "blocks": [{"id": "B1", "items": [
        {"id": "Q1", "type": "single", "text": "Do you drink coffee?",
         "options": [{"code": "1", "label": "Yes"}, {"code": "2", "label": "No"}]},
        {"id": "Q2", "type": "text", "text": "Why?", "display_if": "Q1 == '1'"},
    ]}],
}  # fmt: skip
QUESTIONNAIRE = b"Q1. Do you drink coffee?\n1. Yes\n2. No\n\nQ2. Why? [OPEN END]\n"


def test_the_catalogue_is_the_contract() -> None:
    assert SUBSCRIBABLE == CONTRACT
    assert len({e.name for e in EVENTS}) == len(EVENTS)


def test_every_example_fits_its_model() -> None:
    for event in EVENTS:
        event.payload.model_validate(event.example)


def test_the_docs_list_is_generated_from_the_catalogue() -> None:
    page = DOC.read_text(encoding="utf-8")
    assert rewrite(page) == page, "run: python -m fielder.webhooks.docgen docs/webhooks.md"
    for event in EVENTS:
        assert f"### {event.name}\n" in page


def _ok(answer: Any, status: int = 200) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _wait_programmed(client: TestClient, org: OrgContext, survey_id: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        status = client.get(f"/api/v1/surveys/{survey_id}", headers=org.headers)
        if status.json()["data"]["status"] not in {"pending", "programming", "compiling"}:
            return
        assert time.monotonic() < deadline, "the programming run did not finish"
        time.sleep(0.05)


def _one_life_of_a_survey(client: TestClient, org: OrgContext, settings: Settings) -> None:
    h = org.headers
    survey = _ok(client.post("/api/v1/surveys", json={"name": "Coffee", "ir": IR}, headers=h), 201)
    survey_id = survey["data"]["id"]
    revision = client.post(
        f"/api/v1/surveys/{survey_id}/revisions", json={"prompt": "make Q1 optional"}, headers=h
    )
    proposal = _ok(revision, 202)["data"]
    _ok(client.post(f"/api/v1/changesets/{proposal['id']}/approve", headers=h))
    _ok(client.patch(f"/api/v1/surveys/{survey_id}", json={"status": "live"}, headers=h))
    slug = _ok(client.get(f"/api/v1/surveys/{survey_id}", headers=h))["data"]["slug"]
    public = f"/api/v1/surveys/{slug}/responses"
    done = _ok(client.post(public, json={}), 201)["data"]["id"]
    _ok(client.patch(f"{public}/{done}", json={"answers": {"Q1": "2"}}))
    _ok(client.post(f"{public}/{done}/complete"))
    idle = _ok(client.post(public, json={}), 201)["data"]["id"]
    with session_scope(settings) as session:
        assert abandon_idle(session, 1, now=utcnow() + timedelta(hours=2)) == 1
    responses = f"/api/v1/surveys/{survey_id}/responses"
    assert client.delete(f"{responses}/{idle}", headers=h).status_code == 204
    _ok(client.patch(f"/api/v1/surveys/{survey_id}", json={"status": "closed"}, headers=h))
    assert client.delete(f"/api/v1/surveys/{survey_id}", headers=h).status_code == 204
    upload = {"file": ("coffee.txt", QUESTIONNAIRE, "text/plain")}
    programmed = _ok(client.post("/api/v1/surveys", files=upload, headers=h), 201)["survey_id"]
    destination = {"platform": "fielder"}  # without one, a run stops at waiting_for_destination
    _ok(client.put(f"/api/v1/surveys/{programmed}/destination", json=destination, headers=h))
    _ok(client.post(f"/api/v1/surveys/{programmed}/start-programming", json={}, headers=h), 202)
    _wait_programmed(client, org, programmed)


def test_published_events_fit_their_payload_models(
    client: TestClient, org: OrgContext, settings: Settings
) -> None:
    _one_life_of_a_survey(client, org, settings)
    with session_scope(settings) as session:
        published = list(session.scalars(select(Event).where(Event.org_id == org.org_id)))
    seen = set()
    for event in published:
        if event.name in BY_NAME:
            # Through JSON, as a receiver gets it.
            BY_NAME[event.name].payload.model_validate(json.loads(json.dumps(event.data)))
            seen.add(event.name)
    # A changeset fails only when a run breaks; the programming tests cover that path.
    assert seen == SUBSCRIBABLE - {"changeset-failed"}
