"""Deliveries in the database: one row per (event, webhook) written in the event's own
transaction; claiming a batch of due rows for the dispatcher (`dispatch.py`), recording the
outcomes of a batch, the sweep that recovers lost work, and the prune of old rows.

A lane is one webhook's deliveries for one survey: its deliveries go out one at a time, oldest
event first, so a receiver sees a survey's events in order except where a retry falls behind
(a delivery waiting for its retry does not hold up the lane). A claim takes, for every lane with
no attempt in flight, the oldest due rows (a prefix of the lane), so lanes never have two
dispatchers. Nothing is lost when a worker dies: the rows stay `sending`, and `sweep` puts them
back once no attempt of the dead worker can still be running, and wakes dispatchers for due
rows whose wake-up was lost.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.base import new_id, utcnow
from fielder.db.session import session_scope
from fielder.kit import events
from fielder.models.webhook import Webhook
from fielder.models.webhook_delivery import WebhookDelivery
from fielder.webhooks import sender, wakeup
from fielder.webhooks.catalogue import SUBSCRIBABLE, TEST_EVENT

logger = logging.getLogger("fielder.webhooks")

#: A webhook whose deliveries failed every attempt this many times in a row is disabled.
DISABLE_AFTER = 10
#: Each retry delay is the schedule's ± this fraction, so that failed receivers are not hit by
#: every retry at once when they come back.
JITTER = 0.2
#: Due deliveries older than this wake a dispatcher at the sweep (their wake-up may be lost).
SWEEP_GRACE = timedelta(seconds=5)
SWEEP_WEBHOOKS = 1000
#: A claim takes at most this many rows, and at most LANE_CLAIM of one lane (sent one after
#: another: more would only wait behind a slow receiver).
CLAIM_ROWS = 256
LANE_CLAIM = 64
#: Finished deliveries are deleted this many at a time by the prune.
PRUNE_CHUNK = 1000


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


#: The active webhooks of an org, only the columns a delivery needs: a Core statement run on
#: the session's connection (no ORM compile or loading; `publish` has flushed the session).
_HOOKS: Final[Table] = Webhook.__table__  # type: ignore[assignment]
_ACTIVE_HOOKS = select(_HOOKS.c.id, _HOOKS.c.events).where(
    _HOOKS.c.org_id == bindparam("org_id"), _HOOKS.c.active.is_(True)
)


def on_event(session: Session, event: events.StoredEvent) -> None:
    """Bus listener: a pending delivery for each active webhook of the org that wants `event`."""
    if event.name not in SUBSCRIBABLE:
        return
    hooks = session.connection().execute(_ACTIVE_HOOKS, {"org_id": event.org_id}).all()
    wanted = [hook_id for hook_id, names in hooks if not names or event.name in names]
    if not wanted:
        return
    body = body_of(event.public_id, event.name, event.created_at, event.id, dict(event.data))
    lane = event.survey_id or f"org:{event.org_id}"[:36]
    for hook_id in wanted:
        session.add(
            WebhookDelivery(
                id=new_id(), org_id=event.org_id, webhook_id=hook_id, event_id=event.public_id,
                event_name=event.name, event_seq=event.id, survey_id=event.survey_id, lane=lane,
                body=body, status="pending", attempt=0, next_attempt_at=event.created_at,
                attempts=[],
            )
        )  # fmt: skip
        wakeup.after_commit(session, hook_id)


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
    wakeup.after_commit(session, webhook.id)
    return delivery


def queue_again(session: Session, row: WebhookDelivery) -> None:
    """Put a finished delivery back for a fresh round of attempts (its log is kept)."""
    row.status, row.attempt, row.next_attempt_at = "pending", 0, utcnow()
    row.delivered_at = None
    session.flush()
    wakeup.after_commit(session, row.webhook_id)


events.add_listener(on_event)


# --- claiming and recording --------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A delivery taken for one attempt, with what the attempt needs."""

    delivery_id: str
    lane: str
    message: sender.Message
    attempt: int


