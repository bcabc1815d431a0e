"""Routes of `/api/v1/surveys` (API.md § 4): thin, the rules are in `service`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy import Row
from sqlalchemy.orm import Session

from fielder.db.session import get_engine, get_session
from fielder.errors import BadRequest, Unprocessable, UnsupportedMediaType
from fielder.files import service as files
from fielder.files.deps import AppSettings, Store
from fielder.files.upload import Upload, media_type_of, read_upload
from fielder.history.schemas import ChangesetRead
from fielder.keys.auth import Principal, require_scope
from fielder.kit.pagination import PageNumber, PageParams, PerPage
from fielder.kit.threads import in_thread
from fielder.surveys import exchange, programming, repository, service
from fielder.surveys.schemas import (
    DestinationUpdate,
    StartProgramming,
    StartProgrammingResult,
    SurveyCreate,
    SurveyCreated,
    SurveyEnvelope,
    SurveyRead,
    SurveyUpdate,
)
from fielder.surveys.status import STATUSES

router = APIRouter(prefix="/surveys", tags=["surveys"])

Reader = Annotated[Principal, Depends(require_scope("surveys:read"))]
Writer = Annotated[Principal, Depends(require_scope("surveys:write"))]
DB = Annotated[Session, Depends(get_session)]


def _invalid(error: ValidationError) -> Unprocessable:
    details = [
        {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
        for item in error.errors(include_url=False, include_context=False, include_input=False)
    ]
    return Unprocessable("invalid_request", "The request body is not valid.", details=details)


async def _json_body(request: Request) -> Any:
    try:
        return await request.json()
    except ValueError as error:
        raise BadRequest("malformed_json", "The request body is not valid JSON.") from error


@dataclass(slots=True)
class CreateRequest:
    """`POST /surveys`: a JSON body, or a multipart questionnaire upload with its fields."""

    body: SurveyCreate
    upload: Upload | None = None


def _upload_body(upload: Upload) -> SurveyCreate:
    fields = upload.fields
    name = fields.get("name") or PurePath(upload.name).stem or "Untitled survey"
    values = {"name": name[:200]} | {
        key: fields[key] for key in ("slug", "engine", "mode") if fields.get(key)
    }
    return SurveyCreate.model_validate(values)


async def create_request(request: Request) -> CreateRequest:
    """The body of `POST /surveys`: JSON, or multipart with `file` (+ name, slug, engine, mode)."""
    media_type = media_type_of(request)
    try:
        if media_type == "multipart/form-data":
            upload = await read_upload(request)
            return CreateRequest(_upload_body(upload), upload)
        if media_type not in {"application/json", ""}:
            raise UnsupportedMediaType(
                "unsupported_media_type",
                "Send JSON, or a multipart form with the questionnaire file.",
            )
        return CreateRequest(SurveyCreate.model_validate(await _json_body(request)))
    except ValidationError as error:
        raise _invalid(error) from error


def _inline_defs(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON Schema with its `$defs` put in place (openapi_extra has no components)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk(defs[ref.removeprefix("#/$defs/")])
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    result: dict[str, Any] = walk(schema)
    return result


def _read(survey: Any) -> SurveyRead:
    return SurveyRead.model_validate(survey)


def _listed(row: Row[Any]) -> dict[str, Any]:
    """A listed survey's row as the JSON object of its SurveyRead (what FastAPI would send)."""
    return SurveyRead.model_validate(row._mapping).model_dump(mode="json", by_alias=True)


@router.post(
    "",
    status_code=201,
    response_model=SurveyCreated,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _inline_defs(SurveyCreate.model_json_schema())},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {
                            "file": {"type": "string", "format": "binary"},
                            "name": {"type": "string"},
                            "slug": {"type": "string"},
                            "engine": {"type": "string", "enum": ["builtin", "llm"]},
                            "mode": {"type": "string", "enum": ["manual", "ai"]},
                        },
                    }
                },
            },
        }
    },
)
def create_survey(
    principal: Writer,
    session: DB,
    storage: Store,
    settings: AppSettings,
    create: Annotated[CreateRequest, Depends(create_request)],
) -> SurveyCreated:
    """Create a survey: by uploading its questionnaire, or from JSON (empty, or a whole IR)."""
    media_type = None
    if create.upload is not None:  # checked before anything is stored
        _, media_type = files.check_upload(create.upload, settings.max_upload_bytes)
    survey = service.create_survey(
        session, principal.org_id, create.body, default_engine=settings.engine
    )
    if create.upload is not None and media_type is not None:
        row = files.store_file(
            session, storage, principal.org_id, create.upload, media_type, survey.id
        )
        survey.file_id = row.id
        session.flush()
    session.commit()
    return SurveyCreated(data=_read(survey), survey_id=survey.id, file_id=survey.file_id)


