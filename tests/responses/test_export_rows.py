"""Reading a survey's responses for an export: order, batches fetched ahead, early stop."""

from __future__ import annotations

import threading
from datetime import timedelta

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.response import Response
from fielder.responses import service
from tests.responses.conftest import MakeLive

COUNT = 25


def _fill(settings: Settings, make_live: MakeLive) -> str:
    live = make_live()
    began = utcnow()
    with session_scope(settings) as session:
        for number in range(COUNT):
            at = began + timedelta(seconds=number)
            session.add(
                Response(
                    org_id=live.org.org_id,
                    survey_id=live.survey_id,
                    answers={"S1": str(number % 3 + 1), "Q4": number},
                    status="completed",
                    outcome="complete",
                    started_at=at,
                    completed_at=at,
                    last_saved_at=at,
                    created_at=at,
                )
            )
    return live.survey_id


def test_rows_come_oldest_first_across_batches(settings: Settings, make_live: MakeLive) -> None:
    survey_id = _fill(settings, make_live)
    rows = list(service.export_rows(settings, survey_id, batch=4))
    assert [row.answers["Q4"] for row in rows] == list(range(COUNT))
    assert all(row.status == "completed" and row.completed_at is not None for row in rows)


def test_stopping_early_ends_the_fetching_thread(settings: Settings, make_live: MakeLive) -> None:
    survey_id = _fill(settings, make_live)
    before = threading.active_count()
    rows = service.export_rows(settings, survey_id, batch=2)
    assert [next(rows).answers["Q4"] for _ in range(3)] == [0, 1, 2]
    rows.close()  # what a client that goes away mid-download leads to
    assert threading.active_count() == before


def test_a_survey_without_responses_gives_no_rows(settings: Settings, make_live: MakeLive) -> None:
    assert list(service.export_rows(settings, make_live().survey_id)) == []
