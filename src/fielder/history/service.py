"""The rules of history: every write of a platform IR is a changeset of per-question changes;
proposals wait for approval; reverts are new changesets; nothing is rewritten."""

from __future__ import annotations

from typing import Any

from jsonpatch import JsonPatchException
from jsonpointer import JsonPointerException
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.errors import Conflict, NotFound, Unprocessable
from fielder.history import chain, events
from fielder.history.restore import revert_element
from fielder.history.steps import Step, apply, bump_versions, split
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.survey import Survey
from fielder.surveys.ir_document import parse_ir

Doc = dict[str, Any]

TITLES = {
    "initial_programming": "Initial programming",
    "manual": "Manual edit",
    "ai_prompt": "Revision",
    "revert": "Revert",
    "platform_pull": "Pull from platform",
}


def claim_revision(session: Session, survey: Survey) -> None:
    """Take the next IR revision of `survey` if nobody else has since it was read; else 409.

    A compare-and-set in SQL: of two concurrent writers of the same revision one wins, the
    other gets `concurrent_edit` and can retry; no edit is lost silently.
    """
    expected = survey.ir_revision or 0
    result = session.execute(
        update(Survey)
        .where(Survey.id == survey.id, Survey.ir_revision == expected)
        .values(ir_revision=expected + 1)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) != 1:
        raise Conflict(
            "concurrent_edit",
            "The survey's IR was changed by another request; read it again and retry.",
        )
    survey.ir_revision = expected + 1


def open_changeset(
    session: Session,
    survey: Survey,
    kind: str,
    *,
    actor: dict[str, Any] | None,
    title: str | None = None,
    status: str = "in_progress",
    idempotency_key: str | None = None,
    prompt: str | None = None,
) -> Changeset:
    """A new changeset of `survey` (flushed), announced with `changeset-started`."""
    changeset = Changeset(
        org_id=survey.org_id,
        survey_id=survey.id,
        type=kind,
        status=status,
        title=(title or TITLES[kind])[:300],
        change_count=0,
        idempotency_key=idempotency_key,
        actor=actor,
        prompt=prompt,
    )
    session.add(changeset)
    session.flush()
    events.emit_changeset(session, changeset, "changeset-started")
    return changeset


def finish(session: Session, changeset: Changeset, status: str = "complete") -> None:
    """Close a changeset (`complete`, `error`, `awaiting_approval`, `discarded`) and say so."""
    changeset.status = status
    if status in {"complete", "error", "discarded"}:
        changeset.completed_at = utcnow()
    name = {
        "complete": "changeset-completed",
        "error": "changeset-failed",
        "awaiting_approval": "changeset-awaiting-approval",
    }.get(status)
    if name is not None:
        events.emit_changeset(session, changeset, name)


def versioned(before: Doc | None, after: Doc) -> Doc:
    """`after` with the versions of its changed questions bumped relative to `before`."""
    return bump_versions(before, after)


def record_steps(
    session: Session,
    survey: Survey,
    changeset: Changeset,
    steps: list[Step],
    after: Doc,
    *,
    applied: bool = True,
    announce: bool = True,
) -> list[Change]:
    """Write `steps` as changes of `changeset`; when applied, the survey's IR becomes `after`."""
    written: list[Change] = []
    previous: Change | None = None
    for step in steps:
        previous = chain.append(
            session, survey, changeset, step, applied=applied, previous=previous
        )
        written.append(previous)
    session.flush()
    if written:
        events.emit_changes(session, changeset, [change_event_body(c) for c in written])
    if written:  # one per batch: a programming run sends one per question, an edit one in all
        events.emit_operations_added(session, changeset)
    if applied:
        chain.maybe_snapshot(session, survey, after, chain.set_ir(survey, after))
    if applied and announce:
        events.emit(
            session,
            survey.org_id,
            "survey.updated",
            {"id": survey.id, "name": survey.name, "slug": survey.slug, "status": survey.status},
            survey_id=survey.id,
        )
    return written


def change_event_body(change: Change) -> dict[str, Any]:
    """A change as the realtime `change-recorded` event carries it (patch, no snapshots)."""
    return {
        "id": change.id,
        "changeset_id": change.changeset_id,
        "survey_id": change.survey_id,
        "resource_type": change.resource_type,
        "operation": change.operation,
        "element_id": change.element_id,
        "patch": change.patch,
        "message": change.message,
        "order": change.ordinal,
        "created_at": change.created_at.isoformat().replace("+00:00", "Z"),
    }


def write_ir(
    session: Session,
    survey: Survey,
    document: Doc,
    kind: str,
    *,
    actor: dict[str, Any] | None,
    title: str | None = None,
    idempotency_key: str | None = None,
) -> Changeset | None:
    """Make `document` (already valid) the survey's IR as one complete changeset of `kind`;
    None when it equals the current IR."""
    before = survey.platform_ir
    after = versioned(before, document)
    steps = split(before, after)
    if not steps:
        return None
    claim_revision(session, survey)
    changeset = open_changeset(
        session, survey, kind, actor=actor, title=title, idempotency_key=idempotency_key
    )
    record_steps(session, survey, changeset, steps, after)
    finish(session, changeset)
    return changeset


def get_changeset(
    session: Session, org_id: str, changeset_id: str, *, lock: bool = False
) -> Changeset:
    """The org's changeset; 404 `changeset_not_found` otherwise."""
    query = select(Changeset).where(Changeset.id == changeset_id, Changeset.org_id == org_id)
    found = session.scalars(query.with_for_update() if lock else query).first()
    if found is None:
        raise NotFound("changeset_not_found", f"No changeset '{changeset_id}'.")
    return found


