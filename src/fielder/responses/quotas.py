"""Quota counts, exact under concurrency.

A count only moves through `UPDATE quota_counts SET count = count + 1 WHERE … AND count < limit`:
on PostgreSQL the row lock makes a concurrent complete wait and re-check the limit; on SQLite
writers are serialised by the database lock. A response that meets a full quota is
`over_quota` (or `screened_out`, as the quota says) and moves no other count.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Quota
from fielder.models.quota_count import QuotaCount
from fielder.responses import logic


def count_complete(
    session: Session, survey_id: str, evaluator: Evaluator, answers: dict[str, Any]
) -> str:
    """Count a complete in every quota it meets; gives the outcome (`complete` or the action)."""
    met = logic.quotas_met(evaluator, answers)
    if not met:
        return "complete"
    savepoint = session.begin_nested()
    for quota in met:
        if not _take_place(session, survey_id, quota):
            savepoint.rollback()
            return quota.action
    savepoint.commit()
    return "complete"


def _take_place(session: Session, survey_id: str, quota: Quota) -> bool:
    _ensure_row(session, survey_id, quota.id)
    result = session.execute(
        update(QuotaCount)
        .where(
            QuotaCount.survey_id == survey_id,
            QuotaCount.quota_id == quota.id,
            QuotaCount.count < quota.limit,
        )
        .values(count=QuotaCount.count + 1)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def _ensure_row(session: Session, survey_id: str, quota_id: str) -> None:
    """Publishing creates the rows; a quota added without republishing gets one here."""
    found = session.scalar(
        select(QuotaCount.quota_id).where(
            QuotaCount.survey_id == survey_id, QuotaCount.quota_id == quota_id
        )
    )
    if found is None:
        try:
            with session.begin_nested():
                session.add(QuotaCount(survey_id=survey_id, quota_id=quota_id, count=0))
        except IntegrityError:
            pass  # a concurrent complete made the row first


def counts(session: Session, survey_id: str) -> dict[str, int]:
    """The current count of each quota of a survey."""
    rows = session.execute(
        select(QuotaCount.quota_id, QuotaCount.count).where(QuotaCount.survey_id == survey_id)
    )
    return {str(quota_id): int(count) for quota_id, count in rows}
