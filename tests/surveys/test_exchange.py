"""Export to a platform and pull a native file back (API.md § 6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

Create = Callable[..., dict[str, Any]]


@pytest.fixture
def survey(create: Create, small_ir: dict[str, Any]) -> dict[str, Any]:
    return create(ir=small_ir)


@pytest.mark.parametrize("platform", ["fielder", "qualtrics", "surveyjs", "xlsform"])
def test_export(client: TestClient, org: Any, survey: dict[str, Any], platform: str) -> None:
    url = f"/api/v1/surveys/{survey['id']}/export?platform={platform}"
    answer = client.get(url, headers=org.headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-disposition"].startswith("attachment; filename=")
    assert int(answer.headers["x-fielder-not-carried"]) >= 0
    assert answer.content
    report = client.get(url + "&report=1", headers=org.headers)
    assert set(report.json()) == {"file_name", "not_carried"}
    assert len(report.json()["not_carried"]) == int(answer.headers["x-fielder-not-carried"])


def test_export_failure_cases(
    client: TestClient, org: Any, make_org: Any, create: Create, survey: dict[str, Any]
) -> None:
    base = f"/api/v1/surveys/{survey['id']}/export"
    unknown = client.get(f"{base}?platform=myspace", headers=org.headers)
    assert unknown.status_code == 422
    assert unknown.json()["error"]["code"] == "unknown_platform"
    assert client.get(base, headers=org.headers).status_code == 422
    other = make_org()
    assert client.get(f"{base}?platform=fielder", headers=other.headers).status_code == 404
    pending = create(name="Empty")
    url = f"/api/v1/surveys/{pending['id']}/export?platform=fielder"
    assert client.get(url, headers=org.headers).status_code == 409


def test_pull_fielder_ir(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    ir = client.get(f"/api/v1/surveys/{survey['id']}/platform-ir", headers=org.headers).json()["ir"]
    url = f"/api/v1/surveys/{survey['id']}/pull"
    same = client.post(
        url, files={"file": ("s.json", json.dumps(ir).encode())}, headers=org.headers
    )
    assert same.status_code == 200
    assert same.json()["data"] is None
    ir["blocks"][0]["items"][0]["text"] = "Edited on the platform"
    answer = client.post(
        url, files={"file": ("s.json", json.dumps(ir).encode())}, headers=org.headers
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["data"]["type"] == "platform_pull"
    assert answer.json()["data"]["change_count"] == 1
    now = client.get(f"/api/v1/surveys/{survey['id']}/platform-ir", headers=org.headers).json()
    assert now["ir"]["blocks"][0]["items"][0]["text"] == "Edited on the platform"


def test_pull_native_export_round_trip(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    url = f"/api/v1/surveys/{survey['id']}"
    client.put(f"{url}/destination", json={"platform": "surveyjs"}, headers=org.headers)
    native = client.get(f"{url}/export?platform=surveyjs", headers=org.headers).content
    answer = client.post(f"{url}/pull", files={"file": ("s.json", native)}, headers=org.headers)
    assert answer.status_code in {200, 201}, answer.text
    assert isinstance(answer.json()["not_carried"], list)


@pytest.mark.parametrize(
    "content", [b"not json at all", b'{"schema": "fielder/ir@1", "blocks": "x"}', b""]
)
def test_pull_bad_files(
    client: TestClient, org: Any, survey: dict[str, Any], content: bytes
) -> None:
    before = client.get(f"/api/v1/surveys/{survey['id']}/platform-ir", headers=org.headers).json()
    answer = client.post(
        f"/api/v1/surveys/{survey['id']}/pull",
        files={"file": ("s.json", content)},
        headers=org.headers,
    )
    assert answer.status_code == 422, answer.text
    after = client.get(f"/api/v1/surveys/{survey['id']}/platform-ir", headers=org.headers).json()
    assert after == before
