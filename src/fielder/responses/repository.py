"""The queries of the responses domain."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.errors import NotFound
from fielder.models.response import Response
from fielder.models.survey import Survey


def storable(key: str) -> bool:
    """Whether a key from a path or query could be stored at all (PostgreSQL refuses NUL):
    one that could not names nothing, so the lookup is skipped and the answer is 404."""
    return "\x00" not in key


def survey_by_slug(session: Session, slug: str) -> Survey | None:
    """The survey with this slug, in any org and status."""
    if not storable(slug):
        return None
    return session.scalars(select(Survey).where(Survey.slug == slug)).first()


def org_survey(session: Session, org_id: str, survey_id: str) -> Survey:
    """One survey of the org; 404 `survey_not_found` for another org's or none."""
    survey = session.get(Survey, survey_id) if storable(survey_id) else None
    if survey is None or survey.org_id != org_id:
        raise NotFound("survey_not_found", f"No survey {survey_id}.")
    return survey


def survey_response(session: Session, survey_id: str, response_id: str) -> Response:
    """One response of the survey; 404 `response_not_found` for another survey's or none."""
    response = session.get(Response, response_id) if storable(response_id) else None
    if response is None or response.survey_id != survey_id:
        raise NotFound("response_not_found", f"No response {response_id} in this survey.")
    return response


def response_by_token(session: Session, survey_id: str, token: str) -> Response | None:
    """The response started with this respondent token, if any."""
    statement = select(Response).where(
        Response.survey_id == survey_id, Response.respondent_token == token
    )
    return session.scalars(statement).first()


def list_statement(
    survey_id: str,
    *,
    status: str | None,
    updated_after: datetime | None,
    order: str,
) -> Any:
    """The responses of a survey, filtered, newest first or by `updated_at` for syncing."""
    statement = select(Response).where(Response.survey_id == survey_id)
    if status is not None:
        statement = statement.where(Response.status == status)
    if updated_after is not None:
        statement = statement.where(Response.updated_at > updated_after)
    if order == "updated_at":
        return statement.order_by(Response.updated_at.asc(), Response.id.asc())
    return statement.order_by(Response.created_at.desc(), Response.id.desc())
