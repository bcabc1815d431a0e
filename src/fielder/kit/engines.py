"""The engine for an org's work, with the org's LLM switch read from the database."""

from __future__ import annotations

from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.engines.base import Engine
from fielder.engines.choice import engine_for
from fielder.models.organization import Organization


def org_engine(
    session: Session, org_id: str, name: str, settings: Settings | None = None
) -> Engine:
    """The engine `name` as org `org_id` may use it (builtin when its LLM is turned off)."""
    org = session.get(Organization, org_id)
    enabled = org is None or org.llm_enabled
    return engine_for(name, org_id=org_id, llm_enabled=enabled, settings=settings)
