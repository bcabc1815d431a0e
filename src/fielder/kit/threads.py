"""A lean thread hop for a short blocking call on the request path (a database read).

`await in_thread(fn, *args)` runs `fn(*args)` on a small shared thread pool through asyncio's
`run_in_executor`, in a copy of the caller's context. Starlette's `run_in_threadpool` (anyio)
also takes a capacity-limiter token and checks for cancellation around every call: about 30 µs
of CPU per hop, a tenth of an authenticated `GET /surveys`. Unlike anyio's, a cancelled caller
does not wait for the call to finish (it finishes on its thread, releasing what it holds).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

#: Threads of the pool: no more than a database pool's connections (20), so that the calls
#: made here never open a connection past the pool.
MAX_THREADS = 20


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(MAX_THREADS, thread_name_prefix="fielder-read")


async def in_thread(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`fn(*args, **kwargs)` run on the shared pool; its result, or its exception raised here."""
    context = contextvars.copy_context()
    call = functools.partial(context.run, fn, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_pool(), call)
