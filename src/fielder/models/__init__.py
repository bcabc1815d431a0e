"""Every table of fielder, one module each; importing this package registers them all on `Base`."""

from fielder.db.base import Base
from fielder.models.api_key import ApiKey
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.event import Event
from fielder.models.file import File
from fielder.models.idempotency_record import IdempotencyRecord
from fielder.models.integration import Integration
from fielder.models.job import Job
from fielder.models.organization import Organization
from fielder.models.publication import Publication
from fielder.models.quota_count import QuotaCount
from fielder.models.respondent import Respondent
from fielder.models.response import Response
from fielder.models.snapshot import Snapshot
from fielder.models.source import Source
from fielder.models.survey import Survey
from fielder.models.webhook import Webhook
from fielder.models.webhook_delivery import WebhookDelivery

__all__ = [
    "ApiKey",
    "Base",
    "Change",
    "Changeset",
    "Event",
    "File",
    "IdempotencyRecord",
    "Integration",
    "Job",
    "Organization",
    "Publication",
    "QuotaCount",
    "Respondent",
    "Response",
    "Snapshot",
    "Source",
    "Survey",
    "Webhook",
    "WebhookDelivery",
]
