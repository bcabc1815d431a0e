"""In-progress responses idle for `abandon_after_hours` become `abandoned` (API.md § 9)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.kit import events
from fielder.models.response import Response

#: Responses marked per run; the periodic job comes back for the rest.
BATCH = 500


def abandon_idle(session: Session, idle_hours: float, now: datetime | None = None) -> int:
    """Mark idle in-progress responses abandoned (one `response.abandoned` event each);
    gives how many were marked."""
    now = now or utcnow()
    cutoff = now - timedelta(hours=idle_hours)
    idle = session.execute(
        select(Response.id, Response.org_id, Response.survey_id)
        .where(Response.status == "in_progress", Response.last_saved_at < cutoff)
        .order_by(Response.last_saved_at)
        .limit(BATCH)
    ).all()
    marked = 0
    for response_id, org_id, survey_id in idle:
        # Conditional: a save or complete that came in meanwhile wins.
        result = session.execute(
            update(Response)
            .where(
                Response.id == response_id,
                Response.status == "in_progress",
                Response.last_saved_at < cutoff,
            )
            .values(status="abandoned", updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:  # type: ignore[attr-defined]
            marked += 1
            events.publish(
                session,
                org_id=org_id,
                name="response.abandoned",
                data={"id": response_id, "survey_id": survey_id, "status": "abandoned"},
                survey_id=survey_id,
            )
    return marked
