"""The team's responses API rules (API.md § 9): list, get, delete, and what an export reads."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.ir.models import Survey as IRSurvey
from fielder.models.publication import Publication
from fielder.models.response import Response
from fielder.models.survey import Survey
from fielder.responses import flow, repository
from fielder.responses.export_rows import export_rows as export_rows  # the endpoints read it here
from fielder.responses.schemas import ResponseRead

#: Rows fetched per round trip while streaming the JSON export.
EXPORT_BATCH = 2_000


def get_response(session: Session, org_id: str, survey_id: str, response_id: str) -> Response:
    """One response of one of the org's surveys; 404 for another survey's or org's."""
    repository.org_survey(session, org_id, survey_id)
    return repository.survey_response(session, survey_id, response_id)


def delete_response(session: Session, org_id: str, survey_id: str, response_id: str) -> None:
    """Delete a response; the survey's completed count goes down if it was completed."""
    response = get_response(session, org_id, survey_id, response_id)
    flow.delete_response(session, response)


def export_ir(session: Session, survey: Survey) -> IRSurvey:
    """The IR whose questions name the export's columns: the newest publication's, else the
    survey's current IR, else an empty survey."""
    document = session.scalar(
        select(Publication.ir)
        .where(Publication.survey_id == survey.id)
        .order_by(Publication.version.desc())
        .limit(1)
    )
    document = document or survey.platform_ir
    try:
        return IRSurvey.model_validate(document) if document else IRSurvey(title=survey.name)
    except ValidationError:
        # A draft IR that does not validate yet: export the responses' own fields only.
        return IRSurvey(title=survey.name)


def export_responses_json(settings: Settings, survey_id: str, limit: int) -> Iterator[Response]:
    """The first `limit` responses of a survey as stored rows, oldest first."""
    statement = (
        select(Response)
        .where(Response.survey_id == survey_id)
        .order_by(Response.created_at, Response.id)
        .limit(limit)
        .execution_options(yield_per=EXPORT_BATCH)
    )
    with session_scope(settings) as session:
        yield from session.scalars(statement)


def response_json(response: Response) -> dict[str, Any]:
    """A response as the API shows it, as plain JSON."""
    return ResponseRead.of(response).model_dump(mode="json")


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time from a query string, or None."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
