"""The in-memory limiter storage: counts like `limits`' own, without a timer thread per hit."""

from __future__ import annotations

import threading
import time

import pytest
from limits import parse

from fielder.kit.ratelimit import _SweptMemoryStorage


def test_counts_and_expires_like_the_library() -> None:
    storage = _SweptMemoryStorage()
    item = parse("2/second")
    key = item.key_for("bucket", "who")
    assert [storage.incr(key, item.get_expiry()) for _ in range(3)] == [1, 2, 3]
    assert storage.get_expiry(key) > time.time()
    time.sleep(1.1)
    assert storage.get(key) == 0  # the window has passed
    assert storage.incr(key, item.get_expiry()) == 1


def test_hits_start_no_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    storage = _SweptMemoryStorage()
    started: list[str] = []
    original = threading.Thread.start

    def counting_start(thread: threading.Thread) -> None:
        started.append(thread.name)
        original(thread)

    monkeypatch.setattr(threading.Thread, "start", counting_start)
    item = parse("1000/minute")
    for n in range(20):
        storage.incr(item.key_for("bucket", str(n)), item.get_expiry())
        time.sleep(0.015)  # longer than the library's 10 ms timer: it would start one each time
    assert started == []
