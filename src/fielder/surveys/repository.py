"""Queries of the `surveys` table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, Row, and_, bindparam, select
from sqlalchemy.orm import Session

from fielder.kit.pagination import PagedSelect, PageParams, paginate
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


_NEWEST_FIRST = (Survey.created_at.desc(), Survey.id)
#: A listed survey's columns: all but the IR itself, which can be large and of which a list
#: shows only whether it can be read (`Survey.platform_ir_available`, in SQL: the IR is only
#: ever stored as an object, never as JSON null, so SQL NULL is Python's None).
_LISTED = select(
    *(column for column in Survey.__table__.c if column.key != "platform_ir"),
    and_(Survey.platform_ir.is_not(None), Survey.target_platform.is_not(None)).label(
        "platform_ir_available"
    ),
)
# Built once (values bound per request): building a statement costs more than running it.
_ALL: PagedSelect[Any] = PagedSelect(
    _LISTED.where(Survey.org_id == bindparam("org_id")).order_by(*_NEWEST_FIRST)
)
_BY_STATUS: PagedSelect[Any] = PagedSelect(
    _LISTED.where(
        Survey.org_id == bindparam("org_id"), Survey.status == bindparam("status")
    ).order_by(*_NEWEST_FIRST)
)


def list_query(org_id: str, status: str | None) -> tuple[PagedSelect[Any], dict[str, Any]]:
    """The org's surveys, newest first, optionally of one status: the statement of a page of
    listed rows (`_LISTED`) for `paginate` and its bound values."""
    if status is None:
        return _ALL, {"org_id": org_id}
    return _BY_STATUS, {"org_id": org_id, "status": status}


def list_page(
    engine: Engine,
    org_id: str,
    status: str | None,
    params: PageParams,
    to_schema: Callable[[Row[Any]], Any],
) -> dict[str, Any]:
    """A page of the org's surveys (as `list_query`), each `Row` passed through `to_schema`.

    Read on a pooled connection, not a Session: the Session's set-up, transaction and close
    cost more than the query (GET /surveys is the busiest authenticated read). On PostgreSQL
    the connection reads in autocommit, as a read session's does: no BEGIN, no ROLLBACK; the
    pool turns autocommit off again as it takes the connection back (`db.session`).
    """
    query, values = list_query(org_id, status)
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            driver = connection.connection.dbapi_connection
            if driver is not None and not driver.autocommit:
                driver.autocommit = True  # idle: psycopg sends nothing
        return paginate(connection, query, params, to_schema, values)
