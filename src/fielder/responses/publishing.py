"""Publishing: a survey going `live` snapshots its platform IR for the respondent flow.

The programming domain's status change calls `publish` (→ live) and `unpublish` (→ closed).
Respondents answer the newest publication: later edits of the IR change nothing they see
until the survey is published again, and the question versions they saw are in the snapshot.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.errors import Conflict, Unprocessable
from fielder.ir.models import Survey as IRSurvey
from fielder.models.publication import Publication
from fielder.models.quota_count import QuotaCount
from fielder.models.survey import Survey


def publish(session: Session, survey: Survey) -> Publication:
    """Snapshot the survey's platform IR as its new live publication; 409 if it has no IR."""
    if survey.platform_ir is None:
        raise Conflict("not_programmed", "The survey has no IR to publish yet.")
    document = _checked(survey.platform_ir)
    _close_open(session, survey.id)
    publication = Publication(
        org_id=survey.org_id,
        survey_id=survey.id,
        slug=survey.slug,
        version=_next_version(session, survey.id),
        ir=document,
        checksum=_checksum(document),
        published_at=utcnow(),
    )
    session.add(publication)
    _ensure_quota_rows(session, survey.id, document)
    session.flush()
    return publication


def unpublish(session: Session, survey: Survey) -> None:
    """Stop fielding: the open publication ends; responses stay."""
    _close_open(session, survey.id)
    session.flush()


def live_publication(session: Session, survey_id: str) -> Publication | None:
    """The publication respondents answer now, if any."""
    statement = (
        select(Publication)
        .where(Publication.survey_id == survey_id, Publication.unpublished_at.is_(None))
        .order_by(Publication.version.desc())
        .limit(1)
    )
    return session.scalars(statement).first()


def _checked(document: dict[str, Any]) -> dict[str, Any]:
    try:
        return IRSurvey.model_validate(document).to_json()
    except ValueError as error:
        raise Unprocessable(
            "invalid_ir", f"The survey's IR cannot be published: {error}"
        ) from error


def _close_open(session: Session, survey_id: str) -> None:
    session.execute(
        update(Publication)
        .where(Publication.survey_id == survey_id, Publication.unpublished_at.is_(None))
        .values(unpublished_at=utcnow())
    )


def _next_version(session: Session, survey_id: str) -> int:
    current = session.scalar(
        select(func.max(Publication.version)).where(Publication.survey_id == survey_id)
    )
    return int(current or 0) + 1


def _ensure_quota_rows(session: Session, survey_id: str, document: dict[str, Any]) -> None:
    """Every quota gets its count row now, so completes only ever UPDATE it."""
    wanted = {quota["id"] for quota in document.get("quotas", [])}
    existing = set(
        session.scalars(select(QuotaCount.quota_id).where(QuotaCount.survey_id == survey_id))
    )
    for quota_id in sorted(wanted - existing):
        session.add(QuotaCount(survey_id=survey_id, quota_id=quota_id, count=0))


def _checksum(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
