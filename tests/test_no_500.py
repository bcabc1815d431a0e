"""No input makes the server answer 500: every /api/v1 operation, fed bad ids, bad bodies and bad
query values with a valid key, answers a 4xx (or a 2xx where the input happens to be fine).

The operations come from the app's OpenAPI description, so a new route is covered at once.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from starlette.testclient import TestClient

from tests.conftest import OrgContext

BAD_IDS = ["%00", "x" * 300, "%E2%80%AE%F0%9F%92%A9", "..", "00000000-0000-0000-0000-000000000000"]
BAD_BODIES: list[dict[str, Any]] = [
    {"content": b"{not json", "headers": {"Content-Type": "application/json"}},
    {"content": b"[1, 2, 3]", "headers": {"Content-Type": "application/json"}},
    {
        "content": b'{"name": 12, "ir": "x", "email": [], "prompt": null}',
        "headers": {"Content-Type": "application/json"},
    },  # fmt: skip
    {"content": b'"\\u0000"', "headers": {"Content-Type": "application/json"}},
    {"content": b"\xff\xfe\x00", "headers": {"Content-Type": "application/octet-stream"}},
    {
        "content": b'[{"op": "remove", "path": "/blocks/99"}]',
        "headers": {"Content-Type": "application/json-patch+json"},
    },  # fmt: skip
    {"files": {"file": ("x.docx", b"PK\x03\x04garbage", "application/octet-stream")}},
]
BAD_QUERIES: list[dict[str, str]] = [
    {"page": "-1", "per_page": "100000000000000000000"},
    {"cursor": "%00garbage", "limit": "0"},
    {"platform": "../../etc/passwd", "status": "\x00", "report": "maybe"},
]


def _operations(app: FastAPI) -> list[tuple[str, str]]:
    operations = []
    for path, methods in app.openapi()["paths"].items():
        if path.startswith("/api/v1") and path != "/api/v1/realtime":  # an endless stream
            operations.extend((method.upper(), path) for method in methods)
    return operations


def _assert_no_5xx(client: TestClient, method: str, url: str, **kwargs: Any) -> None:
    answer = client.request(method, url, **kwargs)
    assert answer.status_code < 500, f"{method} {url} {kwargs}: {answer.status_code} {answer.text}"


def test_bad_input_never_answers_5xx(app: FastAPI, client: TestClient, org: OrgContext) -> None:
    survey = client.post("/api/v1/surveys", json={"name": "Target"}, headers=org.headers)
    assert survey.status_code == 201, survey.text
    real_id = survey.json()["data"]["id"]
    operations = _operations(app)
    assert len(operations) > 30
    for method, path in operations:
        for bad in [*BAD_IDS, real_id]:
            url = re.sub(r"\{\w+\}", bad, path)
            for body in BAD_BODIES if method in ("POST", "PUT", "PATCH") else [{}]:
                extra = dict(body)
                headers = {**org.headers, **extra.pop("headers", {})}
                _assert_no_5xx(client, method, url, headers=headers, **extra)
            for query in BAD_QUERIES:
                _assert_no_5xx(client, method, url, headers=org.headers, params=query)
