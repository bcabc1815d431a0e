"""What one exported row holds, and how answers become flat cells.

The CSV and XLSX exports have one column per question (`answer:<question_id>`); the SPSS export
spreads multi, grid, ranking and constant-sum answers over one column each (see `sav`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from fielder.ir.models import Question, Survey

#: The response's own columns, before the answers (API.md § 9).
META_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "respondent_email",
    "respondent_token",
    "status",
    "outcome",
    "started_at",
    "completed_at",
    "created_at",
)

#: Question types that never hold an answer.
NO_ANSWER_TYPES: Final[frozenset[str]] = frozenset({"display"})


@dataclass(frozen=True, slots=True)
class ResponseRow:
    """One response as the exports see it: its own fields and its answers by question id."""

    id: str
    status: str
    respondent_email: str | None = None
    respondent_token: str | None = None
    outcome: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    created_at: datetime | None = None
    answers: dict[str, Any] = field(default_factory=dict)

    def meta(self) -> tuple[Any, ...]:
        """The values of `META_COLUMNS`, in order."""
        return (
            self.id,
            self.respondent_email,
            self.respondent_token,
            self.status,
            self.outcome,
            self.started_at,
            self.completed_at,
            self.created_at,
        )


def answered_questions(survey: Survey) -> list[Question]:
    """The questions that can hold an answer, in document order."""
    return [q for q in survey.questions() if q.type not in NO_ANSWER_TYPES]


def answer_columns(survey: Survey) -> list[str]:
    """The answer column names of the CSV/XLSX exports: `answer:<question_id>`."""
    return [f"answer:{q.id}" for q in answered_questions(survey)]


_NO_OFFSET: Final = timedelta(0)


def iso_time(value: datetime) -> str:
    """An ISO 8601 UTC time with a `Z`, as everywhere in the API."""
    if value.utcoffset() == _NO_OFFSET:  # what the database gives back: no conversion needed
        return value.replace(tzinfo=None).isoformat() + "Z"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def number_text(value: int | float) -> str:
    """A number as text without a spurious `.0` on whole floats."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _compact_encoder() -> Callable[[Any], str]:
    """`json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)`, faster.

    `JSONEncoder.encode` builds a new C encoder on every call, which costs more than encoding
    a small answer; the C encoder is built once here (no cycle check: values come from JSON).
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    fallback = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode
    if make is None:
        return fallback
    encode = make(None, str, json.encoder.encode_basestring, None, ":", ",", False, False, True)

    def text(value: Any) -> str:
        if type(value) is str:
            return fallback(value)
        return "".join(encode(value, 0))

    return text


#: Compact JSON text of an answer, non-ASCII kept (every cell of the exports that holds JSON).
json_text = _compact_encoder()


def flat_text(value: Any) -> str | int | float | None:
    """An answer as one cell: lists joined with `;`, objects JSON-encoded, numbers kept numbers."""
    kind = type(value)
    if kind is str or kind is int or kind is float or value is None:
        return value  # type: ignore[no-any-return]
    if kind is list:
        return ";".join([_list_item(item) for item in value])
    if kind is dict:
        return json_text(value)
    if kind is bool:
        return "true" if value else "false"
    if isinstance(value, datetime):
        return iso_time(value)
    return str(value)


def _list_item(item: Any) -> str:
    kind = type(item)
    if kind is str:
        return item  # type: ignore[no-any-return]
    if kind is dict or kind is list:
        return json_text(item)
    if kind is int or kind is float:
        return number_text(item)
    return str(item)


def row_cells(row: ResponseRow, questions: list[Question]) -> list[str | int | float | None]:
    """The cells of one row: the meta columns then one cell per answered question."""
    get = row.answers.get
    return [flat_text(value) for value in row.meta()] + [flat_text(get(q.id)) for q in questions]
