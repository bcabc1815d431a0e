"""Destination and programming (API.md § 6, DESIGN.md pipeline) through the app and its
embedded job consumer."""

from __future__ import annotations

import time
from typing import Any

import pytest
from starlette.testclient import TestClient

QUESTIONNAIRE = b"""Coffee habits

S1. How old are you?
1. Under 18 TERMINATE
2. 18-34
3. 35 or older

Q1. Which brands have you bought? Select all that apply.
1. Brand A
2. Brand B
3. Brand C

Q2. How many cups do you drink a day?
1. None
2. One
3. Two or more

Q3. Why do you drink coffee?
"""


def _upload(client: TestClient, org: Any, data: bytes = QUESTIONNAIRE) -> dict[str, Any]:
    answer = client.post(
        "/api/v1/surveys", files={"file": ("coffee.txt", data)}, headers=org.headers
    )
    assert answer.status_code == 201, answer.text
    survey: dict[str, Any] = answer.json()["data"]
    return survey


def _wait(client: TestClient, org: Any, survey_id: str, statuses: set[str]) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        survey: dict[str, Any] = client.get(
            f"/api/v1/surveys/{survey_id}", headers=org.headers
        ).json()["data"]
        if survey["status"] in statuses:
            return survey
        time.sleep(0.05)
    raise AssertionError(f"survey never reached {statuses}")


def _start(client: TestClient, org: Any, survey_id: str, **body: Any) -> Any:
    return client.post(
        f"/api/v1/surveys/{survey_id}/start-programming", json=body, headers=org.headers
    )


def test_program_with_destination_to_reviewing(client: TestClient, org: Any) -> None:
    survey = _upload(client, org)
    url = f"/api/v1/surveys/{survey['id']}"
    assert client.put(f"{url}/destination", json={"platform": "qualtrics"}, headers=org.headers)
    answer = _start(client, org, survey["id"])
    assert answer.status_code == 202
    assert answer.json() == {"ok": True, "already_running": False, "status": "programming"}
    done = _wait(client, org, survey["id"], {"reviewing", "pending"})
    assert done["status"] == "reviewing", done["failure_reason"]
    assert done["question_count"] == 4
    assert done["platform_ir_available"] is True
    assert done["programming_started_at"]
    assert done["programming_completed_at"]
    assert done["programming_duration_ms"] >= 0
    ir = client.get(f"{url}/platform-ir", headers=org.headers).json()["ir"]
    assert ir["platform"] == "qualtrics"
    history = client.get(f"{url}/history", headers=org.headers).json()["data"]
    assert [(c["type"], c["status"]) for c in history] == [("initial_programming", "complete")]
    changes = client.get(
        f"/api/v1/changesets/{history[0]['id']}?snapshots=false", headers=org.headers
    ).json()["data"]["changes"]
    question_changes = [c["element_id"] for c in changes if c["element_id"]]
    assert question_changes == ["S1", "Q1", "Q2", "Q3"]
    again = _start(client, org, survey["id"])
    assert again.json() == {"ok": True, "already_running": False, "status": "reviewing"}


def test_waiting_for_destination_then_set(client: TestClient, org: Any) -> None:
    survey = _upload(client, org)
    _start(client, org, survey["id"], qa=[])
    waiting = _wait(client, org, survey["id"], {"waiting_for_destination", "pending"})
    assert waiting["status"] == "waiting_for_destination", waiting["failure_reason"]
    url = f"/api/v1/surveys/{survey['id']}"
    assert client.get(f"{url}/platform-ir", headers=org.headers).status_code == 409
    assert _start(client, org, survey["id"]).json()["already_running"] is True
    bad = client.put(f"{url}/destination", json={"platform": "myspace"}, headers=org.headers)
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "unknown_platform"
    answer = client.put(f"{url}/destination", json={"platform": "surveyjs"}, headers=org.headers)
    assert answer.status_code == 200
    assert answer.json()["data"]["target_platform"] == "surveyjs"
    done = _wait(client, org, survey["id"], {"reviewing", "pending"})
    assert done["status"] == "reviewing", done["failure_reason"]
    history = client.get(f"{url}/history", headers=org.headers).json()["data"]
    assert [(c["type"], c["status"]) for c in history] == [("initial_programming", "complete")]


