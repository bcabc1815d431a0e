"""Rate limits with the `limits` library: memory storage when embedded, Redis when scaled.

    @router.post("/s/{slug}/start", dependencies=[Depends(limit("public_start"))])

Buckets (API.md § 11, from Settings): "public_start" per IP and survey, "public_save" per IP,
"authenticated" per key (applied by `require_scope`). Every limited response carries
`RateLimit-Limit/-Remaining/-Reset` and `X-RateLimit-*`; over the limit is 429 `rate_limited`
with `Retry-After` and `details: [{"retry_after": seconds}]`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import threading
import time
import weakref
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request
from limits import RateLimitItem, parse
from limits.aio.storage import RedisStorage
from limits.storage import MemoryStorage
from redis.asyncio import ConnectionPool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fielder.config import Settings, get_settings
from fielder.errors import RateLimited

logger = logging.getLogger("fielder.ratelimit")

BUCKETS = ("public_start", "public_save", "authenticated")
_STATE_KEY = "rate_limit_headers"
_memory: dict[str, MemoryStorage] = {}
# An asyncio Redis client belongs to the event loop it was made on: one per (loop, URL).
_redis: weakref.WeakKeyDictionary[
    asyncio.AbstractEventLoop, dict[str, tuple[RedisStorage, ConnectionPool]]
] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


class _SweptMemoryStorage(MemoryStorage):
    """`limits`' memory storage, minus its timer thread.

    The stock storage starts a new 10 ms `threading.Timer` on a hit whenever the last one has
    run out: under load that is a thread start every few requests, a large part of the cost of
    a request. Expired counters are already dropped when read (`get`); the sweep that frees
    their memory runs here inline, at most once a second.
    """

    STORAGE_SCHEME = ["fielder+memory"]  # not "memory": leave the library's own registration

    _next_sweep = 0.0

    def _MemoryStorage__schedule_expiry(self) -> None:  # the private hook incr/decr call
        now = time.monotonic()
        if now >= self._next_sweep:
            self._next_sweep = now + 1.0
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]


def _memory_storage(namespace: str) -> MemoryStorage:
    with _lock:
        if namespace not in _memory:
            _memory[namespace] = _SweptMemoryStorage()
        return _memory[namespace]


def _redis_storage(url: str) -> RedisStorage:
    # Counted on the event loop (no thread hop per request), with redis-py's asyncio client.
    per_loop = _redis.setdefault(asyncio.get_running_loop(), {})
    if url not in per_loop:
        pool = ConnectionPool.from_url(url)
        # Our own pool, so that shutdown can close it (limits passes it on to redis-py).
        options: dict[str, Any] = {"connection_pool": pool}
        storage = RedisStorage(f"async+{url}", implementation="redispy", **options)
        per_loop[url] = (storage, pool)
    return per_loop[url][0]


async def close_redis() -> None:
    """Close the Redis connections of the running event loop (at the app's shutdown)."""
    for _, pool in _redis.pop(asyncio.get_running_loop(), {}).values():
        await pool.aclose()


class _WindowEnds:
    """When each fixed window (a Redis counter) ends, as this process last learnt it.

    A window's end is fixed when its counter is created (the increment that returns the
    amount sets the expiry), so it is asked of Redis (TTL, a second round trip) only for a
    window this process did not open and has not asked about, and again once the remembered
    end has passed (another process may have opened the next window).
    """

    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._ends: dict[str, float] = {}

    def end(self, key: str, count: int, expiry: int) -> float | None:
        """The end (epoch seconds) of `key`'s window after an increment gave `count`."""
        now = time.time()
        if count == 1:  # this increment opened the window: it lasts `expiry` from now
            return self.remember(key, now + expiry)
        end = self._ends.get(key)
        return end if end is not None and end > now else None

    def remember(self, key: str, end: float) -> float:
        if len(self._ends) >= self.MAX_ENTRIES:
            now = time.time()
            self._ends = {k: e for k, e in self._ends.items() if e > now}
            if len(self._ends) >= self.MAX_ENTRIES:
                self._ends.clear()
        self._ends[key] = end
        return end

    def clear(self) -> None:
        self._ends = {}


_window_ends = _WindowEnds()


def _item(settings: Settings, bucket: str) -> RateLimitItem:
    if bucket not in BUCKETS:
        raise ValueError(f"unknown rate-limit bucket {bucket!r}")
    return _parsed(str(getattr(settings, f"rate_limit_{bucket}")))


@functools.lru_cache(maxsize=64)
def _parsed(spec: str) -> RateLimitItem:
    return parse(spec)


def client_ip(request: Request) -> str:
    """The caller's IP address as the server sees it."""
    return request.client.host if request.client else "unknown"


def _identity(
    settings: Settings, request: Request, bucket: str, key_id: str | None
) -> tuple[str, ...]:
    if bucket == "authenticated":
        return (settings.namespace, bucket, key_id or client_ip(request))
    if bucket == "public_start":
        params = request.path_params
        survey = str(params.get("slug") or params.get("survey_id") or params.get("id") or "")
        return (settings.namespace, bucket, client_ip(request), survey)
    return (settings.namespace, bucket, client_ip(request))


async def enforce(request: Request, bucket: str, key_id: str | None = None) -> None:
    """Count one request in `bucket`; raise 429 when over the limit. Headers go on the response."""
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    if not settings.rate_limit_enabled:
        return
    item = _item(settings, bucket)
    key = item.key_for(*_identity(settings, request, bucket, key_id))
    try:
        # What FixedWindowRateLimiter.hit + get_window_stats do, in fewer storage calls (each
        # a round trip on Redis): the count comes back from the increment, the window's end
        # is known here once this process has seen it (one round trip per request then).
        if settings.redis_url:
            storage = _redis_storage(settings.redis_url)
            count = await storage.incr(key, item.get_expiry())
            reset_time = _window_ends.end(key, count, item.get_expiry())
            if reset_time is None:  # a window this process has not seen open: ask Redis
                reset_time = _window_ends.remember(key, await storage.get_expiry(key))
        else:  # in memory: plain calls, nothing to wait for
            memory = _memory_storage(settings.namespace)
            count = memory.incr(key, item.get_expiry())
            reset_time = memory.get_expiry(key)
    except Exception:  # a limiter outage must not take the API down: log and let it through
        logger.exception("rate limiter unavailable; request allowed")
        return
    allowed = count <= item.amount
    reset = max(math.ceil(reset_time - time.time()), 0)
    headers = _headers(item.amount, item.amount - count, reset)
    request.state.rate_limit_headers = headers
    if not allowed:
        retry_after = max(reset, 1)
        raise RateLimited(
            "rate_limited",
            f"Too many requests: the limit is {item}. Retry in {retry_after} s.",
            details=[{"retry_after": retry_after}],
            headers={**headers, "Retry-After": str(retry_after)},
        )


def _headers(limit: int, remaining: int, reset: int) -> dict[str, str]:
    values = {"Limit": str(limit), "Remaining": str(max(remaining, 0)), "Reset": str(reset)}
    headers = {f"RateLimit-{name}": value for name, value in values.items()}
    headers.update({f"X-RateLimit-{name}": value for name, value in values.items()})
    return headers


def limit(bucket: str) -> Callable[[Request], Coroutine[Any, Any, None]]:
    """A FastAPI dependency counting each request in `bucket` (see the module docstring).

    Async: a sync dependency costs a threadpool hop on every request.
    """
    if bucket not in BUCKETS:
        raise ValueError(f"unknown rate-limit bucket {bucket!r}")

    async def dependency(request: Request) -> None:
        await enforce(request, bucket)

    return dependency


def reset_limiters() -> None:
    """Drop the limiters (tests): in-memory counters start again from zero."""
    with _lock:
        _memory.clear()
        _redis.clear()
        _window_ends.clear()


class RateLimitHeaders:
    """ASGI middleware adding the headers `enforce` left in the request state to the response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                state: Any = scope.get("state") or {}
                extra = state.get(_STATE_KEY) if isinstance(state, dict) else None
                if extra:
                    present = {name.lower() for name, _ in message.get("headers", [])}
                    message["headers"] = list(message.get("headers", [])) + [
                        (name.lower().encode(), value.encode())
                        for name, value in extra.items()
                        if name.lower().encode() not in present
                    ]
            await send(message)

        await self.app(scope, receive, send_with_headers)
