"""Wake-ups that are not lost: a dispatcher is woken only once the rows it is woken for can be
seen, and a retry's timer never fires before the retry is due. Either mistake leaves the
delivery to the sweep (5–35 s later) instead of sending it at once."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import datetime

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.kit import events
from fielder.webhooks import dispatch, wakeup
from fielder.webhooks.catalogue import BY_NAME
from tests.conftest import OrgContext
from tests.webhooks.conftest import (
    Behaviour,
    Receiver,
    Reply,
    deliveries_of,
    make_webhook,
    publish,
)

MakeReceiver = Callable[[Behaviour], Receiver]


def test_a_savepoint_released_after_an_event_wakes_no_dispatcher_before_the_commit(
    settings: Settings, org: OrgContext, receiver: Receiver
) -> None:
    # The public start route publishes `response.started`, then releases a savepoint (the
    # abandon job's idempotency key) in the same transaction. SQLAlchemy reports that release
    # as a commit; a wake-up sent then finds no row, and the real commit used to send none.
    hook_id, _ = make_webhook(settings, org.org_id, receiver.url)
    dispatcher = dispatch.get(settings)
    rows_seen_by_wake_ups: list[int] = []

    def wake_and_look(webhook_id: str) -> None:
        # What a dispatcher woken now would find: the webhook's rows committed so far.
        rows_seen_by_wake_ups.append(len(deliveries_of(settings, webhook_id)))
        dispatcher.wake(webhook_id)

    wakeup.register_local(settings, wake_and_look)
    try:
        with session_scope(settings) as session:
            events.publish(
                session, org_id=org.org_id, name="response.started",
                data=dict(BY_NAME["response.started"].example), survey_id=str(uuid.uuid4()),
            )  # fmt: skip
            with session.begin_nested():
                pass
            assert rows_seen_by_wake_ups == []
        assert rows_seen_by_wake_ups == [1]
        (got,) = receiver.wait_for(1)
        assert got.json()["event"] == "response.started"
    finally:
        dispatch.stop(settings)


def test_a_savepoint_rolled_back_keeps_the_wake_up_of_the_rows_before_it(
    settings: Settings, org: OrgContext, receiver: Receiver
) -> None:
    hook_id, _ = make_webhook(settings, org.org_id, receiver.url)
    woken: list[str] = []
    wakeup.register_local(settings, woken.append)
    try:
        with session_scope(settings) as session:
            events.publish(session, org_id=org.org_id, name="survey.created", data={})
            savepoint = session.begin_nested()
            savepoint.rollback()
        assert woken == [hook_id]
    finally:
        wakeup.register_local(settings, None)


class RecordingDrainer(dispatch.Drainer):
    """A drain in the test's loop that notes each retry asked for (wall time, seconds), and
    then stops: the row keeps the retry's time for the test to compare."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.retries: list[tuple[float, float]] = []

    def retry_in(self, webhook_id: str, seconds: float) -> None:
        self.retries.append((time.time(), seconds))
        self.stopping = True


def test_a_retry_timer_is_not_asked_for_before_the_retry_is_due(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    # 0.04 s ± 20 %: a delay rounded to a tenth (0.0) used to set the timer up to 48 ms early;
    # when that crossed a second the timer fired first, found nothing due, and the retry
    # waited for the sweep.
    failing = make_receiver(lambda _n, _r: Reply(status=503))
    hook_id, _ = make_webhook(settings, org.org_id, failing.url)
    short = settings.model_copy(update={"webhook_retry_schedule": [0.04]})
    publish(settings, org.org_id, "survey.created", str(uuid.uuid4()))

    async def drain() -> list[tuple[float, float]]:
        drainer = RecordingDrainer(short)
        try:
            await dispatch.drain_webhook(drainer, hook_id)
        finally:
            await drainer.clients.aclose()
        return drainer.retries

    ((asked_at, seconds),) = asyncio.run(drain())
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "pending"
    assert row.next_attempt_at is not None
    # The row's delay, from the failed attempt's time (stored to the microsecond).
    failed_at = datetime.fromisoformat(row.attempts[0]["at"])
    assert seconds >= (row.next_attempt_at - failed_at).total_seconds() - 1e-5
    assert asked_at + seconds >= row.next_attempt_at.timestamp()


def test_a_failed_attempt_is_retried_by_the_dispatcher_at_once(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    flaky = make_receiver(lambda n, _r: Reply(status=503) if n == 1 else Reply())
    make_webhook(settings, org.org_id, flaky.url)
    dispatch.get(settings)
    try:
        publish(settings, org.org_id, "survey.created", str(uuid.uuid4()))
        first, second = flaky.wait_for(2)
    finally:
        dispatch.stop(settings)
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
