"""The public respondent flow (API.md § 9): form, start, save progress, complete.

Every answer is checked against the question the respondent saw, with the IR's evaluator;
completion checks the logic (required-and-shown answered, hidden unanswered), termination
and quotas, and is claimed by one conditional UPDATE so that concurrent completes of one
response count it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from fielder.db.base import utcnow
from fielder.errors import Conflict, NotFound, Unprocessable
from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Survey as IRSurvey
from fielder.kit import events
from fielder.models.publication import Publication
from fielder.models.respondent import Respondent
from fielder.models.response import Response
from fielder.models.source import Source
from fielder.models.survey import Survey
from fielder.responses import logic, quotas, repository
from fielder.responses.schemas import ResponseRead, ResponseSave, ResponseStart

#: Compiled logic of publications (immutable snapshots), by publication id.
_IR_CACHE: dict[str, Evaluator] = {}
_IR_CACHE_SIZE: Final = 256


@dataclass(frozen=True, slots=True)
class LiveSurvey:
    """What the respondent flow reads of a live survey (a row, not an ORM object)."""

    id: str
    org_id: str
    slug: str
    name: str
    mode: str
    status: str
    engine: str
    settings: dict[str, Any] | None
    ai_config: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Fielded:
    """A live survey, the publication respondents answer, and its parsed IR."""

    survey: LiveSurvey
    publication_id: str
    evaluator: Evaluator

    @property
    def ir(self) -> IRSurvey:
        """The published IR."""
        return self.evaluator.survey


@dataclass(frozen=True, slots=True)
class Client:
    """What the server knows of the respondent's client."""

    ip: str | None = None
    user_agent: str | None = None
    referrer: str | None = None
    source: str | None = None

    def metadata(self) -> dict[str, Any]:
        """The server's metadata keys (they win over the client's)."""
        known = {"ip": self.ip, "user_agent": self.user_agent, "referrer": self.referrer}
        return {key: value for key, value in known.items() if value is not None}


def live_survey(session: Session, slug: str) -> Fielded:
    """The live survey at `slug`; 404 `survey_not_found` unless it is live.

    One prepared Core query on the session's connection (every public request runs it, and
    the ORM's loading costs more than the query): the survey's own large IR column is not
    read; respondents answer the publication, whose compiled logic is cached by id.
    """
    found = None
    if repository.storable(slug):
        found = session.connection().execute(_LIVE_SURVEY, {"slug": slug}).first()
    if found is None:
        raise NotFound("survey_not_found", f"No live survey at '{slug}'.")
    *columns, publication_id = found
    return Fielded(LiveSurvey(*columns), publication_id, _publication_ir(session, publication_id))


_LIVE_SURVEY = (
    select(
        Survey.id,
        Survey.org_id,
        Survey.slug,
        Survey.name,
        Survey.mode,
        Survey.status,
        Survey.engine,
        Survey.settings,
        Survey.ai_config,
        Publication.id,
    )
    .join(
        Publication,
        (Publication.survey_id == Survey.id) & Publication.unpublished_at.is_(None),
    )
    .where(Survey.slug == bindparam("slug"), Survey.status == "live")
    .order_by(Publication.version.desc())
    .limit(1)
)


def _publication_ir(session: Session, publication_id: str) -> Evaluator:
    cached = _IR_CACHE.get(publication_id)
    if cached is None:
        publication = session.get(Publication, publication_id)
        assert publication is not None
        cached = Evaluator(IRSurvey.model_validate(publication.ir))
        if len(_IR_CACHE) >= _IR_CACHE_SIZE:
            _IR_CACHE.pop(next(iter(_IR_CACHE)))
        _IR_CACHE[publication_id] = cached
    return cached


