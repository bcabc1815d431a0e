"""`fielder worker`: a job consumer process (scale-out mode, with FIELDER_REDIS_URL)."""

from __future__ import annotations

from typing import Annotated

import typer

from fielder.config import get_settings
from fielder.db.migrate import upgrade


def worker(
    workers: Annotated[int, typer.Option(help="Consumer threads.", min=1, max=64)] = 2,
) -> None:
    """Consume jobs from the queue until stopped (Ctrl-C)."""
    from fielder.worker.consumer import run_consumer

    settings = get_settings()
    upgrade(settings)
    run_consumer(settings, workers=workers)
