"""Concurrent requests through a real server: one complete wins, quotas stay exact."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.survey import Survey
from fielder.responses import quotas
from tests.responses.conftest import MakeLive

THREADS = 8


def _count(settings: Settings, survey_id: str) -> int:
    with session_scope(settings) as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        return survey.response_count


def _started(http: httpx.Client, path: str, answers: dict[str, Any]) -> str:
    rid: str = http.post(f"{path}/responses", json={}).json()["data"]["id"]
    assert http.patch(f"{path}/responses/{rid}", json={"answers": answers}).status_code == 200
    return rid


def test_parallel_completes_of_one_response_count_once(
    live_server: str, make_live: MakeLive, settings: Settings
) -> None:
    live = make_live()
    path = f"{live_server}{live.public}"
    with httpx.Client(timeout=30) as http:
        rid = _started(http, path, {"S1": "2", "S2": "1"})
        with ThreadPoolExecutor(THREADS) as pool:
            replies = list(
                pool.map(lambda _: http.post(f"{path}/responses/{rid}/complete"), range(THREADS))
            )
    assert [reply.status_code for reply in replies] == [200] * THREADS
    stamps = {reply.json()["data"]["completed_at"] for reply in replies}
    assert len(stamps) == 1
    assert _count(settings, live.survey_id) == 1


def test_quota_is_exact_under_parallel_completes(
    live_server: str, make_live: MakeLive, settings: Settings
) -> None:
    live = make_live()  # quota QT1: women, limit 2
    path = f"{live_server}{live.public}"
    with httpx.Client(timeout=30) as http:
        ids = [_started(http, path, {"S1": "2", "S2": "2"}) for _ in range(THREADS)]
        with ThreadPoolExecutor(THREADS) as pool:
            replies = list(pool.map(lambda rid: http.post(f"{path}/responses/{rid}/complete"), ids))
    assert [reply.status_code for reply in replies] == [200] * THREADS
    outcomes = sorted(reply.json()["data"]["outcome"] for reply in replies)
    assert outcomes == ["complete", "complete"] + ["over_quota"] * (THREADS - 2)
    with session_scope(settings) as session:
        assert quotas.counts(session, live.survey_id) == {"QT1": 2}
    assert _count(settings, live.survey_id) == THREADS


def test_parallel_completes_of_one_response_take_one_quota_place(
    live_server: str, make_live: MakeLive, settings: Settings
) -> None:
    live = make_live()  # the respondent is a woman: quota QT1 counts her, once
    path = f"{live_server}{live.public}"
    with httpx.Client(timeout=30) as http:
        rid = _started(http, path, {"S1": "2", "S2": "2"})
        with ThreadPoolExecutor(THREADS) as pool:
            replies = list(
                pool.map(lambda _: http.post(f"{path}/responses/{rid}/complete"), range(THREADS))
            )
    assert [reply.status_code for reply in replies] == [200] * THREADS
    assert {reply.json()["data"]["outcome"] for reply in replies} == {"complete"}
    with session_scope(settings) as session:
        assert quotas.counts(session, live.survey_id) == {"QT1": 1}
    assert _count(settings, live.survey_id) == 1


def test_parallel_completes_of_many_responses_each_count_once(
    live_server: str, make_live: MakeLive, settings: Settings
) -> None:
    """The counts leave with the COMMIT (one round trip on PostgreSQL): each complete still
    moves the survey's count once, in the transaction of its claim and its event."""
    from sqlalchemy import func, select

    from fielder.models.event import Event

    live = make_live()
    path = f"{live_server}{live.public}"
    with httpx.Client(timeout=30) as http:
        # 12 starts and 12 completes: under the public_start limit (30 a minute per IP)
        ids = [_started(http, path, {"S1": "2", "S2": "1"}) for _ in range(THREADS + 4)]
        with ThreadPoolExecutor(THREADS) as pool:
            replies = list(pool.map(lambda rid: http.post(f"{path}/responses/{rid}/complete"), ids))
    assert [reply.status_code for reply in replies] == [200] * len(ids)
    assert _count(settings, live.survey_id) == len(ids)
    with session_scope(settings) as session:
        events = session.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.survey_id == live.survey_id, Event.name == "response.completed")
        )
    assert events == len(ids)