def form(fielded: Fielded, lang: str | None) -> dict[str, Any]:
    """What a renderer needs: the survey's questions with versions and logic, in a language."""
    ir = fielded.ir
    language = lang if lang in ir.languages else (ir.languages[0] if ir.languages else "en")
    document = ir.to_json()
    survey = fielded.survey
    return {
        "survey": {
            "slug": survey.slug,
            "name": survey.name,
            "mode": survey.mode,
            "settings": survey.settings or {},
        },
        "publication_id": fielded.publication_id,
        "language": language,
        "languages": ir.languages,
        "title": ir.title,
        "blocks": document.get("blocks", []),
        "variables": document.get("variables", []),
        "endings": document.get("endings", []),
        "question_versions": {q.id: q.version for q in ir.questions()},
    }


def start(
    session: Session, fielded: Fielded, body: ResponseStart, client: Client
) -> tuple[Response, bool]:
    """Start a response, or resume the one of this respondent token; gives (response, new)."""
    survey = fielded.survey
    if body.respondent_token is not None:
        existing = repository.response_by_token(session, survey.id, body.respondent_token)
        if existing is not None:
            return existing, False
    now = utcnow()
    metadata = dict(body.metadata or {}) | client.metadata()
    source_id = _source_id(session, survey.id, client.source or metadata.get("source"))
    if source_id is not None:
        metadata["source"] = source_id
    response = Response(
        org_id=survey.org_id,
        survey_id=survey.id,
        publication_id=fielded.publication_id,
        source_id=source_id,
        respondent_token=body.respondent_token,
        respondent_email=body.respondent_email,
        answers={},
        question_versions={},
        ai_conversation=[],
        meta=metadata,
        status="in_progress",
        started_at=now,
        last_saved_at=now,
    )
    token = body.respondent_token
    if token is None:  # nothing unique to race on: no savepoint round trips
        session.add(response)
        session.flush()
    else:
        try:
            with session.begin_nested():
                session.add(response)
                session.flush()
        except IntegrityError:
            # Another request started this token's response first: resume that one.
            existing = repository.response_by_token(session, survey.id, token)
            if existing is None:
                raise
            return existing, False
    _mark_respondent(session, survey.id, token, response.id, "opened")
    _event(session, response, "response.started")
    return response, True


def _source_id(session: Session, survey_id: str, wanted: Any) -> str | None:
    if not isinstance(wanted, str) or len(wanted) > 36 or not repository.storable(wanted):
        return None
    found = session.scalar(
        select(Source.id).where(Source.id == wanted, Source.survey_id == survey_id)
    )
    return found


def save(session: Session, fielded: Fielded, response_id: str, body: ResponseSave) -> Response:
    """Replace the response's state with what was sent; 409 `response_completed` once done."""
    if not repository.storable(response_id):
        repository.survey_response(session, fielded.survey.id, response_id)  # 404
    now = utcnow()
    values: dict[str, Any] = {"last_saved_at": now, "updated_at": now, "status": "in_progress"}
    if body.answers is not None:
        _check_answers(fielded.evaluator, body.answers)
        values["answers"] = body.answers
    if body.question_versions is not None:
        values["question_versions"] = body.question_versions
    if body.ai_conversation is not None:
        values["ai_conversation"] = body.ai_conversation
    if body.metadata is not None:
        current = repository.survey_response(session, fielded.survey.id, response_id)
        kept = {k: v for k, v in (current.meta or {}).items() if k in _SERVER_KEYS}
        values["meta"] = dict(body.metadata) | kept
    # One statement: it both refuses a completed response and gives the saved row back.
    saved = session.scalars(
        update(Response)
        .where(
            Response.id == response_id,
            Response.survey_id == fielded.survey.id,
            Response.status != "completed",
        )
        .values(**values)
        .returning(Response)
        # The returned row refreshes any loaded copy: no Python-side evaluation of the WHERE.
        .execution_options(synchronize_session=False, populate_existing=True)
    ).first()
    if saved is None:
        repository.survey_response(session, fielded.survey.id, response_id)  # 404 if not ours
        raise _completed_conflict()
    return saved


