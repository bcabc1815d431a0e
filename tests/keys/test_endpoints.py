"""POST/GET/DELETE /api/v1/api-keys: shown-once secrets, scopes, revocation, org isolation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.models.api_key import ApiKey
from tests.conftest import MakeOrg, OrgContext

URL = "/api/v1/api-keys"


def test_create_key_shows_secret_once(client: TestClient, org: OrgContext) -> None:
    response = client.post(
        URL, headers=org.headers, json={"name": "CI", "scopes": ["surveys:read"]}
    )
    assert response.status_code == 201, response.text
    created = response.json()["data"]
    assert created["name"] == "CI"
    assert created["scopes"] == ["surveys:read"]
    assert created["secret"].startswith("fk_live_")
    assert created["secret"].startswith(created["prefix"])
    listed = client.get(URL, headers=org.headers).json()
    assert listed["pagination"]["total"] == 2
    assert all("secret" not in k for k in listed["data"])
    one = client.get(f"{URL}/{created['id']}", headers=org.headers).json()["data"]
    assert "secret" not in one
    assert one["prefix"] == created["prefix"]


def test_new_key_works_with_its_scopes(client: TestClient, org: OrgContext) -> None:
    created = client.post(URL, headers=org.headers, json={"name": "r", "scopes": ["surveys:read"]})
    headers = {
        "Authorization": f"Bearer {created.json()['data']['secret']}",
        "X-Org-Id": org.org_id,
    }
    assert client.get(URL, headers=headers).status_code == 200
    response = client.post(URL, headers=headers, json={"name": "nope"})
    assert response.status_code == 403


def test_default_scopes_are_all(client: TestClient, org: OrgContext) -> None:
    created = client.post(URL, headers=org.headers, json={"name": "all"}).json()["data"]
    assert set(created["scopes"]) == {
        "surveys:read",
        "surveys:write",
        "webhooks:write",
        "keys:write",
    }


def test_only_the_hash_is_stored(client: TestClient, org: OrgContext, session: Session) -> None:
    secret = client.post(URL, headers=org.headers, json={"name": "h"}).json()["data"]["secret"]
    for key in session.scalars(select(ApiKey)):
        assert secret not in (key.hash, key.prefix, key.name)


def test_revoke_key(client: TestClient, org: OrgContext) -> None:
    created = client.post(URL, headers=org.headers, json={"name": "tmp"}).json()["data"]
    response = client.delete(f"{URL}/{created['id']}", headers=org.headers)
    assert response.status_code == 200
    assert response.json()["data"]["revoked_at"] is not None
    headers = {"Authorization": f"Bearer {created['secret']}", "X-Org-Id": org.org_id}
    assert client.get(URL, headers=headers).json()["error"]["code"] == "key_revoked"
    again = client.delete(f"{URL}/{created['id']}", headers=org.headers)
    assert again.status_code == 200


def test_expiry_in_the_future_is_kept(client: TestClient, org: OrgContext) -> None:
    body = {"name": "e", "expires_at": "2999-01-01T00:00:00Z"}
    created = client.post(URL, headers=org.headers, json=body).json()["data"]
    assert created["expires_at"].startswith("2999-01-01T00:00:00")


def test_other_orgs_keys_are_404(client: TestClient, org: OrgContext, make_org: MakeOrg) -> None:
    other = make_org()
    listed = client.get(URL, headers=org.headers).json()["data"]
    assert other.key_id not in [k["id"] for k in listed]
    for method in ("get", "delete"):
        response = client.request(method, f"{URL}/{other.key_id}", headers=org.headers)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "api_key_not_found"
    assert client.get(URL, headers=other.headers).status_code == 200


def test_bad_bodies(client: TestClient, org: OrgContext) -> None:
    cases = [
        ({"name": ""}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
        ({"name": "x", "scopes": ["root"]}, 422, "invalid_request"),
        ({"name": "x", "scopes": []}, 422, "invalid_request"),
        ({"name": "x", "extra": 1}, 422, "invalid_request"),
        ({"name": "x", "expires_at": "2000-01-01T00:00:00Z"}, 422, "invalid_request"),
        ({"name": "x", "expires_at": "soon"}, 422, "invalid_request"),
        ([1, 2], 422, "invalid_request"),
    ]
    for body, status, code in cases:
        response = client.post(URL, headers=org.headers, json=body)
        assert response.status_code == status, (body, response.text)
        assert response.json()["error"]["code"] == code


def test_invalid_request_details_name_the_field(client: TestClient, org: OrgContext) -> None:
    response = client.post(URL, headers=org.headers, json={"name": "x", "scopes": ["root"]})
    fields = [d["field"] for d in response.json()["error"]["details"]]
    assert fields == ["scopes.0"]


def test_pagination_params(client: TestClient, org: OrgContext) -> None:
    for i in range(3):
        client.post(URL, headers=org.headers, json={"name": f"k{i}"})
    page = client.get(URL, headers=org.headers, params={"page": 2, "per_page": 3}).json()
    assert page["pagination"] == {"page": 2, "per_page": 3, "total": 4, "total_pages": 2}
    assert len(page["data"]) == 1
    bad = client.get(URL, headers=org.headers, params={"per_page": 101})
    assert bad.status_code == 422
    assert bad.json()["error"]["details"][0]["field"] == "per_page"
