"""The public respondent flow (API.md § 9): form, start, save progress, complete.

Every answer is checked against the question the respondent saw, with the IR's evaluator;
completion checks the logic (required-and-shown answered, hidden unanswered), termination
and quotas, and is claimed by one conditional UPDATE so that concurrent completes of one
response count it once.
"""

from __future__ import annotations

import functools
import json
import threading
from dataclasses import dataclass, replace
from typing import Any, Final

from sqlalchemy import Connection, bindparam, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fielder.db.base import new_id, utcnow
from fielder.errors import Conflict, NotFound, Unprocessable
from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Survey as IRSurvey
from fielder.kit import events
from fielder.models.publication import Publication
from fielder.models.respondent import Respondent
from fielder.models.response import Response
from fielder.models.source import Source
from fielder.models.survey import Survey
from fielder.responses import logic, quotas, records, repository
from fielder.responses.records import TABLE, Record
from fielder.responses.schemas import ResponseSave, ResponseStart

#: Compiled logic of publications (immutable snapshots), by publication id.
_IR_CACHE: dict[str, Evaluator] = {}
_IR_CACHE_SIZE: Final = 256
#: The encoded publication part of the form, by publication id.
_FORM_CACHE: dict[str, bytes] = {}
#: Evicting takes an iterator over a cache: another thread adding meanwhile would break it.
_CACHE_WRITE = threading.Lock()


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    """Put `value` in a bounded cache, evicting the oldest entry when full."""
    with _CACHE_WRITE:
        if len(cache) >= _IR_CACHE_SIZE:
            cache.pop(next(iter(cache)), None)
        cache[key] = value


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
    """A live survey, the publication respondents answer, and its parsed IR.

    `remembered`: read by an earlier request (`remembered_survey`), not by this one. A write
    made with it checks in its own statement that the survey is still live on that
    publication, and raises `Stale` when not (or when a remembered IR refuses the answers).
    """

    survey: LiveSurvey
    publication_id: str
    evaluator: Evaluator
    remembered: bool = False

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


def live_survey(db: Session | Connection, slug: str) -> Fielded:
    """The live survey at `slug`; 404 `survey_not_found` unless it is live.

    One prepared Core query (every public request runs it, and the ORM's loading costs more
    than the query): the survey's own large IR column is not read; respondents answer the
    publication, whose compiled logic is cached by id.
    """
    connection = db.connection() if isinstance(db, Session) else db
    found = None
    if repository.storable(slug):
        found = connection.execute(_LIVE_SURVEY, {"slug": slug}).first()
    if found is None:
        raise NotFound("survey_not_found", f"No live survey at '{slug}'.")
    *columns, publication_id = found
    evaluator = _publication_ir(connection, publication_id)
    return Fielded(LiveSurvey(*columns), publication_id, evaluator)


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


def _publication_ir(connection: Connection, publication_id: str) -> Evaluator:
    cached = _IR_CACHE.get(publication_id)
    if cached is None:
        document = connection.execute(_PUBLISHED_IR, {"pid": publication_id}).scalar_one()
        cached = Evaluator(IRSurvey.model_validate(document))
        _remember(_IR_CACHE, publication_id, cached)
    return cached


_PUBLISHED_IR: Final = select(Publication.ir).where(Publication.id == bindparam("pid"))


class Stale(Exception):
    """A remembered live survey is not (or may not be) what the database holds now: the
    request is done again on the survey read afresh (which gives the 404, 409 or 422)."""


#: The live survey last read at each (database, slug): the public writes skip the lookup
#: round trip with it, and check in their own statement that it still holds (`_STILL_LIVE`).
_LIVE_CACHE: dict[tuple[str, str], Fielded] = {}


def remembered_survey(connection: Connection, slug: str) -> Fielded:
    """The live survey at `slug` as an earlier request read it (`remembered`), or read now."""
    found = _LIVE_CACHE.get((str(connection.engine.url), slug))
    return found if found is not None else read_survey(connection, slug)


