"""Routes of `/api/v1/realtime` (API.md § 10): SSE streams and short-lived tokens."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session
from sse_starlette.sse import EventSourceResponse

from fielder.config import Settings
from fielder.db.session import get_session
from fielder.errors import BadRequest, Unauthorized
from fielder.files.deps import AppSettings
from fielder.keys.auth import Principal, authenticate, authorize, require_scope
from fielder.kit.events import EventMessage, subscribe
from fielder.realtime import tokens
from fielder.realtime.channels import check_channel

router = APIRouter(prefix="/realtime", tags=["realtime"])

DB = Annotated[Session, Depends(get_session)]


class TokenRequest(BaseModel):
    """`POST /realtime/tokens {channel}`."""

    model_config = ConfigDict(extra="forbid")

    channel: str = Field(min_length=1, max_length=200)


class TokenIssued(BaseModel):
    """A token for one channel and when it stops being accepted."""

    token: str
    channel: str
    expires_at: datetime


class TokenEnvelope(BaseModel):
    """`{"data": token}`."""

    data: TokenIssued


@router.post("/tokens", status_code=201, response_model=TokenEnvelope)
def create_token(
    body: TokenRequest,
    principal: Annotated[Principal, Depends(require_scope("surveys:read"))],
    session: DB,
    settings: AppSettings,
) -> TokenEnvelope:
    """A token a browser can put in `?token=` to read one channel for a few minutes."""
    channel = check_channel(session, principal.org_id, body.channel)
    token = tokens.issue(tokens.server_secret(settings.data_dir), principal.org_id, channel)
    grant = tokens.verify(tokens.server_secret(settings.data_dir), token)
    expires = datetime.fromtimestamp(grant.expires_at, tz=UTC)
    return TokenEnvelope(data=TokenIssued(token=token, channel=channel, expires_at=expires))


def allowed_channel(
    request: Request,
    session: DB,
    settings: AppSettings,
    channel: Annotated[str, Query(min_length=1, max_length=200)],
    token: Annotated[str | None, Query(max_length=2000)] = None,
) -> str:
    """The channel asked for, once the caller (key + org, or a token) may read it."""
    if token is not None:
        grant = tokens.verify(tokens.server_secret(settings.data_dir), token)
        if grant.channel != channel:
            raise BadRequest("token_channel_mismatch", "The token is for another channel.")
        return check_channel(session, grant.org_id, channel)
    header = request.headers.get("authorization") or ""
    scheme, _, secret = header.partition(" ")
    if header and scheme.lower() != "bearer":
        raise Unauthorized("invalid_key", "Use the Bearer scheme, or a realtime ?token=.")
    key = authenticate(session, secret or None)
    principal = authorize(key, request.headers.get("x-org-id"), ("surveys:read",))
    return check_channel(session, principal.org_id, channel)


def _last_event_id(request: Request, given: str | None) -> int | None:
    value = request.headers.get("last-event-id") or given
    if value is None or value == "":
        return None
    if not value.isdigit():
        raise BadRequest("invalid_last_event_id", "Last-Event-ID is the id of an event seen.")
    return int(value)


def _sse(message: EventMessage, history: bool) -> dict[str, Any]:
    payload: Any = message.data
    if not history:
        payload = {
            "id": message.public_id,
            "event": message.name,
            "survey_id": message.survey_id,
            "created_at": message.created_at,
            "data": message.data,
        }
    return {"id": str(message.id), "event": message.name, "data": json.dumps(payload)}


async def _stream(
    channel: str, last_event_id: int | None, settings: Settings
) -> AsyncIterator[dict[str, Any]]:
    history = ":history:" in channel
    async for message in subscribe(channel, last_event_id, settings):
        yield _sse(message, history)


@router.get("", response_class=EventSourceResponse)
async def stream(
    request: Request,
    channel: Annotated[str, Depends(allowed_channel)],
    settings: AppSettings,
    last_event_id: Annotated[str | None, Query(max_length=20)] = None,
) -> EventSourceResponse:
    """Server-sent events of one channel; resumes after `Last-Event-ID`."""
    resume = _last_event_id(request, last_event_id)
    return EventSourceResponse(_stream(channel, resume, settings), ping=15)
