"""Org-scoped queries: every org-owned lookup goes through these so another org's row is 404.

survey = get_owned(session, Survey, survey_id, principal.org_id, "survey_not_found")
stmt = owned(Survey, principal.org_id).order_by(Survey.created_at.desc())
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from fielder.db.base import Base
from fielder.errors import NotFound

# Any table with an `org_id` column.
M = TypeVar("M", bound=Base)


def owned(model: type[M], org_id: str) -> Select[M]:
    """A select of `model` rows belonging to org `org_id`."""
    column: Any = getattr(model, "org_id")  # noqa: B009 (models are typed one by one)
    return select(model).where(column == org_id)


def get_owned(
    session: Session, model: type[M], object_id: Any, org_id: str, code: str = "not_found"
) -> M:
    """The row `object_id` of `model` if org `org_id` owns it; else 404 `code` (never 403)."""
    row = session.get(model, object_id)
    if row is None or getattr(row, "org_id", None) != org_id:
        name = getattr(model, "__tablename__", model.__name__).removesuffix("s").replace("_", " ")
        raise NotFound(code, f"No {name} '{object_id}'.")
    return row
