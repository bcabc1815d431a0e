"""A response as the respondent flow handles it: a `responses` row as a dict keyed by column
name, read and written with Core statements (loading and flushing ORM objects cost several
times the statements themselves), and its API view.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from sqlalchemy import Table
from sqlalchemy.orm import Session, make_transient_to_detached

from fielder.models.response import Response

#: A response row: column name → value (the `metadata` column is the ORM's `meta`).
Record = dict[str, Any]

TABLE: Final[Table] = Response.__table__  # type: ignore[assignment]
_ATTRIBUTE_OF: Final = {column.name: key for key, column in Response.__mapper__.columns.items()}


def of_row(row: Any) -> Record:
    """The record of a result row of `TABLE`'s columns."""
    return dict(row._mapping)


def api_view(record: Record) -> dict[str, Any]:
    """The API's JSON view of a response: what `ResponseRead.of(row).model_dump(mode="json")`
    gives, built directly (the flow answers with it and puts it in its events)."""
    return {
        "id": record["id"],
        "survey_id": record["survey_id"],
        "respondent_token": record["respondent_token"],
        "respondent_email": record["respondent_email"],
        "answers": record["answers"] or {},
        "question_versions": record["question_versions"] or {},
        "ai_conversation": record["ai_conversation"] or [],
        "ai_cost_cents": record["ai_cost_cents"],
        "metadata": record["metadata"] or {},
        "status": record["status"],
        "outcome": record["outcome"],
        "started_at": _time(record["started_at"]),
        "completed_at": _time(record["completed_at"]),
        "created_at": _time(record["created_at"]),
        "updated_at": _time(record["updated_at"]),
    }


def _time(value: datetime | None) -> str | None:
    """ISO 8601 as pydantic writes it: `Z` for UTC."""
    if value is None:
        return None
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def as_orm(session: Session, record: Record) -> Response:
    """The session's `Response` object holding `record` (a loaded copy is brought up to date),
    without a query: for callers that work with ORM objects (the respondent page)."""
    row = Response(**{_ATTRIBUTE_OF[name]: value for name, value in record.items()})
    make_transient_to_detached(row)
    return session.merge(row, load=False)
