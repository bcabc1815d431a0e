"""Public respondent routes (API.md § 9): slug-based, no key, CORS open, rate limited per IP.

They share the `/api/v1/surveys/{…}` prefix with the team's routes: a slug is never
UUID-shaped, and no public route has the same method and shape as a team route.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.session import get_engine, get_session, get_sessionmaker
from fielder.kit.ratelimit import limit
from fielder.kit.threads import in_thread
from fielder.responses import conversation_service, counts, flow, records, tasks, writers
from fielder.responses.http import (
    CORS_HEADERS,
    CorsRoute,
    body_of,
    json_body,
    parse,
    read_json,
    settings_of,
)
from fielder.responses.records import Record
from fielder.responses.schemas import NextRequest, ResponseEnvelope, ResponseSave, ResponseStart

router = APIRouter(prefix="/surveys", tags=["respondents (public)"], route_class=CorsRoute)

DB = Annotated[Session, Depends(get_session)]


def _client(request: Request, src: str | None) -> flow.Client:
    headers = request.headers
    # The peer as uvicorn sees it (with --proxy-headers it is the forwarded client's address).
    return flow.Client(
        ip=request.client.host if request.client else None,
        user_agent=headers.get("user-agent"),
        referrer=headers.get("referer"),
        source=src,
    )


Result = TypeVar("Result")


def _in_transaction(
    settings: Settings,
    slug: str,
    act: Callable[[Session, flow.Fielded], Result],
    *,
    remembered: bool = False,
) -> Result:
    """(In the threadpool: a request's one hop.) `act` on the live survey at `slug` in a
    session of its own, committed before the answer goes out (a 2xx is durable).

    `remembered`: `act` may take the survey as an earlier request read it (its writes check
    that it still holds); when it does not, `act` runs again on the survey read afresh.
    """
    with get_sessionmaker(settings)() as session:
        if remembered:
            try:
                return _commit(session, act, flow.remembered_survey(session.connection(), slug))
            except flow.Stale:
                pass  # rolled back: once more, on the survey as it is now
        return _commit(session, act, flow.read_survey(session.connection(), slug))


def _commit(
    session: Session, act: Callable[[Session, flow.Fielded], Result], fielded: flow.Fielded
) -> Result:
    with writers.one_at_a_time(session.connection()):
        try:
            result = act(session, fielded)
            if session.in_transaction():  # (a complete that moved its counts has committed)
                session.commit()
        except BaseException:
            session.rollback()  # while this writer still holds its turn
            raise
    return result


def _read_form(settings: Settings, slug: str, lang: str | None) -> bytes:
    """(In the threadpool.) One SELECT in autocommit: no BEGIN and ROLLBACK round trips."""
    with get_engine(settings).connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        return flow.form_json(flow.read_survey(connection, slug), lang)


def _envelope(record: Record, status_code: int = 200) -> JSONResponse:
    return JSONResponse({"data": records.api_view(record)}, status_code=status_code)


# The routes are async and take the request itself: the body is read on the event loop, and
# the database work (survey lookup, checks, writes, commit) runs in one threadpool hop, with
# no per-request dependency machinery.


@router.get(
    "/{slug}/form",
    response_model=dict[str, Any],
    summary="The live survey's questions for a renderer",
)
async def get_form(
    slug: str, request: Request, lang: Annotated[str | None, Query(max_length=35)] = None
) -> Response:
    """The questions with their versions and logic, in the language asked for when it has it."""
    body = await in_thread(_read_form, settings_of(request), slug, lang)
    return Response(body, media_type="application/json")


@router.post(
    "/{slug}/responses",
    status_code=201,
    response_model=ResponseEnvelope,
    dependencies=[Depends(limit("public_start"))],
    openapi_extra=json_body(ResponseStart),
    summary="Start a response",
)
async def start_response(
    slug: str, request: Request, src: Annotated[str | None, Query(max_length=64)] = None
) -> JSONResponse:
    """Start (or, for a known respondent token, resume) a response: 201 `in_progress`."""
    body = parse(ResponseStart, await read_json(request))
    client = _client(request, src)

    def act(session: Session, fielded: flow.Fielded) -> tuple[Record, bool]:
        started = flow.start_record(session, fielded, body, client)
        tasks.schedule_abandon(session)
        return started

    # Without a token, the INSERT itself checks a remembered survey (no lookup round trip).
    remembered = body.respondent_token is None
    record, created = await in_thread(
        functools.partial(_in_transaction, remembered=remembered), settings_of(request), slug, act
    )
    return _envelope(record, 201 if created else 200)


@router.patch(
    "/{slug}/responses/{response_id}",
    response_model=ResponseEnvelope,
    dependencies=[Depends(limit("public_save"))],
    openapi_extra=json_body(ResponseSave),
    summary="Save progress (the whole state)",
)
async def save_response(slug: str, response_id: str, request: Request) -> JSONResponse:
    """Replace the response's answers and state; 409 once completed, 422 per invalid answer."""
    body = parse(ResponseSave, await read_json(request))

    record = await in_thread(_save, settings_of(request), slug, response_id, body)
    return _envelope(record)


def _save(settings: Settings, slug: str, response_id: str, body: ResponseSave) -> Record:
    """(In the threadpool.) A save is one UPDATE: in autocommit it commits on its own, with
    no BEGIN and COMMIT round trips (and it is durable when it returns)."""
    with get_engine(settings).connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        try:
            return _save_on(connection, flow.remembered_survey(connection, slug), response_id, body)
        except flow.Stale:  # once more, on the survey as it is now (its 404, 409 or 422)
            return _save_on(connection, flow.read_survey(connection, slug), response_id, body)


def _save_on(
    connection: Connection, fielded: flow.Fielded, response_id: str, body: ResponseSave
) -> Record:
    values = flow.saved_values(fielded, body)
    with writers.one_at_a_time(connection):
        return flow.save_record(
            connection, fielded.survey.id, response_id, values, remembered=fielded
        )


@router.post(
    "/{slug}/responses/{response_id}/complete",
    response_model=ResponseEnvelope,
    dependencies=[Depends(limit("public_start"))],
    summary="Complete a response",
)
async def complete_response(slug: str, response_id: str, request: Request) -> JSONResponse:
    """Complete the response (idempotent): outcome, quotas, the survey's count + 1 once."""

    def act(session: Session, fielded: flow.Fielded) -> Record:
        completed = flow.claim_complete(session, fielded, response_id)
        if completed.claimed:  # the counts, then the commit (one round trip on PostgreSQL)
            counts.count_and_commit(session, completed)
        return completed.record

    record = await in_thread(
        functools.partial(_in_transaction, remembered=True), settings_of(request), slug, act
    )
    return _envelope(record)


@router.post(
    "/{slug}/next",
    dependencies=[Depends(limit("public_start"))],
    openapi_extra=json_body(NextRequest),
    summary="The next question of an AI-led survey",
)
def next_question(
    slug: str,
    request: Request,
    session: DB,
    body: Annotated[NextRequest, Depends(body_of(NextRequest))],
) -> dict[str, Any]:
    """`{"data": {question, type, question_id?, options?, done}}` for `mode: "ai"` surveys."""
    fielded = flow.live_survey(session, slug)
    answer = conversation_service.next_question(session, fielded, body, request)
    session.commit()
    return {"data": answer}


@router.options("/{rest:path}", status_code=204, include_in_schema=False)
def preflight(rest: str) -> Response:
    """CORS preflight of every `/surveys/…` path: 204 with the open CORS headers."""
    return Response(status_code=204, headers=CORS_HEADERS)
