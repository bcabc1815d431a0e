"""The retry schedule: API.md § 10 by default, a setting, each delay jittered by ± 20 %."""

from __future__ import annotations

import pytest

from fielder.config import Settings
from fielder.webhooks.delivery import JITTER, retry_delay


def test_the_default_is_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIELDER_WEBHOOK_RETRY_SCHEDULE")  # set short for the other tests
    monkeypatch.delenv("FIELDER_WEBHOOK_TIMEOUT_SECONDS")
    assert Settings().webhook_retry_schedule == [1, 2, 4, 8, 30, 120, 600, 3600]
    assert Settings().webhook_timeout_seconds == 30


def test_the_schedule_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDER_WEBHOOK_RETRY_SCHEDULE", "[0.5, 5]")
    assert Settings().webhook_retry_schedule == [0.5, 5]


def test_each_delay_is_jittered_around_the_schedule() -> None:
    settings = Settings(webhook_retry_schedule=[1, 30, 3600])
    for attempt, base in enumerate([1, 30, 3600], start=1):
        delays = [retry_delay(settings, attempt) for _ in range(200)]
        assert all(
            d is not None and base * (1 - JITTER) <= d <= base * (1 + JITTER) for d in delays
        )
        assert len(set(delays)) > 100  # not the same instant for every delivery
    assert retry_delay(settings, 4) is None  # the fourth attempt was the last
