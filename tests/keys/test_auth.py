"""The auth rules of API.md § 2: each bad credential gets its status and code, never a 500."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.keys.keygen import KEY_PREFIX, hash_secret, looks_like_key, new_secret
from fielder.models.api_key import ApiKey
from tests.conftest import MakeOrg, OrgContext

URL = "/api/v1/api-keys"


def _error(response: object, status: int, code: str) -> None:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.json()["error"]["code"] == code  # type: ignore[attr-defined]


def test_valid_key_lists_keys(client: TestClient, org: OrgContext) -> None:
    response = client.get(URL, headers=org.headers)
    assert response.status_code == 200
    assert [k["id"] for k in response.json()["data"]] == [org.key_id]


@pytest.mark.parametrize(
    ("authorization", "code"),
    [
        (None, "unauthenticated"),
        ("Bearer", "invalid_key"),
        ("Bearer not-a-key", "invalid_key"),
        ("Bearer fk_live_short", "invalid_key"),
        (f"Bearer {KEY_PREFIX}{'a' * 43}", "invalid_key"),
        ("Basic dXNlcjpwYXNz", "invalid_key"),
    ],
)
def test_missing_or_bad_key_is_401(
    client: TestClient, org: OrgContext, authorization: str | None, code: str
) -> None:
    headers = {"X-Org-Id": org.org_id}
    if authorization is not None:
        headers["Authorization"] = authorization
    _error(client.get(URL, headers=headers), 401, code)


def test_non_ascii_key_is_401(client: TestClient, org: OrgContext) -> None:
    value = f"Bearer {KEY_PREFIX}{'é' * 40}".encode()
    headers = [(b"Authorization", value), (b"X-Org-Id", org.org_id.encode())]
    _error(client.get(URL, headers=headers), 401, "invalid_key")


def test_bare_key_without_bearer_is_401(client: TestClient, org: OrgContext) -> None:
    headers = {"Authorization": org.api_key, "X-Org-Id": org.org_id}
    _error(client.get(URL, headers=headers), 401, "invalid_key")


def test_missing_org_is_400(client: TestClient, org: OrgContext) -> None:
    headers = {"Authorization": f"Bearer {org.api_key}"}
    _error(client.get(URL, headers=headers), 400, "missing_org")


def test_foreign_org_is_403(client: TestClient, org: OrgContext, make_org: MakeOrg) -> None:
    other = make_org()
    headers = {**org.headers, "X-Org-Id": other.org_id}
    _error(client.get(URL, headers=headers), 403, "org_mismatch")
    headers = {**org.headers, "X-Org-Id": "no-such-org"}
    _error(client.get(URL, headers=headers), 403, "org_mismatch")


def test_revoked_key_is_401(client: TestClient, org: OrgContext, session: Session) -> None:
    key = session.get(ApiKey, org.key_id)
    assert key is not None
    key.revoked_at = utcnow()
    session.commit()
    _error(client.get(URL, headers=org.headers), 401, "key_revoked")


def test_expired_key_is_401(client: TestClient, org: OrgContext, session: Session) -> None:
    key = session.get(ApiKey, org.key_id)
    assert key is not None
    key.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    _error(client.get(URL, headers=org.headers), 401, "key_expired")


def test_missing_scope_is_403(client: TestClient, make_org: MakeOrg) -> None:
    reader = make_org("Reader", scopes=["surveys:read"])
    response = client.post(URL, headers=reader.headers, json={"name": "x"})
    _error(response, 403, "insufficient_scope")
    assert response.json()["error"]["details"] == [{"required_scope": "keys:write"}]


def test_last_used_at_is_recorded(client: TestClient, org: OrgContext, session: Session) -> None:
    assert client.get(URL, headers=org.headers).status_code == 200
    key = session.get(ApiKey, org.key_id)
    assert key is not None
    assert key.last_used_at is not None
    assert utcnow() - key.last_used_at < timedelta(minutes=1)


def test_secrets_have_the_documented_shape() -> None:
    secret = new_secret()
    assert secret.startswith("fk_live_")
    assert len(secret) - len("fk_live_") >= 32
    assert looks_like_key(secret)
    assert hash_secret(secret) != secret
    assert len({new_secret() for _ in range(100)}) == 100