def read_survey(connection: Connection, slug: str) -> Fielded:
    """`live_survey`, remembered for the next requests (404 `survey_not_found` as there)."""
    fielded = live_survey(connection, slug)
    _remember(_LIVE_CACHE, (str(connection.engine.url), slug), replace(fielded, remembered=True))
    return fielded


#: A remembered survey still holds: live at the same slug, on the same latest publication.
#: The survey is found by its id (`coalesce`: its status is never NULL, and is then no index
#: condition: PostgreSQL took `ix_surveys_status`, every live survey's entry, for it).
_STILL_LIVE: Final = exists().where(
    Survey.id == bindparam("sid"),
    Survey.slug == bindparam("slug"),
    func.coalesce(Survey.status, "") == "live",
) & (
    select(Publication.id)
    .where(Publication.survey_id == bindparam("sid"), Publication.unpublished_at.is_(None))
    .order_by(Publication.version.desc())
    .limit(1)
    .scalar_subquery()
    == bindparam("pid")
)


def _still_live(fielded: Fielded) -> dict[str, Any]:
    """The parameters of `_STILL_LIVE` for a remembered survey."""
    survey = fielded.survey
    return {"sid": survey.id, "slug": survey.slug, "pid": fielded.publication_id}


def form_json(fielded: Fielded, lang: str | None) -> bytes:
    """The API's answer `{"data": form}` as JSON text: what a renderer needs, the survey's
    questions with versions and logic, in a language.

    The publication's part (questions, logic, versions: most of the text) is immutable, so it
    is encoded once per publication and process; the survey's own fields (its name, settings)
    and the language are encoded on every call.
    """
    ir = fielded.ir
    language = lang if lang in ir.languages else (ir.languages[0] if ir.languages else "en")
    survey = fielded.survey
    head = {
        "survey": {
            "slug": survey.slug,
            "name": survey.name,
            "mode": survey.mode,
            "settings": survey.settings or {},
        },
        "publication_id": fielded.publication_id,
        "language": language,
    }
    published = _published_form(fielded.publication_id, ir)
    return b'{"data":' + encode_json(head)[:-1] + b"," + published + b"}}"


def _published_form(publication_id: str, ir: IRSurvey) -> bytes:
    """The publication's part of the form, encoded without its braces (cached by id)."""
    cached = _FORM_CACHE.get(publication_id)
    if cached is None:
        document = ir.to_json()
        part = {
            "languages": ir.languages,
            "title": ir.title,
            "blocks": document.get("blocks", []),
            "variables": document.get("variables", []),
            "endings": document.get("endings", []),
            "question_versions": {q.id: q.version for q in ir.questions()},
        }
        cached = encode_json(part)[1:-1]
        _remember(_FORM_CACHE, publication_id, cached)
    return cached


