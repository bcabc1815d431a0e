"""The event bus: events are stored in the caller's transaction and fanned out after it commits.

    publish(session, org_id=org, name="survey.created", data={...}, survey_id=sid)
    async for event in subscribe(f"org:{org}:events", last_event_id=41): ...

Fan-out is in-process (asyncio queues, one per subscriber) when embedded, or Redis pub/sub when
FIELDER_REDIS_URL is set, so that every server process sees every event. `subscribe` first
replays stored events after `last_event_id`, then yields live ones, in id order without repeats.
`add_listener(fn)`: fn(session, event) runs inside publish's transaction (webhook deliveries).
Events are written with a prebuilt Core INSERT on the session's connection (no ORM flush of the
event rows): they commit, or roll back, with the change they describe.
Channels: `org:{org_id}:events` (every event of the org) and `org:{org_id}:history:{changeset_id}`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import AsyncGenerator, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import anyio
import redis
import redis.asyncio as aioredis
from sqlalchemy import Table, insert, select
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session, SessionTransaction

from fielder.config import Settings, get_settings
from fielder.db.base import new_id, utcnow
from fielder.db.session import session_scope
from fielder.models.event import Event

logger = logging.getLogger("fielder.events")


@dataclass(frozen=True)
class StoredEvent:
    """An event as written by `publish`: what listeners and callers get back (not an ORM row)."""

    id: int
    public_id: str
    org_id: str
    name: str
    survey_id: str | None
    channels: list[str]
    data: dict[str, Any]
    created_at: datetime


Listener = Callable[[Session, StoredEvent], None]
_Entry = tuple[asyncio.AbstractEventLoop, "asyncio.Queue[str]"]
_listeners: list[Listener] = []
_PENDING = "fielder_pending_events"
REPLAY_LIMIT = 1000


@dataclass(frozen=True)
class EventMessage:
    """An event as subscribers see it; `id` orders events and is the SSE id."""

    id: int
    public_id: str
    org_id: str
    name: str
    survey_id: str | None
    channels: list[str]
    data: dict[str, Any]
    created_at: str

    @classmethod
    def of(cls, row: Event | StoredEvent) -> EventMessage:
        """The message of a stored event row."""
        created = row.created_at.isoformat().replace("+00:00", "Z")
        return cls(
            id=row.id, public_id=row.public_id, org_id=row.org_id, name=row.name,
            survey_id=row.survey_id, channels=list(row.channels), data=dict(row.data),
            created_at=created,
        )  # fmt: skip

    def to_json(self) -> str:
        """This message as JSON text (its fields as they are: `asdict` would deep-copy `data`)."""
        return json.dumps(self.__dict__, separators=(",", ":"), default=str)


def org_channel(org_id: str) -> str:
    """The channel of every event of an org."""
    return f"org:{org_id}:events"


def history_channel(org_id: str, changeset_id: str) -> str:
    """The channel of one changeset's recorded changes."""
    return f"org:{org_id}:history:{changeset_id}"


def add_listener(fn: Listener) -> None:
    """Call fn(session, event) inside every publish's transaction (once per function)."""
    if fn not in _listeners:
        _listeners.append(fn)


@dataclass(frozen=True)
class Publication:
    """One event to publish with `publish_many`."""

    org_id: str
    name: str
    data: dict[str, Any]
    survey_id: str | None = None
    channels: tuple[str, ...] = ()


def publish(
    session: Session,
    *,
    org_id: str,
    name: str,
    data: dict[str, Any],
    survey_id: str | None = None,
    channels: Iterable[str] = (),
) -> StoredEvent:
    """Store an event in the caller's transaction; it is fanned out once that commits."""
    item = Publication(org_id, name, data, survey_id, tuple(channels))
    return publish_many(session, [item])[0]


#: One statement for every event write; `sort_by_parameter_order` gives the ids of a batch
#: (one round trip with RETURNING) in the order of its rows.
_EVENTS: Final[Table] = Event.__table__  # type: ignore[assignment]
_INSERT = insert(_EVENTS).returning(_EVENTS.c.id, sort_by_parameter_order=True)


def publish_many(session: Session, items: Sequence[Publication]) -> list[StoredEvent]:
    """Store several events in one INSERT round trip, in order; each is fanned out once the
    transaction commits, as with `publish`."""
    if not items:
        return []
    # Pending ORM changes go first, as when the events were flushed with them.
    session.flush()
    now = utcnow()
    params: list[dict[str, Any]] = [
        {
            "public_id": new_id(),
            "org_id": item.org_id,
            "name": item.name,
            "survey_id": item.survey_id,
            "channels": list(dict.fromkeys([org_channel(item.org_id), *item.channels])),
            "data": item.data,
            "created_at": now,
        }
        for item in items
    ]
    ids = session.connection().execute(_INSERT, params).scalars().all()
    rows = [
        StoredEvent(id=event_id, **values) for event_id, values in zip(ids, params, strict=True)
    ]
    pending = session.info.setdefault(_PENDING, [])
    for row in rows:
        for listener in list(_listeners):
            listener(session, row)
        pending.append((EventMessage.of(row), session.info.get("settings")))
    return rows


