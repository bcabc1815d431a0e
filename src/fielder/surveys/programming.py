"""The programming run of DESIGN.md: read → compile (with the Q&A) → validate → platform IR →
`reviewing`, one change per question written as it is produced.

`start` (from the API) moves the survey to `programming`, opens the run's
`initial_programming` changeset and enqueues the job; `run` (the job) does the work. The job
may be killed at any point and run again: changes are keyed by (changeset, order), so the
questions already written are recognised and skipped, never written twice.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fielder.config import Settings, get_settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.documents import read_document
from fielder.engines.base import QuestionProduced
from fielder.errors import Conflict, Unprocessable
from fielder.history import chain, events
from fielder.history import service as history
from fielder.history.steps import Step, question_step, split
from fielder.ir.models import Question
from fielder.ir.models import Survey as IRSurvey
from fielder.ir.validate import validate
from fielder.kit.engines import org_engine
from fielder.kit.storage import storage_for
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.file import File
from fielder.models.survey import Survey
from fielder.platforms.registry import PLATFORMS, UnknownPlatform, get_exporter
from fielder.surveys import status as machine

logger = logging.getLogger("fielder.programming")

Doc = dict[str, Any]
FINISHED = frozenset({"reviewing", "live", "closed"})
#: Seconds between commits of a run: progress is durable (and announced) at least this often.
COMMIT_EVERY = 0.25


class ProgrammingFailed(Exception):
    """The run cannot finish; the message becomes the survey's `failure_reason`."""


def _move(session: Session, survey: Survey, target: str) -> None:
    machine.check_move(survey.status, target)
    survey.status = target
    events.emit(
        session,
        survey.org_id,
        "survey.updated",
        {"id": survey.id, "name": survey.name, "slug": survey.slug, "status": target},
        survey_id=survey.id,
    )


def check_platform(platform: str) -> str:
    """`platform` when fielder knows it, else 422 `unknown_platform`."""
    if platform not in PLATFORMS:
        raise Unprocessable(
            "unknown_platform",
            f"Unknown platform '{platform}'.",
            details=[{"field": "platform", "allowed": list(PLATFORMS)}],
        )
    return platform


def start(
    session: Session,
    survey: Survey,
    *,
    qa: list[Any] | None,
    force: bool,
    actor: dict[str, Any] | None,
) -> bool:
    """Start a run unless one is going (True: already running) or done (unless `force`)."""
    if survey.status in machine.RUNNING or (
        survey.status == "waiting_for_destination" and not force
    ):
        return True
    if survey.status in FINISHED and not force:
        return False
    if survey.status in {"live", "closed"}:
        raise Conflict("survey_live", "A survey that has gone live cannot be programmed again.")
    if survey.file_id is None:
        raise Conflict("no_file", "The survey has no questionnaire file to program from.")
    if qa is not None:
        survey.prior_qa = qa
    _close_open_runs(session, survey)
    _move(session, survey, "programming")
    survey.failure_reason = None
    survey.failed_at = None
    survey.programming_started_at = utcnow()
    survey.programming_completed_at = None
    survey.programming_duration_ms = None
    changeset = history.open_changeset(session, survey, "initial_programming", actor=actor)
    events.emit(
        session,
        survey.org_id,
        "programming.started",
        {"id": survey.id, "changeset_id": changeset.id},
        survey_id=survey.id,
    )
    _enqueue(session, changeset.id, "program")
    return False


def _close_open_runs(session: Session, survey: Survey) -> None:
    # A forced re-run while waiting for a destination supersedes the waiting run.
    for changeset in session.query(Changeset).filter(
        Changeset.survey_id == survey.id,
        Changeset.type == "initial_programming",
        Changeset.status == "in_progress",
    ):
        history.finish(session, changeset, "discarded")


