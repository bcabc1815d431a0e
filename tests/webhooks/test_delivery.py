"""Deliveries to real receivers on 127.0.0.1: signatures, retries, failures, 410, bad receivers,
order per survey. The sends here run in the test's thread (`drain_all`), or in the embedded
worker of a real uvicorn server where the API is involved."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import httpx
import pytest
from standardwebhooks import Webhook as Verifier
from standardwebhooks.webhooks import WebhookVerificationError

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.webhooks import dispatch, service
from fielder.webhooks.delivery import DISABLE_AFTER
from fielder.webhooks.payloads import SurveyEvent
from fielder.webhooks.sender import EXCERPT_BYTES
from tests.conftest import OrgContext
from tests.webhooks.conftest import (
    Behaviour,
    Receiver,
    Reply,
    deliveries_of,
    drain_all,
    make_webhook,
    publish,
    wait_until,
    webhook_row,
)

MakeReceiver = Callable[[Behaviour], Receiver]


def _survey_id() -> str:
    return str(uuid.uuid4())


def test_an_api_change_is_delivered_signed_over_the_exact_bytes(
    live_server: str, org: OrgContext, receiver: Receiver
) -> None:
    with httpx.Client(base_url=live_server, headers=org.headers, timeout=30) as api:
        created = api.post("/api/v1/webhooks", json={"url": receiver.url, "events": []})
        assert created.status_code == 201, created.text
        hook = created.json()["data"]
        survey = api.post("/api/v1/surveys", json={"name": "Coffee habits"})
        assert survey.status_code == 201, survey.text
        survey_id = survey.json()["data"]["id"]
        (got,) = receiver.wait_for(1)
        payload = got.verify(hook["secret"])
        assert payload["event"] == "survey.created"
        assert got.headers["X-Fielder-Event"] == "survey.created"
        assert got.headers["webhook-id"] == payload["id"]
        assert got.headers["Content-Type"] == "application/json"
        assert payload["timestamp"].endswith("Z")
        assert isinstance(payload["sequence"], int)
        assert SurveyEvent.model_validate(payload["data"]).id == survey_id
        # Any other secret, or one changed byte, fails verification.
        with pytest.raises(WebhookVerificationError):
            Verifier("whsec_" + "A" * 43 + "=").verify(got.body, got.headers)
        with pytest.raises(WebhookVerificationError):
            Verifier(hook["secret"]).verify(got.body.replace(b"Coffee", b"Toffee"), got.headers)

        def delivered() -> list[dict[str, object]]:
            log = api.get(f"/api/v1/webhooks/{hook['id']}/deliveries").json()["data"]
            return [d for d in log if d["status"] == "delivered"]

        (entry,) = wait_until(delivered, what="the delivery log")
        assert entry["event"] == "survey.created"
        assert entry["event_id"] == payload["id"]
        assert entry["survey_id"] == survey_id
        assert entry["attempt"] == 1
        assert entry["status_code"] == 200
        assert entry["excerpt"] == "ok"
        assert entry["error"] is None
        assert isinstance(entry["duration_ms"], int)
        again = api.get(f"/api/v1/webhooks/{hook['id']}").json()["data"]
        assert again["last_triggered_at"] is not None
        assert again["failure_count"] == 0


def test_a_webhook_gets_only_the_events_it_asked_for(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    everything = make_receiver(lambda _n, _r: Reply())
    deletions = make_receiver(lambda _n, _r: Reply())
    all_id, _ = make_webhook(settings, org.org_id, everything.url)
    some_id, _ = make_webhook(settings, org.org_id, deletions.url, ["survey.deleted"])
    survey_id = _survey_id()
    for name in ("survey.created", "survey.updated", "survey.deleted"):
        publish(settings, org.org_id, name, survey_id)
    publish(settings, org.org_id, "change-recorded", survey_id)  # realtime only: never sent
    drain_all(settings, all_id)
    drain_all(settings, some_id)
    assert [b["event"] for b in everything.bodies()] == [
        "survey.created",
        "survey.updated",
        "survey.deleted",
    ]
    assert [b["event"] for b in deletions.bodies()] == ["survey.deleted"]


def test_failures_are_retried_with_the_same_id_and_bytes(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    flaky = make_receiver(lambda n, _r: Reply(status=503) if n <= 2 else Reply())
    hook_id, secret = make_webhook(settings, org.org_id, flaky.url)
    publish(settings, org.org_id, "response.completed", _survey_id())
    drain_all(settings, hook_id)
    attempts = flaky.wait_for(3)
    assert len(attempts) == 3
    assert len({a.headers["webhook-id"] for a in attempts}) == 1
    assert len({a.body for a in attempts}) == 1
    for attempt in attempts:
        attempt.verify(secret)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "delivered"
    assert row.attempt == 3
    assert [a["status_code"] for a in row.attempts] == [503, 503, 200]


def test_the_last_failure_is_logged_with_an_excerpt_of_the_reply(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    broken = make_receiver(lambda _n, _r: Reply(status=500, body=b"E" * 5000))
    hook_id, _ = make_webhook(settings, org.org_id, broken.url)
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(settings, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    tries = 1 + len(settings.webhook_retry_schedule)
    assert len(broken.received) == tries
    assert row.status == "failed"
    assert row.attempt == tries
    assert row.status_code == 500
    assert row.error == "HTTP 500."
    assert row.excerpt == "E" * EXCERPT_BYTES
    assert row.duration_ms is not None
    assert row.next_attempt_at is None
    hook = webhook_row(settings, hook_id)
    assert hook.failure_count == 1
    assert hook.active


def test_gone_disables_the_webhook(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    gone = make_receiver(lambda _n, _r: Reply(status=410))
    hook_id, _ = make_webhook(settings, org.org_id, gone.url)
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(settings, hook_id)
    hook = webhook_row(settings, hook_id)
    assert not hook.active
    assert hook.disabled_reason == "gone"
    assert len(gone.received) == 1  # not retried
    publish(settings, org.org_id, "survey.updated", _survey_id())
    assert [d.event_name for d in deliveries_of(settings, hook_id)] == ["survey.created"]


def test_ten_failed_deliveries_in_a_row_disable_and_a_success_resets(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    answers = {"status": 500}
    receiver = make_receiver(lambda _n, _r: Reply(status=answers["status"]))
    hook_id, _ = make_webhook(settings, org.org_id, receiver.url)
    once = settings.model_copy(update={"webhook_retry_schedule": []})
    for _ in range(DISABLE_AFTER - 1):
        publish(settings, org.org_id, "survey.updated", _survey_id())
    drain_all(once, hook_id)
    assert webhook_row(settings, hook_id).failure_count == DISABLE_AFTER - 1
    answers["status"] = 204
    publish(settings, org.org_id, "survey.updated", _survey_id())
    drain_all(once, hook_id)
    assert webhook_row(settings, hook_id).failure_count == 0
    answers["status"] = 500
    for _ in range(DISABLE_AFTER):
        publish(settings, org.org_id, "survey.updated", _survey_id())
    drain_all(once, hook_id)
    hook = webhook_row(settings, hook_id)
    assert not hook.active
    assert hook.disabled_reason == "failing"


def test_a_hanging_receiver_times_out(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    hanging = make_receiver(lambda _n, _r: Reply(delay=5))
    hook_id, _ = make_webhook(settings, org.org_id, hanging.url)
    quick = settings.model_copy(
        update={"webhook_retry_schedule": [], "webhook_timeout_seconds": 0.5}
    )
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(quick, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "failed"
    assert row.status_code is None
    assert row.error == "The receiver did not answer within 0.5 s."


def _hundred_megabytes() -> Iterator[bytes]:
    chunk = b"x" * (1024 * 1024)
    for _ in range(100):
        yield chunk


def test_a_huge_reply_is_read_only_up_to_the_cap(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    size = str(100 * 1024 * 1024)
    huge = make_receiver(
        lambda _n, _r: Reply(body=_hundred_megabytes(), headers={"Content-Length": size})
    )
    hook_id, _ = make_webhook(settings, org.org_id, huge.url)
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(settings, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "delivered"
    assert row.excerpt == "x" * EXCERPT_BYTES


def test_a_redirect_to_loopback_is_not_followed(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    target = make_receiver(lambda _n, _r: Reply())
    redirecting = make_receiver(
        lambda _n, _r: Reply(status=307, headers={"Location": target.url}, body=b"")
    )
    hook_id, _ = make_webhook(settings, org.org_id, redirecting.url)
    once = settings.model_copy(update={"webhook_retry_schedule": []})
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(once, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "failed"
    assert row.status_code == 307
    assert row.error == f"HTTP 307: redirect to {target.url} not followed."
    assert target.received == []


def test_private_addresses_are_refused_at_delivery_unless_allowed(
    settings: Settings, org: OrgContext, receiver: Receiver
) -> None:
    hook_id, _ = make_webhook(settings, org.org_id, receiver.url)
    strict = settings.model_copy(
        update={"webhook_allow_private": False, "webhook_retry_schedule": []}
    )
    publish(settings, org.org_id, "survey.created", _survey_id())
    drain_all(strict, hook_id)
    (row,) = deliveries_of(settings, hook_id)
    assert row.status == "failed"
    assert row.error is not None
    assert "127.0.0.1 is a loopback address" in row.error
    assert receiver.received == []


def test_deliveries_of_one_survey_arrive_in_event_order(
    client: object, settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    # `client` runs the embedded worker (two threads): lanes are sent concurrently.
    slowish = make_receiver(lambda _n, _r: Reply(delay=0.005))
    hook_id, _ = make_webhook(settings, org.org_id, slowish.url)
    surveys = [_survey_id() for _ in range(3)]
    sent: dict[str, list[str]] = {s: [] for s in surveys}
    for n in range(45):
        survey_id = surveys[n % 3]
        sent[survey_id].append(publish(settings, org.org_id, "survey.updated", survey_id))
    slowish.wait_for(45)
    got: dict[str, list[str]] = {s: [] for s in surveys}
    for request in slowish.received:
        event_id = request.headers["webhook-id"]
        survey_id = next(survey for survey, ids in sent.items() if event_id in ids)
        got[survey_id].append(event_id)
    assert got == sent


def test_a_webhook_deleted_during_an_attempt_ends_quietly(
    settings: Settings, org: OrgContext, make_receiver: MakeReceiver
) -> None:
    hook: dict[str, str] = {}

    def delete_then_answer(_n: int, _r: object) -> Reply:
        with session_scope(settings) as session:
            service.delete(session, service.get(session, org.org_id, hook["id"]))
        return Reply()

    receiver = make_receiver(delete_then_answer)
    hook["id"], _ = make_webhook(settings, org.org_id, receiver.url)
    publish(settings, org.org_id, "survey.created", _survey_id())
    (row,) = deliveries_of(settings, hook["id"])
    assert dispatch.drain(hook["id"], settings) == 1
    assert deliveries_of(settings, hook["id"]) == []
    assert len(receiver.received) == 1
