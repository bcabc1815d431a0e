"""Rate limits through a real server: headers on every limited response, 429 with Retry-After."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated

import httpx
import pytest
from fastapi import Depends, FastAPI, Request

from fielder.app import create_app
from fielder.config import Settings
from fielder.kit import ratelimit
from fielder.kit.ratelimit import close_redis, enforce, limit
from tests.conftest import MakeOrg, OrgContext


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "rate_limit_authenticated": "3/minute",
            "rate_limit_public_start": "2/minute",
            "rate_limit_public_save": "2/minute",
        }
    )


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    app = create_app(settings)

    @app.post("/t/{slug}/start", dependencies=[Depends(limit("public_start"))])
    def start(slug: str) -> dict[str, str]:
        return {"slug": slug}

    @app.post("/t/save")
    def save(_: Annotated[None, Depends(limit("public_save"))]) -> dict[str, bool]:
        return {"ok": True}

    return app


def test_authenticated_limit_per_key(live_server: str, org: OrgContext, make_org: MakeOrg) -> None:
    url = f"{live_server}/api/v1/api-keys"
    with httpx.Client() as http:
        remaining = []
        for _ in range(3):
            response = http.get(url, headers=org.headers)
            assert response.status_code == 200
            assert response.headers["RateLimit-Limit"] == "3"
            assert response.headers["X-RateLimit-Limit"] == "3"
            assert 0 <= int(response.headers["RateLimit-Reset"]) <= 60
            remaining.append(response.headers["RateLimit-Remaining"])
        assert remaining == ["2", "1", "0"]
        refused = http.get(url, headers=org.headers)
        assert refused.status_code == 429
        body = refused.json()["error"]
        assert body["code"] == "rate_limited"
        retry_after = int(refused.headers["Retry-After"])
        assert 1 <= retry_after <= 60
        assert body["details"] == [{"retry_after": retry_after}]
        assert refused.headers["X-RateLimit-Remaining"] == "0"
        other = make_org()
        assert http.get(url, headers=other.headers).status_code == 200


def test_public_start_limit_is_per_survey(live_server: str) -> None:
    with httpx.Client() as http:
        for _ in range(2):
            assert http.post(f"{live_server}/t/alpha/start").status_code == 200
        refused = http.post(f"{live_server}/t/alpha/start")
        assert refused.status_code == 429
        assert "Retry-After" in refused.headers
        assert http.post(f"{live_server}/t/beta/start").status_code == 200


def test_public_save_limit_is_per_ip(live_server: str) -> None:
    with httpx.Client() as http:
        ok = [http.post(f"{live_server}/t/save") for _ in range(2)]
        assert [r.status_code for r in ok] == [200, 200]
        assert ok[1].headers["RateLimit-Remaining"] == "0"
        assert http.post(f"{live_server}/t/save").status_code == 429


def test_limits_can_be_turned_off(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    app = create_app(settings.model_copy(update={"rate_limit_enabled": False}))

    @app.post("/t/save", dependencies=[Depends(limit("public_save"))])
    def save() -> dict[str, bool]:
        return {"ok": True}

    with TestClient(app) as client:
        assert all(client.post("/t/save").status_code == 200 for _ in range(5))


def test_unknown_bucket_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown rate-limit bucket"):
        limit("nope")


def test_redis_outage_lets_requests_through(settings: Settings) -> None:
    # Nothing listens on port 1: the limiter logs and lets the request through (no 500).
    dead = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    app = FastAPI()
    app.state.settings = dead
    request = Request({"type": "http", "app": app, "headers": [], "client": ("1.2.3.4", 5)})

    async def count() -> None:
        await enforce(request, "public_save")
        await close_redis()

    asyncio.run(count())
    assert "rate_limit_headers" not in request.scope.get("state", {})


def test_window_end_from_redis_when_this_process_did_not_open_it(settings: Settings) -> None:
    # The window's end (RateLimit-Reset) is known without asking Redis once this process has
    # opened the window; a window opened elsewhere (here: forgotten) is asked of Redis.
    if not settings.redis_url:
        pytest.skip("Redis: the window end of a counter another process opened")
    app = FastAPI()
    app.state.settings = settings.model_copy(update={"rate_limit_public_save": "10/minute"})
    resets = []

    async def count() -> None:
        for forget in (False, False, True):
            if forget:
                ratelimit._window_ends.clear()
            request = Request({"type": "http", "app": app, "headers": [], "client": ("1.2.3.4", 5)})
            await enforce(request, "public_save")
            headers = request.scope["state"]["rate_limit_headers"]
            resets.append(int(headers["RateLimit-Reset"]))
        await close_redis()

    asyncio.run(count())
    assert all(55 <= reset <= 60 for reset in resets)


def test_window_ends_are_remembered_until_they_pass() -> None:
    ends = ratelimit._WindowEnds()
    now = time.time()
    assert ends.end("k", 2, 60) is None  # opened elsewhere: unknown here
    opened = ends.end("k", 1, 60)  # opened by this increment: `expiry` from now
    assert opened is not None
    assert now + 59 <= opened <= now + 61
    assert ends.end("k", 2, 60) == opened
    ends.remember("k", now - 1)  # passed: another process may have opened the next window
    assert ends.end("k", 3, 60) is None
