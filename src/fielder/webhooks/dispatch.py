"""Sending deliveries: a dispatcher per consumer process drains webhooks batch by batch.

Woken for a webhook (after the commit that wrote its deliveries, by a retry's timer, or by the
sweep), the dispatcher claims a batch of due deliveries in one statement, sends each claimed
lane on its own (one delivery at a time, in event order) while lanes go in parallel over
keep-alive connections, and records the finished lanes' outcomes in one transaction, claiming
again as lanes free up, until nothing is due. It runs on an event loop in a thread of its own
with two threads for the database: a receiver that hangs ties up neither the job consumer's
threads nor other webhooks, only its own lanes, and for at most the timeout.

A lane starts no attempt later than half a job lease after its claim, and every attempt ends
within the timeout: rows of a dead worker are `sending` for at most lease + timeout, after which
the sweep may safely put them back (`delivery.sweep`).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from fielder.config import Settings, get_settings
from fielder.webhooks import delivery, sender, wakeup

logger = logging.getLogger("fielder.webhooks")

#: Attempts in flight at once per dispatcher (all webhooks together), and per webhook: a
#: webhook whose receiver hangs holds at most its own share.
MAX_SENDS = 256
MAX_SENDS_PER_WEBHOOK = 32
#: After the first lane of a batch finishes, others finishing within this time are recorded
#: with it (fewer, larger transactions).
COLLECT_SECONDS = 0.01
#: How long a stopping dispatcher waits for its attempts in flight.
STOP_SECONDS = 1.0

T = TypeVar("T")


class Drainer:
    """What a drain needs: settings, connections, a limit on attempts, a way to the database,
    and a way to come back for retries. This one runs in the caller's loop (tests, tools)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.clients = sender.Clients()
        self.limit = asyncio.Semaphore(MAX_SENDS)
        self.stopping = False

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking database function off the loop."""
        return await asyncio.to_thread(fn, *args)

    def retry_in(self, webhook_id: str, seconds: float) -> None:
        """Come back to the webhook after `seconds` (a drain from tests does not)."""

    def claiming(self, webhook_id: str) -> None:
        """A claim of the webhook starts: wake-ups until now are answered by it."""

    def woken(self, webhook_id: str) -> asyncio.Event:
        """Set when the webhook is woken during its drain (new deliveries, a retry due)."""
        return asyncio.Event()


async def drain_webhook(drainer: Drainer, webhook_id: str) -> int:
    """Send the webhook's due deliveries until none is left; give the number of attempts."""
    in_flight: set[asyncio.Task[list[delivery.Result]]] = set()
    mine = asyncio.Semaphore(MAX_SENDS_PER_WEBHOOK)
    woken = drainer.woken(webhook_id)
    made = 0
    try:
        while True:
            if not drainer.stopping and len(in_flight) < MAX_SENDS_PER_WEBHOOK:
                woken.clear()
                drainer.claiming(webhook_id)
                batch = await drainer.db(delivery.claim_batch, drainer.settings, webhook_id)
                if batch is not None:
                    send_by = time.monotonic() + drainer.settings.job_lease_seconds / 2
                    for claims in batch.lanes.values():
                        lane = _send_lane(drainer, mine, batch, claims, send_by)
                        in_flight.add(asyncio.create_task(lane))
            if not in_flight:
                return made
            # A lane finishing, or a wake-up: new lanes must not wait behind a slow one.
            waiter = asyncio.create_task(woken.wait())
            waiting: set[asyncio.Task[Any]] = {*in_flight, waiter}
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
            done.discard(waiter)
            in_flight -= done
            if not done:  # woken: gather a few more wake-ups into the next claim
                await asyncio.sleep(COLLECT_SECONDS)
                woken.clear()  # (if no claim can be made now, the next lane done makes one)
                continue
            if in_flight:
                more, in_flight = await asyncio.wait(in_flight, timeout=COLLECT_SECONDS)
                done |= more
            results = [result for task in done for result in task.result()]
            made += sum(1 for _, outcome in results if outcome is not None)
            delays = await drainer.db(delivery.record_batch, drainer.settings, webhook_id, results)
            for delay in set(delays):
                drainer.retry_in(webhook_id, delay)
    finally:
        # Failed (the database away) or cancelled: attempts still running are cut off; their
        # rows stay `sending` until the sweep puts them back.
        for task in in_flight:
            task.cancel()


async def _send_lane(
    drainer: Drainer,
    mine: asyncio.Semaphore,
    batch: delivery.Batch,
    claims: list[delivery.Claim],
    send_by: float,
) -> list[delivery.Result]:
    """Send one lane's claimed deliveries in order; those not sent (out of time, stopping, or
    after a 410) are given back with None."""
    settings = drainer.settings
    results: list[delivery.Result] = []
    stop = False
    for claim in claims:
        # Checked once a slot is ours: waiting for one must not start an attempt late.
        async with mine, drainer.limit:
            if stop or drainer.stopping or time.monotonic() > send_by:
                results.append((claim, None))
                continue
            outcome = await sender.send(
                drainer.clients, batch.url, batch.secret, claim.message,
                timeout=settings.webhook_timeout_seconds,
                allow_private=settings.webhook_allow_private,
            )  # fmt: skip
        results.append((claim, outcome))
        stop = outcome.gone
    return results


