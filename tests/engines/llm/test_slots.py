"""The per-org cap shared through Redis (scaled mode); runs when FIELDER_TEST_REDIS_URL is set."""

from __future__ import annotations

import time
import uuid

import pytest
import redis

from fielder.config import Settings
from fielder.engines.llm.client import ModelBusy
from fielder.kit.llm_slots import RedisSlots, redis_slots
from tests.conftest import REDIS_URL

pytestmark = [
    pytest.mark.redis,
    pytest.mark.skipif(REDIS_URL is None, reason="FIELDER_TEST_REDIS_URL is not set"),
]


def _slots(lease: float = 60) -> RedisSlots:
    assert REDIS_URL is not None
    return RedisSlots(redis.Redis.from_url(REDIS_URL), f"test-{uuid.uuid4().hex[:8]}", lease)


def test_the_cap_holds_across_clients() -> None:
    first, second = _slots(), _slots()
    second.namespace = first.namespace  # two processes of one deployment
    with first.hold("org-a", 2, 0), second.hold("org-a", 2, 0):
        with pytest.raises(ModelBusy), first.hold("org-a", 2, 0):
            pass
        with second.hold("org-b", 2, 0):  # another org has its own slots
            pass
    with first.hold("org-a", 1, 0):  # released: free again
        pass


def test_a_dead_holders_slot_runs_out() -> None:
    slots = _slots(lease=0.2)
    held = slots.hold("org-a", 1, 0)
    held.__enter__()  # never released, as if the process died
    with pytest.raises(ModelBusy):
        slots.hold("org-a", 1, 0).__enter__()
    time.sleep(0.3)
    with slots.hold("org-a", 1, 0):
        pass


def test_the_deployment_uses_redis_slots_with_redis(settings: Settings) -> None:
    assert isinstance(redis_slots(settings), RedisSlots)
    assert redis_slots(settings.model_copy(update={"redis_url": None})) is None
