"""Verified API keys, remembered for a few seconds so that most requests skip the key lookup.

Only keys that passed every check are remembered (a wrong, revoked or expired key is looked up
each time). A remembered key is still checked against the clock for expiry on every request.
Revoking a key through the API drops it here at once; a revocation made elsewhere (the
`fielder keys revoke` command, another server process) takes effect within TTL_SECONDS.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import datetime

from fielder.models.api_key import ApiKey

#: How long a verified key is trusted without reading it again (the revocation bound).
TTL_SECONDS = 5.0
#: Entries kept at most; past this the oldest half is dropped (bounds memory, not correctness).
MAX_ENTRIES = 10_000


@dataclass(frozen=True, slots=True)
class VerifiedKey:
    """What the auth checks need of a key that was found live in the database."""

    id: str
    org_id: str
    scopes: tuple[str, ...]
    expires_at: datetime | None


_entries: dict[tuple[str, str], tuple[float, VerifiedKey]] = {}
_lock = threading.Lock()


def get(database_url: str, digest: str) -> VerifiedKey | None:
    """The key with hash `digest` if it was verified less than TTL_SECONDS ago."""
    found = _entries.get((database_url, digest))
    if found is None:
        return None
    until, key = found
    if time.monotonic() >= until:
        with _lock:
            _entries.pop((database_url, digest), None)
        return None
    return key


def put(database_url: str, digest: str, key: ApiKey) -> VerifiedKey:
    """Remember `key` (just verified) and give its cached form."""
    verified = VerifiedKey(
        id=key.id, org_id=key.org_id, scopes=tuple(key.scopes), expires_at=key.expires_at
    )
    with _lock:
        if len(_entries) >= MAX_ENTRIES:
            for stale in list(_entries)[: MAX_ENTRIES // 2]:
                del _entries[stale]
        _entries[(database_url, digest)] = (time.monotonic() + TTL_SECONDS, verified)
    return verified


def forget(key_id: str) -> None:
    """Drop key `key_id` (revoked in this process): its next use is looked up again."""
    with _lock:
        for entry in [e for e, (_, key) in _entries.items() if key.id == key_id]:
            del _entries[entry]


def clear() -> None:
    """Forget every key (tests)."""
    with _lock:
        _entries.clear()
