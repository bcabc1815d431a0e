"""kit.threads.in_thread: a blocking call run off the event loop, as its caller would see it."""

from __future__ import annotations

import asyncio
import contextvars
import threading

import pytest

from fielder.kit.threads import in_thread

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="none")


def _where(suffix: str, *, upper: bool = False) -> tuple[str, str]:
    value = f"{request_id.get()}{suffix}"
    return threading.current_thread().name, value.upper() if upper else value


def _fail() -> None:
    raise LookupError("no such survey")


def test_runs_off_the_loop_with_the_callers_context() -> None:
    async def main() -> tuple[str, str]:
        request_id.set("r1")
        return await in_thread(_where, "-x", upper=True)

    thread, value = asyncio.run(main())
    assert thread.startswith("fielder-read")
    assert value == "R1-X"


def test_the_calls_exception_reaches_the_caller() -> None:
    with pytest.raises(LookupError, match="no such survey"):
        asyncio.run(in_thread(_fail))
