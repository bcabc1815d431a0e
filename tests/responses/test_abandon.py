"""Idle in-progress responses become `abandoned`; saved or completed ones do not."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.response import Response
from fielder.responses.abandon import abandon_idle
from tests.responses.conftest import Live


def _start(client: TestClient, live: Live) -> str:
    rid: str = client.post(f"{live.public}/responses", json={}).json()["data"]["id"]
    return rid


def test_idle_responses_are_abandoned(client: TestClient, live: Live, settings: Settings) -> None:
    idle, fresh, done = _start(client, live), _start(client, live), _start(client, live)
    client.patch(f"{live.public}/responses/{done}", json={"answers": {"S1": "2", "S2": "1"}})
    client.post(f"{live.public}/responses/{done}/complete")
    with session_scope(settings) as session:
        for rid in (idle, done):
            row = session.get(Response, rid)
            assert row is not None
            row.last_saved_at = utcnow() - timedelta(hours=25)
    with session_scope(settings) as session:
        assert abandon_idle(session, settings.abandon_after_hours) == 1
    with session_scope(settings) as session:
        assert abandon_idle(session, settings.abandon_after_hours) == 0
    statuses = {
        rid: client.get(f"{live.team}/responses/{rid}", headers=live.org.headers).json()["data"][
            "status"
        ]
        for rid in (idle, fresh, done)
    }
    assert statuses == {idle: "abandoned", fresh: "in_progress", done: "completed"}
    resumed = client.patch(f"{live.public}/responses/{idle}", json={"answers": {"S1": "2"}})
    assert resumed.json()["data"]["status"] == "in_progress"


def test_abandon_job_asked_for_once_per_slot(settings: Settings) -> None:
    from sqlalchemy import func, select

    from fielder.models.job import Job
    from fielder.responses import tasks

    for _ in range(2):
        tasks._last_slot.clear()  # as if each call came from another server process
        with session_scope(settings) as session:
            tasks.schedule_abandon(session)
    with session_scope(settings) as session:
        count = session.scalar(
            select(func.count()).select_from(Job).where(Job.name == "responses.abandon_idle")
        )
    assert count == 1
