"""Bodies of the respondents routes."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel

from fielder.models.respondent import Respondent


class RespondentRead(BaseModel):
    """An invitation as the API shows it."""

    id: str
    email: str
    token: str
    status: Literal["invited", "opened", "completed"]
    invited_at: datetime
    response_id: str | None
    url: str
    metadata: dict[str, Any]

    @classmethod
    def of(cls, row: Respondent, url: str) -> RespondentRead:
        """The API view of a stored invitation with its link."""
        return cls(
            id=row.id,
            email=row.email,
            token=row.token,
            status=row.status,
            invited_at=row.invited_at,
            response_id=row.response_id,
            url=url,
            metadata=row.meta or {},
        )


class RespondentEnvelope(BaseModel):
    """`{"data": <respondent>}`."""

    data: RespondentRead
