"""The webhooks domain's jobs: sending lanes of deliveries, and the sweep that recovers them.

Importing this module (the worker registry does) also registers the event-bus listener that
writes deliveries, so every process that publishes events writes them.
"""

from __future__ import annotations

from fielder.webhooks.delivery import send_lane, sweep
from fielder.worker.tasks import on_sweep

on_sweep(sweep)

__all__ = ["send_lane", "sweep"]
