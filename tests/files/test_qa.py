"""POST /api/v1/files/{id}/qa: clarifying questions as SSE (API.md § 5)."""

from __future__ import annotations

import json
from typing import Any

from starlette.testclient import TestClient

UNCLEAR = b"""Coffee survey

Q1. Do you drink coffee?
1. Yes
2. No GO TO Q30

Q2. Which brands do you buy?
1. Brand A
2. Brand B
1. Brand C

Q3. How satisfied are you?
"""


def _events(text: str) -> list[tuple[str, Any]]:
    found = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in chunk.splitlines() if line and not line.startswith(":")
        )
        if "event" in fields:
            found.append((fields["event"], json.loads(fields["data"])))
    return found


def _upload(client: TestClient, org: Any, data: bytes = UNCLEAR) -> str:
    answer = client.post("/api/v1/files", files={"file": ("q.txt", data)}, headers=org.headers)
    assert answer.status_code == 201
    file_id: str = answer.json()["data"]["id"]
    return file_id


def _qa(client: TestClient, org: Any, file_id: str, body: Any = None) -> list[tuple[str, Any]]:
    answer = client.post(f"/api/v1/files/{file_id}/qa", json=body or {}, headers=org.headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/event-stream")
    return _events(answer.text)


def test_stream_is_deterministic_and_ends_with_done(client: TestClient, org: Any) -> None:
    file_id = _upload(client, org)
    first = _qa(client, org, file_id)
    assert first[-1] == ("done", {"count": len(first) - 1})
    items = [data for event, data in first if event == "discrepancy"]
    assert items, "the compiler found nothing to ask about this file"
    for item in items:
        assert set(item) >= {"id", "kind", "severity", "summary", "excerpt", "suggestions"}
        assert item["severity"] in {"blocker", "warning", "info"}
    assert _qa(client, org, file_id) == first


def test_prior_answers_are_not_asked_again(client: TestClient, org: Any) -> None:
    file_id = _upload(client, org)
    items = [data for event, data in _qa(client, org, file_id) if event == "discrepancy"]
    answered = [
        items[0]
        | {"userClarification": items[0]["suggestions"][0] if items[0]["suggestions"] else "ok"}
    ]
    again = _qa(client, org, file_id, {"priorQa": answered})
    ids = [data["id"] for event, data in again if event == "discrepancy"]
    assert items[0]["id"] not in ids
    all_answered = [item | {"user_clarification": "fine as it is"} for item in items]
    assert _qa(client, org, file_id, {"prior_qa": all_answered}) == [("done", {"count": 0})]


def test_qa_failure_cases(client: TestClient, org: Any, make_org: Any) -> None:
    file_id = _upload(client, org)
    other = make_org()
    assert (
        client.post(f"/api/v1/files/{file_id}/qa", json={}, headers=other.headers).status_code
        == 404
    )
    assert client.post("/api/v1/files/nope/qa", json={}, headers=org.headers).status_code == 404
    bad = client.post(f"/api/v1/files/{file_id}/qa", json={"prior_qa": "x"}, headers=org.headers)
    assert bad.status_code == 422
