"""Deliveries: one row per (event, webhook) written in the event's own transaction, then sent by
the job queue, lane by lane, with retries on the schedule of the settings.

A lane is one webhook's deliveries for one survey: its deliveries go out one at a time, oldest
event first, so a receiver sees a survey's events in order except where a retry falls behind
(a delivery waiting for its retry does not hold up the lane). Nothing is lost when a worker dies:
the job of a lane is run again by the job sweep, and `sweep` below puts back deliveries stuck in
`sending` and sends lanes whose due deliveries no job is handling.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session, SessionTransaction, aliased

from fielder.config import Settings, get_settings
from fielder.db.base import new_id, utcnow
from fielder.db.session import session_scope
from fielder.kit import events
from fielder.models.event import Event
from fielder.models.webhook import Webhook
from fielder.models.webhook_delivery import WebhookDelivery
from fielder.webhooks import sender
from fielder.webhooks.catalogue import SUBSCRIBABLE, TEST_EVENT
from fielder.worker.queue import enqueue_after_commit
from fielder.worker.tasks import task

logger = logging.getLogger("fielder.webhooks")

#: A webhook whose deliveries failed every attempt this many times in a row is disabled.
DISABLE_AFTER = 10
#: Each retry delay is the schedule's ± this fraction, so that failed receivers are not hit by
#: every retry at once when they come back.
JITTER = 0.2
#: Due deliveries older than this are sent again by the sweep (their job may be lost).
SWEEP_GRACE = timedelta(seconds=5)
SWEEP_LANES = 1000
_LANES_KEY = "fielder_webhook_lanes"


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def body_of(
    event_id: str, name: str, timestamp: datetime, sequence: int | None, data: dict[str, Any]
) -> str:
    """The exact text sent for an event: `{id, event, timestamp, sequence, data}` (ASCII JSON)."""
    body = {"id": event_id, "event": name, "timestamp": _iso(timestamp), "sequence": sequence,
            "data": data}  # fmt: skip
    return json.dumps(body, separators=(",", ":"), default=str)


# --- writing deliveries ------------------------------------------------------------------------


def on_event(session: Session, event: Event) -> None:
    """Bus listener: a pending delivery for each active webhook of the org that wants `event`."""
    if event.name not in SUBSCRIBABLE:
        return
    hooks = session.scalars(
        select(Webhook).where(Webhook.org_id == event.org_id, Webhook.active.is_(True))
    ).all()
    wanted = [hook for hook in hooks if not hook.events or event.name in hook.events]
    if not wanted:
        return
    body = body_of(event.public_id, event.name, event.created_at, event.id, dict(event.data))
    lane = event.survey_id or f"org:{event.org_id}"[:36]
    for hook in wanted:
        session.add(
            WebhookDelivery(
                id=new_id(), org_id=event.org_id, webhook_id=hook.id, event_id=event.public_id,
                event_name=event.name, event_seq=event.id, survey_id=event.survey_id, lane=lane,
                body=body, status="pending", attempt=0, next_attempt_at=event.created_at,
                attempts=[],
            )
        )  # fmt: skip
        _send_lane_after_commit(session, hook.id, lane)


def queue_test(session: Session, webhook: Webhook) -> WebhookDelivery:
    """A `webhook.test` delivery to `webhook` alone, sent once the transaction commits."""
    delivery_id, event_id, now = new_id(), new_id(), utcnow()
    data = {"webhook_id": webhook.id, "message": "A test event from fielder."}
    delivery = WebhookDelivery(
        id=delivery_id, org_id=webhook.org_id, webhook_id=webhook.id, event_id=event_id,
        event_name=TEST_EVENT, event_seq=0, survey_id=None, lane=delivery_id,
        body=body_of(event_id, TEST_EVENT, now, None, data), status="pending", attempt=0,
        next_attempt_at=now, attempts=[],
    )  # fmt: skip
    session.add(delivery)
    session.flush()
    _send_lane_after_commit(session, webhook.id, delivery_id)
    return delivery


def queue_again(session: Session, row: WebhookDelivery) -> None:
    """Put a finished delivery back for a fresh round of attempts (its log is kept)."""
    row.status, row.attempt, row.next_attempt_at = "pending", 0, utcnow()
    row.delivered_at = None
    session.flush()
    _send_lane_after_commit(session, row.webhook_id, row.lane)


def _send_lane_after_commit(session: Session, webhook_id: str, lane: str, delay: float = 0) -> None:
    # One job per lane and transaction: a programming run publishes many events at once.
    lanes: set[tuple[str, str]] = session.info.setdefault(_LANES_KEY, set())
    if delay == 0 and (webhook_id, lane) in lanes:
        return
    lanes.add((webhook_id, lane))
    enqueue_after_commit(session, send_lane, webhook_id, lane, delay=delay)


def _forget_lanes(session: Session, *_: SessionTransaction) -> None:
    session.info.pop(_LANES_KEY, None)


sa_event.listen(Session, "after_commit", _forget_lanes)
sa_event.listen(Session, "after_soft_rollback", _forget_lanes)
events.add_listener(on_event)


# --- sending -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A delivery taken for one attempt, with what the attempt needs."""

    delivery_id: str
    webhook_id: str
    url: str
    secret: str
    message: sender.Message
    attempt: int


