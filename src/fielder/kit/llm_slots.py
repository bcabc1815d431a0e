"""The llm engine's per-org concurrency cap shared by every process of a scaled deployment.

A sorted set per org in Redis holds one member per running model call, scored by when its
lease runs out; a call takes a slot when its member ranks below the cap, and members whose
lease ran out (a process that died mid-call) are dropped on every attempt.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import redis

from fielder.config import Settings
from fielder.engines.llm.client import ModelBusy

#: Seconds between attempts while the org's slots are all taken.
POLL_SECONDS = 0.05

_clients: dict[str, redis.Redis] = {}


class RedisSlots:
    """`Slots` in Redis: at most `cap` model calls per org across all processes."""

    def __init__(self, client: redis.Redis, namespace: str, lease_seconds: float) -> None:
        self.client = client
        self.namespace = namespace
        self.lease_seconds = lease_seconds

    @contextmanager
    def hold(self, org_id: str | None, cap: int, wait: float) -> Iterator[None]:
        """Take one of the org's `cap` slots for the duration (waiting up to `wait` seconds)."""
        if org_id is None:
            yield
            return
        key = f"{self.namespace}:llm:slots:{org_id}"
        token = uuid.uuid4().hex
        deadline = time.monotonic() + wait
        while not self._take(key, token, cap):
            if time.monotonic() >= deadline:
                raise ModelBusy(f"This organization already runs {cap} model calls at once.")
            time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            self.client.zrem(key, token)

    def _take(self, key: str, token: str, cap: int) -> bool:
        now = time.time()
        pipeline = self.client.pipeline(transaction=True)
        pipeline.zremrangebyscore(key, "-inf", now)
        pipeline.zadd(key, {token: now + self.lease_seconds})
        pipeline.zrank(key, token)
        pipeline.expire(key, int(self.lease_seconds) + 1)
        rank = pipeline.execute()[2]
        if rank is not None and int(rank) < cap:
            return True
        self.client.zrem(key, token)
        return False


def redis_slots(settings: Settings) -> RedisSlots | None:
    """The shared slots when the deployment has Redis, else None (each process its own)."""
    if settings.redis_url is None:
        return None
    client = _clients.get(settings.redis_url)
    if client is None:
        client = _clients.setdefault(settings.redis_url, redis.Redis.from_url(settings.redis_url))
    # A call holds its slot for at most its timeout on each try; twice that, to be safe.
    lease = 2 * settings.llm_timeout_seconds * (settings.llm_max_retries + 1) + 30
    return RedisSlots(client, settings.namespace, lease)