def encode_json(value: Any) -> bytes:
    """JSON text as Starlette's `JSONResponse` writes it."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def start(
    session: Session, fielded: Fielded, body: ResponseStart, client: Client
) -> tuple[Response, bool]:
    """`start_record` for callers working with ORM objects (the respondent page)."""
    record, created = start_record(session, fielded, body, client)
    return records.as_orm(session, record), created


def start_record(
    session: Session, fielded: Fielded, body: ResponseStart, client: Client
) -> tuple[Record, bool]:
    """Start a response, or resume the one of this respondent token; gives (record, new)."""
    survey = fielded.survey
    connection = session.connection()
    token = body.respondent_token
    if token is not None:
        existing = _by_token(connection, survey.id, token)
        if existing is not None:
            return existing, False
    now = utcnow()
    metadata = dict(body.metadata or {}) | client.metadata()
    source_id = _source_id(connection, survey.id, client.source or metadata.get("source"))
    if source_id is not None:
        metadata["source"] = source_id
    record: Record = {
        "id": new_id(),
        "org_id": survey.org_id,
        "survey_id": survey.id,
        "publication_id": fielded.publication_id,
        "source_id": source_id,
        "respondent_token": token,
        "respondent_email": body.respondent_email,
        "answers": {},
        "question_versions": {},
        "ai_conversation": [],
        "ai_cost_cents": 0,
        "metadata": metadata,
        "status": "in_progress",
        "outcome": None,
        "started_at": now,
        "completed_at": None,
        "last_saved_at": now,
        "created_at": now,
        "updated_at": now,
    }
    if token is None:  # nothing unique to race on: no savepoint round trips
        if fielded.remembered:  # inserted only while the survey still holds
            if connection.execute(_GUARDED_INSERT, record | _still_live(fielded)).rowcount != 1:
                raise Stale  # closed or republished since: the fresh read says
        else:
            connection.execute(_INSERT, record)
    else:
        try:
            with session.begin_nested():
                connection.execute(_INSERT, record)
        except IntegrityError:
            # Another request started this token's response first: resume that one.
            existing = _by_token(connection, survey.id, token)
            if existing is None:
                raise
            return existing, False
        _mark_respondent(connection, survey.id, token, record["id"], "opened")
    _event(session, record, "response.started")
    return record, True


#: A response is found by its id, and its survey only checked: `coalesce` (survey_id is never
#: NULL) keeps the survey from being an index condition. Without statistics (a fresh
#: database, before autovacuum's first ANALYZE) PostgreSQL's generic plan of a save's UPDATE
#: took `ix_responses_survey_id_status` instead of the primary key, reading every in-progress
#: response of the survey: ~1,900 index entries a session in the bench, growing with the survey.
_OF_SURVEY: Final = func.coalesce(TABLE.c.survey_id, "") == bindparam("sid")

_INSERT: Final = insert(TABLE)
#: The start's INSERT of a row given as parameters (of the columns' names), made only while a
#: remembered survey still holds (`_STILL_LIVE`): the start needs no lookup round trip.
_GUARDED_INSERT: Final = (
    insert(TABLE)
    .from_select(
        [column.name for column in TABLE.c],
        select(*(bindparam(column.name, type_=column.type) for column in TABLE.c)).where(
            _STILL_LIVE
        ),
    )
    .execution_options(preserve_rowcount=True)  # an INSERT's rowcount is kept only if asked
)
_BY_ID: Final = select(*TABLE.c).where(TABLE.c.id == bindparam("rid"), _OF_SURVEY)
_BY_TOKEN: Final = (
    select(*TABLE.c)
    .where(TABLE.c.survey_id == bindparam("sid"), TABLE.c.respondent_token == bindparam("token"))
    .limit(1)
)
_SOURCE: Final = select(Source.id).where(
    Source.id == bindparam("source"), Source.survey_id == bindparam("sid")
)


def _by_token(connection: Connection, survey_id: str, token: str) -> Record | None:
    row = connection.execute(_BY_TOKEN, {"sid": survey_id, "token": token}).first()
    return None if row is None else records.of_row(row)


def _source_id(connection: Connection, survey_id: str, wanted: Any) -> str | None:
    if not isinstance(wanted, str) or len(wanted) > 36 or not repository.storable(wanted):
        return None
    found = connection.execute(_SOURCE, {"source": wanted, "sid": survey_id}).scalar()
    return None if found is None else str(found)


def _stored(connection: Connection, survey_id: str, response_id: str) -> Record:
    """The survey's response `response_id`; 404 `response_not_found` for another's or none."""
    row = None
    if repository.storable(response_id):
        row = connection.execute(_BY_ID, {"rid": response_id, "sid": survey_id}).first()
    if row is None:
        raise NotFound("response_not_found", f"No response {response_id} in this survey.")
    return records.of_row(row)


def save(session: Session, fielded: Fielded, response_id: str, body: ResponseSave) -> Response:
    """A save for callers working with ORM objects (the respondent page)."""
    values = saved_values(fielded, body)
    record = save_record(session.connection(), fielded.survey.id, response_id, values)
    return records.as_orm(session, record)


def saved_values(fielded: Fielded, body: ResponseSave) -> dict[str, Any]:
    """The columns a save writes; 422 `invalid_answers` per answer the evaluator refuses."""
    now = utcnow()
    values: dict[str, Any] = {"last_saved_at": now, "updated_at": now, "status": "in_progress"}
    if body.answers is not None:
        _check_answers(fielded, body.answers)
        values["answers"] = body.answers
    if body.question_versions is not None:
        values["question_versions"] = body.question_versions
    if body.ai_conversation is not None:
        values["ai_conversation"] = body.ai_conversation
    if body.metadata is not None:
        values["metadata"] = dict(body.metadata)
    return values


def save_record(
    connection: Connection,
    survey_id: str,
    response_id: str,
    values: dict[str, Any],
    *,
    remembered: Fielded | None = None,
) -> Record:
    """Replace the response's state with `values` (`saved_values`); 409 `response_completed`
    once it is completed, 404 `response_not_found` unless it is the survey's.

    One statement (on a connection in autocommit, the whole save): it both refuses a
    completed response and gives the rest of the row back. With a `remembered` survey it
    also checks that the survey still holds, and raises `Stale` when it finds no row.
    """
    if not repository.storable(response_id):
        _stored(connection, survey_id, response_id)  # 404
    if "metadata" in values:  # the server's keys are kept
        current = _stored(connection, survey_id, response_id)["metadata"] or {}
        kept = {k: v for k, v in current.items() if k in _SERVER_KEYS}
        values = values | {"metadata": values["metadata"] | kept}
    guarded = remembered is not None and remembered.remembered
    statement = _save_statement(frozenset(values), guarded)
    params = {**values, "rid": response_id, "sid": survey_id}
    if guarded:
        assert remembered is not None
        params |= _still_live(remembered)
    row = connection.execute(statement, params).first()
    if row is None:
        if guarded:
            raise Stale  # closed, republished, completed or not ours: the fresh read says
        _stored(connection, survey_id, response_id)  # 404 if not ours
        raise _completed_conflict()
    return records.of_row(row) | values


@functools.lru_cache(maxsize=32)
def _save_statement(columns: frozenset[str], guarded: bool) -> Any:
    """The UPDATE of `columns` (given as parameters of those names) returning the others;
    `guarded`: only while the survey still holds (`_STILL_LIVE`)."""
    statement = update(TABLE).where(
        TABLE.c.id == bindparam("rid"), _OF_SURVEY, TABLE.c.status != "completed"
    )
    if guarded:
        statement = statement.where(_STILL_LIVE)
    return statement.returning(*(column for column in TABLE.c if column.name not in columns))


_SERVER_KEYS: Final = frozenset({"ip", "user_agent", "referrer", "source"})


def _completed_conflict() -> Conflict:
    return Conflict("response_completed", "This response is completed and can no longer change.")


def _check_answers(fielded: Fielded, answers: dict[str, Any]) -> None:
    problems = logic.answer_problems(fielded.evaluator, answers)
    if problems and fielded.remembered:
        raise Stale  # the survey's current IR decides the 422
    if problems:
        raise Unprocessable("invalid_answers", "Some answers are not valid.", details=problems)


def complete(session: Session, fielded: Fielded, response_id: str) -> Response:
    """`complete_record` for callers working with ORM objects (the respondent page)."""
    return records.as_orm(session, complete_record(session, fielded, response_id))


def complete_record(session: Session, fielded: Fielded, response_id: str) -> Record:
    """Complete a response (idempotent): checks, outcome, quotas, count + 1 exactly once.

    The survey's count row is shared by every respondent, so its UPDATE comes last: its row
    lock is then held only until the caller's commit, not across the other statements.
    """
    completed = claim_complete(session, fielded, response_id)
    if completed.claimed:
        count_completed(session.connection(), completed.survey_id, completed.source_id, +1)
    return completed.record


@dataclass(frozen=True, slots=True)
class Completed:
    """A complete's record; `claimed`: by this request, so its counts are still to move."""

    record: Record
    claimed: bool

    @property
    def survey_id(self) -> str:
        """The response's survey."""
        return str(self.record["survey_id"])

    @property
    def source_id(self) -> str | None:
        """The response's source, if any."""
        source = self.record["source_id"]
        return None if source is None else str(source)


