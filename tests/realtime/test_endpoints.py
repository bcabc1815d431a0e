"""GET /api/v1/realtime (SSE) and POST /api/v1/realtime/tokens on a real server."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

Create = Callable[..., dict[str, Any]]


def _read_events(
    url: str, params: dict[str, str], headers: dict[str, str], wanted: Callable[[str], bool]
) -> list[tuple[str, str, Any]]:
    """Read SSE events until `wanted(event name)` is seen; (id, event, data) of each."""
    seen: list[tuple[str, str, Any]] = []
    current: dict[str, str] = {}
    with httpx.stream("GET", url, params=params, headers=headers, timeout=20) as answer:
        assert answer.status_code == 200, answer.read()
        assert answer.headers["content-type"].startswith("text/event-stream")
        for line in answer.iter_lines():
            if line.startswith(("id:", "event:", "data:")):
                field, _, value = line.partition(":")
                current[field] = value.strip()
            elif line == "" and "event" in current:
                seen.append((current.get("id", ""), current["event"], json.loads(current["data"])))
                if wanted(current["event"]):
                    return seen
                current = {}
    return seen


def test_tokens_endpoint(
    client: TestClient, org: Any, make_org: Any, create: Create, small_ir: dict[str, Any]
) -> None:
    url = "/api/v1/realtime/tokens"
    mine = f"org:{org.org_id}:events"
    answer = client.post(url, json={"channel": mine}, headers=org.headers)
    assert answer.status_code == 201
    assert answer.json()["data"]["channel"] == mine
    other = make_org()
    theirs = client.post(url, json={"channel": f"org:{other.org_id}:events"}, headers=org.headers)
    assert theirs.status_code == 403
    assert client.post(url, json={"channel": "nope"}, headers=org.headers).status_code == 422
    survey = create(ir=small_ir)
    changeset = client.get(f"/api/v1/surveys/{survey['id']}/history", headers=org.headers).json()[
        "data"
    ][0]
    channel = f"org:{org.org_id}:history:{changeset['id']}"
    assert client.post(url, json={"channel": channel}, headers=org.headers).status_code == 201
    stolen = client.post(
        url, json={"channel": f"org:{other.org_id}:history:{changeset['id']}"},
        headers=other.headers,
    )  # fmt: skip
    assert stolen.status_code == 404
    assert client.post(url, json={"channel": mine}).status_code == 401


def test_stream_refusals(live_server: str, org: Any, make_org: Any) -> None:
    url = f"{live_server}/api/v1/realtime"
    other = make_org()
    answer = httpx.get(url, params={"channel": f"org:{org.org_id}:events"}, headers=other.headers)
    assert answer.status_code == 403
    assert httpx.get(url, params={"channel": f"org:{org.org_id}:events"}).status_code == 401
    bad = httpx.get(url, params={"channel": "x", "token": "forged.token"})
    assert bad.status_code == 401
    resume = httpx.get(
        url,
        params={"channel": f"org:{org.org_id}:events"},
        headers=org.headers | {"Last-Event-ID": "abc"},
    )
    assert resume.status_code == 400


def test_live_events_then_resume(live_server: str, org: Any, small_ir: dict[str, Any]) -> None:
    url = f"{live_server}/api/v1/realtime"
    channel = {"channel": f"org:{org.org_id}:events"}
    received: list[tuple[str, str, Any]] = []
    reader = threading.Thread(
        target=lambda: received.extend(
            _read_events(url, channel, org.headers, lambda name: name == "survey.created")
        )
    )
    reader.start()
    created = None
    for _ in range(100):  # create surveys until the listener has certainly subscribed
        answer = httpx.post(
            f"{live_server}/api/v1/surveys", json={"name": "Live"}, headers=org.headers
        )
        created = answer.json()["data"]
        reader.join(timeout=0.2)
        if not reader.is_alive():
            break
    assert not reader.is_alive()
    assert received[-1][1] == "survey.created"
    assert received[-1][2]["data"]["name"] == "Live"
    assert created is not None
    # Resuming from before everything replays the stored events in order.
    replay = _read_events(
        url,
        channel,
        org.headers | {"Last-Event-ID": "0"},
        lambda name: name == "survey.created",
    )
    assert replay[0][1] == "survey.created"
    ids = [int(event_id) for event_id, _, _ in replay]
    assert ids == sorted(ids)


def test_history_channel_with_token(live_server: str, org: Any, small_ir: dict[str, Any]) -> None:
    created = httpx.post(
        f"{live_server}/api/v1/surveys", json={"name": "H", "ir": small_ir}, headers=org.headers
    ).json()["data"]
    ops = [{"op": "replace", "path": "/blocks/0/items/0/text", "value": "Edited"}]
    patched = httpx.patch(
        f"{live_server}/api/v1/surveys/{created['id']}/platform-ir",
        json=ops,
        headers=org.headers | {"Content-Type": "application/json-patch+json"},
    ).json()
    channel = f"org:{org.org_id}:history:{patched['changeset_id']}"
    token = httpx.post(
        f"{live_server}/api/v1/realtime/tokens", json={"channel": channel}, headers=org.headers
    ).json()["data"]["token"]
    events = _read_events(
        f"{live_server}/api/v1/realtime",
        {"channel": channel, "token": token, "last_event_id": "0"},
        {},
        lambda name: name == "change-recorded",
    )
    assert events[-1][1] == "change-recorded"
    change = events[-1][2]
    assert change["element_id"] == "Q1"
    assert change["changeset_id"] == patched["changeset_id"]
    assert {"op": "replace", "path": "/blocks/0/items/0/text", "value": "Edited"} in change["patch"]
    wrong = httpx.get(
        f"{live_server}/api/v1/realtime",
        params={"channel": f"org:{org.org_id}:events", "token": token},
    )
    assert wrong.status_code == 400


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
