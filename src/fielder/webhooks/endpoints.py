"""Routes of /api/v1/webhooks (scope webhooks:write): subscriptions, secrets, tests, deliveries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from fielder.config import Settings, get_settings
from fielder.db.session import get_session
from fielder.keys.auth import Principal, require_scope
from fielder.kit.pagination import PageParams, paginate
from fielder.webhooks import service
from fielder.webhooks.schemas import (
    DeliveryRead,
    DeliveryStatus,
    WebhookCreate,
    WebhookRead,
    WebhookUpdate,
    WebhookWithSecret,
)

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

DB = Annotated[Session, Depends(get_session)]
Writer = Annotated[Principal, Depends(require_scope("webhooks:write"))]


def _settings(request: Request) -> Settings:
    return getattr(request.app.state, "settings", None) or get_settings()


AppSettings = Annotated[Settings, Depends(_settings)]
Pages = Annotated[PageParams, Depends()]


def _with_secret(webhook: Any) -> dict[str, Any]:
    shown = WebhookWithSecret.model_validate(webhook).model_dump(mode="json")
    return {"data": shown}


@router.post("", status_code=201)
def create_webhook(
    body: WebhookCreate, principal: Writer, session: DB, settings: AppSettings
) -> dict[str, Any]:
    """Subscribe a URL to events (`events: []` = every event); the secret is shown only here
    and on rotate."""
    return _with_secret(service.create(session, settings, principal.org_id, body))


@router.get("")
def list_webhooks(principal: Writer, session: DB, params: Pages) -> dict[str, Any]:
    """The org's webhooks, newest first, paginated (never their secrets)."""
    return paginate(session, service.list_statement(principal.org_id), params, WebhookRead.of)


@router.get("/{webhook_id}")
def get_webhook(webhook_id: str, principal: Writer, session: DB) -> dict[str, Any]:
    """One webhook of the org."""
    return {"data": WebhookRead.of(service.get(session, principal.org_id, webhook_id))}


@router.patch("/{webhook_id}")
def update_webhook(
    webhook_id: str, body: WebhookUpdate, principal: Writer, session: DB, settings: AppSettings
) -> dict[str, Any]:
    """Change url, events, description or active (true re-enables a disabled webhook)."""
    webhook = service.get(session, principal.org_id, webhook_id)
    return {"data": WebhookRead.of(service.update(session, settings, webhook, body))}


@router.delete("/{webhook_id}", status_code=204, response_class=Response)
def delete_webhook(webhook_id: str, principal: Writer, session: DB) -> Response:
    """Delete a webhook and its delivery log."""
    service.delete(session, service.get(session, principal.org_id, webhook_id))
    return Response(status_code=204)


@router.post("/{webhook_id}/rotate-secret")
def rotate_secret(webhook_id: str, principal: Writer, session: DB) -> dict[str, Any]:
    """A new signing secret (shown in this answer only); the old one stops being used."""
    webhook = service.get(session, principal.org_id, webhook_id)
    return _with_secret(service.rotate_secret(session, webhook))


@router.post("/{webhook_id}/test", status_code=202)
def test_webhook(webhook_id: str, principal: Writer, session: DB) -> dict[str, Any]:
    """Queue a synthetic `webhook.test` event to this webhook; follow it in its deliveries."""
    webhook = service.get(session, principal.org_id, webhook_id)
    return {"data": DeliveryRead.of(service.send_test(session, webhook))}


@router.get("/{webhook_id}/deliveries")
def list_deliveries(
    webhook_id: str,
    principal: Writer,
    session: DB,
    params: Pages,
    status: Annotated[DeliveryStatus | None, Query()] = None,
    event: Annotated[str | None, Query(max_length=100)] = None,
) -> dict[str, Any]:
    """The webhook's deliveries, newest first: status, attempt, status code, duration, error
    and the first 1 KB of the last reply."""
    webhook = service.get(session, principal.org_id, webhook_id)
    statement = service.deliveries_statement(webhook, status, event)
    return paginate(session, statement, params, DeliveryRead.of)


@router.get("/{webhook_id}/deliveries/{delivery_id}")
def get_delivery(
    webhook_id: str, delivery_id: str, principal: Writer, session: DB
) -> dict[str, Any]:
    """One delivery of the webhook, with every attempt."""
    webhook = service.get(session, principal.org_id, webhook_id)
    return {"data": DeliveryRead.of(service.get_delivery(session, webhook, delivery_id))}


@router.post("/{webhook_id}/deliveries/{delivery_id}/redeliver", status_code=202)
def redeliver(webhook_id: str, delivery_id: str, principal: Writer, session: DB) -> dict[str, Any]:
    """Send a delivered or failed delivery again (same id and body, fresh retry schedule)."""
    webhook = service.get(session, principal.org_id, webhook_id)
    row = service.get_delivery(session, webhook, delivery_id)
    return {"data": DeliveryRead.of(service.redeliver(session, webhook, row))}
