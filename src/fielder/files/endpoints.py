"""Routes of `/api/v1/files` (API.md § 3)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session
from sse_starlette.sse import EventSourceResponse

from fielder.db.session import get_session
from fielder.engines.base import EngineUnavailable
from fielder.errors import ServiceUnavailable
from fielder.files import qa, service
from fielder.files.deps import AppSettings, Store
from fielder.files.schemas import FileEnvelope, FileRead
from fielder.files.upload import Upload, read_upload
from fielder.keys.auth import Principal, require_scope
from fielder.kit.engines import org_engine
from fielder.surveys import service as surveys

router = APIRouter(prefix="/files", tags=["files"])

Reader = Annotated[Principal, Depends(require_scope("surveys:read"))]
Writer = Annotated[Principal, Depends(require_scope("surveys:write"))]
DB = Annotated[Session, Depends(get_session)]


_MULTIPART = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "survey_id": {"type": "string"},
                    },
                }
            }
        },
    }
}


@router.post("", status_code=201, response_model=FileEnvelope, openapi_extra=_MULTIPART)
def upload_file(
    settings: AppSettings,
    principal: Writer,
    session: DB,
    storage: Store,
    upload: Annotated[Upload, Depends(read_upload)],
) -> FileEnvelope:
    """Upload a questionnaire: checked (type, size, readable) before anything is stored."""
    survey_id = upload.fields.get("survey_id") or None
    if survey_id is not None:
        surveys.get_survey(session, principal.org_id, survey_id)
    _, media_type = service.check_upload(upload, settings.max_upload_bytes)
    row = service.store_file(session, storage, principal.org_id, upload, media_type, survey_id)
    session.commit()
    return FileEnvelope(data=FileRead.model_validate(row))


@router.get("/{file_id}", response_model=FileEnvelope)
def get_file(file_id: str, principal: Reader, session: DB) -> FileEnvelope:
    """An uploaded file's metadata."""
    return FileEnvelope(
        data=FileRead.model_validate(service.get_file(session, principal.org_id, file_id))
    )


@router.get(
    "/{file_id}/content",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def get_file_content(file_id: str, principal: Reader, session: DB, storage: Store) -> Response:
    """The original bytes of an uploaded file, as a download."""
    row = service.get_file(session, principal.org_id, file_id)
    data = service.file_bytes(storage, row)
    ascii_name = row.name.encode("ascii", "replace").decode().replace('"', "'")
    return Response(
        content=data,
        media_type=row.mime_type,
        headers={
            "Content-Disposition": f'attachment; filename="{ascii_name}"; '
            f"filename*=UTF-8''{quote(row.name)}"
        },
    )


@router.post(
    "/{file_id}/qa",
    response_class=EventSourceResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
def clarify_file(
    file_id: str,
    principal: Reader,
    session: DB,
    storage: Store,
    settings: AppSettings,
    body: qa.QaRequest | None = None,
) -> EventSourceResponse:
    """Stream the file's clarifying questions (`discrepancy` events, then `done {count}`)."""
    row = service.get_file(session, principal.org_id, file_id)
    document = service.read_stored(storage, row)
    try:
        engine = org_engine(session, principal.org_id, settings.engine, settings)
    except EngineUnavailable as error:
        raise ServiceUnavailable("engine_unavailable", str(error)) from error
    prior = (body or qa.QaRequest()).prior_qa
    return EventSourceResponse(qa.events(engine.clarify(document, prior)), ping=15)
