"""Routes of the platform IR (API.md § 6) and of history (§ 7)."""

from __future__ import annotations

from typing import Annotated, Any, cast

import jsonpatch
from fastapi import APIRouter, Depends, Query, Response
from jsonpatch import JsonPatchException
from jsonpointer import JsonPointerException
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.db.session import get_session
from fielder.engines.base import CannotRevise, EngineUnavailable
from fielder.engines.llm.client import ModelError
from fielder.engines.llm.revise import PatchRefused
from fielder.errors import (
    BadGateway,
    Conflict,
    PreconditionFailed,
    ServiceUnavailable,
    Unprocessable,
    UnsupportedMediaType,
)
from fielder.history import service, views
from fielder.history.deps import (
    Body,
    Idempotency,
    idempotency_of,
    if_match,
    json_body,
    run_idempotent,
)
from fielder.history.schemas import (
    ChangesetEnvelope,
    ChangesetRead,
    PlatformIR,
)
from fielder.history.steps import clone
from fielder.ir.models import Survey as IRSurvey
from fielder.ir.patch import PatchError, apply_json_patch, apply_merge_patch
from fielder.keys.auth import Principal, require_scope
from fielder.kit.engines import org_engine
from fielder.kit.pagination import CursorParams, cursor_page
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.survey import Survey
from fielder.surveys import service as surveys
from fielder.surveys.ir_document import parse_ir

router = APIRouter(tags=["history"])

Reader = Annotated[Principal, Depends(require_scope("surveys:read"))]
Writer = Annotated[Principal, Depends(require_scope("surveys:write"))]
DB = Annotated[Session, Depends(get_session)]
Json = Annotated[Body, Depends(json_body)]
IfMatch = Annotated[str | None, Depends(if_match)]
Token = Annotated[Idempotency, Depends(idempotency_of)]
Snapshots = Annotated[bool, Query(description="Include before/after IR snapshots")]

JSON_PATCH = "application/json-patch+json"
MERGE_PATCH = "application/merge-patch+json"


def actor(principal: Principal) -> dict[str, Any]:
    """Who made a change, as history records it."""
    return {"type": "api_key", "id": principal.key_id}


def _platform_ir(survey: Survey, changeset: Changeset | None = None) -> Response:
    if survey.platform_ir is None or not survey.platform_ir_available:
        raise Conflict(
            "platform_ir_unavailable",
            "The survey has no platform IR yet: program it and choose a destination.",
        )
    body = PlatformIR(
        ir=survey.platform_ir,
        checksum=survey.ir_checksum or "",
        updated_at=survey.ir_updated_at,
        changeset_id=changeset.id if changeset else None,
    )
    return Response(
        content=body.model_dump_json(),
        media_type="application/json",
        headers={"ETag": f'"{survey.ir_checksum}"'},
    )


@router.get("/surveys/{survey_id}/platform-ir", response_model=PlatformIR)
def get_platform_ir(survey_id: str, principal: Reader, session: DB) -> Response:
    """The survey's platform IR with its checksum; the ETag is the checksum."""
    return _platform_ir(surveys.get_survey(session, principal.org_id, survey_id))


def _check_fresh(survey: Survey, expected: str | None) -> None:
    if expected is not None and expected != survey.ir_checksum:
        raise PreconditionFailed(
            "stale_ir",
            "The IR changed since you read it (If-Match does not match); read it again.",
            details=[{"current_checksum": survey.ir_checksum}],
        )


def _save(session: Session, survey: Survey, document: dict[str, Any], who: Principal) -> Response:
    changeset = service.write_ir(session, survey, document, "manual", actor=actor(who))
    session.commit()
    return _platform_ir(survey, changeset)


def _editable_survey(session: Session, org_id: str, survey_id: str) -> Survey:
    survey = surveys.get_survey(session, org_id, survey_id, lock=True)
    if survey.platform_ir is None or not survey.platform_ir_available:
        raise Conflict("platform_ir_unavailable", "The survey has no platform IR to edit yet.")
    if survey.status in {"programming", "compiling"}:
        raise Conflict("survey_programming", "The survey is being programmed.")
    return survey


@router.put("/surveys/{survey_id}/platform-ir", response_model=PlatformIR)
def put_platform_ir(
    survey_id: str, principal: Writer, session: DB, body: Json, expected: IfMatch
) -> Response:
    """Replace the whole platform IR (one `manual` changeset); 412 when If-Match is stale."""
    survey = _editable_survey(session, principal.org_id, survey_id)
    _check_fresh(survey, expected)
    document = body.value
    if isinstance(document, dict):
        document = dict(document) | {"platform": survey.target_platform}
    return _save(session, survey, parse_ir(document).to_json(), principal)


