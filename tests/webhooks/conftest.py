"""Webhook fixtures: real HTTP receivers on 127.0.0.1, settings that allow them and retry fast."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import select
from standardwebhooks import Webhook

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.kit import events
from fielder.models.webhook import Webhook as WebhookRow
from fielder.models.webhook_delivery import WebhookDelivery
from fielder.webhooks import dispatch, service
from fielder.webhooks.catalogue import BY_NAME
from fielder.webhooks.schemas import WebhookCreate

#: Tests shrink the retry schedule (API.md's is 1 s … 1 h): one attempt and two retries.
FAST_SCHEDULE = "[0.05, 0.1]"

#: How long a delivery may take to come: from commit to receiver, the delivery path took at
#: most 5.7 s with the CPU saturated (load 14–19 on 2 cores, 3,000 events, a retry included:
#: `python -m bench.bench_webhooks latency`). Not above the sweep's 5–35 s: a delivery that
#: only the sweep sends had its wake-up lost, which is a bug (test_wakeup.py), not load.
WAIT_SECONDS = 15


@pytest.fixture(autouse=True)
def _webhook_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Receivers live on 127.0.0.1, so private addresses are allowed; retries are fast."""
    monkeypatch.setenv("FIELDER_WEBHOOK_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("FIELDER_WEBHOOK_RETRY_SCHEDULE", FAST_SCHEDULE)
    monkeypatch.setenv("FIELDER_WEBHOOK_TIMEOUT_SECONDS", "5")


@dataclass
class Received:
    """One request as the receiver got it: the exact body bytes and the headers."""

    path: str
    headers: dict[str, str]
    body: bytes
    #: The sender's (address, port): one per connection.
    peer: tuple[str, int] = ("", 0)

    def json(self) -> Any:
        return json.loads(self.body)

    def verify(self, secret: str) -> Any:
        """The payload, once its Standard Webhooks signature checks out against the raw bytes."""
        return Webhook(secret).verify(self.body, self.headers)


@dataclass
class Reply:
    """What the receiver answers: status, headers, a body (bytes or chunks) after a delay."""

    status: int = 200
    body: bytes | Iterable[bytes] = b"ok"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Behaviour = Callable[[int, Received], Reply]


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections opened together by parallel lanes: the
    # sender's SYN is retried after 1 s, and an attempt with a short timeout fails.
    request_queue_size = 128
    daemon_threads = True


class Receiver:
    """A threaded HTTP server that records every POST and answers what `behaviour` says."""

    def __init__(self, behaviour: Behaviour | None = None, keep_alive: bool = False) -> None:
        self.behaviour: Behaviour = behaviour or (lambda _n, _r: Reply())
        self.keep_alive = keep_alive
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1" if receiver.keep_alive else "HTTP/1.0"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                peer = (str(self.client_address[0]), int(self.client_address[1]))
                got = Received(self.path, dict(self.headers.items()), body, peer)
                with receiver._lock:
                    receiver.received.append(got)
                    number = len(receiver.received)
                reply = receiver.behaviour(number, got)
                time.sleep(reply.delay)
                try:
                    self._answer(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender stopped reading: that is what the cap is for

            def _answer(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if isinstance(reply.body, bytes):
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                    return
                self.end_headers()
                for chunk in reply.body:
                    self.wfile.write(chunk)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler

    def bodies(self) -> list[Any]:
        with self._lock:
            return [r.json() for r in self.received]

    def wait_for(self, count: int, timeout: float = WAIT_SECONDS) -> list[Received]:
        """The requests received, once there are at least `count` (fails after `timeout`)."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if len(self.received) >= count:
                    return list(self.received)
            assert time.monotonic() < deadline, f"{len(self.received)} of {count} requests came"
            time.sleep(0.02)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A receiver answering 200 `ok` (set `.behaviour` to change that)."""
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def make_receiver() -> Iterator[Callable[[Behaviour], Receiver]]:
    """A factory of receivers with a behaviour; all are closed afterwards."""
    made: list[Receiver] = []

    def make(behaviour: Behaviour) -> Receiver:
        made.append(Receiver(behaviour))
        return made[-1]

    yield make
    for server in made:
        server.close()


def wait_until(
    check: Callable[[], Any], timeout: float = WAIT_SECONDS, what: str = "condition"
) -> Any:
    """Poll `check` until it gives a truthy value (fails after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


# --- working with webhooks without the API ------------------------------------------------------


def make_webhook(
    settings: Settings, org_id: str, url: str, events: list[str] | None = None
) -> tuple[str, str]:
    """A webhook of the org (id, secret), made by the service as the API would."""
    with session_scope(settings) as session:
        hook = service.create(
            session, settings, org_id, WebhookCreate(url=url, events=events or [])
        )
        return hook.id, hook.secret


def publish(settings: Settings, org_id: str, name: str, survey_id: str | None = None) -> str:
    """Publish event `name` (with its catalogue example as data) in its own transaction."""
    data = dict(BY_NAME[name].example) if name in BY_NAME else {}
    with session_scope(settings) as session:
        row = events.publish(session, org_id=org_id, name=name, data=data, survey_id=survey_id)
        return row.public_id


def deliveries_of(settings: Settings, webhook_id: str) -> list[WebhookDelivery]:
    """The webhook's deliveries, oldest event first."""
    with session_scope(settings) as session:
        return list(
            session.scalars(
                select(WebhookDelivery)
                .where(WebhookDelivery.webhook_id == webhook_id)
                .order_by(WebhookDelivery.event_seq, WebhookDelivery.created_at)
            )
        )


def webhook_row(settings: Settings, webhook_id: str) -> WebhookRow:
    with session_scope(settings) as session:
        row = session.get(WebhookRow, webhook_id)
        assert row is not None
        return row


def drain_all(settings: Settings, webhook_id: str, timeout: float = 30) -> None:
    """Send the webhook's deliveries from this thread until none is waiting (retries too)."""
    deadline = time.monotonic() + timeout
    while True:
        waiting = [d for d in deliveries_of(settings, webhook_id) if d.status == "pending"]
        if not waiting:
            return
        dispatch.drain(webhook_id, settings)
        assert time.monotonic() < deadline, "deliveries still waiting"
        time.sleep(0.02)
