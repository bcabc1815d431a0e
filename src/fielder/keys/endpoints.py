"""Routes of /api/v1/api-keys: create (keys:write), list (any key), revoke (keys:write)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from fielder.db.session import get_session
from fielder.keys import cache, service
from fielder.keys.auth import Principal, require_scope
from fielder.keys.schemas import ApiKeyCreate, ApiKeyCreated, ApiKeyRead
from fielder.kit.pagination import Page, paginate
from fielder.models.api_key import ApiKey

router = APIRouter(prefix="/api-keys", tags=["api-keys"])

DB = Annotated[Session, Depends(get_session)]
AnyKey = Annotated[Principal, Depends(require_scope())]
KeysWriter = Annotated[Principal, Depends(require_scope("keys:write"))]


def _read(key: ApiKey) -> dict[str, Any]:
    return ApiKeyRead.model_validate(key).model_dump(mode="json")


@router.post("", status_code=201)
def create_api_key(body: ApiKeyCreate, principal: KeysWriter, session: DB) -> dict[str, Any]:
    """Create a key in the caller's org; its secret is in this answer only."""
    new = service.create_key(session, principal.org_id, body.name, body.scopes, body.expires_at)
    created = ApiKeyCreated.model_validate({**_read(new.key), "secret": new.secret})
    return {"data": created.model_dump(mode="json")}


@router.get("")
def list_api_keys(principal: AnyKey, session: DB, params: Page) -> dict[str, Any]:
    """The caller's org's keys, newest first, paginated (never their secrets)."""
    return paginate(session, service.KEYS_PAGE, params, _read, {"org_id": principal.org_id})


@router.get("/{key_id}")
def get_api_key(key_id: str, principal: AnyKey, session: DB) -> dict[str, Any]:
    """One key of the caller's org."""
    return {"data": _read(service.get_key(session, principal.org_id, key_id))}


@router.delete("/{key_id}")
def revoke_api_key(key_id: str, principal: KeysWriter, session: DB) -> dict[str, Any]:
    """Revoke a key of the caller's org; it is refused from then on."""
    key = service.revoke_key(session, principal.org_id, key_id)
    session.commit()
    # After the commit: a request verifying the key from now on reads it revoked.
    cache.forget(key.id)
    return {"data": _read(key)}
