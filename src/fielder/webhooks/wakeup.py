"""Waking a webhook's dispatcher once the transaction that wrote its deliveries commits.

In a process whose consumer runs a dispatcher (the embedded worker), the wake-up is a function
call; elsewhere it is a `webhooks.wake` signal through the job queue (one push, no `jobs` row).
A wake-up lost with a crash costs nothing but time: the rows are committed, and the sweep of
every consumer wakes dispatchers for deliveries due for more than a few seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from fielder.config import Settings, get_settings
from fielder.worker.queue import get_queue

logger = logging.getLogger("fielder.webhooks")

WAKE_SIGNAL = "fielder.webhooks.wake"
_KEY = "fielder_webhook_wakeups"

#: The dispatchers running in this process, by settings key: key → wake(webhook_id).
_local: dict[tuple[str, ...], Callable[[str], None]] = {}
_lock = threading.Lock()


def settings_key(settings: Settings) -> tuple[str, ...]:
    """What tells one deployment's dispatcher from another's in a process (tests run many)."""
    return (
        str(settings.database_url), str(settings.redis_url), settings.namespace,
        str(settings.data_dir.resolve()),
    )  # fmt: skip


def register_local(settings: Settings, wake: Callable[[str], None] | None) -> None:
    """Make `wake` this process's way to wake the settings' dispatcher (None: no longer)."""
    with _lock:
        if wake is None:
            _local.pop(settings_key(settings), None)
        else:
            _local[settings_key(settings)] = wake


def after_commit(session: Session, webhook_id: str) -> None:
    """Wake the webhook's dispatcher once the session's transaction commits."""
    session.info.setdefault(_KEY, set()).add(webhook_id)


def wake(settings: Settings, webhook_ids: set[str]) -> None:
    """Wake the dispatchers of `webhook_ids`: the local one if any, else through the queue."""
    with _lock:
        local = _local.get(settings_key(settings))
    for webhook_id in sorted(webhook_ids):
        if local is not None:
            local(webhook_id)
            continue
        try:
            get_queue(settings).signal(WAKE_SIGNAL, webhook_id)
        except Exception:  # the rows are committed: the sweep wakes a dispatcher later
            logger.exception("could not wake the dispatcher of webhook %s", webhook_id)


def _send(session: Session) -> None:
    # SQLAlchemy calls after_commit for a SAVEPOINT's release too: the rows are not committed
    # until the outermost transaction is, and a wake-up sent now would find none of them.
    if session.in_nested_transaction():
        return
    webhook_ids = session.info.pop(_KEY, None)
    if webhook_ids:
        wake(session.info.get("settings") or get_settings(), webhook_ids)


def _drop(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:  # a savepoint's rollback keeps them
        session.info.pop(_KEY, None)


event.listen(Session, "after_commit", _send)
event.listen(Session, "after_soft_rollback", _drop)
