"""Rate limits of the public routes, and the events the flow publishes."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.event import Event
from tests.responses.conftest import Live


def test_a_flood_of_starts_is_429(client: TestClient, live: Live) -> None:
    replies = [client.post(f"{live.public}/responses", json={}) for _ in range(31)]
    assert [r.status_code for r in replies[:30]] == [201] * 30
    flooded = replies[30]
    assert flooded.status_code == 429
    assert flooded.json()["error"]["code"] == "rate_limited"
    assert int(flooded.headers["retry-after"]) >= 1
    assert flooded.headers["access-control-allow-origin"] == "*"
    assert replies[0].headers["ratelimit-limit"] == "30"
    assert replies[0].headers["x-ratelimit-remaining"] == "29"


def test_flow_events(client: TestClient, live: Live, settings: Settings) -> None:
    rid = client.post(f"{live.public}/responses", json={}).json()["data"]["id"]
    client.patch(f"{live.public}/responses/{rid}", json={"answers": {"S1": "2", "S2": "1"}})
    client.post(f"{live.public}/responses/{rid}/complete")
    client.post(f"{live.public}/responses/{rid}/complete")
    client.delete(f"{live.team}/responses/{rid}", headers=live.org.headers)
    with session_scope(settings) as session:
        rows = session.execute(
            select(Event.name, Event.data, Event.org_id, Event.survey_id).order_by(Event.id)
        ).all()
    assert [row.name for row in rows] == [
        "response.started",
        "response.completed",
        "response.deleted",
    ]
    assert all(row.org_id == live.org.org_id and row.survey_id == live.survey_id for row in rows)
    assert rows[1].data["status"] == "completed"
    assert rows[2].data["id"] == rid
