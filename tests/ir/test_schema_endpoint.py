"""GET /api/v1/schema/ir: the IR's JSON Schema, public, cacheable."""

from fielder.ir.models import SCHEMA_ID
from fielder.ir.schema import load_schema

URL = "/api/v1/schema/ir"


def test_schema_is_served_without_a_key(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body == {"data": load_schema()}
    assert body["data"]["$id"] == SCHEMA_ID
    assert "Question" in body["data"]["$defs"]


def test_schema_etag_gives_not_modified(client):
    etag = client.get(URL).headers["etag"]
    again = client.get(URL, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    other = client.get(URL, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_schema_ignores_keys_and_org_headers(client):
    response = client.get(URL, headers={"Authorization": "Bearer nonsense", "X-Org-Id": "x"})
    assert response.status_code == 200


def test_schema_rejects_other_methods(client):
    for method in ("post", "put", "patch", "delete"):
        response = client.request(method.upper(), URL, json={})
        assert response.status_code == 405
        assert "error" in response.json()


def test_unknown_schema_is_404(client):
    response = client.get("/api/v1/schema/ir2")
    assert response.status_code == 404
    assert response.json()["error"]["code"]
