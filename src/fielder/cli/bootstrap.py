"""First-start set-up shared by `serve` and `init`: migrate, then an org and an all-scope key."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from fielder.config import Settings
from fielder.db.migrate import upgrade
from fielder.db.session import session_scope
from fielder.keys import service
from fielder.models.organization import Organization


@dataclass(frozen=True)
class Credentials:
    """An org id and a key secret, printed once."""

    org_id: str
    api_key: str


def create_org_with_key(settings: Settings, name: str = "Default") -> Credentials:
    """Create an org and an all-scope key on the settings' database."""
    with session_scope(settings) as session:
        org = service.create_org(session, name)
        new = service.create_key(session, org.id, f"{name} admin key")
        return Credentials(org_id=org.id, api_key=new.secret)


def first_start(settings: Settings) -> Credentials | None:
    """Migrate; on an empty database create the first org and key and give them, else None."""
    upgrade(settings)
    with session_scope(settings) as session:
        if session.scalar(select(func.count()).select_from(Organization)):
            return None
    return create_org_with_key(settings)
