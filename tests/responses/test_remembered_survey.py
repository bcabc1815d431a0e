"""The public writes act on the live survey an earlier request read (no lookup round trip),
and their statements check that it still holds: a survey closed or published again since
answers exactly as if it had been read by this request."""

from __future__ import annotations

import copy
from typing import Any

from fastapi.testclient import TestClient

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.survey import Survey
from fielder.responses import publishing
from tests.responses.conftest import SCREENER, Live

WOMAN = {"S1": "2", "S2": "2"}


def _started(client: TestClient, live: Live) -> str:
    reply = client.post(f"{live.public}/responses", json={})
    assert reply.status_code == 201, reply.text
    rid: str = reply.json()["data"]["id"]
    # The survey is now remembered by this process: a save reads it no more.
    assert client.patch(f"{live.public}/responses/{rid}", json={"answers": {}}).status_code == 200
    return rid


def _save(client: TestClient, live: Live, rid: str, answers: dict[str, Any]) -> Any:
    return client.patch(f"{live.public}/responses/{rid}", json={"answers": answers})


def _set_status(settings: Settings, live: Live, status: str) -> None:
    with session_scope(settings) as session:
        survey = session.get(Survey, live.survey_id)
        assert survey is not None
        survey.status = status


def _publish_again(settings: Settings, live: Live, ir: dict[str, Any]) -> None:
    with session_scope(settings) as session:
        survey = session.get(Survey, live.survey_id)
        assert survey is not None
        survey.platform_ir = ir
        publishing.publish(session, survey)


def test_a_survey_closed_since_refuses_saves_and_completes(
    client: TestClient, live: Live, settings: Settings
) -> None:
    rid = _started(client, live)
    assert _save(client, live, rid, WOMAN).status_code == 200
    _set_status(settings, live, "closed")
    for reply in (
        _save(client, live, rid, WOMAN),
        client.post(f"{live.public}/responses/{rid}/complete"),
    ):
        assert reply.status_code == 404, reply.text
        assert reply.json()["error"]["code"] == "survey_not_found"
    _set_status(settings, live, "live")
    assert client.post(f"{live.public}/responses/{rid}/complete").status_code == 200
    _set_status(settings, live, "closed")
    # A repeated complete of a completed response is 404 too once the survey is closed.
    assert client.post(f"{live.public}/responses/{rid}/complete").status_code == 404


def test_saves_are_checked_against_the_publication_of_now(
    client: TestClient, live: Live, settings: Settings
) -> None:
    rid = _started(client, live)
    more = copy.deepcopy(SCREENER)
    more["blocks"][0]["items"][1]["options"].append({"code": "3", "label": "Other"})
    _publish_again(settings, live, more)
    # The remembered IR would refuse code 3: the new publication takes it.
    assert _save(client, live, rid, {"S1": "2", "S2": "3"}).status_code == 200
    _publish_again(settings, live, SCREENER)
    # The remembered IR would take code 3: the survey's publication now refuses it.
    reply = _save(client, live, rid, {"S1": "2", "S2": "3"})
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["code"] == "invalid_answers"


def test_completes_are_checked_against_the_publication_of_now(
    client: TestClient, live: Live, settings: Settings
) -> None:
    rid = _started(client, live)
    assert _save(client, live, rid, WOMAN).status_code == 200
    stricter = copy.deepcopy(SCREENER)
    stricter["blocks"][0]["items"][3]["required"] = True  # Q4, unanswered
    _publish_again(settings, live, stricter)
    reply = client.post(f"{live.public}/responses/{rid}/complete")
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["code"] == "incomplete_response"
    assert _save(client, live, rid, WOMAN | {"Q4": 2}).status_code == 200
    done = client.post(f"{live.public}/responses/{rid}/complete")
    assert done.status_code == 200, done.text
    assert done.json()["data"]["outcome"] == "complete"
    assert _save(client, live, rid, WOMAN).status_code == 409
