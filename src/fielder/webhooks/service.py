"""The rules of webhook subscriptions: create, change, rotate, test, delete, list deliveries.

Every function takes the caller's org: another org's webhook is 404, as if it did not exist.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.errors import Conflict, NotFound, Unprocessable
from fielder.models.webhook import Webhook
from fielder.models.webhook_delivery import WebhookDelivery
from fielder.webhooks import delivery, urls
from fielder.webhooks.schemas import WebhookCreate, WebhookUpdate
from fielder.webhooks.sender import new_secret


def _check_url(url: str, settings: Settings) -> None:
    try:
        urls.check_on_save(url, settings.webhook_allow_private)
    except urls.RefusedUrl as refused:
        detail = {"field": "url", "in": "body", "message": str(refused), "type": "url_refused"}
        raise Unprocessable("invalid_webhook_url", str(refused), details=[detail]) from refused


def create(session: Session, settings: Settings, org_id: str, body: WebhookCreate) -> Webhook:
    """A new active webhook of the org with a fresh secret."""
    _check_url(body.url, settings)
    webhook = Webhook(
        org_id=org_id, url=body.url, events=body.events, description=body.description,
        secret=new_secret(), active=True, failure_count=0,
    )  # fmt: skip
    session.add(webhook)
    session.flush()
    return webhook


def get(session: Session, org_id: str, webhook_id: str) -> Webhook:
    """The org's webhook `webhook_id`, or 404."""
    webhook = session.get(Webhook, webhook_id) if len(webhook_id) <= 36 else None
    if webhook is None or webhook.org_id != org_id:
        raise NotFound("not_found", f"No webhook {webhook_id[:64]}.")
    return webhook


def list_statement(org_id: str) -> Select[Webhook]:
    """The org's webhooks, newest first."""
    return (
        select(Webhook)
        .where(Webhook.org_id == org_id)
        .order_by(Webhook.created_at.desc(), Webhook.id.desc())
    )


def update(session: Session, settings: Settings, webhook: Webhook, body: WebhookUpdate) -> Webhook:
    """Change the fields sent; `active: true` re-enables and clears the failure count."""
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if changes.get("url") is not None:
        _check_url(changes["url"], settings)
        webhook.url = changes["url"]
    if changes.get("events") is not None:
        webhook.events = changes["events"]
    if "description" in changes:
        webhook.description = changes["description"]
    if changes.get("active") is True and not webhook.active:
        webhook.active, webhook.disabled_reason, webhook.failure_count = True, None, 0
    elif changes.get("active") is False and webhook.active:
        webhook.active, webhook.disabled_reason = False, "disabled_by_user"
    session.flush()
    return webhook


def rotate_secret(session: Session, webhook: Webhook) -> Webhook:
    """A new secret; every attempt from now on, retries included, is signed with it."""
    webhook.secret = new_secret()
    session.flush()
    return webhook


def send_test(session: Session, webhook: Webhook) -> WebhookDelivery:
    """Queue a `webhook.test` delivery to this webhook (409 when it is disabled)."""
    if not webhook.active:
        raise Conflict("webhook_inactive", "The webhook is disabled; enable it first.")
    return delivery.queue_test(session, webhook)


def get_delivery(session: Session, webhook: Webhook, delivery_id: str) -> WebhookDelivery:
    """The webhook's delivery `delivery_id`, or 404."""
    row = session.get(WebhookDelivery, delivery_id) if len(delivery_id) <= 36 else None
    if row is None or row.webhook_id != webhook.id:
        raise NotFound("not_found", f"No delivery {delivery_id[:64]} of this webhook.")
    return row


def redeliver(session: Session, webhook: Webhook, row: WebhookDelivery) -> WebhookDelivery:
    """Send a finished delivery again, the same bytes with a fresh retry schedule (409 while
    it is still waiting or in flight, or when the webhook is disabled)."""
    if not webhook.active:
        raise Conflict("webhook_inactive", "The webhook is disabled; enable it first.")
    if row.status not in {"delivered", "failed"}:
        raise Conflict("delivery_not_finished", f"The delivery is {row.status}.")
    delivery.queue_again(session, row)
    return row


def delete(session: Session, webhook: Webhook) -> None:
    """Delete the webhook and its deliveries (nothing more is sent to it)."""
    session.delete(webhook)
    session.flush()


def deliveries_statement(
    webhook: Webhook, status: str | None, event: str | None
) -> Select[WebhookDelivery]:
    """The webhook's deliveries, newest first, optionally of one status or event."""
    statement = select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook.id)
    if status is not None:
        statement = statement.where(WebhookDelivery.status == status)
    if event is not None:
        statement = statement.where(WebhookDelivery.event_name == event)
    return statement.order_by(
        WebhookDelivery.created_at.desc(), WebhookDelivery.event_seq.desc(), WebhookDelivery.id
    )