def _enqueue(session: Session, changeset_id: str, phase: str) -> None:
    from fielder.surveys.tasks import program_survey
    from fielder.worker.queue import enqueue_after_commit

    enqueue_after_commit(
        session, program_survey, changeset_id, idempotency_key=f"{phase}:{changeset_id}"
    )


def set_destination(
    session: Session,
    survey: Survey,
    platform: str,
    integration_id: str | None,
    actor: dict[str, Any] | None,
) -> None:
    """Choose where the survey goes; a run waiting for it carries on (compiling → reviewing)."""
    check_platform(platform)
    if survey.status in {"live", "closed"} and platform != survey.target_platform:
        raise Conflict("survey_live", "The destination of a survey that went live is fixed.")
    survey.target_platform = platform
    survey.target_integration_id = integration_id
    if survey.status == "waiting_for_destination":
        _move(session, survey, "compiling")
        changeset = _open_run(session, survey)
        _enqueue(session, changeset.id, "compile")
    elif survey.status == "reviewing" and survey.platform_ir is not None:
        document = dict(survey.platform_ir) | {"platform": platform}
        history.write_ir(
            session, survey, document, "manual", actor=actor, title=f"Destination: {platform}"
        )


def _open_run(session: Session, survey: Survey) -> Changeset:
    found = (
        session.query(Changeset)
        .filter(
            Changeset.survey_id == survey.id,
            Changeset.type == "initial_programming",
            Changeset.status == "in_progress",
        )
        .order_by(Changeset.created_at.desc())
        .first()
    )
    if found is None:
        raise Conflict("no_run", "There is no programming run waiting for a destination.")
    return found


# --- the job -------------------------------------------------------------------------------


def run(changeset_id: str, settings: Settings | None = None) -> None:
    """The job: carry run `changeset_id` on from wherever it stopped."""
    settings = settings or get_settings()
    try:
        with session_scope(settings) as session:
            changeset = session.get(Changeset, changeset_id)
            if changeset is None or changeset.status != "in_progress":
                return
            survey = session.get(Survey, changeset.survey_id)
            if survey is None:
                return
            if survey.status == "programming":
                _program(session, settings, survey, changeset)
            if survey.status == "compiling":
                _compile(session, survey, changeset)
    except ProgrammingFailed as error:
        _fail(settings, changeset_id, str(error))


def _document(session: Session, settings: Settings, survey: Survey) -> Any:
    row = session.get(File, survey.file_id) if survey.file_id else None
    if row is None:
        raise ProgrammingFailed("The survey's questionnaire file is missing.")
    try:
        data = storage_for(str(settings.data_dir)).get(row.storage_key)
        return read_document(data, row.name, row.mime_type)
    except KeyError as error:
        raise ProgrammingFailed("The questionnaire file's content is missing.") from error
    except Exception as error:
        raise ProgrammingFailed(f"The questionnaire could not be read: {error}") from error


def _run_start(session: Session, survey: Survey, changeset: Changeset) -> Doc | None:
    """The IR just before the run's first change (the survey's IR when none is written yet)."""
    first = session.scalar(select(func.min(Change.seq)).where(Change.changeset_id == changeset.id))
    if first is None:
        return survey.platform_ir
    return chain.state_at(session, survey.id, first - 1)


def _compact(question: Question) -> Doc:
    compact: Doc = question.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return compact | {"id": question.id, "type": question.type}


class _Run:
    """Writes a run's steps, skipping those a killed earlier attempt already wrote."""

    def __init__(self, session: Session, survey: Survey, changeset: Changeset) -> None:
        self.session = session
        self.survey = survey
        self.changeset = changeset
        self.written = changeset.change_count
        self.ordinal = 0
        self.state = _run_start(session, survey, changeset)
        self.committed_at = time.monotonic()

    def write(self, steps: list[Step], after: Doc) -> None:
        """Record the unwritten part of `steps`; the IR becomes `after`."""
        fresh = steps[max(self.written - self.ordinal, 0) :]
        self.ordinal += len(steps)
        self.state = after
        if fresh:
            history.claim_revision(self.session, self.survey)
            history.record_steps(
                self.session, self.survey, self.changeset, fresh, after, announce=False
            )
            if time.monotonic() - self.committed_at >= COMMIT_EVERY:
                self.commit()

    def commit(self) -> None:
        """Make what is written durable (and announced)."""
        self.session.commit()
        self.committed_at = time.monotonic()


