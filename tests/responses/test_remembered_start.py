"""A start inserts on the remembered live survey (its INSERT checks that it still holds), and
a complete claims before it checks: a survey closed or published again since, or a refused
complete, answers as if the survey had been read by the request."""

from __future__ import annotations

from fastapi.testclient import TestClient

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.response import Response
from fielder.models.survey import Survey
from fielder.responses import publishing
from tests.responses.conftest import Live


def _start(client: TestClient, live: Live) -> str:
    reply = client.post(f"{live.public}/responses", json={})
    assert reply.status_code == 201, reply.text
    rid: str = reply.json()["data"]["id"]
    return rid


def _set_status(settings: Settings, live: Live, status: str) -> None:
    with session_scope(settings) as session:
        survey = session.get(Survey, live.survey_id)
        assert survey is not None
        survey.status = status


def test_a_start_on_a_survey_closed_since_is_404(
    client: TestClient, live: Live, settings: Settings
) -> None:
    _start(client, live)  # the survey is remembered
    _set_status(settings, live, "closed")
    reply = client.post(f"{live.public}/responses", json={})
    assert reply.status_code == 404, reply.text
    assert reply.json()["error"]["code"] == "survey_not_found"
    _set_status(settings, live, "live")
    _start(client, live)


def test_a_start_after_publishing_again_answers_the_new_publication(
    client: TestClient, live: Live, settings: Settings
) -> None:
    _start(client, live)
    with session_scope(settings) as session:
        survey = session.get(Survey, live.survey_id)
        assert survey is not None
        newest_id = publishing.publish(session, survey).id
    rid = _start(client, live)
    with session_scope(settings) as session:
        response = session.get(Response, rid)
        assert response is not None
        assert response.publication_id == newest_id


def test_a_refused_complete_leaves_the_response_in_progress_and_uncounted(
    client: TestClient, live: Live, settings: Settings
) -> None:
    rid = _start(client, live)
    assert client.patch(f"{live.public}/responses/{rid}", json={"answers": {}}).status_code == 200
    reply = client.post(f"{live.public}/responses/{rid}/complete")
    assert reply.status_code == 422, reply.text
    assert reply.json()["error"]["code"] == "incomplete_response"
    with session_scope(settings) as session:
        response = session.get(Response, rid)
        survey = session.get(Survey, live.survey_id)
        assert response is not None
        assert survey is not None
        assert (response.status, response.outcome, response.completed_at) == (
            "in_progress",
            None,
            None,
        )
        assert survey.response_count == 0
    answers = {"S1": "2", "S2": "1"}
    assert client.patch(f"{live.public}/responses/{rid}", json={"answers": answers}).status_code
    done = client.post(f"{live.public}/responses/{rid}/complete")
    assert done.status_code == 200, done.text
    assert done.json()["data"]["outcome"] == "complete"


def test_a_screened_out_complete_is_stored_screened_out(
    client: TestClient, live: Live, settings: Settings
) -> None:
    rid = _start(client, live)
    minor = {"S1": "1"}  # under 18: the survey ends here
    assert client.patch(f"{live.public}/responses/{rid}", json={"answers": minor}).status_code
    done = client.post(f"{live.public}/responses/{rid}/complete")
    assert done.status_code == 200, done.text
    assert done.json()["data"]["outcome"] == "screened_out"
    with session_scope(settings) as session:
        response = session.get(Response, rid)
        assert response is not None
        assert (response.status, response.outcome) == ("completed", "screened_out")
