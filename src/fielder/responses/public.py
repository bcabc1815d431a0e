"""Public respondent routes (API.md § 9): slug-based, no key, CORS open, rate limited per IP.

They share the `/api/v1/surveys/{…}` prefix with the team's routes: a slug is never
UUID-shaped, and no public route has the same method and shape as a team route.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.orm import Session

from fielder.db.session import get_session
from fielder.kit.ratelimit import limit
from fielder.responses import conversation_service, flow, tasks
from fielder.responses.http import CORS_HEADERS, CorsRoute, body_of, json_body
from fielder.responses.schemas import (
    NextRequest,
    ResponseEnvelope,
    ResponseRead,
    ResponseSave,
    ResponseStart,
)

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


def _envelope(response: Any, status_code: int = 200) -> JSONResponse:
    body = {"data": ResponseRead.of(response).model_dump(mode="json")}
    return JSONResponse(body, status_code=status_code)


@router.get("/{slug}/form", summary="The live survey's questions for a renderer")
def get_form(
    slug: str, session: DB, lang: Annotated[str | None, Query(max_length=35)] = None
) -> dict[str, Any]:
    """The questions with their versions and logic, in the language asked for when it has it."""
    return {"data": flow.form(flow.live_survey(session, slug), lang)}


@router.post(
    "/{slug}/responses",
    status_code=201,
    response_model=ResponseEnvelope,
    dependencies=[Depends(limit("public_start"))],
    openapi_extra=json_body(ResponseStart),
    summary="Start a response",
)
def start_response(
    slug: str,
    request: Request,
    session: DB,
    body: Annotated[ResponseStart, Depends(body_of(ResponseStart))],
    src: Annotated[str | None, Query(max_length=64)] = None,
) -> JSONResponse:
    """Start (or, for a known respondent token, resume) a response: 201 `in_progress`."""
    fielded = flow.live_survey(session, slug)
    response, created = flow.start(session, fielded, body, _client(request, src))
    tasks.schedule_abandon(session)
    session.commit()
    return _envelope(response, 201 if created else 200)


@router.patch(
    "/{slug}/responses/{response_id}",
    response_model=ResponseEnvelope,
    dependencies=[Depends(limit("public_save"))],
    openapi_extra=json_body(ResponseSave),
    summary="Save progress (the whole state)",
)
def save_response(
    slug: str,
    response_id: str,
    session: DB,
    body: Annotated[ResponseSave, Depends(body_of(ResponseSave))],
) -> JSONResponse:
    """Replace the response's answers and state; 409 once completed, 422 per invalid answer."""
    fielded = flow.live_survey(session, slug)
    response = flow.save(session, fielded, response_id, body)
    session.commit()
    return _envelope(response)


@router.post(
    "/{slug}/responses/{response_id}/complete",
    response_model=ResponseEnvelope,
    dependencies=[Depends(limit("public_start"))],
    summary="Complete a response",
)
def complete_response(slug: str, response_id: str, session: DB) -> JSONResponse:
    """Complete the response (idempotent): outcome, quotas, the survey's count + 1 once."""
    fielded = flow.live_survey(session, slug)
    response = flow.complete(session, fielded, response_id)
    session.commit()
    return _envelope(response)


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
