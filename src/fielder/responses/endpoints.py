"""The team's responses routes (API.md § 9): list, get, delete, analytics and export."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, Response, StreamingResponse
from sqlalchemy.orm import Session
from starlette.background import BackgroundTask

from fielder.db.session import get_session
from fielder.errors import Unprocessable
from fielder.keys.auth import Principal, require_scope
from fielder.kit.pagination import PageParams, paginate
from fielder.responses import analytics, repository, service
from fielder.responses.export_csv import export_csv
from fielder.responses.exports import csv as csv_export
from fielder.responses.exports import json as json_export
from fielder.responses.exports import sav as sav_export
from fielder.responses.exports import xlsx as xlsx_export
from fielder.responses.http import body_of, json_body, settings_of
from fielder.responses.schemas import ExportRequest, ResponseEnvelope, ResponseRead

router = APIRouter(prefix="/surveys", tags=["responses"])

Reader = Annotated[Principal, Depends(require_scope("surveys:read"))]
Writer = Annotated[Principal, Depends(require_scope("surveys:write"))]
DB = Annotated[Session, Depends(get_session)]
Status = Literal["in_progress", "completed", "abandoned"]


@router.get("/{survey_id}/responses", summary="List a survey's responses")
def list_responses(
    survey_id: str,
    principal: Reader,
    session: DB,
    page: Annotated[PageParams, Depends()],
    status: Status | None = None,
    updated_after: Annotated[str | None, Query(description="ISO 8601 time")] = None,
    order: Literal["created_at", "updated_at"] = "created_at",
) -> dict[str, Any]:
    """Paged responses, filtered by status and `updated_after`, for incremental sync."""
    repository.org_survey(session, principal.org_id, survey_id)
    try:
        after = service.parse_time(updated_after)
    except ValueError as error:
        raise Unprocessable(
            "invalid_time",
            "updated_after is not an ISO 8601 time.",
            details=[{"field": "updated_after"}],
        ) from error
    statement = repository.list_statement(
        survey_id, status=status, updated_after=after, order=order
    )
    return paginate(session, statement, page, ResponseRead.of)


@router.get(
    "/{survey_id}/responses/{response_id}",
    response_model=ResponseEnvelope,
    summary="One response",
)
def get_response(survey_id: str, response_id: str, principal: Reader, session: DB) -> Any:
    """A response of one of the org's surveys; 404 for another survey's or org's."""
    response = service.get_response(session, principal.org_id, survey_id, response_id)
    return {"data": ResponseRead.of(response)}


@router.delete("/{survey_id}/responses/{response_id}", status_code=204, summary="Delete a response")
def delete_response(survey_id: str, response_id: str, principal: Writer, session: DB) -> Response:
    """Delete a response: 204; a completed one no longer counts in `response_count`."""
    service.delete_response(session, principal.org_id, survey_id, response_id)
    session.commit()
    return Response(status_code=204)


@router.get("/{survey_id}/analytics", summary="Counts and per-question breakdowns")
def get_analytics(survey_id: str, principal: Reader, session: DB) -> dict[str, Any]:
    """Totals, completion rate, average duration and a breakdown per question, from SQL."""
    survey = repository.org_survey(session, principal.org_id, survey_id)
    return {"data": analytics.compute(session, survey, service.export_ir(session, survey))}


@router.post(
    "/{survey_id}/responses/export",
    openapi_extra=json_body(ExportRequest),
    summary="Export the responses (json, csv, xlsx, sav)",
)
def export_responses(
    survey_id: str,
    request: Request,
    principal: Reader,
    session: DB,
    body: Annotated[ExportRequest, Depends(body_of(ExportRequest))],
    bom: Annotated[bool, Query()] = False,
) -> Response:
    """Stream the responses as a file: CSV in constant memory, XLSX and SAV via a temp file."""
    survey = repository.org_survey(session, principal.org_id, survey_id)
    ir = service.export_ir(session, survey)
    settings = settings_of(request)
    name = f"{survey.slug}-responses"
    if body.format == "json":
        items = service.export_responses_json(settings, survey_id, json_export.JSON_EXPORT_LIMIT)
        stream = json_export.iter_json(items, service.response_json)
        return StreamingResponse(stream, media_type=json_export.MEDIA_TYPE)
    if body.format == "csv":
        return StreamingResponse(
            export_csv(settings, survey_id, ir, bom=bom or body.bom),
            media_type=csv_export.MEDIA_TYPE,
            headers=_attachment(f"{name}.csv"),
        )
    path = Path(tempfile.mkstemp(prefix="fielder-export-", suffix=f".{body.format}")[1])
    try:
        if body.format == "xlsx":
            xlsx_export.write_xlsx(ir, service.export_rows(settings, survey_id), path)
            media_type = xlsx_export.MEDIA_TYPE
        else:
            sav_export.write_sav(ir, service.export_rows(settings, survey_id), path)
            media_type = sav_export.MEDIA_TYPE
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(
        path,
        media_type=media_type,
        filename=f"{name}.{body.format}",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


def _attachment(file_name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{file_name}"'}