_SERVER_KEYS: Final = frozenset({"ip", "user_agent", "referrer", "source"})


def _completed_conflict() -> Conflict:
    return Conflict("response_completed", "This response is completed and can no longer change.")


def _check_answers(evaluator: Evaluator, answers: dict[str, Any]) -> None:
    problems = logic.answer_problems(evaluator, answers)
    if problems:
        raise Unprocessable("invalid_answers", "Some answers are not valid.", details=problems)


def complete(session: Session, fielded: Fielded, response_id: str) -> Response:
    """Complete a response (idempotent): checks, outcome, quotas, count + 1 exactly once.

    The survey's count row is shared by every respondent, so its UPDATE comes last: its row
    lock is then held only until the caller's commit, not across the other statements.
    """
    response = repository.survey_response(session, fielded.survey.id, response_id)
    if response.status == "completed":
        return response
    answers = response.answers or {}
    problems = logic.completion_problems(fielded.evaluator, answers)
    if problems:
        raise Unprocessable(
            "incomplete_response", "The response cannot be completed.", details=problems
        )
    outcome = "screened_out" if logic.terminated(fielded.evaluator, answers) else "complete"
    now = utcnow()
    claimed = session.execute(
        update(Response)
        .where(Response.id == response.id, Response.status != "completed")
        .values(status="completed", outcome=outcome, completed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        session.refresh(response)
        return response
    if outcome == "complete":
        outcome = quotas.count_complete(session, fielded.survey.id, fielded.evaluator, answers)
        if outcome != "complete":
            session.execute(
                update(Response)
                .where(Response.id == response.id)
                .values(outcome=outcome)
                .execution_options(synchronize_session=False)
            )
    # The row now holds what the UPDATEs wrote: set it on the object instead of re-reading it.
    set_committed_value(response, "status", "completed")
    set_committed_value(response, "outcome", outcome)
    set_committed_value(response, "completed_at", now)
    set_committed_value(response, "updated_at", now)
    _mark_respondent(
        session, fielded.survey.id, response.respondent_token, response.id, "completed"
    )
    _event(session, response, "response.completed")
    _count_completed(session, response, +1)
    return response


def _count_completed(session: Session, response: Response, step: int) -> None:
    """Move the survey's (and the source's) completed count by `step`, in SQL."""
    session.execute(
        update(Survey)
        .where(Survey.id == response.survey_id)
        .values(response_count=Survey.response_count + step)
        .execution_options(synchronize_session=False)
    )
    if response.source_id is not None:
        session.execute(
            update(Source)
            .where(Source.id == response.source_id)
            .values(response_count=Source.response_count + step)
            .execution_options(synchronize_session=False)
        )


def _mark_respondent(
    session: Session, survey_id: str, token: str | None, response_id: str, status: str
) -> None:
    if token is None:
        return
    statement = update(Respondent).where(
        Respondent.survey_id == survey_id, Respondent.token == token
    )
    if status == "opened":
        statement = statement.where(Respondent.status == "invited")
    session.execute(
        statement.values(
            status=status, response_id=response_id, updated_at=utcnow()
        ).execution_options(synchronize_session=False)
    )


def _event(session: Session, response: Response, name: str) -> None:
    events.publish(
        session,
        org_id=response.org_id,
        name=name,
        data=ResponseRead.of(response).model_dump(mode="json"),
        survey_id=response.survey_id,
    )


def delete_response(session: Session, response: Response) -> None:
    """Delete a response; a completed one no longer counts."""
    if response.status == "completed":
        _count_completed(session, response, -1)
    data = {"id": response.id, "survey_id": response.survey_id, "status": response.status}
    session.delete(response)
    session.flush()
    events.publish(
        session,
        org_id=response.org_id,
        name="response.deleted",
        data=data,
        survey_id=response.survey_id,
    )
