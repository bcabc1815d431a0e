"""Changes as the API shows them: `before`/`after` rebuilt from the chain, not stored."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jsonpatch import JsonPatchException
from jsonpointer import JsonPointerException
from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.history import chain
from fielder.history.schemas import ChangeRead, ChangesetRead, ChangesetWithChanges
from fielder.history.steps import apply
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.survey import Survey

Doc = dict[str, Any]
States = dict[str, tuple[Doc | None, Doc | None]]


def _applied_states(session: Session, survey_id: str, changes: list[Change]) -> States:
    seqs = sorted(change.seq for change in changes if change.seq is not None)
    if not seqs:
        return {}
    wanted = {change.seq: change.id for change in changes if change.seq is not None}
    state = chain.state_at(session, survey_id, seqs[0] - 1)
    states: States = {}
    rows = session.execute(
        select(Change.seq, Change.patch)
        .where(Change.survey_id == survey_id, Change.seq >= seqs[0], Change.seq <= seqs[-1])
        .order_by(Change.seq)
    )
    for seq, patch in rows:
        after = apply(state, patch)
        if seq in wanted:
            states[wanted[seq]] = (state, after)
        state = after
    return states


def _proposed_states(current: Doc | None, session: Session, changes: list[Change]) -> States:
    states: States = {}
    by_changeset: dict[str, list[Change]] = defaultdict(list)
    for change in changes:
        if change.seq is None:
            by_changeset[change.changeset_id].append(change)
    for changeset_id in by_changeset:
        state = current
        for change in session.scalars(
            select(Change).where(Change.changeset_id == changeset_id).order_by(Change.ordinal)
        ):
            try:
                after = apply(state, change.patch)
            except (JsonPatchException, JsonPointerException, KeyError, IndexError, TypeError):
                states[change.id] = (None, None)  # no longer applies to today's IR
                continue
            states[change.id] = (state, after)
            state = after
    return states


def change_reads(
    session: Session, survey: Survey, changes: list[Change], *, snapshots: bool = True
) -> list[ChangeRead]:
    """The API form of `changes` (with before/after when `snapshots`)."""
    states: States = {}
    if snapshots:
        states = _applied_states(session, survey.id, changes)
        states |= _proposed_states(survey.platform_ir, session, changes)
    return [
        ChangeRead(
            id=change.id,
            changeset_id=change.changeset_id,
            survey_id=change.survey_id,
            resource_type=change.resource_type,
            operation=change.operation,
            element_id=change.element_id,
            before=states.get(change.id, (None, None))[0],
            after=states.get(change.id, (None, None))[1],
            patch=change.patch,
            message=change.message,
            order=change.ordinal,
            created_at=change.created_at,
        )
        for change in changes
    ]


def changeset_read(changeset: Changeset) -> ChangesetRead:
    """The API form of a changeset."""
    return ChangesetRead.model_validate(changeset)


def changeset_with_changes(
    session: Session, survey: Survey, changeset: Changeset, changes: list[Change], snapshots: bool
) -> ChangesetWithChanges:
    """A changeset and its changes, in order."""
    reads = change_reads(session, survey, changes, snapshots=snapshots)
    return ChangesetWithChanges(**changeset_read(changeset).model_dump(), changes=reads)