def _after_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a SAVEPOINT released: the events are not committed yet
        return
    pending = session.info.pop(_PENDING, [])
    if not pending:
        return
    try:
        fan_out_many([message for message, _ in pending], pending[0][1])
    except Exception:  # stored already: subscribers catch up by Last-Event-ID
        logger.exception("could not fan out %d events", len(pending))


def _after_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop(_PENDING, None)


sa_event.listen(Session, "after_commit", _after_commit)
sa_event.listen(Session, "after_soft_rollback", _after_rollback)


class _LocalBroker:
    """In-process fan-out: per channel, the asyncio queues of the subscribers (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: dict[str, set[_Entry]] = {}

    def add(self, channel: str, entry: _Entry) -> None:
        with self._lock:
            self._subscribers.setdefault(channel, set()).add(entry)

    def remove(self, channel: str, entry: _Entry) -> None:
        with self._lock:
            self._subscribers.get(channel, set()).discard(entry)

    def listened(self, channels: Iterable[str]) -> bool:
        """Whether any of `channels` has a subscriber (else there is nothing to encode)."""
        with self._lock:
            return any(self._subscribers.get(channel) for channel in channels)

    def send(self, channel: str, text: str) -> None:
        with self._lock:
            entries = list(self._subscribers.get(channel, ()))
        for loop, queue in entries:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, text)
            except RuntimeError:  # that subscriber's loop has closed; it is removed on exit
                continue


_local = _LocalBroker()
_redis_clients: dict[str, redis.Redis] = {}


def _redis_channel(settings: Settings, channel: str) -> str:
    return f"{settings.namespace}:events:{channel}"


def fan_out(message: EventMessage, settings: Settings | None = None) -> None:
    """Send a stored event to the live subscribers of its channels."""
    fan_out_many([message], settings)


def fan_out_many(messages: Sequence[EventMessage], settings: Settings | None = None) -> None:
    """Send stored events, in order, to the live subscribers of their channels (with Redis,
    in one pipelined round trip)."""
    settings = settings or get_settings()
    if settings.redis_url is None:
        for message in messages:
            if not _local.listened(message.channels):
                continue
            text = message.to_json()
            for channel in message.channels:
                _local.send(channel, text)
        return
    client = _redis_clients.get(settings.redis_url)
    if client is None:
        client = _redis_clients.setdefault(
            settings.redis_url, redis.Redis.from_url(settings.redis_url)
        )
    pipeline = client.pipeline(transaction=False)
    for message in messages:
        text = message.to_json()
        for channel in message.channels:
            pipeline.publish(_redis_channel(settings, channel), text)
    pipeline.execute()


def _replay(settings: Settings, channel: str, after: int) -> list[EventMessage]:
    org_id = channel.split(":")[1] if channel.startswith("org:") else ""
    with session_scope(settings) as session:
        rows = session.scalars(
            select(Event)
            .where(Event.org_id == org_id, Event.id > after)
            .order_by(Event.id)
            .limit(REPLAY_LIMIT)
        )
        return [EventMessage.of(row) for row in rows if channel in row.channels]


async def subscribe(
    channel: str, last_event_id: int | None = None, settings: Settings | None = None
) -> AsyncGenerator[EventMessage, None]:
    """Events of `channel`: stored ones after `last_event_id` first, then live ones, forever."""
    settings = settings or get_settings()
    live: _Live = _RedisLive(settings, channel) if settings.redis_url else _LocalLive(channel)
    # Listen before reading the store, so that nothing falls between the two.
    await live.open()
    last = last_event_id or 0
    try:
        if last_event_id is not None:
            for message in await anyio.to_thread.run_sync(_replay, settings, channel, last):
                last = message.id
                yield message
        while True:
            message = EventMessage(**json.loads(await live.next()))
            if message.id > last:
                last = message.id
                yield message
    finally:
        await live.close()


class _Live:
    """Live messages of one channel."""

    async def open(self) -> None:
        raise NotImplementedError

    async def next(self) -> str:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


class _LocalLive(_Live):
    def __init__(self, channel: str) -> None:
        self.channel = channel
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.entry: _Entry | None = None

    async def open(self) -> None:
        self.entry = (asyncio.get_running_loop(), self.queue)
        _local.add(self.channel, self.entry)

    async def next(self) -> str:
        return await self.queue.get()

    async def close(self) -> None:
        if self.entry is not None:
            _local.remove(self.channel, self.entry)


class _RedisLive(_Live):
    def __init__(self, settings: Settings, channel: str) -> None:
        assert settings.redis_url is not None
        self.name = _redis_channel(settings, channel)
        self.client = aioredis.Redis.from_url(settings.redis_url)
        self.pubsub = self.client.pubsub()

    async def open(self) -> None:
        await self.pubsub.subscribe(self.name)

    async def next(self) -> str:
        while True:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=1.0)
            if message is not None and message["type"] == "message":
                data = message["data"]
                return data.decode() if isinstance(data, bytes) else str(data)

    async def close(self) -> None:
        try:
            await self.pubsub.unsubscribe()
            await self.pubsub.aclose()  # type: ignore[no-untyped-call]
        finally:
            await self.client.aclose()