@router.get("", response_model=None, response_class=JSONResponse)
async def list_surveys(
    request: Request,
    principal: Reader,
    status: Annotated[str | None, Query(description="Only surveys in this status")] = None,
    page: PageNumber = 1,
    per_page: PerPage = 20,
) -> JSONResponse:
    """The org's surveys, newest first, a page at a time."""
    # The busiest authenticated read, kept lean (docs/deployment.md, Performance): its page
    # parameters are its own (each dependency costs FastAPI a solve per request), it reads on
    # a pooled connection without a Session, in one lean thread hop (`kit.threads`), and the
    # page is sent as built (no jsonable_encoder pass over it).
    if status is not None and status not in STATUSES:
        raise Unprocessable(
            "invalid_status", f"Unknown status '{status}'.", details=[{"field": "status"}]
        )
    engine = get_engine(request.app.state.settings)
    params = PageParams(page=page, per_page=per_page)
    body = await in_thread(repository.list_page, engine, principal.org_id, status, params, _listed)
    return JSONResponse(body)


@router.get("/{survey_id}", response_model=SurveyEnvelope)
def get_survey(survey_id: str, principal: Reader, session: DB) -> SurveyEnvelope:
    """One survey of the org."""
    return SurveyEnvelope(data=_read(service.get_survey(session, principal.org_id, survey_id)))


@router.patch("/{survey_id}", response_model=SurveyEnvelope)
def update_survey(
    survey_id: str, body: SurveyUpdate, principal: Writer, session: DB
) -> SurveyEnvelope:
    """Rename, change the slug, publish (`live`) or close a survey."""
    survey = service.update_survey(session, principal.org_id, survey_id, body)
    session.commit()
    return SurveyEnvelope(data=_read(survey))


@router.delete("/{survey_id}", status_code=204, response_class=Response)
def delete_survey(survey_id: str, principal: Writer, session: DB) -> Response:
    """Delete a survey (409 while it is being programmed)."""
    service.delete_survey(session, principal.org_id, survey_id)
    session.commit()
    return Response(status_code=204)


def _actor(principal: Principal) -> dict[str, Any]:
    return {"type": "api_key", "id": principal.key_id}


@router.put("/{survey_id}/destination", response_model=SurveyEnvelope)
def put_destination(
    survey_id: str, body: DestinationUpdate, principal: Writer, session: DB
) -> SurveyEnvelope:
    """Choose the platform (and integration); a run waiting for it then finishes."""
    survey = service.get_survey(session, principal.org_id, survey_id, lock=True)
    programming.set_destination(
        session, survey, body.platform, body.integration_id, _actor(principal)
    )
    session.commit()
    return SurveyEnvelope(data=_read(survey))


@router.post(
    "/{survey_id}/start-programming", status_code=202, response_model=StartProgrammingResult
)
def start_programming(
    survey_id: str,
    principal: Writer,
    session: DB,
    body: StartProgramming | None = None,
) -> StartProgrammingResult:
    """Start programming from the uploaded questionnaire (idempotent while a run is going)."""
    options = body or StartProgramming()
    survey = service.get_survey(session, principal.org_id, survey_id, lock=True)
    running = programming.start(
        session, survey, qa=options.qa, force=options.force, actor=_actor(principal)
    )
    session.commit()
    return StartProgrammingResult(already_running=running, status=survey.status)


@router.get(
    "/{survey_id}/export",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def export_survey(
    survey_id: str,
    principal: Reader,
    session: DB,
    platform: Annotated[str, Query(min_length=1, max_length=32)],
    report: Annotated[bool, Query()] = False,
) -> Response:
    """The survey as a platform's native file (`?report=1`: only what would not carry)."""
    survey = service.get_survey(session, principal.org_id, survey_id)
    result = exchange.export(survey, platform)
    not_carried = [item.model_dump(mode="json") for item in result.not_carried]
    if report:
        return JSONResponse({"file_name": result.file_name, "not_carried": not_carried})
    safe_name = result.file_name.encode("ascii", "replace").decode().replace('"', "'")
    return Response(
        content=result.content,
        media_type=result.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{safe_name}"',
            "X-Fielder-Not-Carried": str(len(not_carried)),
        },
    )


@router.post(
    "/{survey_id}/pull",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": {"file": {"type": "string", "format": "binary"}},
                    }
                }
            },
        }
    },
)
def pull_survey(
    survey_id: str,
    principal: Writer,
    session: DB,
    upload: Annotated[Upload, Depends(read_upload)],
) -> JSONResponse:
    """Bring back a native file of the survey's platform: its differences become a
    `platform_pull` changeset (201), or nothing when it matches (200, `data: null`)."""
    survey = service.get_survey(session, principal.org_id, survey_id, lock=True)
    pulled = exchange.pull(
        session, survey, upload.data, actor=_actor(principal), file_name=upload.name
    )
    session.commit()
    changeset = (
        ChangesetRead.model_validate(pulled.changeset).model_dump(mode="json")
        if pulled.changeset is not None
        else None
    )
    body = {
        "data": changeset,
        "not_carried": [item.model_dump(mode="json") for item in pulled.not_carried],
    }
    return JSONResponse(body, status_code=201 if changeset else 200)
