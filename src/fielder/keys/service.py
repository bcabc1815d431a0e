"""Organizations and API keys: the rules, on a caller's session."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.errors import NotFound, Unprocessable
from fielder.keys import cache
from fielder.keys.keygen import hash_secret, new_secret, shown_prefix
from fielder.keys.scopes import ALL_SCOPES
from fielder.kit.pagination import PagedSelect
from fielder.models.api_key import ApiKey
from fielder.models.organization import Organization


@dataclass(frozen=True)
class NewKey:
    """A key just created and its secret (shown once, never stored)."""

    key: ApiKey
    secret: str


def create_org(session: Session, name: str) -> Organization:
    """Add an organization named `name` and flush it so it has an id."""
    org = Organization(name=name)
    session.add(org)
    session.flush()
    return org


def get_org(session: Session, org_id: str) -> Organization:
    """The org `org_id`, or 404 `org_not_found`."""
    org = session.get(Organization, org_id)
    if org is None:
        raise NotFound("org_not_found", f"No organization '{org_id}'.")
    return org


def create_key(
    session: Session,
    org_id: str,
    name: str,
    scopes: Sequence[str] | None = None,
    expires_at: datetime | None = None,
) -> NewKey:
    """Add a key to org `org_id` (all scopes unless given); the secret is returned only here."""
    chosen = list(dict.fromkeys(scopes)) if scopes else list(ALL_SCOPES)
    unknown = [s for s in chosen if s not in ALL_SCOPES]
    if unknown:
        raise Unprocessable("invalid_scope", f"Unknown scopes: {', '.join(unknown)}.")
    if expires_at is not None:
        expires_at = expires_at if expires_at.tzinfo else expires_at.replace(tzinfo=UTC)
        if expires_at <= utcnow():
            raise Unprocessable(
                "invalid_request",
                "expires_at must be in the future.",
                details=[{"field": "expires_at", "message": "must be in the future"}],
            )
    secret = new_secret()
    key = ApiKey(
        org_id=org_id,
        name=name,
        prefix=shown_prefix(secret),
        hash=hash_secret(secret),
        scopes=chosen,
        expires_at=expires_at,
    )
    session.add(key)
    session.flush()
    return NewKey(key=key, secret=secret)


#: An org's keys, newest first (bind `org_id`); built once, not per request.
KEYS_OF_ORG: Select[ApiKey] = (
    select(ApiKey)
    .where(ApiKey.org_id == bindparam("org_id"))
    .order_by(ApiKey.created_at.desc(), ApiKey.id)
)
KEYS_PAGE = PagedSelect(KEYS_OF_ORG)


def list_keys(session: Session, org_id: str) -> list[ApiKey]:
    """Every key of org `org_id`, newest first."""
    return list(session.scalars(KEYS_OF_ORG, {"org_id": org_id}))


def get_key(session: Session, org_id: str, key_id: str) -> ApiKey:
    """The key `key_id` of org `org_id`; another org's key is 404 like a missing one."""
    key = session.get(ApiKey, key_id) if _is_uuid(key_id) else None
    if key is None or key.org_id != org_id:
        raise NotFound("api_key_not_found", f"No API key '{key_id}'.")
    return key


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def revoke_key(session: Session, org_id: str, key_id: str) -> ApiKey:
    """Revoke a key of org `org_id` (again is a no-op); it is refused from then on."""
    key = get_key(session, org_id, key_id)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        session.flush()
    cache.forget(key.id)
    return key


def find_key(session: Session, key_id_or_prefix: str) -> ApiKey:
    """A key by id in any org (CLI use), or 404."""
    key = session.get(ApiKey, key_id_or_prefix) if _is_uuid(key_id_or_prefix) else None
    if key is None:
        raise NotFound("api_key_not_found", f"No API key '{key_id_or_prefix}'.")
    return key


def revoke_any(session: Session, key_id: str) -> ApiKey:
    """Revoke a key by id whatever its org (the CLI runs with the server's own rights)."""
    key = find_key(session, key_id)
    return revoke_key(session, key.org_id, key_id)
