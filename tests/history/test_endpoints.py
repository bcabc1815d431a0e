"""Platform IR edits and history (API.md §§ 6–7) through the app, with failure cases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

Create = Callable[..., dict[str, Any]]
JSON_PATCH = {"Content-Type": "application/json-patch+json"}
MERGE_PATCH = {"Content-Type": "application/merge-patch+json"}


@pytest.fixture
def survey(create: Create, small_ir: dict[str, Any]) -> dict[str, Any]:
    small_ir["blocks"][0]["items"].append({"id": "Q3", "type": "text", "text": "Anything else?"})
    return create(ir=small_ir)


def _ir(client: TestClient, org: Any, survey_id: str) -> Any:
    return client.get(f"/api/v1/surveys/{survey_id}/platform-ir", headers=org.headers)


def _question(ir: dict[str, Any], qid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(i for b in ir["blocks"] for i in b["items"] if i.get("id") == qid)
    return found


def _history(client: TestClient, org: Any, survey_id: str) -> list[dict[str, Any]]:
    answer = client.get(f"/api/v1/surveys/{survey_id}/history", headers=org.headers)
    assert answer.status_code == 200
    data: list[dict[str, Any]] = answer.json()["data"]
    return data


def test_created_ir_is_initial_programming(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    history = _history(client, org, survey["id"])
    assert [(c["type"], c["status"], c["change_count"]) for c in history] == [
        ("initial_programming", "complete", 3)
    ]
    full = client.get(f"/api/v1/changesets/{history[0]['id']}", headers=org.headers).json()["data"]
    assert [(c["operation"], c["element_id"]) for c in full["changes"]] == [
        ("create", "Q1"),
        ("create", "Q2"),
        ("create", "Q3"),
    ]
    assert full["changes"][0]["before"] is None
    for earlier, later in zip(full["changes"], full["changes"][1:], strict=False):
        assert earlier["after"] == later["before"]
    assert full["changes"][-1]["after"] == _ir(client, org, survey["id"]).json()["ir"]


def test_get_platform_ir_etag(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    answer = _ir(client, org, survey["id"])
    assert answer.status_code == 200
    body = answer.json()
    assert answer.headers["etag"] == f'"{body["checksum"]}"'
    assert body["ir"]["platform"] == "fielder"
    assert len(body["checksum"]) == 64


def test_put_with_if_match(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    current = _ir(client, org, survey["id"]).json()
    document = current["ir"]
    _question(document, "Q1")["text"] = "Do you drink coffee at all?"
    stale = client.put(url, json=document, headers=org.headers | {"If-Match": '"abc"'})
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "stale_ir"
    fresh = client.put(
        url, json=document, headers=org.headers | {"If-Match": f'"{current["checksum"]}"'}
    )
    assert fresh.status_code == 200, fresh.text
    body = fresh.json()
    assert body["checksum"] != current["checksum"]
    assert _question(body["ir"], "Q1")["version"] == 2
    assert _question(body["ir"], "Q1")["text"] == "Do you drink coffee at all?"
    again = client.put(
        url, json=document, headers=org.headers | {"If-Match": f'"{current["checksum"]}"'}
    )
    assert again.status_code == 412
    history = _history(client, org, survey["id"])
    assert history[0]["type"] == "manual"
    assert history[0]["change_count"] == 1


def test_json_patch_three_questions_three_changes(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    ops = [
        {"op": "replace", "path": f"/blocks/0/items/{n}/text", "value": f"New {n}"}
        for n in range(3)
    ]
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    answer = client.patch(url, json=ops, headers=org.headers | JSON_PATCH)
    assert answer.status_code == 200, answer.text
    changeset_id = answer.json()["changeset_id"]
    changes = client.get(
        f"/api/v1/surveys/{survey['id']}/changes?changeset_id={changeset_id}", headers=org.headers
    ).json()["data"]
    assert [(c["element_id"], c["operation"]) for c in changes] == [
        ("Q1", "update"),
        ("Q2", "update"),
        ("Q3", "update"),
    ]
    assert all(_question(answer.json()["ir"], q)["version"] == 2 for q in ("Q1", "Q2", "Q3"))


def test_merge_patch_title(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    answer = client.patch(url, json={"title": "Renamed"}, headers=org.headers | MERGE_PATCH)
    assert answer.status_code == 200
    assert answer.json()["ir"]["title"] == "Renamed"
    assert _history(client, org, survey["id"])[0]["change_count"] == 1


@pytest.mark.parametrize(
    ("body", "headers", "status", "code"),
    [
        (
            [{"op": "replace", "path": "/blocks/0/items/1/display_if", "value": "Q9 == '1'"}],
            JSON_PATCH,
            422,
            "invalid_ir",
        ),
        ([{"op": "remove", "path": "/blocks/7"}], JSON_PATCH, 422, "patch_conflict"),
        ([{"op": "explode", "path": "/title"}], JSON_PATCH, 422, "invalid_patch"),
        ({"op": "add"}, JSON_PATCH, 422, "invalid_patch"),
        ({"blocks": [{"id": "B1", "items": [{"id": "Q1"}]}]}, MERGE_PATCH, 422, "invalid_result"),
        ({"title": "x"}, {"Content-Type": "application/json"}, 415, "unsupported_media_type"),
    ],
)
def test_invalid_patches_change_nothing(
    client: TestClient,
    org: Any,
    survey: dict[str, Any],
    body: Any,
    headers: dict[str, str],
    status: int,
    code: str,
) -> None:
    before = _ir(client, org, survey["id"]).json()
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    answer = client.patch(url, json=body, headers=org.headers | headers)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code
    assert _ir(client, org, survey["id"]).json() == before
    assert len(_history(client, org, survey["id"])) == 1


def test_malformed_patch_body(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    answer = client.patch(url, content=b"[{", headers=org.headers | JSON_PATCH)
    assert answer.status_code == 400


def test_put_invalid_ir(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    for body in ({"blocks": "no"}, [1], None):
        answer = client.put(url, json=body, headers=org.headers)
        assert answer.status_code == 422, answer.text


def test_unprogrammed_and_other_org(
    client: TestClient, org: Any, make_org: Any, create: Create, survey: dict[str, Any]
) -> None:
    pending = create(name="Empty")
    answer = _ir(client, org, pending["id"])
    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "platform_ir_unavailable"
    other = make_org()
    assert _ir(client, other, survey["id"]).status_code == 404
    history_id = _history(client, org, survey["id"])[0]["id"]
    assert client.get(f"/api/v1/changesets/{history_id}", headers=other.headers).status_code == 404
    revert = client.post(f"/api/v1/changesets/{history_id}/revert", headers=other.headers)
    assert revert.status_code == 404
    url = f"/api/v1/surveys/{survey['id']}/history"
    assert client.get(url, headers=other.headers).status_code == 404


def _patch_text(client: TestClient, org: Any, survey_id: str, qid_index: int, text: str) -> str:
    answer = client.patch(
        f"/api/v1/surveys/{survey_id}/platform-ir",
        json=[{"op": "replace", "path": f"/blocks/0/items/{qid_index}/text", "value": text}],
        headers=org.headers | JSON_PATCH,
    )
    assert answer.status_code == 200, answer.text
    changeset_id: str = answer.json()["changeset_id"]
    return changeset_id


def test_revert_changeset_with_idempotency(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    original = _ir(client, org, survey["id"]).json()["ir"]
    first = _patch_text(client, org, survey["id"], 0, "Edit one")
    _patch_text(client, org, survey["id"], 1, "Edit two")
    key = {"Idempotency-Key": "revert-1"}
    answer = client.post(f"/api/v1/changesets/{first}/revert", headers=org.headers | key)
    assert answer.status_code == 201, answer.text
    assert answer.json()["data"]["type"] == "revert"
    replay = client.post(f"/api/v1/changesets/{first}/revert", headers=org.headers | key)
    assert replay.status_code == 201
    assert replay.json() == answer.json()
    reused = client.post(
        f"/api/v1/surveys/{survey['id']}/changes/x/revert", headers=org.headers | key
    )
    assert reused.status_code == 422
    restored = _ir(client, org, survey["id"]).json()["ir"]
    assert _question(restored, "Q1")["text"] == _question(original, "Q1")["text"]
    assert _question(restored, "Q2")["text"] == _question(original, "Q2")["text"]
    assert [c["type"] for c in _history(client, org, survey["id"])] == [
        "revert",
        "manual",
        "manual",
        "initial_programming",
    ]


def test_revert_one_change(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    ops = [
        {"op": "replace", "path": "/blocks/0/items/0/text", "value": "Q1 new"},
        {"op": "replace", "path": "/blocks/0/items/2/text", "value": "Q3 new"},
    ]
    changeset_id = client.patch(url, json=ops, headers=org.headers | JSON_PATCH).json()[
        "changeset_id"
    ]
    changes = client.get(
        f"/api/v1/changesets/{changeset_id}?snapshots=false", headers=org.headers
    ).json()["data"]["changes"]
    assert changes[0]["before"] is None
    q1_change = next(c for c in changes if c["element_id"] == "Q1")
    answer = client.post(
        f"/api/v1/surveys/{survey['id']}/changes/{q1_change['id']}/revert", headers=org.headers
    )
    assert answer.status_code == 201, answer.text
    ir = _ir(client, org, survey["id"]).json()["ir"]
    assert _question(ir, "Q1")["text"] == "Do you drink coffee?"
    assert _question(ir, "Q1")["version"] == 3
    assert _question(ir, "Q3")["text"] == "Q3 new"
    again = client.post(
        f"/api/v1/surveys/{survey['id']}/changes/{q1_change['id']}/revert", headers=org.headers
    )
    assert again.status_code == 409
    missing = client.post(
        f"/api/v1/surveys/{survey['id']}/changes/nope/revert", headers=org.headers
    )
    assert missing.status_code == 404


def test_revert_change_that_would_break_references(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    url = f"/api/v1/surveys/{survey['id']}/platform-ir"
    history = _history(client, org, survey["id"])
    initial = client.get(f"/api/v1/changesets/{history[0]['id']}", headers=org.headers).json()
    create_q1 = initial["data"]["changes"][0]
    assert create_q1["element_id"] == "Q1"
    answer = client.post(
        f"/api/v1/surveys/{survey['id']}/changes/{create_q1['id']}/revert", headers=org.headers
    )
    assert answer.status_code == 422  # Q2's display_if refers to Q1
    assert answer.json()["error"]["code"] == "revert_invalid"
    assert client.get(url, headers=org.headers).status_code == 200


def test_revert_first_programming_refused(
    client: TestClient, org: Any, survey: dict[str, Any]
) -> None:
    first = _history(client, org, survey["id"])[0]["id"]
    answer = client.post(f"/api/v1/changesets/{first}/revert", headers=org.headers)
    assert answer.status_code == 409


def test_changes_cursor(client: TestClient, org: Any, survey: dict[str, Any]) -> None:
    url = f"/api/v1/surveys/{survey['id']}/changes?limit=2"
    seen: list[str] = []
    cursor = None
    while True:
        page = client.get(url + (f"&cursor={cursor}" if cursor else ""), headers=org.headers)
        assert page.status_code == 200
        seen += [c["id"] for c in page.json()["data"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 3
    bad = client.get(f"/api/v1/surveys/{survey['id']}/changes?cursor=zzz", headers=org.headers)
    assert bad.status_code == 400
    assert client.get(url.replace("limit=2", "limit=101"), headers=org.headers).status_code == 422