def claim_complete(session: Session, fielded: Fielded, response_id: str) -> Completed:
    """`complete_record` up to the counts: the caller moves them (`count_completed`) when
    `claimed`, as the last statement before its commit.

    The claiming UPDATE comes first and returns the row (no SELECT before it): the checks
    run on the answers it returns, and a refusal raises, which rolls the claim back.
    """
    connection = session.connection()
    survey_id = fielded.survey.id
    now = utcnow()
    params = {"rid": response_id, "sid": survey_id, "now": now}
    row = None
    if repository.storable(response_id):
        if fielded.remembered:  # the claim also checks that the survey still holds
            row = connection.execute(_GUARDED_CLAIM, params | _still_live(fielded)).first()
        else:
            row = connection.execute(_CLAIM, params).first()
    if row is None:  # not ours, completed already (a concurrent complete), or a stale survey
        if fielded.remembered:
            raise Stale  # is the survey still live (404 when not)? the fresh read says
        return Completed(_stored(connection, survey_id, response_id), claimed=False)
    record = records.of_row(row)
    answers = record["answers"] or {}
    problems = logic.completion_problems(fielded.evaluator, answers)
    if problems and fielded.remembered:
        raise Stale  # the survey's current IR decides the 422
    if problems:
        raise Unprocessable(
            "incomplete_response", "The response cannot be completed.", details=problems
        )
    outcome = "screened_out" if logic.terminated(fielded.evaluator, answers) else "complete"
    if outcome == "complete":
        outcome = quotas.count_complete(session, survey_id, fielded.evaluator, answers)
    if outcome != "complete":
        connection.execute(_OUTCOME, {"rid": response_id, "new_outcome": outcome})
    record["outcome"] = outcome
    _mark_respondent(connection, survey_id, record["respondent_token"], response_id, "completed")
    _event(session, record, "response.completed")
    return Completed(record, claimed=True)


