"""Rate limits with the `limits` library: memory storage when embedded, Redis when scaled.

    @router.post("/s/{slug}/start", dependencies=[Depends(limit("public_start"))])

Buckets (API.md § 11, from Settings): "public_start" per IP and survey, "public_save" per IP,
"authenticated" per key (applied by `require_scope`). Every limited response carries
`RateLimit-Limit/-Remaining/-Reset` and `X-RateLimit-*`; over the limit is 429 `rate_limited`
with `Retry-After` and `details: [{"retry_after": seconds}]`.
"""

from __future__ import annotations

import functools
import logging
import math
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fielder.config import Settings, get_settings
from fielder.errors import RateLimited

logger = logging.getLogger("fielder.ratelimit")

BUCKETS = ("public_start", "public_save", "authenticated")
_STATE_KEY = "rate_limit_headers"
_limiters: dict[str, FixedWindowRateLimiter] = {}
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


def _limiter(settings: Settings) -> FixedWindowRateLimiter:
    uri = settings.redis_url or "memory://"
    with _lock:
        if uri not in _limiters:
            storage = _SweptMemoryStorage() if uri == "memory://" else storage_from_string(uri)
            _limiters[uri] = FixedWindowRateLimiter(storage)
        return _limiters[uri]


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


def enforce(request: Request, bucket: str, key_id: str | None = None) -> None:
    """Count one request in `bucket`; raise 429 when over the limit. Headers go on the response."""
    settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
    if not settings.rate_limit_enabled:
        return
    item = _item(settings, bucket)
    identity = _identity(settings, request, bucket, key_id)
    limiter = _limiter(settings)
    key = item.key_for(*identity)
    try:
        # What FixedWindowRateLimiter.hit + get_window_stats do, in two storage calls instead
        # of three (each a round trip on Redis): the count comes back from the increment.
        count = limiter.storage.incr(key, item.get_expiry())
        reset_time = limiter.storage.get_expiry(key)
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

    Async: a sync dependency costs a threadpool hop on every request. Only Redis counting
    (network I/O) goes to a thread; in-memory counting is done on the event loop.
    """
    if bucket not in BUCKETS:
        raise ValueError(f"unknown rate-limit bucket {bucket!r}")

    async def dependency(request: Request) -> None:
        settings: Settings = getattr(request.app.state, "settings", None) or get_settings()
        if not settings.rate_limit_enabled:
            return
        if settings.redis_url:
            await run_in_threadpool(enforce, request, bucket)
        else:
            enforce(request, bucket)

    return dependency


def reset_limiters() -> None:
    """Drop the limiters (tests): in-memory counters start again from zero."""
    with _lock:
        _limiters.clear()


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
