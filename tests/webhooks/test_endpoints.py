"""The /api/v1/webhooks routes: CRUD, secrets, scopes, bad URLs and events, tests, the log."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fielder.app import create_app
from fielder.config import Settings
from tests.conftest import MakeOrg, OrgContext
from tests.webhooks.conftest import (
    Behaviour,
    Receiver,
    Reply,
    deliveries_of,
    publish,
    wait_until,
)

HOOKS = "/api/v1/webhooks"
# .invalid never resolves (RFC 2606): such a webhook is accepted and never reached.
NOWHERE = "https://hooks.invalid/fielder"


def _create(client: TestClient, org: OrgContext, **body: object) -> dict[str, object]:
    answer = client.post(HOOKS, json={"url": NOWHERE, **body}, headers=org.headers)
    assert answer.status_code == 201, answer.text
    data: dict[str, object] = answer.json()["data"]
    return data


def test_create_read_list_update_delete(client: TestClient, org: OrgContext) -> None:
    made = _create(client, org, events=["response.completed"], description="CRM sync")
    assert str(made["secret"]).startswith("whsec_")
    assert made["events"] == ["response.completed"]
    assert made["active"] is True
    assert made["failure_count"] == 0
    hook_id = made["id"]
    read = client.get(f"{HOOKS}/{hook_id}", headers=org.headers).json()["data"]
    assert "secret" not in read
    assert read["description"] == "CRM sync"
    changed = client.patch(
        f"{HOOKS}/{hook_id}",
        json={"events": [], "url": "https://other.invalid/x", "description": None},
        headers=org.headers,
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["data"]["events"] == []
    assert changed.json()["data"]["url"] == "https://other.invalid/x"
    assert changed.json()["data"]["description"] is None
    assert "secret" not in changed.json()["data"]
    listed = client.get(HOOKS, headers=org.headers).json()
    assert [h["id"] for h in listed["data"]] == [hook_id]
    assert all("secret" not in h for h in listed["data"])
    assert client.delete(f"{HOOKS}/{hook_id}", headers=org.headers).status_code == 204
    assert client.get(f"{HOOKS}/{hook_id}", headers=org.headers).status_code == 404
    assert client.delete(f"{HOOKS}/{hook_id}", headers=org.headers).status_code == 404


def test_list_pages(client: TestClient, org: OrgContext) -> None:
    made = [str(_create(client, org, description=f"hook {n}")["id"]) for n in range(3)]
    first = client.get(HOOKS, params={"per_page": 2}, headers=org.headers).json()
    assert first["pagination"] == {"page": 1, "per_page": 2, "total": 3, "total_pages": 2}
    second = client.get(HOOKS, params={"per_page": 2, "page": 2}, headers=org.headers).json()
    seen = [h["id"] for h in first["data"] + second["data"]]
    assert sorted(seen) == sorted(made)
    assert client.get(HOOKS, params={"per_page": 101}, headers=org.headers).status_code == 422


def test_rotate_shows_a_new_secret_once(client: TestClient, org: OrgContext) -> None:
    made = _create(client, org)
    rotated = client.post(f"{HOOKS}/{made['id']}/rotate-secret", headers=org.headers)
    assert rotated.status_code == 200, rotated.text
    secret = rotated.json()["data"]["secret"]
    assert secret.startswith("whsec_")
    assert secret != made["secret"]
    assert "secret" not in client.get(f"{HOOKS}/{made['id']}", headers=org.headers).json()["data"]


@pytest.mark.parametrize(
    "events",
    [["survey.exploded"], ["survey.created", "Survey.Created"], ["change-recorded"],
     ["webhook.test"], "survey.created", [1]],
)  # fmt: skip
def test_unknown_events_are_422(client: TestClient, org: OrgContext, events: object) -> None:
    answer = client.post(HOOKS, json={"url": NOWHERE, "events": events}, headers=org.headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["details"][0]["field"].startswith("events")
    made = _create(client, org)
    patched = client.patch(f"{HOOKS}/{made['id']}", json={"events": events}, headers=org.headers)
    assert patched.status_code == 422


@pytest.fixture
def strict_client(settings: Settings) -> Iterator[TestClient]:
    """A client of an app that refuses private addresses (the production default)."""
    strict = settings.model_copy(update={"webhook_allow_private": False})
    with TestClient(create_app(strict)) as test_client:
        yield test_client


BAD_URLS = [
    "ftp://example.com/hook",
    "example.com/hook",
    "https://",
    "http:///path-only",
    "https://user:password@example.com/hook",
    "https://exa mple.com/hook",
    "https://example.com:99999/hook",
    "javascript:alert(1)",
    "http://127.0.0.1:8000/hook",
    "http://localhost/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://10.1.2.3/hook",
    "http://192.168.0.10/hook",
    "http://169.254.169.254/latest/meta-data",
    "http://224.0.0.1/hook",
    "http://0.0.0.0/hook",
    "http://2130706433/hook",
    "https://example.com/" + "x" * 2100,
    "",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_urls_are_422(strict_client: TestClient, org: OrgContext, url: str) -> None:
    answer = strict_client.post(HOOKS, json={"url": url}, headers=org.headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["details"][0]["field"] == "url"


def test_a_url_change_is_checked_too(strict_client: TestClient, org: OrgContext) -> None:
    made = strict_client.post(HOOKS, json={"url": NOWHERE}, headers=org.headers).json()["data"]
    answer = strict_client.patch(
        f"{HOOKS}/{made['id']}", json={"url": "http://127.0.0.1/x"}, headers=org.headers
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "invalid_webhook_url"


def test_every_route_needs_webhooks_write(
    client: TestClient, org: OrgContext, make_org: MakeOrg
) -> None:
    made = _create(client, org)
    reader = make_org("Readers", scopes=["surveys:read", "surveys:write", "keys:write"])
    routes = [("POST", HOOKS), ("GET", HOOKS), ("GET", f"{HOOKS}/{made['id']}"),
              ("PATCH", f"{HOOKS}/{made['id']}"), ("DELETE", f"{HOOKS}/{made['id']}"),
              ("POST", f"{HOOKS}/{made['id']}/rotate-secret"),
              ("POST", f"{HOOKS}/{made['id']}/test"),
              ("GET", f"{HOOKS}/{made['id']}/deliveries")]  # fmt: skip
    for method, path in routes:
        answer = client.request(method, path, json={"url": NOWHERE}, headers=reader.headers)
        assert answer.status_code == 403, (method, path, answer.text)
        assert answer.json()["error"]["code"] == "insufficient_scope"
    assert client.get(HOOKS, headers={"X-Org-Id": org.org_id}).status_code == 401


def test_test_event_reaches_the_receiver_and_the_log_pages(
    client: TestClient, org: OrgContext, receiver: Receiver
) -> None:
    made = _create(client, org, events=["response.deleted"])
    client.patch(f"{HOOKS}/{made['id']}", json={"url": receiver.url}, headers=org.headers)
    for _ in range(3):
        queued = client.post(f"{HOOKS}/{made['id']}/test", headers=org.headers)
        assert queued.status_code == 202, queued.text
        assert queued.json()["data"]["status"] == "pending"
        assert queued.json()["data"]["event"] == "webhook.test"
    got = receiver.wait_for(3)
    assert {r.headers["X-Fielder-Event"] for r in got} == {"webhook.test"}
    assert got[0].verify(str(made["secret"]))["data"]["webhook_id"] == made["id"]
    log = f"{HOOKS}/{made['id']}/deliveries"

    def all_delivered() -> bool:
        page = client.get(log, params={"status": "delivered"}, headers=org.headers).json()
        return bool(page["pagination"]["total"] == 3)

    wait_until(all_delivered, what="three delivered test events")
    first = client.get(log, params={"per_page": 2}, headers=org.headers).json()
    assert first["pagination"] == {"page": 1, "per_page": 2, "total": 3, "total_pages": 2}
    assert len(first["data"]) == 2
    assert client.get(log, params={"status": "failed"}, headers=org.headers).json()["data"] == []
    assert (
        client.get(log, params={"event": "survey.created"}, headers=org.headers).json()[
            "pagination"
        ]["total"]
        == 0
    )
    assert client.get(log, params={"status": "lost"}, headers=org.headers).status_code == 422


def test_disable_and_enable(client: TestClient, org: OrgContext) -> None:
    made = _create(client, org)
    off = client.patch(f"{HOOKS}/{made['id']}", json={"active": False}, headers=org.headers)
    assert off.json()["data"]["active"] is False
    assert off.json()["data"]["disabled_reason"] == "disabled_by_user"
    refused = client.post(f"{HOOKS}/{made['id']}/test", headers=org.headers)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "webhook_inactive"
    on = client.patch(f"{HOOKS}/{made['id']}", json={"active": True}, headers=org.headers)
    assert on.json()["data"]["active"] is True
    assert on.json()["data"]["disabled_reason"] is None


def test_bodies_are_checked(client: TestClient, org: OrgContext) -> None:
    h = org.headers
    assert client.post(HOOKS, json={}, headers=h).status_code == 422
    assert client.post(HOOKS, json={"url": NOWHERE, "secret": "mine"}, headers=h).status_code == 422
    assert (
        client.post(
            HOOKS, content=b"{", headers={**h, "Content-Type": "application/json"}
        ).status_code
        == 400
    )
    made = _create(client, org)
    patch = client.patch(f"{HOOKS}/{made['id']}", json={"active": "maybe"}, headers=h)
    assert patch.status_code == 422


def test_one_delivery_and_redelivery(
    client: TestClient, org: OrgContext, make_receiver: Callable[[Behaviour], Receiver]
) -> None:
    answers = iter([500, 500, 500, 200, 200])
    receiver = make_receiver(lambda _n, _r: Reply(status=next(answers)))
    made = _create(client, org)
    client.patch(f"{HOOKS}/{made['id']}", json={"url": receiver.url}, headers=org.headers)
    queued = client.post(f"{HOOKS}/{made['id']}/test", headers=org.headers).json()["data"]
    one = f"{HOOKS}/{made['id']}/deliveries/{queued['id']}"

    def finished(status: str) -> dict[str, Any] | None:
        row: dict[str, Any] = client.get(one, headers=org.headers).json()["data"]
        return row if row["status"] == status else None

    failed = wait_until(lambda: finished("failed"), what="the test event to fail")
    assert failed["attempt"] == 3
    assert [a["status_code"] for a in failed["attempts"]] == [500, 500, 500]
    again = client.post(f"{one}/redeliver", headers=org.headers)
    assert again.status_code == 202, again.text
    assert again.json()["data"]["status"] == "pending"
    delivered = wait_until(lambda: finished("delivered"), what="the redelivery")
    assert delivered["attempt"] == 1
    assert len(delivered["attempts"]) == 4
    ids = {r.headers["webhook-id"] for r in receiver.received}
    assert ids == {queued["event_id"]}  # the same event, so the receiver can dedupe
    assert client.post(f"{one}/redeliver", headers=org.headers).status_code == 202
    other = _create(client, org)
    elsewhere = f"{HOOKS}/{other['id']}/deliveries/{queued['id']}"
    assert client.get(elsewhere, headers=org.headers).status_code == 404
    assert client.get(f"{one}x", headers=org.headers).status_code == 404


def test_a_waiting_delivery_is_not_redelivered(
    client: TestClient, org: OrgContext, make_receiver: Callable[[Behaviour], Receiver]
) -> None:
    slow = make_receiver(lambda _n, _r: Reply(delay=3))
    made = _create(client, org)
    client.patch(f"{HOOKS}/{made['id']}", json={"url": slow.url}, headers=org.headers)
    queued = client.post(f"{HOOKS}/{made['id']}/test", headers=org.headers).json()["data"]
    again = client.post(
        f"{HOOKS}/{made['id']}/deliveries/{queued['id']}/redeliver", headers=org.headers
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "delivery_not_finished"


def test_the_next_event_after_a_change_through_the_api_follows_it(
    client: TestClient, org: OrgContext, settings: Settings
) -> None:
    """Created, disabled and enabled through the API: the very next event in this process sees
    it (no stale lookup of the org's webhooks)."""
    hook_id = str(_create(client, org, events=["response.completed"])["id"])

    def events_of_hook() -> list[str]:
        return [row.event_id for row in deliveries_of(settings, hook_id)]

    first = publish(settings, org.org_id, "response.completed")
    assert events_of_hook() == [first]
    client.patch(f"{HOOKS}/{hook_id}", json={"active": False}, headers=org.headers)
    publish(settings, org.org_id, "response.completed")
    assert events_of_hook() == [first]
    client.patch(f"{HOOKS}/{hook_id}", json={"active": True}, headers=org.headers)
    third = publish(settings, org.org_id, "response.completed")
    assert events_of_hook() == [first, third]