#: A complete's claim: the survey's response, unless completed; the outcome is `complete`
#: until the checks of the answers it returns say otherwise (`_OUTCOME`, same transaction).
_CLAIM: Final = (
    update(TABLE)
    .where(TABLE.c.id == bindparam("rid"), _OF_SURVEY, TABLE.c.status != "completed")
    .values(
        status="completed",
        outcome="complete",
        completed_at=bindparam("now"),
        updated_at=bindparam("now"),
    )
    .returning(*TABLE.c)
)
_GUARDED_CLAIM: Final = _CLAIM.where(_STILL_LIVE)
_OUTCOME: Final = (
    update(TABLE).where(TABLE.c.id == bindparam("rid")).values(outcome=bindparam("new_outcome"))
)
_SURVEY_COUNT: Final = (
    update(Survey)
    .where(Survey.id == bindparam("sid"))
    .values(response_count=Survey.response_count + bindparam("step"))
)
_SOURCE_COUNT: Final = (
    update(Source)
    .where(Source.id == bindparam("source"))
    .values(response_count=Source.response_count + bindparam("step"))
)


def count_completed(
    connection: Connection, survey_id: str, source_id: str | None, step: int
) -> None:
    """Move the survey's (and the source's) completed count by `step`, in SQL."""
    connection.execute(_SURVEY_COUNT, {"sid": survey_id, "step": step})
    if source_id is not None:
        connection.execute(_SOURCE_COUNT, {"source": source_id, "step": step})


def _mark_respondent(
    connection: Connection, survey_id: str, token: str | None, response_id: str, status: str
) -> None:
    if token is None:
        return
    statement = update(Respondent).where(
        Respondent.survey_id == survey_id, Respondent.token == token
    )
    if status == "opened":
        statement = statement.where(Respondent.status == "invited")
    connection.execute(
        statement.values(status=status, response_id=response_id, updated_at=utcnow())
    )


def _event(session: Session, record: Record, name: str) -> None:
    events.publish(
        session,
        org_id=record["org_id"],
        name=name,
        data=records.api_view(record),
        survey_id=record["survey_id"],
    )


def delete_response(session: Session, response: Response) -> None:
    """Delete a response; a completed one no longer counts."""
    if response.status == "completed":
        count_completed(session.connection(), response.survey_id, response.source_id, -1)
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
