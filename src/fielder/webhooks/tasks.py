"""The webhooks domain's consumer side: the wake-up signal, the sweep and the stop hook.

Importing this module (the worker registry does) also registers the event-bus listener that
writes deliveries, so every process that publishes events writes them.
"""

from __future__ import annotations

import time

from fielder.config import Settings, get_settings
from fielder.webhooks import delivery, dispatch, wakeup
from fielder.webhooks.wakeup import WAKE_SIGNAL
from fielder.worker.tasks import on_stop, on_sweep, signal

#: The prune of old deliveries runs at most this often per process.
PRUNE_EVERY_SECONDS = 300.0
_pruned_at: dict[tuple[str, ...], float] = {}


@signal(WAKE_SIGNAL)
def wake(webhook_id: str) -> None:
    """Signal: the webhook has deliveries to send (its dispatcher here drains it)."""
    dispatch.get(get_settings()).wake(webhook_id)


@on_sweep
def sweep(settings: Settings) -> int:
    """Recover deliveries of dead workers and lost wake-ups, wake the dispatcher for them, and
    prune old deliveries now and then; give the number of webhooks woken."""
    webhook_ids = delivery.sweep(settings)
    dispatcher = dispatch.get(settings)
    for webhook_id in webhook_ids:
        dispatcher.wake(webhook_id)
    key = wakeup.settings_key(settings)
    if time.monotonic() - _pruned_at.get(key, -PRUNE_EVERY_SECONDS) >= PRUNE_EVERY_SECONDS:
        _pruned_at[key] = time.monotonic()
        delivery.prune(settings, chunks=100)
    return len(webhook_ids)


on_stop(dispatch.stop)

__all__ = ["sweep", "wake"]