def _program(session: Session, settings: Settings, survey: Survey, changeset: Changeset) -> None:
    document = _document(session, settings, survey)
    run = _Run(session, survey, changeset)
    final: IRSurvey | None = None
    try:
        engine = org_engine(session, survey.org_id, survey.engine, settings)
        for step in engine.program(document, survey.prior_qa or []):
            if isinstance(step, QuestionProduced):
                question = _compact(step.question)
                run.write(*question_step(run.state, step.block_id, question, survey.name))
            else:
                final = step
    except Exception as error:
        logger.exception("programming of survey %s failed", survey.id)
        raise ProgrammingFailed(f"Compiling the questionnaire failed: {error}") from error
    if final is None:
        raise ProgrammingFailed("The engine produced no survey.")
    _finish_program(session, survey, run, final)


def _finish_program(session: Session, survey: Survey, run: _Run, final: IRSurvey) -> None:
    if not final.questions():
        raise ProgrammingFailed("No questions were found in the questionnaire.")
    errors = [p for p in validate(final) if p.severity == "error"]
    if errors:
        shown = "; ".join(p.message for p in errors[:3])
        raise ProgrammingFailed(f"The programmed survey has {len(errors)} errors: {shown}")
    document = final.model_copy(update={"platform": survey.target_platform}).to_json()
    document = history.versioned(run.state, document)
    run.write(split(run.state, document), document)
    _move(session, survey, "compiling" if survey.target_platform else "waiting_for_destination")
    run.commit()


def _compile(session: Session, survey: Survey, changeset: Changeset) -> None:
    platform = survey.target_platform or "fielder"
    current = survey.platform_ir or {}
    if current.get("platform") != platform:
        history.claim_revision(session, survey)
        after = dict(current) | {"platform": platform}
        history.record_steps(session, survey, changeset, split(current, after), after)
    try:
        get_exporter(platform).export(IRSurvey.model_validate(survey.platform_ir))
    except UnknownPlatform:
        pass  # a platform without an exporter yet keeps the IR; export says what is missing
    except Exception as error:
        logger.exception("export of survey %s to %s failed", survey.id, platform)
        raise ProgrammingFailed(f"Building the {platform} survey failed: {error}") from error
    _move(session, survey, "reviewing")
    now = utcnow()
    survey.programming_completed_at = now
    if survey.programming_started_at is not None:
        elapsed = now - survey.programming_started_at
        survey.programming_duration_ms = int(elapsed.total_seconds() * 1000)
    history.finish(session, changeset)
    _programming_finished(session, survey, "completed")


def _programming_finished(session: Session, survey: Survey, result: str) -> None:
    events.emit(
        session,
        survey.org_id,
        "programming.finished",
        {"id": survey.id, "result": result, "failure_reason": survey.failure_reason},
        survey_id=survey.id,
    )


def _fail(settings: Settings, changeset_id: str, reason: str) -> None:
    """Back to `pending` with the reason; the changeset ends in `error`."""
    with session_scope(settings) as session:
        changeset = session.get(Changeset, changeset_id)
        if changeset is None:
            return
        survey = session.get(Survey, changeset.survey_id)
        if changeset.status == "in_progress":
            changeset.error = reason[:2000]
            history.finish(session, changeset, "error")
        if survey is not None and survey.status in {"programming", "compiling"}:
            _move(session, survey, "pending")
            survey.failure_reason = reason[:2000]
            survey.failed_at = utcnow()
            _programming_finished(session, survey, "failed")
