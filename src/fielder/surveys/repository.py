"""Queries of the `surveys` table."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fielder.models.survey import Survey


def get_for_org(
    session: Session, org_id: str, survey_id: str, *, lock: bool = False
) -> Survey | None:
    """The survey `survey_id` when it belongs to `org_id` (optionally row-locked), else None."""
    query = select(Survey).where(Survey.id == survey_id, Survey.org_id == org_id)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def get_by_slug(session: Session, slug: str) -> Survey | None:
    """The survey with this slug, any org (slugs are unique server-wide)."""
    return session.scalars(select(Survey).where(Survey.slug == slug)).first()


def slugs_starting_with(session: Session, base: str) -> set[str]:
    """Every slug in use that starts with `base` (to pick a free numeric suffix in one query)."""
    pattern = base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return set(session.scalars(select(Survey.slug).where(Survey.slug.like(pattern, escape="\\"))))


def list_query(org_id: str, status: str | None) -> Select[Survey]:
    """The org's surveys, newest first, optionally of one status."""
    query = select(Survey).where(Survey.org_id == org_id)
    if status is not None:
        query = query.where(Survey.status == status)
    return query.order_by(Survey.created_at.desc(), Survey.id)
