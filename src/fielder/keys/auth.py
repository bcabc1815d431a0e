"""The auth dependency every management endpoint takes: Bearer key + X-Org-Id, then the scope.

    principal: Annotated[Principal, Depends(require_scope("surveys:read"))]

Every org-owned query then filters by `principal.org_id`; another org's object is 404.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from fielder.config import Settings, get_settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.errors import BadRequest, Forbidden, Unauthorized
from fielder.keys import cache
from fielder.keys.cache import VerifiedKey
from fielder.keys.keygen import hash_secret, looks_like_key, same_hash
from fielder.keys.scopes import grants
from fielder.kit.ratelimit import enforce
from fielder.models.api_key import ApiKey

# last_used_at is written at most this often per key, to keep reads from writing.
LAST_USED_GRANULARITY = timedelta(minutes=1)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the org, the key and the scopes it holds."""

    org_id: str
    key_id: str
    scopes: tuple[str, ...]


def authenticate(session: Session, authorization: str | None) -> ApiKey:
    """The live key named by an `Authorization: Bearer` value, or 401 with the reason."""
    return _live_key(session, _digest(authorization))


def _digest(authorization: str | None) -> str:
    """The stored hash of the key of an `Authorization: Bearer` value; 401 if none or malformed."""
    if not authorization:
        raise Unauthorized("unauthenticated", "Send an API key: Authorization: Bearer fk_live_….")
    secret = authorization.strip()
    if not looks_like_key(secret):
        raise Unauthorized("invalid_key", "The API key is malformed.")
    return hash_secret(secret)


def _live_key(session: Session, digest: str) -> ApiKey:
    key = session.scalars(select(ApiKey).where(ApiKey.hash == digest)).first()
    if key is None or not same_hash(key.hash, digest):
        raise Unauthorized("invalid_key", "The API key is not valid.")
    now = utcnow()
    if key.revoked_at is not None:
        raise Unauthorized("key_revoked", "The API key has been revoked.")
    _check_expiry(key.expires_at, now)
    if key.last_used_at is None or now - key.last_used_at >= LAST_USED_GRANULARITY:
        key.last_used_at = now
    return key


def _check_expiry(expires_at: datetime | None, now: datetime) -> None:
    if expires_at is not None and expires_at <= now:
        raise Unauthorized("key_expired", "The API key has expired.")


def _verify(settings: Settings, digest: str) -> VerifiedKey:
    """Look the key up in its own short transaction (it may record last_used_at) and cache it."""
    with session_scope(settings) as session:
        key = _live_key(session, digest)
        return cache.put(settings.database_url, digest, key)


async def verified_key(settings: Settings, authorization: str | None) -> VerifiedKey:
    """The live key of an `Authorization: Bearer` value: from the cache of keys verified in
    the last few seconds (see `fielder.keys.cache`), else from the database; 401 otherwise."""
    digest = _digest(authorization)
    key = cache.get(settings.database_url, digest)
    if key is None:
        return await run_in_threadpool(_verify, settings, digest)
    _check_expiry(key.expires_at, utcnow())
    return key


def authorize(key: ApiKey | VerifiedKey, org_id: str | None, scopes: tuple[str, ...]) -> Principal:
    """The Principal of `key` acting on `org_id`, checking the org header and the scopes."""
    if not org_id or not org_id.strip():
        raise BadRequest("missing_org", "Send the org id in the X-Org-Id header.")
    if org_id.strip() != key.org_id:
        raise Forbidden("org_mismatch", "The API key does not belong to this org.")
    missing = [s for s in scopes if not grants(key.scopes, s)]
    if missing:
        raise Forbidden(
            "insufficient_scope",
            f"The API key lacks the scope {', '.join(missing)}.",
            details=[{"required_scope": s} for s in missing],
        )
    return Principal(org_id=key.org_id, key_id=key.id, scopes=tuple(key.scopes))


def require_scope(*scopes: str) -> Callable[..., Awaitable[Principal]]:
    """A FastAPI dependency giving the caller's Principal once key, org and `scopes` check out.

    With no scopes, any valid key of the org is enough.
    """

    async def dependency(request: Request) -> Principal:
        # Async, and no database session of its own: a key verified in the last seconds costs
        # no query and no thread hop (the hot path of every authenticated request). The two
        # headers are read here rather than through FastAPI security dependencies (two more
        # dependencies to solve on every request); `keys.openapi` puts them in OpenAPI.
        headers = request.headers
        settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
        key = await verified_key(settings, _bearer_value(headers.get("authorization")))
        principal = authorize(key, headers.get("x-org-id"), scopes)
        await enforce(request, "authenticated", key.id)
        request.state.principal = principal
        return principal

    dependency.requires_api_key = True  # type: ignore[attr-defined]  # read by keys.openapi
    return dependency


def _bearer_value(header: str | None) -> str | None:
    """The key of an `Authorization: Bearer <key>` header; None without the header."""
    if not header:
        return None
    scheme, _, credentials = header.partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        # A scheme other than Bearer, or a bare key: present but not usable.
        raise Unauthorized("invalid_key", "Use the Bearer scheme: Authorization: Bearer fk_live_….")
    return credentials.strip()
