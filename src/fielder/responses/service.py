"""The team's responses API rules (API.md § 9): list, get, delete, and what an export reads."""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.session import get_engine, session_scope
from fielder.ir.models import Survey as IRSurvey
from fielder.models.publication import Publication
from fielder.models.response import Response
from fielder.models.survey import Survey
from fielder.responses import flow, repository
from fielder.responses.exports import ResponseRow
from fielder.responses.schemas import ResponseRead

#: Rows fetched per round trip while streaming an export.
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


_EXPORT_COLUMNS = (
    Response.id,
    Response.status,
    Response.respondent_email,
    Response.respondent_token,
    Response.outcome,
    Response.started_at,
    Response.completed_at,
    Response.created_at,
    # As text, decoded here by the C decoder: the driver's own JSON loading costs more per row.
    cast(Response.answers, Text),
)


def export_rows(
    settings: Settings, survey_id: str, *, batch: int = EXPORT_BATCH
) -> Iterator[ResponseRow]:
    """Every response of a survey, oldest first, streamed in batches on a connection of its
    own (the export streams after the request's session is gone).

    Core rows, not ORM ones (a million rows through the ORM's loading would cost minutes). A
    thread fetches the next batch while this one is written, so the database's time and
    ours overlap instead of adding up; at most `_AHEAD` batches wait, so memory stays flat.
    """
    batches: queue.Queue[list[Any] | BaseException | None] = queue.Queue(maxsize=_AHEAD)
    stop = threading.Event()
    fetcher = threading.Thread(
        target=_fetch_batches, args=(settings, survey_id, batch, batches, stop), daemon=True
    )
    fetcher.start()
    decode = json.loads
    try:
        while (fetched := batches.get()) is not None:
            if isinstance(fetched, BaseException):
                raise fetched
            for row in fetched:
                answers = decode(row[8]) if row[8] else None
                rid, status, email, token, outcome, started, completed, created = row[:8]
                yield ResponseRow(
                    rid, status, email, token, outcome, started, completed, created,
                    answers if type(answers) is dict else {},
                )  # fmt: skip
    finally:
        stop.set()
        while fetcher.is_alive():  # unblock a fetcher waiting on a full queue, then let it end
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.05)
        fetcher.join()


#: Batches fetched ahead of the writer.
_AHEAD = 2


def _fetch_batches(
    settings: Settings,
    survey_id: str,
    batch: int,
    batches: queue.Queue[list[Any] | BaseException | None],
    stop: threading.Event,
) -> None:
    statement = (
        select(*_EXPORT_COLUMNS)
        .where(Response.survey_id == survey_id)
        .order_by(Response.created_at, Response.id)
    )
    try:
        with get_engine(settings).connect() as connection:
            result = connection.execution_options(yield_per=batch).execute(statement)
            with result:  # closes the server-side cursor when stopped early too
                for partition in result.partitions():
                    if stop.is_set():
                        return
                    batches.put(list(partition))
        batches.put(None)
    except BaseException as error:  # handed to the reader, which raises it in its thread
        batches.put(error)


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
