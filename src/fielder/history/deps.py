"""Request helpers of the history routes: raw JSON bodies, If-Match, Idempotency-Key."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from fielder.errors import BadRequest
from fielder.history import idempotency
from fielder.keys.auth import Principal


@dataclass(frozen=True, slots=True)
class Body:
    """A request's media type and its parsed JSON."""

    media_type: str
    value: Any


async def json_body(request: Request) -> Body:
    """The request body parsed as JSON whatever its JSON media type; 400 when malformed."""
    raw = await request.body()
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not raw:
        return Body(media_type, None)
    try:
        return Body(media_type, json.loads(raw))
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest("malformed_json", "The request body is not valid JSON.") from error


def if_match(request: Request) -> str | None:
    """The checksum named by `If-Match` (quotes and `W/` removed), None when absent or `*`."""
    value = request.headers.get("if-match")
    if value is None or value.strip() == "*":
        return None
    return value.strip().removeprefix("W/").strip('"')


@dataclass(frozen=True, slots=True)
class Idempotency:
    """The `Idempotency-Key` of a POST (None when absent) and the request's fingerprint."""

    key: str | None
    fingerprint: str


async def idempotency_of(request: Request) -> Idempotency:
    """Read `Idempotency-Key` and fingerprint the request (method, path, body)."""
    key = request.headers.get("idempotency-key")
    body = await request.body()
    fingerprint = idempotency.request_hash(request.method, request.url.path, body)
    return Idempotency(idempotency.check_key(key) if key is not None else None, fingerprint)


def run_idempotent(
    session: Session,
    principal: Principal,
    token: Idempotency,
    action: Callable[[], tuple[int, Any]],
) -> JSONResponse:
    """Answer with `action()` — or, for a key seen before, with the answer given then."""
    if token.key is not None:
        seen = idempotency.replay(session, principal.org_id, token.key, token.fingerprint)
        if seen is not None:
            return JSONResponse(
                seen[1], status_code=seen[0], headers={"Idempotent-Replayed": "true"}
            )
    status, body = action()
    if token.key is not None:
        idempotency.remember(session, principal.org_id, token.key, token.fingerprint, status, body)
    session.commit()
    return JSONResponse(body, status_code=status)
