"""Jobs of the responses domain: marking idle responses abandoned.

The queue has no clock of its own, so the job is asked for by the traffic that needs it:
`schedule_abandon` (called by the public start route) enqueues it at most once per
`SLOT_SECONDS` across every server process, through the job's idempotency key.
"""

from __future__ import annotations

import time
from typing import Final

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fielder.config import get_settings
from fielder.db.session import session_scope
from fielder.responses.abandon import abandon_idle
from fielder.worker.queue import enqueue_after_commit
from fielder.worker.tasks import task

SLOT_SECONDS: Final = 600
_last_slot: dict[str, int] = {}


@task(name="responses.abandon_idle")
def abandon_idle_responses() -> int:
    """Mark in-progress responses idle past `abandon_after_hours` as abandoned."""
    settings = get_settings()
    with session_scope(settings) as session:
        return abandon_idle(session, settings.abandon_after_hours)


def schedule_abandon(session: Session) -> None:
    """Enqueue the abandon job once per time slot (after the caller's commit)."""
    slot = int(time.time()) // SLOT_SECONDS
    if _last_slot.get("slot") == slot:
        return
    _last_slot["slot"] = slot
    try:
        with session.begin_nested():
            enqueue_after_commit(session, abandon_idle_responses, idempotency_key=f"abandon:{slot}")
    except IntegrityError:
        pass  # another server process asked for this slot's run first: nothing to add
