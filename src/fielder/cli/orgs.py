"""`fielder orgs set-llm ORG on|off`: the per-org switch that keeps an org away from any LLM."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from fielder.config import get_settings
from fielder.db.migrate import upgrade
from fielder.db.session import session_scope
from fielder.errors import FielderError
from fielder.keys import service

app = typer.Typer(help="Manage organizations.", no_args_is_help=True)


class Switch(StrEnum):
    """on or off."""

    on = "on"
    off = "off"


@app.command("set-llm")
def set_llm(
    org: Annotated[str, typer.Argument(help="The org id.")],
    switch: Annotated[Switch, typer.Argument(help="on: the llm engine may serve this org.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line.")] = False,
) -> None:
    """Turn the LLM on or off for an org (off: its surveys use the builtin engine, so nothing
    of its questionnaires or conversations goes to a model)."""
    settings = get_settings()
    upgrade(settings)
    try:
        with session_scope(settings) as session:
            found = service.get_org(session, org)
            found.llm_enabled = switch is Switch.on
    except FielderError as error:
        Console(stderr=True).print(f"[red]error:[/red] {error.message}")
        raise typer.Exit(1) from error
    if as_json:
        typer.echo(json.dumps({"org_id": org, "llm_enabled": switch is Switch.on}))
        return
    Console().print(f"LLM {switch.value} for {org}")
