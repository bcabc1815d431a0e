"""The rules of surveys: creation, slugs, renames, publishing and closing, deletion."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.errors import Conflict, NotFound, Unprocessable
from fielder.history import events
from fielder.history import service as history
from fielder.models.survey import Survey
from fielder.surveys import repository, status
from fielder.surveys.ir_document import parse_ir
from fielder.surveys.schemas import SurveyCreate, SurveyUpdate
from fielder.surveys.slugs import slug_problem, slugify, unique_slug


def get_survey(session: Session, org_id: str, survey_id: str, *, lock: bool = False) -> Survey:
    """The org's survey `survey_id`; 404 `survey_not_found` when missing or another org's."""
    survey = repository.get_for_org(session, org_id, survey_id, lock=lock)
    if survey is None:
        raise NotFound("survey_not_found", f"No survey '{survey_id}'.")
    return survey


def _checked_slug(session: Session, slug: str, *, own_id: str | None = None) -> str:
    problem = slug_problem(slug)
    if problem is not None:
        raise Unprocessable("invalid_slug", problem, details=[{"field": "slug", "value": slug}])
    holder = repository.get_by_slug(session, slug)
    if holder is not None and holder.id != own_id:
        raise Conflict(
            "slug_taken", f"The slug '{slug}' is already in use.", details=[{"field": "slug"}]
        )
    return slug


def _generated_slug(session: Session, name: str) -> str:
    taken = repository.slugs_starting_with(session, slugify(name))
    return unique_slug(name, taken.__contains__)


def _flush_unique(session: Session, survey: Survey) -> None:
    # Two creates may pick the same slug at once; the unique index decides, the loser gets 409.
    try:
        session.flush()
    except IntegrityError as error:
        session.rollback()
        raise Conflict(
            "slug_taken",
            f"The slug '{survey.slug}' is already in use.",
            details=[{"field": "slug"}],
        ) from error


def create_survey(
    session: Session,
    org_id: str,
    data: SurveyCreate,
    *,
    file_id: str | None = None,
    default_engine: str = "builtin",
    actor: dict[str, Any] | None = None,
) -> Survey:
    """A new survey: empty (`pending`), or from a complete IR (straight to `reviewing`)."""
    slug = _checked_slug(session, data.slug) if data.slug is not None else None
    survey = Survey(
        org_id=org_id,
        name=data.name,
        slug=slug or _generated_slug(session, data.name),
        mode=data.mode,
        status="pending",
        engine=data.engine or default_engine,
        file_id=file_id,
        prior_qa=[],
        settings=data.settings or {},
        ai_config=data.ai_config.model_dump(exclude_none=True) if data.ai_config else None,
        question_count=0,
        response_count=0,
        ir_revision=0,
    )
    ir = parse_ir(data.ir) if data.ir is not None else None
    session.add(survey)
    _flush_unique(session, survey)
    if ir is not None:
        survey.target_platform = ir.platform or "fielder"
        document = ir.model_copy(update={"platform": survey.target_platform}).to_json()
        history.write_ir(session, survey, document, "initial_programming", actor=actor)
        survey.status = "reviewing"
        session.flush()
    announce(session, survey, "survey.created")
    return survey


def announce(session: Session, survey: Survey, name: str) -> None:
    """Publish a survey event (`survey.created`, `.updated`, `.deleted`, `.closed`)."""
    events.emit(
        session,
        survey.org_id,
        name,
        {"id": survey.id, "name": survey.name, "slug": survey.slug, "status": survey.status},
        survey_id=survey.id,
    )


def _publish_hook(session: Session, survey: Survey, target: str) -> None:
    # The fielding domain owns publishing; until its module exists a transition is just a status.
    try:
        from fielder.responses import publishing  # type: ignore[attr-defined,unused-ignore]
    except ModuleNotFoundError as error:
        if error.name not in {"fielder.responses", "fielder.responses.publishing"}:
            raise
        return
    if target == "live":
        publishing.publish(session, survey)
    else:
        publishing.unpublish(session, survey)


def change_status(session: Session, survey: Survey, target: str) -> None:
    """Move a survey to `live` or `closed` at a client's request, by the status table."""
    if target == survey.status:
        return
    status.check_client_move(survey.status, target)
    _publish_hook(session, survey, target)
    survey.status = target
    if target == "live":
        survey.live_at = utcnow()
        survey.closed_at = None
    else:
        survey.closed_at = utcnow()
        announce(session, survey, "survey.closed")


def update_survey(session: Session, org_id: str, survey_id: str, data: SurveyUpdate) -> Survey:
    """Rename, re-slug, publish/close or change display settings of a survey."""
    survey = get_survey(session, org_id, survey_id, lock=True)
    if data.name is not None:
        if not data.name.strip():
            raise Unprocessable(
                "invalid_name", "name may not be blank.", details=[{"field": "name"}]
            )
        survey.name = data.name.strip()
    if data.slug is not None and data.slug != survey.slug:
        survey.slug = _checked_slug(session, data.slug, own_id=survey.id)
    if data.settings is not None:
        survey.settings = data.settings
    if data.ai_config is not None:
        survey.ai_config = data.ai_config.model_dump(exclude_none=True)
    if data.status is not None:
        change_status(session, survey, data.status)
    survey.updated_at = utcnow()
    _flush_unique(session, survey)
    announce(session, survey, "survey.updated")
    return survey


def delete_survey(session: Session, org_id: str, survey_id: str) -> None:
    """Delete a survey and its history; 409 `survey_programming` while a run is going."""
    survey = get_survey(session, org_id, survey_id, lock=True)
    if survey.status in status.RUNNING:
        raise Conflict(
            "survey_programming", "The survey is being programmed; wait for the run to finish."
        )
    announce(session, survey, "survey.deleted")
    session.delete(survey)
    session.flush()
