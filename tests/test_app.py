"""The app's shared behaviour: health, OpenAPI, docs, the error format, body limits."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from fielder.app import create_app
from fielder.config import Settings
from tests.conftest import OrgContext


def test_healthz(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_without_database_is_503(settings: Settings) -> None:
    broken = settings.model_copy(
        update={"database_url": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    )
    with TestClient(create_app(broken)) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "database_unavailable"


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200
    assert "/api/v1/api-keys" in spec.json()["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


def test_unknown_route_is_json_404(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_wrong_method_is_json_405(client: TestClient) -> None:
    response = client.put("/healthz")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_malformed_json_is_400(client: TestClient, org: OrgContext) -> None:
    headers = {**org.headers, "Content-Type": "application/json"}
    response = client.post("/api/v1/api-keys", headers=headers, content=b'{"name": ')
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


def test_json_body_over_1mb_is_413(client: TestClient, org: OrgContext) -> None:
    headers = {**org.headers, "Content-Type": "application/json"}
    body = b'{"name": "' + b"x" * (1024 * 1024) + b'"}'
    response = client.post("/api/v1/api-keys", headers=headers, content=body)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_streamed_body_over_limit_is_413(client: TestClient, org: OrgContext) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"name": "'
        for _ in range(20):
            yield b"x" * 65536
        yield b'"}'

    headers = {**org.headers, "Content-Type": "application/json"}
    response = client.post("/api/v1/api-keys", headers=headers, content=chunks())
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_error_format(client: TestClient) -> None:
    body = client.get("/api/v1/api-keys").json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}


def test_multipart_over_upload_limit_is_413(settings: Settings, org: OrgContext) -> None:
    small = create_app(settings.model_copy(update={"max_upload_mb": 1}))
    files = {"file": ("big.txt", b"x" * (1024 * 1024 + 10), "text/plain")}
    with TestClient(small) as client:
        response = client.post("/api/v1/api-keys", headers=org.headers, files=files)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_multipart_may_exceed_the_json_limit(client: TestClient, org: OrgContext) -> None:
    files = {"file": ("big.txt", b"x" * (2 * 1024 * 1024), "text/plain")}
    response = client.post("/api/v1/api-keys", headers=org.headers, files=files)
    # Past the 1 MB JSON limit but under the upload limit: refused by the endpoint, not by size.
    assert response.status_code != 413
    assert response.status_code < 500


def test_value_the_database_refuses_is_422_not_500(settings: Settings, org: OrgContext) -> None:
    from typing import Annotated

    from fastapi import Depends
    from sqlalchemy.orm import Session

    from fielder.db.session import get_session
    from fielder.models.organization import Organization

    app = create_app(settings)

    @app.get("/t/orgs/{org_id}")
    def read(org_id: str, session: Annotated[Session, Depends(get_session)]) -> dict[str, bool]:
        session.add(Organization(name=f"x\x00{org_id}"))
        session.flush()
        return {"ok": True}

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/t/orgs/a")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