@router.patch(
    "/surveys/{survey_id}/platform-ir",
    response_model=PlatformIR,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                JSON_PATCH: {"schema": {"type": "array", "items": {"type": "object"}}},
                MERGE_PATCH: {"schema": {"type": "object"}},
            },
        }
    },
)
def patch_platform_ir(
    survey_id: str, principal: Writer, session: DB, body: Json, expected: IfMatch
) -> Response:
    """Edit the platform IR with a JSON Patch (RFC 6902) or a merge patch (RFC 7396)."""
    if body.media_type not in {JSON_PATCH, MERGE_PATCH}:
        raise UnsupportedMediaType("unsupported_media_type", f"Send {JSON_PATCH} or {MERGE_PATCH}.")
    survey = _editable_survey(session, principal.org_id, survey_id)
    _check_fresh(survey, expected)
    document = _quick_json_patch(survey.platform_ir, body)
    if document is None:  # the full model's JSON (defaults included) answers every path
        current = IRSurvey.model_validate(survey.platform_ir)
        try:
            if body.media_type == JSON_PATCH:
                edited = apply_json_patch(current, body.value)
            else:
                edited = apply_merge_patch(current, body.value)
        except PatchError as error:
            raise Unprocessable(error.code, error.reason, details=error.details) from error
        document = edited.to_json()
    document = parse_ir(document | {"platform": survey.target_platform}).to_json()
    return _save(session, survey, document, principal)


def _quick_json_patch(stored: dict[str, Any] | None, body: Body) -> dict[str, Any] | None:
    """The stored (compact) IR with a JSON Patch applied, or None to take the full path:
    most edits name fields the compact form holds, and skip a whole-model round trip."""
    if stored is None or body.media_type != JSON_PATCH or not isinstance(body.value, list):
        return None
    try:
        patched = jsonpatch.apply_patch(clone(stored), body.value, in_place=True)
    except (JsonPatchException, JsonPointerException, KeyError, IndexError, TypeError, ValueError):
        return None
    return patched if isinstance(patched, dict) else None


@router.get("/surveys/{survey_id}/history")
def list_history(
    survey_id: str,
    principal: Reader,
    session: DB,
    params: Annotated[CursorParams, Depends()],
) -> dict[str, Any]:
    """The survey's changesets, newest first."""
    surveys.get_survey(session, principal.org_id, survey_id)
    query = select(Changeset).where(Changeset.survey_id == survey_id)
    return cursor_page(
        session,
        cast(Any, query),
        params,
        views.changeset_read,
        key=(Changeset.created_at, Changeset.id),
        descending=True,
    )


@router.get("/changesets/{changeset_id}", response_model=ChangesetEnvelope)
def get_changeset(
    changeset_id: str, principal: Reader, session: DB, snapshots: Snapshots = True
) -> ChangesetEnvelope:
    """One changeset with its changes."""
    changeset = service.get_changeset(session, principal.org_id, changeset_id)
    survey = surveys.get_survey(session, principal.org_id, changeset.survey_id)
    changes = service.changes_of(session, changeset)
    return ChangesetEnvelope(
        data=views.changeset_with_changes(session, survey, changeset, changes, snapshots)
    )


@router.get("/surveys/{survey_id}/changes")
def list_changes(
    survey_id: str,
    principal: Reader,
    session: DB,
    params: Annotated[CursorParams, Depends()],
    changeset_id: Annotated[str | None, Query()] = None,
    snapshots: Snapshots = True,
) -> dict[str, Any]:
    """The survey's changes, oldest first, optionally of one changeset."""
    survey = surveys.get_survey(session, principal.org_id, survey_id)
    query = select(Change).where(Change.survey_id == survey_id)
    if changeset_id is not None:
        query = query.where(Change.changeset_id == changeset_id)
    page = cursor_page(
        session,
        cast(Any, query),
        params,
        lambda change: change,
        key=(Change.created_at, Change.id),
    )
    page["data"] = [
        read.model_dump(mode="json")
        for read in views.change_reads(session, survey, page["data"], snapshots=snapshots)
    ]
    return page


def _changeset_body(session: Session, changeset: Changeset) -> dict[str, Any]:
    session.flush()
    return {"data": ChangesetRead.model_validate(changeset).model_dump(mode="json")}


