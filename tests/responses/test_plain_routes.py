"""The public routes called without FastAPI's dependency solving (`http.CorsRoute`) answer as
through FastAPI: their own and their inclusion's dependencies run, a query string is
validated, and their answers carry the CORS headers."""

from __future__ import annotations

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

from fielder.responses.public import router
from tests.responses.conftest import Live


async def _refuse(request: Request) -> None:
    raise HTTPException(status_code=418, detail=request.url.path)


def test_a_dependency_of_the_inclusion_runs() -> None:
    app = FastAPI()
    app.include_router(router, prefix="/x", dependencies=[Depends(_refuse)])
    with TestClient(app) as client:
        reply = client.post("/x/surveys/any/responses/any/complete")
    assert reply.status_code == 418
    assert reply.headers["access-control-allow-origin"] == "*"


def test_a_query_string_is_validated_and_errors_carry_cors(client: TestClient, live: Live) -> None:
    too_long = client.post(f"{live.public}/responses?src={'s' * 65}", json={})
    assert too_long.status_code == 422, too_long.text
    assert too_long.json()["error"]["code"] == "invalid_request"
    assert too_long.headers["access-control-allow-origin"] == "*"
    missing = client.post(f"{live.public}/responses/not-a-response/complete")
    assert missing.status_code == 404, missing.text
    assert missing.json()["error"]["code"] == "response_not_found"
    assert missing.headers["access-control-allow-origin"] == "*"
    started = client.post(f"{live.public}/responses", json={})
    assert started.status_code == 201, started.text
    assert started.headers["access-control-allow-origin"] == "*"
