"""Routes of `/surveys/{survey_id}/respondents` (API.md § 9)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from fielder.db.session import get_session
from fielder.keys.auth import Principal, require_scope
from fielder.kit.pagination import PageParams, paginate
from fielder.models.respondent import Respondent
from fielder.respondents import service
from fielder.respondents.schemas import RespondentEnvelope, RespondentRead
from fielder.responses import repository
from fielder.responses.http import body_of, json_body, settings_of
from fielder.responses.schemas import RespondentCreate

router = APIRouter(prefix="/surveys", tags=["respondents"])

Reader = Annotated[Principal, Depends(require_scope("surveys:read"))]
Writer = Annotated[Principal, Depends(require_scope("surveys:write"))]
DB = Annotated[Session, Depends(get_session)]


@router.post(
    "/{survey_id}/respondents",
    status_code=201,
    response_model=RespondentEnvelope,
    openapi_extra=json_body(RespondentCreate),
    summary="Invite a respondent",
)
def invite(
    survey_id: str,
    request: Request,
    principal: Writer,
    session: DB,
    body: Annotated[RespondentCreate, Depends(body_of(RespondentCreate))],
) -> JSONResponse:
    """A new invitation with its token and personal link: 201."""
    survey = repository.org_survey(session, principal.org_id, survey_id)
    respondent = service.invite(session, survey, body.email, body.metadata)
    session.commit()
    base = settings_of(request).public_base_url
    read = RespondentRead.of(respondent, service.personal_url(base, survey.slug, respondent.token))
    return JSONResponse({"data": read.model_dump(mode="json")}, status_code=201)


@router.get("/{survey_id}/respondents", summary="List a survey's respondents")
def list_respondents(
    survey_id: str,
    request: Request,
    principal: Reader,
    session: DB,
    page: Annotated[PageParams, Depends()],
) -> dict[str, Any]:
    """Paged invitations with their status and links."""
    survey = repository.org_survey(session, principal.org_id, survey_id)
    base = settings_of(request).public_base_url

    def read(row: Respondent) -> RespondentRead:
        return RespondentRead.of(row, service.personal_url(base, survey.slug, row.token))

    return paginate(session, service.list_statement(survey_id), page, read)
