"""Routes of `/integrations` (API.md § 8)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from fielder.db.session import get_session
from fielder.integrations import service
from fielder.integrations.schemas import IntegrationCreate, IntegrationRead, SourceCreate
from fielder.keys.auth import Principal, require_scope
from fielder.kit.pagination import PageParams, paginate
from fielder.responses.http import body_of, json_body, settings_of

router = APIRouter(prefix="/integrations", tags=["integrations"])

Reader = Annotated[Principal, Depends(require_scope("surveys:read"))]
Writer = Annotated[Principal, Depends(require_scope("surveys:write"))]
DB = Annotated[Session, Depends(get_session)]


@router.get("", summary="The org's integrations")
def list_integrations(
    principal: Reader, session: DB, page: Annotated[PageParams, Depends()]
) -> dict[str, Any]:
    """Hosted, file and API integrations of the org (the built-in ones made on first use)."""
    service.ensure_builtin(session, principal.org_id)
    session.commit()
    return paginate(session, service.list_statement(principal.org_id), page, IntegrationRead.of)


@router.post(
    "", status_code=201, openapi_extra=json_body(IntegrationCreate), summary="Add an API connection"
)
def create_integration(
    request: Request,
    principal: Writer,
    session: DB,
    body: Annotated[IntegrationCreate, Depends(body_of(IntegrationCreate))],
) -> JSONResponse:
    """An API connection: credentials stored encrypted and never returned."""
    row = service.create_api(session, principal.org_id, settings_of(request).data_dir, body)
    session.commit()
    return JSONResponse({"data": IntegrationRead.of(row).model_dump(mode="json")}, status_code=201)


@router.get("/{integration_id}", summary="One integration")
def get_integration(integration_id: str, principal: Reader, session: DB) -> dict[str, Any]:
    """One of the org's integrations; 404 for another org's."""
    row = service.get(session, principal.org_id, integration_id)
    session.commit()
    return {"data": IntegrationRead.of(row).model_dump(mode="json")}


@router.get("/{integration_id}/surveys", summary="The platform's surveys")
def integration_surveys(
    integration_id: str, request: Request, principal: Reader, session: DB
) -> dict[str, Any]:
    """The org's surveys on this platform, with their links, counts and last push."""
    row = service.get(session, principal.org_id, integration_id)
    found = service.platform_surveys(session, row, settings_of(request).public_base_url)
    session.commit()
    return {"data": [item.model_dump(mode="json") for item in found]}


@router.post(
    "/{integration_id}/surveys/{survey_id}/sources",
    status_code=201,
    openapi_extra=json_body(SourceCreate),
    summary="Add a distribution source",
)
def create_source(
    integration_id: str,
    survey_id: str,
    request: Request,
    principal: Writer,
    session: DB,
    body: Annotated[SourceCreate, Depends(body_of(SourceCreate))],
) -> JSONResponse:
    """A named link to the survey (`?src=<id>`): responses by it carry it in `metadata.source`."""
    row = service.get(session, principal.org_id, integration_id)
    survey = service.org_survey(session, principal.org_id, survey_id)
    source = service.add_source(session, row, survey, body, settings_of(request).public_base_url)
    session.commit()
    return JSONResponse({"data": source.model_dump(mode="json")}, status_code=201)


@router.get("/{integration_id}/surveys/{survey_id}/sources", summary="A survey's sources")
def list_sources(
    integration_id: str, survey_id: str, request: Request, principal: Reader, session: DB
) -> dict[str, Any]:
    """The survey's sources through this integration, with their counts."""
    row = service.get(session, principal.org_id, integration_id)
    survey = service.org_survey(session, principal.org_id, survey_id)
    found = service.sources(session, row, survey, settings_of(request).public_base_url)
    session.commit()
    return {"data": [item.model_dump(mode="json") for item in found]}