@task("webhooks.send_lane", max_attempts=5, retry_delay=2.0)
def send_lane(webhook_id: str, lane: str) -> None:
    """Job: send the due deliveries of one lane, one at a time, oldest event first."""
    drain(webhook_id, lane)


def drain(webhook_id: str, lane: str, settings: Settings | None = None) -> int:
    """Send the lane's due deliveries until none is left (or another worker holds the lane);
    give the number of attempts made."""
    settings = settings or get_settings()
    made = 0
    while (claim := claim_next(settings, webhook_id, lane)) is not None:
        outcome = sender.send(
            claim.url, claim.secret, claim.message,
            timeout=settings.webhook_timeout_seconds,
            allow_private=settings.webhook_allow_private,
        )  # fmt: skip
        record(settings, claim, outcome)
        made += 1
    return made


def claim_next(settings: Settings, webhook_id: str, lane: str) -> Claim | None:
    """Take the lane's oldest due delivery for an attempt, unless one is already in flight."""
    now = utcnow()
    with session_scope(settings) as session:
        # Writing the webhook's row first makes claims of one webhook take turns (a row lock on
        # PostgreSQL, the write lock on SQLite), so a lane never has two attempts in flight.
        webhook = session.execute(
            update(Webhook)
            .where(Webhook.id == webhook_id, Webhook.active.is_(True))
            .values(updated_at=Webhook.updated_at)
            .returning(Webhook.url, Webhook.secret)
            .execution_options(synchronize_session=False)
        ).first()
        if webhook is None:
            return None
        row = WebhookDelivery
        in_flight = aliased(WebhookDelivery)
        lane_busy = exists().where(
            in_flight.webhook_id == webhook_id, in_flight.lane == lane,
            in_flight.status == "sending",
        )  # fmt: skip
        head = session.execute(
            select(row.id, row.event_id, row.event_name, row.body, row.attempt)
            .where(row.webhook_id == webhook_id, row.lane == lane, row.status == "pending")
            .where(row.next_attempt_at <= now, ~lane_busy)
            .order_by(row.event_seq, row.created_at)
            .limit(1)
        ).first()
        if head is None:
            return None
        attempt = head.attempt + 1
        session.execute(
            update(row)
            .where(row.id == head.id)
            .values(status="sending", locked_at=now, attempt=attempt, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        message = sender.Message(id=head.event_id, event=head.event_name, body=head.body)
        return Claim(head.id, webhook_id, webhook.url, webhook.secret, message, attempt)


def retry_delay(settings: Settings, attempt: int) -> float | None:
    """Seconds before the attempt after `attempt` (jittered), or None when it was the last."""
    schedule = settings.webhook_retry_schedule
    if attempt > len(schedule):
        return None
    return max(schedule[attempt - 1] * random.uniform(1 - JITTER, 1 + JITTER), 0.0)


def record(settings: Settings, claim: Claim, outcome: sender.Attempt) -> None:
    """Write an attempt's outcome: delivered, retry later, or failed (and what that does to the
    webhook: a 2xx resets its failure count, 410 or too many failures disable it)."""
    now = utcnow()
    with session_scope(settings) as session:
        delivery = session.get(WebhookDelivery, claim.delivery_id)
        if delivery is None:  # the webhook was deleted meanwhile
            return
        if delivery.status != "sending" or delivery.attempt != claim.attempt:
            # The sweep gave this delivery to another attempt; only a success still counts.
            if not outcome.delivered or delivery.status == "delivered":
                return
        # The webhook's row is locked before the delivery's, as claims and deletes do: no
        # deadlock between them on PostgreSQL.
        reset = {"failure_count": 0} if outcome.delivered else {}
        if not _touch_webhook(session, claim.webhook_id, last_triggered_at=now, **reset):
            return  # deleted since the delivery was read
        _log(delivery, claim.attempt, outcome, now)
        if outcome.delivered:
            delivery.status, delivery.delivered_at = "delivered", now
            delivery.next_attempt_at = None
            return
        if outcome.gone:
            delivery.status, delivery.next_attempt_at = "failed", None
            disable(session, claim.webhook_id, "gone")
            return
        delay = retry_delay(settings, claim.attempt)
        if delay is not None:
            delivery.status = "pending"
            delivery.next_attempt_at = now + timedelta(seconds=delay)
            # A longer wait is left to the sweep: a job held back past the lease is resent early.
            if delay <= settings.job_lease_seconds / 2:
                _send_lane_after_commit(session, claim.webhook_id, delivery.lane, delay=delay)
            return
        delivery.status, delivery.next_attempt_at = "failed", None
        _count_failure(session, claim.webhook_id)


def _log(delivery: WebhookDelivery, attempt: int, outcome: sender.Attempt, now: datetime) -> None:
    delivery.locked_at = None
    delivery.status_code = outcome.status_code
    delivery.duration_ms = outcome.duration_ms
    delivery.error = outcome.error
    delivery.excerpt = outcome.excerpt
    entry = {"attempt": attempt, "at": _iso(now), "status_code": outcome.status_code,
             "duration_ms": outcome.duration_ms, "error": outcome.error}  # fmt: skip
    delivery.attempts = [*delivery.attempts, entry]


def _touch_webhook(session: Session, webhook_id: str, **values: Any) -> bool:
    # updated_at stays as it was: it tells when a person last changed the webhook.
    result = session.execute(
        update(Webhook)
        .where(Webhook.id == webhook_id)
        .values(updated_at=Webhook.updated_at, **values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def _count_failure(session: Session, webhook_id: str) -> None:
    count = session.scalar(
        update(Webhook)
        .where(Webhook.id == webhook_id)
        .values(failure_count=Webhook.failure_count + 1, updated_at=Webhook.updated_at)
        .returning(Webhook.failure_count)
        .execution_options(synchronize_session=False)
    )
    if count is not None and count >= DISABLE_AFTER:
        disable(session, webhook_id, "failing")


def disable(session: Session, webhook_id: str, reason: str) -> None:
    """Turn a webhook off (`gone` or `failing`); its waiting deliveries fail."""
    _touch_webhook(session, webhook_id, active=False, disabled_reason=reason)
    message = f"Not sent: the webhook was disabled ({reason})."
    session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.webhook_id == webhook_id, WebhookDelivery.status == "pending")
        .values(status="failed", error=message, next_attempt_at=None, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    logger.warning("webhook %s disabled: %s", webhook_id, reason)


def sweep(settings: Settings) -> int:
    """Put back deliveries whose attempt's worker died, and send every lane with deliveries due
    for a while (their job may be lost, or their retry was left to the sweep); give the count
    of lanes sent."""
    now = utcnow()
    stale = now - timedelta(seconds=settings.job_lease_seconds + settings.webhook_timeout_seconds)
    with session_scope(settings) as session:
        revived = session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.status == "sending", WebhookDelivery.locked_at < stale)
            .values(status="pending", locked_at=None, next_attempt_at=now, updated_at=now)
            .returning(WebhookDelivery.webhook_id, WebhookDelivery.lane)
            .execution_options(synchronize_session=False)
        ).all()
        due = session.execute(
            select(WebhookDelivery.webhook_id, WebhookDelivery.lane)
            .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
            .where(WebhookDelivery.status == "pending", Webhook.active.is_(True))
            .where(WebhookDelivery.next_attempt_at <= now - SWEEP_GRACE)
            .distinct()
            .limit(SWEEP_LANES)
        ).all()
        lanes = {(str(webhook_id), str(lane)) for webhook_id, lane in [*revived, *due]}
        for webhook_id, lane in lanes:
            _send_lane_after_commit(session, webhook_id, lane)
    if revived:
        logger.warning(
            "%s webhook deliveries were in flight on a dead worker; resent", len(revived)
        )
    return len(lanes)