def changes_of(session: Session, changeset: Changeset) -> list[Change]:
    """The changes of a changeset in order."""
    return list(
        session.scalars(
            select(Change).where(Change.changeset_id == changeset.id).order_by(Change.ordinal)
        )
    )


def _editable(survey: Survey) -> Doc:
    if survey.platform_ir is None:
        raise Conflict("platform_ir_unavailable", "The survey has not been programmed yet.")
    if survey.status in {"programming", "compiling"}:
        raise Conflict("survey_programming", "The survey is being programmed; wait for the run.")
    return survey.platform_ir


def propose(
    session: Session,
    survey: Survey,
    document: Doc,
    *,
    actor: dict[str, Any] | None,
    prompt: str,
    idempotency_key: str | None = None,
) -> Changeset:
    """An `ai_prompt` changeset with the changes that would make `document`, awaiting approval."""
    before = _editable(survey)
    after = versioned(before, document)
    changeset = open_changeset(
        session,
        survey,
        "ai_prompt",
        actor=actor,
        title=f"Revision: {prompt}"[:300],
        idempotency_key=idempotency_key,
        prompt=prompt,
    )
    changeset.base_revision = survey.ir_revision
    record_steps(session, survey, changeset, split(before, after), after, applied=False)
    finish(session, changeset, "awaiting_approval")
    return changeset


def approve(session: Session, survey: Survey, changeset: Changeset) -> Changeset:
    """Apply an awaiting proposal to the current IR (409 when it no longer applies)."""
    if changeset.status != "awaiting_approval":
        raise Conflict("changeset_not_awaiting", f"The changeset is {changeset.status}.")
    current = _editable(survey)
    changes = changes_of(session, changeset)
    state: Doc | None = current
    try:
        for change in changes:
            state = apply(state, change.patch)
    except (JsonPatchException, JsonPointerException, KeyError, IndexError, TypeError) as error:
        raise Conflict(
            "proposal_stale",
            "The survey changed since this revision was proposed; propose it again.",
        ) from error
    assert state is not None
    parse_ir(state)
    claim_revision(session, survey)
    for change in changes:
        survey.history_seq += 1
        change.seq = survey.history_seq
        survey.patch_bytes_since_snapshot += chain.size(change.patch)
    chain.maybe_snapshot(session, survey, state, chain.set_ir(survey, state))
    finish(session, changeset)
    events.emit(
        session,
        survey.org_id,
        "survey.updated",
        {"id": survey.id, "name": survey.name, "slug": survey.slug, "status": survey.status},
        survey_id=survey.id,
    )
    return changeset


def reject(session: Session, changeset: Changeset) -> Changeset:
    """Discard an awaiting proposal."""
    if changeset.status != "awaiting_approval":
        raise Conflict("changeset_not_awaiting", f"The changeset is {changeset.status}.")
    finish(session, changeset, "discarded")
    return changeset


def _first_seq(session: Session, changeset: Changeset) -> int:
    seq = session.scalar(
        select(Change.seq)
        .where(Change.changeset_id == changeset.id, Change.seq.is_not(None))
        .order_by(Change.seq)
        .limit(1)
    )
    if seq is None:
        raise Conflict("nothing_to_revert", "This changeset changed nothing that can be reverted.")
    return seq


def revert_changeset(
    session: Session,
    survey: Survey,
    changeset: Changeset,
    *,
    actor: dict[str, Any] | None,
    idempotency_key: str | None = None,
) -> Changeset:
    """A `revert` changeset restoring the IR to what it was just before `changeset`."""
    _editable(survey)
    target = chain.state_at(session, survey.id, _first_seq(session, changeset) - 1)
    if target is None:
        raise Conflict(
            "nothing_before",
            "There was no IR before this changeset; program the survey again instead.",
        )
    made = write_ir(
        session,
        survey,
        target,
        "revert",
        actor=actor,
        title=f"Revert: {changeset.title}",
        idempotency_key=idempotency_key,
    )
    if made is None:
        raise Conflict("nothing_to_revert", "The IR is already as it was before this changeset.")
    return made


def get_change(session: Session, survey: Survey, change_id: str) -> Change:
    """A change of `survey`; 404 `change_not_found` otherwise."""
    change = session.scalars(
        select(Change).where(Change.id == change_id, Change.survey_id == survey.id)
    ).first()
    if change is None:
        raise NotFound("change_not_found", f"No change '{change_id}' in this survey.")
    return change


def revert_change(
    session: Session,
    survey: Survey,
    change: Change,
    *,
    actor: dict[str, Any] | None,
    idempotency_key: str | None = None,
) -> Changeset:
    """A `revert` changeset putting the element of one change back as it was before it."""
    current = _editable(survey)
    if change.seq is None:
        raise Conflict("nothing_to_revert", "This change was never applied.")
    before = chain.state_at(session, survey.id, change.seq - 1)
    restored = revert_element(current, before, change.element_id)
    try:
        parse_ir(restored)
    except Unprocessable as error:
        raise Unprocessable(
            "revert_invalid",
            "Reverting this change alone would leave the survey invalid; revert its changeset.",
            details=error.details,
        ) from error
    made = write_ir(
        session,
        survey,
        restored,
        "revert",
        actor=actor,
        title=f"Revert: {change.message}",
        idempotency_key=idempotency_key,
    )
    if made is None:
        raise Conflict("nothing_to_revert", "The element is already as it was before this change.")
    return made
