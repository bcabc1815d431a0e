"""`fielder serve`: migrate, set up the first org on an empty database, serve with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn
from rich.console import Console
from rich.panel import Panel

from fielder.cli.bootstrap import Credentials, first_start
from fielder.config import get_settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Server processes.", min=1, max=64)] = 1,
    access_log: Annotated[
        bool, typer.Option(help="One log line per request (about 15 us of CPU each).")
    ] = True,
) -> None:
    """Serve the API, the respondent pages and (when embedded) the job consumer."""
    settings = get_settings()
    credentials = first_start(settings)
    base_url = f"http://{host}:{port}"
    if credentials is not None:
        _print_first_start(credentials, base_url)
    else:
        Console(stderr=True).print(f"fielder serving on [bold]{base_url}[/bold]")
    uvicorn.run(
        "fielder.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=access_log,
    )


def _print_first_start(credentials: Credentials, base_url: str) -> None:
    text = (
        f"URL      [bold]{base_url}[/bold]  (API docs: {base_url}/docs)\n"
        f"Org id   [bold]{credentials.org_id}[/bold]\n"
        f"API key  [bold]{credentials.api_key}[/bold]\n\n"
        "The key is shown only now: keep it. Call the API with\n"
        f"  Authorization: Bearer <key>   X-Org-Id: {credentials.org_id}"
    )
    Console().print(Panel(text, title="fielder: first start", expand=False))