@dataclass(frozen=True)
class Batch:
    """The deliveries of one webhook claimed together, lane by lane, each lane oldest first."""

    webhook_id: str
    url: str
    secret: str
    lanes: dict[str, list[Claim]]


#: An attempt's outcome, or None for a claimed delivery that was not sent (given back).
Result = tuple[Claim, sender.Attempt | None]


def claim_batch(settings: Settings, webhook_id: str) -> Batch | None:
    """Take, for every lane of the webhook with no attempt in flight, its oldest due deliveries
    (at most LANE_CLAIM a lane, CLAIM_ROWS in all); None when there are none."""
    now = utcnow()
    row = WebhookDelivery
    with session_scope(settings) as session:
        # Writing the webhook's row first makes claims of one webhook take turns (a row lock on
        # PostgreSQL, the write lock on SQLite), so a lane is never claimed twice.
        webhook = session.execute(
            update(Webhook)
            .where(Webhook.id == webhook_id, Webhook.active.is_(True))
            .values(updated_at=Webhook.updated_at)
            .returning(Webhook.url, Webhook.secret)
            .execution_options(synchronize_session=False)
        ).first()
        if webhook is None:
            return None
        busy = select(row.lane).where(row.webhook_id == webhook_id, row.status == "sending")
        found = session.execute(
            select(row.id, row.lane, row.event_id, row.event_name, row.body, row.attempt)
            .where(row.webhook_id == webhook_id, row.status == "pending")
            .where(row.next_attempt_at <= now, row.lane.not_in(busy))
            .order_by(row.event_seq, row.created_at)
            .limit(CLAIM_ROWS)
        ).all()
        # The rows come in event order, so each lane's rows are the head of that lane.
        lanes: dict[str, list[Claim]] = {}
        for found_row in found:
            lane = lanes.setdefault(found_row.lane, [])
            if len(lane) < LANE_CLAIM:
                message = sender.Message(found_row.event_id, found_row.event_name, found_row.body)
                lane.append(Claim(found_row.id, found_row.lane, message, found_row.attempt + 1))
        ids = [claim.delivery_id for claims in lanes.values() for claim in claims]
        if not ids:
            return None
        session.execute(
            update(row)
            .where(row.id.in_(ids))
            .values(status="sending", locked_at=now, attempt=row.attempt + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return Batch(webhook_id, webhook.url, webhook.secret, lanes)


def retry_delay(settings: Settings, attempt: int) -> float | None:
    """Seconds before the attempt after `attempt` (jittered), or None when it was the last."""
    schedule = settings.webhook_retry_schedule
    if attempt > len(schedule):
        return None
    return max(schedule[attempt - 1] * random.uniform(1 - JITTER, 1 + JITTER), 0.0)


def record_batch(settings: Settings, webhook_id: str, results: list[Result]) -> list[float]:
    """Write the outcomes of attempts in one transaction: delivered, retry later, or failed (and
    what that does to the webhook: a 2xx resets its failure count, 410 or too many failures
    disable it); deliveries not sent go back to `pending`. Gives the retries' delays (s)."""
    now = utcnow()
    with session_scope(settings) as session:
        # The webhook's row is locked before the deliveries', as claims and deletes do: no
        # deadlock between them on PostgreSQL.
        hook = session.execute(
            update(Webhook)
            .where(Webhook.id == webhook_id)
            .values(updated_at=Webhook.updated_at)
            .returning(Webhook.failure_count)
            .execution_options(synchronize_session=False)
        ).first()
        if hook is None:  # the webhook was deleted meanwhile
            return []
        ids = [claim.delivery_id for claim, _ in results]
        rows = {
            delivery.id: delivery
            for delivery in session.scalars(
                select(WebhookDelivery).where(WebhookDelivery.id.in_(ids))
            )
        }
        failures, attempted, gone, failed, delays = hook.failure_count, False, False, False, []
        for claim, outcome in results:
            delivery = rows.get(claim.delivery_id)
            if delivery is None:
                continue
            mine = delivery.status == "sending" and delivery.attempt == claim.attempt
            if outcome is None:
                if mine:  # claimed but not sent: as it was before the claim
                    delivery.status, delivery.attempt, delivery.locked_at = (
                        "pending",
                        claim.attempt - 1,
                        None,
                    )
                continue
            # The sweep gave this delivery to another attempt; only a success still counts.
            if not mine and (not outcome.delivered or delivery.status == "delivered"):
                continue
            attempted = True
            _log(delivery, claim.attempt, outcome, now)
            if outcome.delivered:
                delivery.status, delivery.delivered_at = "delivered", now
                delivery.next_attempt_at = None
                failures = 0
                continue
            delay = None if outcome.gone else retry_delay(settings, claim.attempt)
            if delay is not None:
                delivery.status = "pending"
                delivery.next_attempt_at = now + timedelta(seconds=delay)
                delays.append(delay)
                continue
            delivery.status, delivery.next_attempt_at = "failed", None
            gone = gone or outcome.gone
            if not outcome.gone:
                failures, failed = failures + 1, True
        if attempted:
            _touch_webhook(session, webhook_id, last_triggered_at=now, failure_count=failures)
        session.flush()
        if gone:
            disable(session, webhook_id, "gone")
        elif failed and failures >= DISABLE_AFTER:
            disable(session, webhook_id, "failing")
        return delays


def _log(delivery: WebhookDelivery, attempt: int, outcome: sender.Attempt, now: datetime) -> None:
    delivery.locked_at = None
    delivery.status_code = outcome.status_code
    delivery.duration_ms = outcome.duration_ms
    delivery.error = outcome.error
    delivery.excerpt = outcome.excerpt
    delivery.updated_at = now
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


# --- recovery and retention --------------------------------------------------------------------


def sweep(settings: Settings) -> set[str]:
    """Put back deliveries whose attempt's worker died (no attempt of it can still be running:
    a dispatcher starts none later than half a lease after its claim, and each ends within the
    timeout); give the webhooks with deliveries due for a while (their wake-up may be lost, or
    their worker died before the retry), whose dispatcher is to be woken."""
    now = utcnow()
    stale = now - timedelta(seconds=settings.job_lease_seconds + settings.webhook_timeout_seconds)
    with session_scope(settings) as session:
        revived = session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.status == "sending", WebhookDelivery.locked_at < stale)
            .values(status="pending", locked_at=None, next_attempt_at=now, updated_at=now)
            .returning(WebhookDelivery.webhook_id)
            .execution_options(synchronize_session=False)
        ).all()
        due = session.scalars(
            select(WebhookDelivery.webhook_id)
            .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
            .where(WebhookDelivery.status == "pending", Webhook.active.is_(True))
            .where(WebhookDelivery.next_attempt_at <= now - SWEEP_GRACE)
            .distinct()
            .limit(SWEEP_WEBHOOKS)
        ).all()
    if revived:
        logger.warning(
            "%s webhook deliveries were in flight on a dead worker; resent", len(revived)
        )
    return {str(webhook_id) for (webhook_id,) in revived} | {str(w) for w in due}


def prune(settings: Settings, chunks: int = 10) -> int:
    """Delete delivered and failed deliveries last changed more than the retention ago, at most
    `chunks` × PRUNE_CHUNK rows (short transactions); give the count deleted."""
    cutoff = utcnow() - timedelta(days=settings.webhook_retention_days)
    row, deleted = WebhookDelivery, 0
    for _ in range(chunks):
        with session_scope(settings) as session:
            ids = session.scalars(
                select(row.id)
                .where(row.status.in_(("delivered", "failed")), row.updated_at < cutoff)
                .limit(PRUNE_CHUNK)
            ).all()
            if ids:
                session.execute(
                    delete(row).where(row.id.in_(ids)).execution_options(synchronize_session=False)
                )
        deleted += len(ids)
        if len(ids) < PRUNE_CHUNK:
            break
    return deleted
