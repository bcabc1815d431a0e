"""The cache of verified keys: no lookup while fresh, and revocation still takes effect."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import get_engine
from fielder.keys import cache
from fielder.models.api_key import ApiKey
from tests.conftest import OrgContext

URL = "/api/v1/surveys"


@pytest.fixture
def key_lookups(settings: Settings) -> Iterator[list[str]]:
    """The SQL statements that read the api_keys table, as the app runs them."""
    seen: list[str] = []

    def record(*args: Any) -> None:
        statement = str(args[2])
        if "FROM api_keys" in statement:
            seen.append(statement)

    engine = get_engine(settings)
    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_a_verified_key_is_not_looked_up_again(
    client: TestClient, org: OrgContext, key_lookups: list[str]
) -> None:
    assert client.get(URL, headers=org.headers).status_code == 200
    assert len(key_lookups) == 1
    for _ in range(3):
        assert client.get(URL, headers=org.headers).status_code == 200
    assert len(key_lookups) == 1


def test_revoked_through_the_api_is_refused_at_once(client: TestClient, org: OrgContext) -> None:
    assert client.get(URL, headers=org.headers).status_code == 200  # cached now
    assert client.delete(f"/api/v1/api-keys/{org.key_id}", headers=org.headers).status_code == 200
    answer = client.get(URL, headers=org.headers)
    assert (answer.status_code, answer.json()["error"]["code"]) == (401, "key_revoked")


def test_revoked_elsewhere_is_refused_within_the_ttl(
    client: TestClient, org: OrgContext, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "TTL_SECONDS", 0.3)
    assert client.get(URL, headers=org.headers).status_code == 200  # cached for 0.3 s
    key = session.get(ApiKey, org.key_id)
    assert key is not None
    key.revoked_at = utcnow()  # as `fielder keys revoke` or another server process would
    session.commit()
    time.sleep(0.4)
    answer = client.get(URL, headers=org.headers)
    assert (answer.status_code, answer.json()["error"]["code"]) == (401, "key_revoked")


def test_expiry_is_checked_on_every_request(
    client: TestClient, org: OrgContext, session: Session
) -> None:
    key = session.get(ApiKey, org.key_id)
    assert key is not None
    # Seconds, not a fraction: on a loaded CI machine one request can take half a second.
    expires = utcnow() + timedelta(seconds=3)
    key.expires_at = expires
    session.commit()
    assert client.get(URL, headers=org.headers).status_code == 200  # cached, with its expiry
    time.sleep(max(0.0, (expires - utcnow()).total_seconds()) + 0.1)
    answer = client.get(URL, headers=org.headers)
    assert (answer.status_code, answer.json()["error"]["code"]) == (401, "key_expired")


def test_the_cache_is_bounded() -> None:
    cache.clear()
    key = ApiKey(id="k", org_id="o", scopes=["surveys:read"], expires_at=None)
    for n in range(cache.MAX_ENTRIES + 10):
        cache.put("sqlite://", f"digest-{n}", key)
    assert cache.get("sqlite://", f"digest-{cache.MAX_ENTRIES + 9}") is not None
    assert cache.get("sqlite://", "digest-0") is None
    cache.forget("k")
    assert cache.get("sqlite://", f"digest-{cache.MAX_ENTRIES + 9}") is None
