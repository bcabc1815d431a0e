"""`Idempotency-Key` on POSTs: the first answer to a key is stored and given again.

The same key with a different request (method, path or body) is 422
`idempotency_key_reused`; two requests racing with one key: one wins, the other is 409.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fielder.errors import Conflict, Unprocessable
from fielder.models.idempotency_record import IdempotencyRecord

MAX_KEY_LENGTH = 200


def request_hash(method: str, path: str, body: bytes) -> str:
    """sha256 of what makes a request the same request."""
    return hashlib.sha256(b"\n".join([method.encode(), path.encode(), body])).hexdigest()


def check_key(key: str) -> str:
    """`key` when usable (1–200 characters), else 422."""
    if not 0 < len(key) <= MAX_KEY_LENGTH:
        raise Unprocessable("invalid_idempotency_key", "An Idempotency-Key is 1 to 200 characters.")
    return key


def replay(session: Session, org_id: str, key: str, fingerprint: str) -> tuple[int, Any] | None:
    """The stored (status, body) for `key`, None when it is new."""
    record = session.scalars(
        select(IdempotencyRecord).where(
            IdempotencyRecord.org_id == org_id, IdempotencyRecord.key == key
        )
    ).first()
    if record is None:
        return None
    if record.request_hash != fingerprint:
        raise Unprocessable(
            "idempotency_key_reused",
            "This Idempotency-Key was used with a different request.",
        )
    return record.status_code, record.body


def remember(
    session: Session, org_id: str, key: str, fingerprint: str, status: int, body: Any
) -> None:
    """Store the answer given to `key` (in the caller's transaction)."""
    session.add(
        IdempotencyRecord(
            org_id=org_id, key=key, request_hash=fingerprint, status_code=status, body=body
        )
    )
    try:
        session.flush()
    except IntegrityError as error:
        session.rollback()
        raise Conflict(
            "idempotency_conflict", "Another request with this Idempotency-Key is in progress."
        ) from error
