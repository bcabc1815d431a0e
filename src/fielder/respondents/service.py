"""The rules of invitations: one token per respondent, one response per token."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.models.respondent import Respondent
from fielder.models.survey import Survey


def invite(
    session: Session, survey: Survey, email: str, metadata: dict[str, Any] | None
) -> Respondent:
    """A new invitation of `email` to the survey, with a fresh unguessable token."""
    respondent = Respondent(
        org_id=survey.org_id,
        survey_id=survey.id,
        email=email.strip(),
        token=secrets.token_urlsafe(24),
        status="invited",
        invited_at=utcnow(),
        meta=metadata or {},
    )
    session.add(respondent)
    session.flush()
    return respondent


def list_statement(survey_id: str) -> Any:
    """A survey's respondents, newest invitation first."""
    return (
        select(Respondent)
        .where(Respondent.survey_id == survey_id)
        .order_by(Respondent.invited_at.desc(), Respondent.id)
    )


def personal_url(public_base_url: str, slug: str, token: str) -> str:
    """The respondent's link: `{public_base_url}/s/{slug}/{token}`."""
    return f"{public_base_url.rstrip('/')}/s/{slug}/{token}"
