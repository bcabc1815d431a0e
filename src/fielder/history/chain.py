"""The applied history of a survey as a chain: snapshots now and then, patches between.

The IR after change `seq` is the nearest snapshot at or before `seq` with the patches of
the changes after it replayed. A snapshot is written when the patches since the last one
add up to the size of the document, so storage
grows with what changed and a replay never reads more than about one document's worth.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.history.steps import Step, apply_in_place, clone
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.snapshot import Snapshot
from fielder.models.survey import Survey
from fielder.surveys.ir_document import canonical_json

Doc = dict[str, Any]


def size(value: Any) -> int:
    """Bytes of `value` as compact JSON."""
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False))


def state_at(session: Session, survey_id: str, seq: int) -> Doc | None:
    """The IR after applied change `seq` (0: before any change, i.e. None)."""
    snapshot = session.scalars(
        select(Snapshot)
        .where(Snapshot.survey_id == survey_id, Snapshot.seq <= seq)
        .order_by(Snapshot.seq.desc())
        .limit(1)
    ).first()
    state: Doc | None = clone(snapshot.document) if snapshot else None
    start = snapshot.seq if snapshot else 0
    patches = session.scalars(
        select(Change.patch)
        .where(Change.survey_id == survey_id, Change.seq > start, Change.seq <= seq)
        .order_by(Change.seq)
    )
    for patch in patches:  # fresh from the query: nothing else holds them
        state = apply_in_place(state, patch)
    return state


def _next_time(changeset: Changeset, previous: Change | None) -> Any:
    # Strictly increasing within a changeset so (created_at, id) lists keep the order.
    now = utcnow()
    if previous is not None and now <= previous.created_at:
        return previous.created_at + timedelta(microseconds=1)
    return now


def append(
    session: Session,
    survey: Survey,
    changeset: Changeset,
    step: Step,
    *,
    applied: bool = True,
    previous: Change | None = None,
) -> Change:
    """Write one step as the next change of `changeset` (applied: numbered in the chain)."""
    change = Change(
        changeset_id=changeset.id,
        survey_id=survey.id,
        ordinal=changeset.change_count,
        element_id=step.element_id,
        resource_type="platformIr",
        operation=step.operation,
        patch=step.patch,
        message=step.message,
        created_at=_next_time(changeset, previous),
    )
    if applied:
        survey.history_seq = (survey.history_seq or 0) + 1
        change.seq = survey.history_seq
        survey.patch_bytes_since_snapshot = (survey.patch_bytes_since_snapshot or 0) + size(
            step.patch
        )
    changeset.change_count += 1
    session.add(change)
    return change


def maybe_snapshot(session: Session, survey: Survey, document: Doc, document_size: int) -> None:
    """Snapshot `document` (the IR after `survey.history_seq`) once the patches written since
    the last snapshot add up to its size (`document_size` bytes)."""
    since = survey.patch_bytes_since_snapshot or 0
    if since and since >= document_size:
        session.add(Snapshot(survey_id=survey.id, seq=survey.history_seq, document=document))
        survey.patch_bytes_since_snapshot = 0


def set_ir(survey: Survey, document: dict[str, Any]) -> int:
    """Store `document` as the survey's platform IR, with its checksum, time and question count;
    give its size in bytes (of canonical JSON)."""
    text = canonical_json(document)
    survey.platform_ir = document
    survey.ir_checksum = hashlib.sha256(text.encode()).hexdigest()
    survey.ir_updated_at = utcnow()
    survey.question_count = sum(
        1
        for block in document.get("blocks", [])
        for item in block.get("items", [])
        if item.get("type") != "page_break"
    )
    return len(text)