def drain(webhook_id: str, settings: Settings | None = None) -> int:
    """Drain the webhook from synchronous code, on a loop of its own; give the attempts made."""
    settings = settings or get_settings()

    async def run() -> int:
        drainer = Drainer(settings)
        try:
            return await drain_webhook(drainer, webhook_id)
        finally:
            await drainer.clients.aclose()

    return asyncio.run(run())


class Dispatcher(Drainer):
    """The process's dispatcher for one deployment: an event loop in a thread of its own."""

    def __init__(self, settings: Settings) -> None:
        self.loop = asyncio.new_event_loop()
        self._db = ThreadPoolExecutor(max_workers=2, thread_name_prefix="webhook-db")
        self._drains: dict[str, asyncio.Task[None]] = {}
        self._again: set[str] = set()
        self._woken: dict[str, asyncio.Event] = {}
        self._timers: set[tuple[str, int]] = set()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="webhook-dispatcher", daemon=True)
        self._settings = settings

    def start(self) -> None:
        """Start the loop's thread (its objects are made on the loop)."""
        self._thread.start()
        self._ready.wait()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        super().__init__(self._settings)
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.clients.aclose())
        self.loop.close()
        self._db.shutdown(wait=False)

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        return await self.loop.run_in_executor(self._db, fn, *args)

    def wake(self, webhook_id: str) -> None:
        """Drain the webhook soon (thread-safe; a drain running now goes round once more)."""
        try:
            self.loop.call_soon_threadsafe(self._wake, webhook_id)
        except RuntimeError:  # the loop is closed: this dispatcher has stopped
            pass

    def _wake(self, webhook_id: str) -> None:
        if self.stopping:
            return
        if webhook_id in self._drains:
            self._again.add(webhook_id)
            self._woken[webhook_id].set()
            return
        self._woken[webhook_id] = asyncio.Event()
        task = self.loop.create_task(self._drain(webhook_id))
        self._drains[webhook_id] = task

    async def _drain(self, webhook_id: str) -> None:
        try:
            await drain_webhook(self, webhook_id)
        except Exception:  # the database away: the sweep wakes the webhook again
            logger.exception("draining webhook %s failed", webhook_id)
        finally:
            del self._drains[webhook_id]
            del self._woken[webhook_id]
            if webhook_id in self._again:
                self._again.discard(webhook_id)
                self._wake(webhook_id)

    def claiming(self, webhook_id: str) -> None:
        self._again.discard(webhook_id)

    def woken(self, webhook_id: str) -> asyncio.Event:
        return self._woken[webhook_id]

    def retry_in(self, webhook_id: str, seconds: float) -> None:
        # One timer per webhook and second is enough: a drain takes every row due by then. The
        # second is the next one after the exact delay: a timer rounded down would fire before
        # its row is due, find nothing, and leave the retry to the sweep.
        due = int(time.monotonic() + seconds) + 1
        if (webhook_id, due) in self._timers:
            return
        self._timers.add((webhook_id, due))

        def fire() -> None:
            self._timers.discard((webhook_id, due))
            self._wake(webhook_id)

        self.loop.call_at(self.loop.time() + (due - time.monotonic()), fire)

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        """Start no attempt any more; give the attempts in flight `timeout` seconds to finish
        and be recorded (what is still in flight then is put back by the sweep)."""

        async def finish() -> None:
            self.stopping = True
            drains = list(self._drains.values())
            if drains:
                await asyncio.wait(drains, timeout=timeout)
            # Attempts still in flight are cut off: their rows stay `sending` for the sweep.
            others = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)
            self.loop.stop()

        try:
            asyncio.run_coroutine_threadsafe(finish(), self.loop)
        except RuntimeError:
            return
        self._thread.join(timeout + 1)


_dispatchers: dict[tuple[str, ...], Dispatcher] = {}
_lock = threading.Lock()


def get(settings: Settings) -> Dispatcher:
    """This process's dispatcher for the settings' deployment, started on first use."""
    key = wakeup.settings_key(settings)
    with _lock:
        dispatcher = _dispatchers.get(key)
        if dispatcher is None:
            dispatcher = _dispatchers[key] = Dispatcher(settings)
            dispatcher.start()
            wakeup.register_local(settings, dispatcher.wake)
        return dispatcher


def stop(settings: Settings) -> None:
    """Stop the settings' dispatcher in this process, if one runs (its consumer stops)."""
    with _lock:
        dispatcher = _dispatchers.pop(wakeup.settings_key(settings), None)
        wakeup.register_local(settings, None)
    if dispatcher is not None:
        dispatcher.stop()
