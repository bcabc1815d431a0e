"""The engine for an org's work, with the org's LLM switch read from the database."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fielder.config import Settings, get_settings
from fielder.engines.base import Engine
from fielder.engines.choice import engine_for
from fielder.kit.llm_slots import redis_slots
from fielder.models.organization import Organization


def org_engine(
    session: Session, org_id: str, name: str, settings: Settings | None = None
) -> Engine:
    """The engine `name` as org `org_id` may use it (builtin when its LLM is turned off)."""
    org = session.get(Organization, org_id)
    enabled = org is None or org.llm_enabled
    slots = redis_slots(settings or get_settings()) if name == "llm" and enabled else None
    return engine_for(name, org_id=org_id, llm_enabled=enabled, settings=settings, slots=slots)
