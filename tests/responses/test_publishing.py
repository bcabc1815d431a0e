"""Publishing through the surveys API: live snapshots the IR, closed stops the public routes."""

from __future__ import annotations

import copy

from fastapi.testclient import TestClient

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.survey import Survey
from fielder.responses import publishing
from tests.conftest import OrgContext
from tests.responses.conftest import SCREENER, Live


def test_live_and_closed_through_the_surveys_api(client: TestClient, org: OrgContext) -> None:
    made = client.post(
        "/api/v1/surveys",
        json={"name": "Coffee", "slug": "coffee-habits", "ir": SCREENER},
        headers=org.headers,
    )
    assert made.status_code == 201, made.text
    survey_id = made.json()["survey_id"]
    assert client.get("/api/v1/surveys/coffee-habits/form").status_code == 404
    live = client.patch(
        f"/api/v1/surveys/{survey_id}", json={"status": "live"}, headers=org.headers
    )
    assert live.status_code == 200, live.text
    form = client.get("/api/v1/surveys/coffee-habits/form")
    assert form.status_code == 200
    assert form.json()["data"]["title"] == "Screener"
    rid = client.post("/api/v1/surveys/coffee-habits/responses", json={}).json()["data"]["id"]
    closed = client.patch(
        f"/api/v1/surveys/{survey_id}", json={"status": "closed"}, headers=org.headers
    )
    assert closed.status_code == 200, closed.text
    assert client.get("/api/v1/surveys/coffee-habits/form").status_code == 404
    late = client.patch(
        f"/api/v1/surveys/coffee-habits/responses/{rid}", json={"answers": {"S1": "2"}}
    )
    assert late.status_code == 404
    got = client.get(f"/api/v1/surveys/{survey_id}/responses/{rid}", headers=org.headers)
    assert got.status_code == 200


def test_edits_reach_respondents_only_when_published_again(
    client: TestClient, live: Live, settings: Settings
) -> None:
    edited = copy.deepcopy(SCREENER)
    edited["blocks"][0]["items"][0]["text"] = "What is your age?"
    edited["blocks"][0]["items"][0]["version"] = 2
    with session_scope(settings) as session:
        survey = session.get(Survey, live.survey_id)
        assert survey is not None
        survey.platform_ir = edited
    before = client.get(f"{live.public}/form").json()["data"]
    assert before["blocks"][0]["items"][0]["text"] == "How old are you?"
    with session_scope(settings) as session:
        survey = session.get(Survey, live.survey_id)
        assert survey is not None
        assert publishing.publish(session, survey).version == 2
    after = client.get(f"{live.public}/form").json()["data"]
    assert after["blocks"][0]["items"][0]["text"] == "What is your age?"
    assert after["question_versions"]["S1"] == 2