@router.post("/changesets/{changeset_id}/revert", status_code=201)
def revert_changeset(changeset_id: str, principal: Writer, session: DB, token: Token) -> Response:
    """A new `revert` changeset restoring the IR to just before this changeset."""

    def act() -> tuple[int, Any]:
        changeset = service.get_changeset(session, principal.org_id, changeset_id)
        survey = surveys.get_survey(session, principal.org_id, changeset.survey_id, lock=True)
        made = service.revert_changeset(
            session, survey, changeset, actor=actor(principal), idempotency_key=token.key
        )
        return 201, _changeset_body(session, made)

    return run_idempotent(session, principal, token, act)


@router.post("/surveys/{survey_id}/changes/{change_id}/revert", status_code=201)
def revert_change(
    survey_id: str, change_id: str, principal: Writer, session: DB, token: Token
) -> Response:
    """A new `revert` changeset putting one change's question back as it was."""

    def act() -> tuple[int, Any]:
        survey = surveys.get_survey(session, principal.org_id, survey_id, lock=True)
        change = service.get_change(session, survey, change_id)
        made = service.revert_change(
            session, survey, change, actor=actor(principal), idempotency_key=token.key
        )
        return 201, _changeset_body(session, made)

    return run_idempotent(session, principal, token, act)


@router.post("/changesets/{changeset_id}/approve")
def approve_changeset(changeset_id: str, principal: Writer, session: DB, token: Token) -> Response:
    """Apply an `ai_prompt` changeset that awaits approval."""

    def act() -> tuple[int, Any]:
        changeset = service.get_changeset(session, principal.org_id, changeset_id, lock=True)
        survey = surveys.get_survey(session, principal.org_id, changeset.survey_id, lock=True)
        return 200, _changeset_body(session, service.approve(session, survey, changeset))

    return run_idempotent(session, principal, token, act)


@router.post("/changesets/{changeset_id}/reject")
def reject_changeset(changeset_id: str, principal: Writer, session: DB, token: Token) -> Response:
    """Discard an `ai_prompt` changeset that awaits approval."""

    def act() -> tuple[int, Any]:
        changeset = service.get_changeset(session, principal.org_id, changeset_id, lock=True)
        return 200, _changeset_body(session, service.reject(session, changeset))

    return run_idempotent(session, principal, token, act)


class RevisionRequest(BaseModel):
    """`POST /surveys/{id}/revisions {prompt}`."""

    model_config = ConfigDict(extra="forbid")

    prompt: str = Field(min_length=1, max_length=4000)


def _revised(session: Session, survey: Survey, prompt: str) -> dict[str, Any]:
    current = IRSurvey.model_validate(survey.platform_ir)
    try:
        engine = org_engine(session, survey.org_id, survey.engine)
        ops = engine.revise(current, prompt)
    except EngineUnavailable as error:
        raise ServiceUnavailable("ai_unavailable", str(error)) from error
    except PatchRefused as error:
        details = [{"problem": problem} for problem in error.problems]
        raise Unprocessable("revision_refused", error.reason, details=details) from error
    except CannotRevise as error:
        hint = " The builtin engine understands commands like the examples listed."
        raise Unprocessable(
            "revision_not_understood",
            error.reason + (hint if error.commands else ""),
            details=[{"command": example} for example in error.commands],
        ) from error
    except ModelError as error:
        raise BadGateway("ai_upstream_error", f"The model failed ({error}); try again.") from error
    try:
        edited = apply_json_patch(current, ops)
    except PatchError as error:
        raise Unprocessable(error.code, error.reason, details=error.details) from error
    return edited.to_json() | {"platform": survey.target_platform}


@router.post("/surveys/{survey_id}/revisions", status_code=202)
def create_revision(
    survey_id: str, body: RevisionRequest, principal: Writer, session: DB, token: Token
) -> Response:
    """Propose an edit asked for in plain words: an `ai_prompt` changeset awaiting approval."""

    def act() -> tuple[int, Any]:
        survey = _editable_survey(session, principal.org_id, survey_id)
        document = _revised(session, survey, body.prompt)
        parse_ir(document)
        changeset = service.propose(
            session,
            survey,
            document,
            actor=actor(principal),
            prompt=body.prompt,
            idempotency_key=token.key,
        )
        changes = service.changes_of(session, changeset)
        view = views.changeset_with_changes(session, survey, changeset, changes, True)
        return 202, {"data": view.model_dump(mode="json")}

    return run_idempotent(session, principal, token, act)