def test_force_rerun_keeps_history(client: TestClient, org: Any) -> None:
    survey = _upload(client, org)
    url = f"/api/v1/surveys/{survey['id']}"
    client.put(f"{url}/destination", json={"platform": "fielder"}, headers=org.headers)
    _start(client, org, survey["id"])
    _wait(client, org, survey["id"], {"reviewing", "pending"})
    client.patch(
        f"{url}/platform-ir",
        json=[{"op": "replace", "path": "/blocks/0/items/0/text", "value": "Edited"}],
        headers=org.headers | {"Content-Type": "application/json-patch+json"},
    )
    forced = _start(client, org, survey["id"], force=True)
    assert forced.json()["already_running"] is False
    done = _wait(client, org, survey["id"], {"reviewing", "pending"})
    assert done["status"] == "reviewing"
    history = client.get(f"{url}/history", headers=org.headers).json()["data"]
    assert [c["type"] for c in history] == ["initial_programming", "manual", "initial_programming"]
    assert history[0]["change_count"] == 1  # only the edited question changed back


@pytest.mark.parametrize(
    ("body", "status"),
    [({"force": "yes please"}, 422), ({"qa": "x"}, 422), ({"bogus": 1}, 422)],
)
def test_start_bad_bodies(client: TestClient, org: Any, body: Any, status: int) -> None:
    survey = _upload(client, org)
    assert _start(client, org, survey["id"], **body).status_code == status


def test_start_failure_cases(
    client: TestClient, org: Any, make_org: Any, small_ir: dict[str, Any]
) -> None:
    no_file = client.post("/api/v1/surveys", json={"name": "x"}, headers=org.headers).json()
    answer = _start(client, org, no_file["survey_id"])
    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "no_file"
    survey = _upload(client, org)
    other = make_org()
    assert _start(client, other, survey["id"]).status_code == 404
    url = f"/api/v1/surveys/{survey['id']}/destination"
    assert client.put(url, json={"platform": "fielder"}, headers=other.headers).status_code == 404
    assert client.put(url, json={}, headers=org.headers).status_code == 422


def test_failed_run_goes_back_to_pending(client: TestClient, org: Any) -> None:
    survey = _upload(client, org, b"Just one line of prose, not a questionnaire at all.")
    _start(client, org, survey["id"])
    done = _wait(client, org, survey["id"], {"reviewing", "pending", "waiting_for_destination"})
    assert done["status"] == "pending"
    assert done["failure_reason"] == "No questions were found in the questionnaire."
    assert done["failed_at"]
    history = client.get(f"/api/v1/surveys/{survey['id']}/history", headers=org.headers).json()
    assert history["data"][0]["status"] == "error"
    # the survey stays usable: it can be programmed again
    assert _start(client, org, survey["id"]).status_code == 202


def test_programming_events(client: TestClient, org: Any, session: Any) -> None:
    from sqlalchemy import select

    from fielder.models.event import Event

    survey = _upload(client, org)
    url = f"/api/v1/surveys/{survey['id']}"
    client.put(f"{url}/destination", json={"platform": "fielder"}, headers=org.headers)
    _start(client, org, survey["id"])
    _wait(client, org, survey["id"], {"reviewing", "pending"})
    rows = session.scalars(
        select(Event).where(Event.survey_id == survey["id"]).order_by(Event.id)
    ).all()
    names = [row.name for row in rows]
    for name in (
        "survey.created",
        "programming.started",
        "changeset-started",
        "changeset-operation-added",
        "change-recorded",
        "changeset-completed",
        "programming.finished",
        "survey.updated",
    ):
        assert name in names, name
    assert names.index("programming.started") < names.index("changeset-completed")
    finished = next(row for row in rows if row.name == "programming.finished")
    assert finished.data["result"] == "completed"
    counts = [
        row.data["operation_count"] for row in rows if row.name == "changeset-operation-added"
    ]
    assert counts == sorted(counts)
    assert counts[-1] >= 4  # one per question, and one for the survey's own settings
    recorded = [row for row in rows if row.name == "change-recorded"]
    assert all(any(":history:" in c for c in row.channels) for row in recorded)
