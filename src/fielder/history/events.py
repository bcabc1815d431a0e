"""Publishing history events through the event bus (kit.events)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from fielder.kit import events as bus
from fielder.kit.events import history_channel
from fielder.models.change import Change
from fielder.models.changeset import Changeset


def changeset_payload(changeset: Changeset) -> dict[str, Any]:
    """The payload of changeset events: `{id, survey_id, type, status, title}`."""
    return {
        "id": changeset.id,
        "survey_id": changeset.survey_id,
        "type": changeset.type,
        "status": changeset.status,
        "title": changeset.title,
    }


def emit(
    session: Session,
    org_id: str,
    name: str,
    data: dict[str, Any],
    *,
    survey_id: str | None = None,
    channels: tuple[str, ...] = (),
) -> None:
    """Publish event `name` in the caller's transaction (delivered after it commits)."""
    bus.publish(
        session, org_id=org_id, name=name, data=data, survey_id=survey_id, channels=channels
    )


def emit_changeset(session: Session, changeset: Changeset, name: str) -> None:
    """Publish a changeset event (`changeset-started`, `-completed`, `-failed`, …)."""
    emit(
        session,
        changeset.org_id,
        name,
        changeset_payload(changeset),
        survey_id=changeset.survey_id,
    )


def emit_change(
    session: Session, changeset: Changeset, change: Change, body: dict[str, Any]
) -> None:
    """`change-recorded` on the changeset's channel (realtime)."""
    emit_changes(session, changeset, [body])


def emit_changes(session: Session, changeset: Changeset, bodies: list[dict[str, Any]]) -> None:
    """`change-recorded` for each change body, in one batch (a revert may record hundreds)."""
    channels = (history_channel(changeset.org_id, changeset.id),)
    bus.publish_many(
        session,
        [
            bus.Publication(
                changeset.org_id, "change-recorded", body, changeset.survey_id, channels
            )
            for body in bodies
        ],
    )


def emit_operations_added(session: Session, changeset: Changeset) -> None:
    """`changeset-operation-added` with the changeset's operation count so far."""
    emit(
        session,
        changeset.org_id,
        "changeset-operation-added",
        changeset_payload(changeset) | {"operation_count": changeset.change_count},
        survey_id=changeset.survey_id,
    )
