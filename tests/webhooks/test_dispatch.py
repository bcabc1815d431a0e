"""The dispatcher: batches claimed lane by lane, keep-alive connections, one deadline per
attempt, hanging receivers that starve nobody else, wake-ups without job rows, the prune."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.job import Job
from fielder.models.webhook_delivery import WebhookDelivery
from fielder.webhooks import delivery, dispatch
from fielder.webhooks.wakeup import WAKE_SIGNAL
from fielder.worker.queue import get_queue
from tests.conftest import OrgContext
from tests.webhooks.conftest import (
    Behaviour,
    Receiver,
    Reply,
    deliveries_of,
    drain_all,
    make_webhook,
    publish,
    wait_until,
)

MakeReceiver = Callable[[Behaviour], Receiver]


@pytest.fixture(autouse=True)
def _long_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hanging receiver here hangs until the test lets it go, well within the timeout."""
    monkeypatch.setenv("FIELDER_WEBHOOK_TIMEOUT_SECONDS", "60")


def _survey_id() -> str:
    return str(uuid.uuid4())


def test_a_claim_takes_the_head_of_every_free_lane(settings: Settings, org: OrgContext) -> None:
    hook_id, _ = make_webhook(settings, org.org_id, "http://127.0.0.1:9/hook")
    surveys = [_survey_id() for _ in range(3)]
    published = [publish(settings, org.org_id, "survey.updated", surveys[n % 3]) for n in range(15)]
    batch = delivery.claim_batch(settings, hook_id)
    assert batch is not None
    assert sorted(batch.lanes) == sorted(surveys)
    for survey_id, claims in batch.lanes.items():
        in_order = [event for n, event in enumerate(published) if surveys[n % 3] == survey_id]
        assert [claim.message.id for claim in claims] == in_order
        assert {claim.attempt for claim in claims} == {1}
    # Every lane has attempts in flight: nothing more to claim until they are recorded.
    assert delivery.claim_batch(settings, hook_id) is None
    given_back: list[delivery.Result] = [
        (claim, None) for claims in batch.lanes.values() for claim in claims
    ]
    assert delivery.record_batch(settings, hook_id, given_back) == []
    rows = deliveries_of(settings, hook_id)
    assert {(row.status, row.attempt, row.attempts == []) for row in rows} == {("pending", 0, True)}


def test_one_lane_goes_over_one_kept_alive_connection_in_order(
    settings: Settings, org: OrgContext
) -> None:
    receiver = Receiver(keep_alive=True)
    try:
        hook_id, _ = make_webhook(settings, org.org_id, receiver.url)
        survey_id = _survey_id()
        published = [publish(settings, org.org_id, "survey.updated", survey_id) for _ in range(20)]
        drain_all(settings, hook_id)
        assert [r.headers["webhook-id"] for r in receiver.received] == published
        assert len({r.peer for r in receiver.received}) == 1
    finally:
        receiver.close()


