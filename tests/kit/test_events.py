"""The event bus: stored in the caller's transaction, fanned out after commit, replayed by id."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import anyio
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.kit import events
from fielder.kit.events import EventMessage, history_channel, org_channel, publish, subscribe
from fielder.models.event import Event


def _publish(settings: Settings, org_id: str, name: str, **extra: object) -> int:
    with session_scope(settings) as session:
        row = publish(session, org_id=org_id, name=name, data={"n": name}, **extra)  # type: ignore[arg-type]
        session.flush()
        return row.id


def test_publish_stores_the_event_with_the_org_channel(settings: Settings) -> None:
    event_id = _publish(settings, "org1", "survey.created", survey_id="s1", channels=["x"])
    with session_scope(settings) as session:
        row = session.get(Event, event_id)
        assert row is not None
        assert row.channels == ["org:org1:events", "x"]
        assert row.survey_id == "s1"
        assert row.data == {"n": "survey.created"}
        assert len(row.public_id) == 36


def test_rolled_back_event_is_not_stored(settings: Settings, session: Session) -> None:
    publish(session, org_id="org1", name="survey.deleted", data={})
    session.rollback()
    assert session.scalars(select(Event)).all() == []


@pytest.fixture
def listener_calls() -> Iterator[list[tuple[str, bool]]]:
    calls: list[tuple[str, bool]] = []

    def listener(session: Session, event: Event) -> None:
        calls.append((event.name, session.in_transaction()))

    events.add_listener(listener)
    yield calls
    events._listeners.remove(listener)


def test_listener_runs_inside_the_transaction(
    settings: Settings, listener_calls: list[tuple[str, bool]]
) -> None:
    _publish(settings, "org1", "response.started")
    assert listener_calls == [("response.started", True)]


async def _collect(settings: Settings, channel: str, last: int | None, count: int) -> list[int]:
    received: list[EventMessage] = []
    stream = subscribe(channel, last_event_id=last, settings=settings)
    try:
        async for message in stream:
            received.append(message)
            if len(received) == 1:
                # Subscribed for sure (the first one was a replay): now publish live ones.
                await anyio.to_thread.run_sync(_publish_live, settings)
            if len(received) == count:
                break
    finally:
        await stream.aclose()
    return [m.id for m in received]


def _publish_live(settings: Settings) -> None:
    _publish(settings, "other-org", "survey.created")  # another org: never seen
    _publish(settings, "org1", "survey.updated")
    _publish(settings, "org1", "survey.closed")


def test_subscribe_replays_then_streams_live(settings: Settings) -> None:
    before = _publish(settings, "org1", "survey.created")
    first = _publish(settings, "org1", "survey.updated")
    ids = asyncio.run(asyncio.wait_for(_collect(settings, org_channel("org1"), before, 3), 30))
    assert ids[0] == first
    assert len(ids) == 3
    assert ids == sorted(ids)
    with session_scope(settings) as session:
        names = [session.get(Event, i).name for i in ids]  # type: ignore[union-attr]
    assert names == ["survey.updated", "survey.updated", "survey.closed"]


def test_history_channel_only_gets_its_changeset(settings: Settings) -> None:
    channel = history_channel("org1", "cs1")
    _publish(settings, "org1", "change-recorded", channels=[history_channel("org1", "cs2")])
    mine = _publish(settings, "org1", "change-recorded", channels=[channel])
    ids = asyncio.run(asyncio.wait_for(_collect(settings, channel, 0, 1), 30))
    assert ids == [mine]


def test_publish_many_gives_the_ids_in_order_of_the_items(settings: Settings) -> None:
    items = [events.Publication("org1", f"e{n}", {"n": n}) for n in range(5)]
    with session_scope(settings) as session:
        stored = events.publish_many(session, items)
    assert [row.name for row in stored] == [f"e{n}" for n in range(5)]
    assert [row.id for row in stored] == sorted(row.id for row in stored)
    with session_scope(settings) as session:
        for row in stored:
            found = session.get(Event, row.id)
            assert found is not None
            assert (found.name, found.public_id, found.data) == (row.name, row.public_id, row.data)