def test_wake_ups_write_no_job_rows(
    settings: Settings, org: OrgContext, receiver: Receiver
) -> None:
    make_webhook(settings, org.org_id, receiver.url)
    for _ in range(5):
        publish(settings, org.org_id, "survey.updated", _survey_id())
    with session_scope(settings) as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_a_hanging_receiver_starves_no_other_webhook(
    client: object, settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    # `client` runs the embedded worker: two consumer threads, fewer than the hanging hooks.
    release = threading.Event()

    def hang(_n: int, _r: object) -> Reply:
        release.wait(60)
        return Reply()

    hanging = [make_receiver(hang) for _ in range(3)]
    healthy = make_receiver(lambda _n, _r: Reply())
    try:
        for receiver in [*hanging, healthy]:
            make_webhook(settings, org.org_id, receiver.url)
        survey_id = _survey_id()
        for _ in range(10):
            publish(settings, org.org_id, "survey.updated", survey_id)
        for receiver in hanging:
            receiver.wait_for(1)
        healthy.wait_for(10)
        assert not release.is_set()  # every hanging receiver still holds its first request
        assert all(len(receiver.received) == 1 for receiver in hanging)
    finally:
        release.set()
    for receiver in hanging:
        receiver.wait_for(10)


def test_a_webhook_with_many_hanging_lanes_keeps_to_its_share(
    client: object, settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    release = threading.Event()

    def hang(_n: int, _r: object) -> Reply:
        release.wait(60)
        return Reply()

    lanes = dispatch.MAX_SENDS_PER_WEBHOOK + 8
    hanging = make_receiver(hang)
    healthy = make_receiver(lambda _n, _r: Reply())
    try:
        make_webhook(settings, org.org_id, hanging.url)
        make_webhook(settings, org.org_id, healthy.url)
        for _ in range(lanes):
            publish(settings, org.org_id, "survey.updated", _survey_id())
        healthy.wait_for(lanes)
        hanging.wait_for(dispatch.MAX_SENDS_PER_WEBHOOK)
        assert len(hanging.received) == dispatch.MAX_SENDS_PER_WEBHOOK
    finally:
        release.set()
    hanging.wait_for(lanes)


def test_a_commit_wakes_a_worker_through_the_queue(
    settings: Settings, org: OrgContext, receiver: Receiver
) -> None:
    # No dispatcher runs in this process: the wake-up is a message for any consumer.
    hook_id, _ = make_webhook(settings, org.org_id, receiver.url)
    event_id = publish(settings, org.org_id, "survey.created", _survey_id())
    huey = get_queue(settings).huey
    (message,) = huey.pending()
    assert (message.name, tuple(message.args)) == (WAKE_SIGNAL, (hook_id,))
    try:
        huey.execute(message)  # what a consumer does with it
        receiver.wait_for(1)
    finally:
        dispatch.stop(settings)
    assert [r.headers["webhook-id"] for r in receiver.received] == [event_id]


@pytest.fixture
def trickler() -> Iterator[tuple[str, threading.Event]]:
    """A raw server that answers one status-line byte every 0.2 s (for 40 s); the event is set
    once the sender has hung up."""
    hung_up = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            try:
                for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 200:
                    connection.sendall(bytes([byte]))
                    time.sleep(0.2)
            except OSError:
                hung_up.set()
                return
            # The peer's close shows up as a failed send only after a write reaches it.
            hung_up.set()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/hook", hung_up
    listener.close()


def test_the_timeout_is_one_deadline_for_the_whole_attempt(
    settings: Settings, org: OrgContext, trickler: tuple[str, threading.Event]
) -> None:
    # Each byte comes well within 0.5 s, so a timeout per read would never fire.
    url, hung_up = trickler
    hook_id, _ = make_webhook(settings, org.org_id, url)
    quick = settings.model_copy(
        update={"webhook_retry_schedule": [], "webhook_timeout_seconds": 0.5}
    )
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(quick, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "failed"
    assert row.error == "The receiver did not answer within 0.5 s."
    wait_until(hung_up.is_set, what="the sender hanging up")


def _slow_body() -> Iterator[bytes]:
    for _ in range(100):
        yield b"x"
        time.sleep(0.2)


def test_a_2xx_in_time_counts_even_when_its_body_is_slow(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    slow = make_receiver(lambda _n, _r: Reply(body=_slow_body(), headers={"Content-Length": "100"}))
    hook_id, _ = make_webhook(settings, org.org_id, slow.url)
    quick = settings.model_copy(update={"webhook_timeout_seconds": 0.5})
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(quick, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "delivered"
    assert row.excerpt is not None
    assert 0 < len(row.excerpt) < 100
    assert set(row.excerpt) == {"x"}


def test_old_finished_deliveries_are_pruned(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    failing = make_receiver(lambda _n, _r: Reply(status=500))
    hook_id, _ = make_webhook(settings, org.org_id, failing.url)
    for _ in range(4):
        publish(settings, org.org_id, "survey.updated", _survey_id())
    drain_all(settings.model_copy(update={"webhook_retry_schedule": []}), hook_id)
    old, kept_failed, delivered, waiting = [row.id for row in deliveries_of(settings, hook_id)]
    long_ago = utcnow() - timedelta(days=settings.webhook_retention_days + 1)
    row = WebhookDelivery
    with session_scope(settings) as session:
        session.execute(update(row).where(row.id == delivered).values(status="delivered"))
        session.execute(update(row).where(row.id == waiting).values(status="pending"))
        session.execute(
            update(row).where(row.id.in_([old, delivered, waiting])).values(updated_at=long_ago)
        )
    assert delivery.prune(settings) == 2
    assert [r.id for r in deliveries_of(settings, hook_id)] == [kept_failed, waiting]
