"""`fielder init` and `fielder keys create|list|revoke` on the configured database."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from fielder.cli.bootstrap import create_org_with_key
from fielder.config import get_settings
from fielder.db.migrate import upgrade
from fielder.db.session import session_scope
from fielder.errors import FielderError
from fielder.keys import service
from fielder.keys.scopes import ALL_SCOPES
from fielder.models.api_key import ApiKey

app = typer.Typer(help="Manage API keys.", no_args_is_help=True)


def _fail(error: FielderError) -> typer.Exit:
    Console(stderr=True).print(f"[red]error:[/red] {error.message}")
    return typer.Exit(1)


def _split_scopes(scopes: list[str] | None) -> list[str] | None:
    # Accept both `--scopes a --scopes b` and `--scopes a,b`.
    if not scopes:
        return None
    return [s.strip() for item in scopes for s in item.split(",") if s.strip()]


def init(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line.")] = False,
    name: Annotated[str, typer.Option(help="The new org's name.")] = "Default",
) -> None:
    """Create an org and an all-scope key in the configured database."""
    settings = get_settings()
    upgrade(settings)
    credentials = create_org_with_key(settings, name)
    if as_json:
        typer.echo(json.dumps({"org_id": credentials.org_id, "api_key": credentials.api_key}))
        return
    console = Console()
    console.print(f"Org id   [bold]{credentials.org_id}[/bold]")
    console.print(f"API key  [bold]{credentials.api_key}[/bold]  (shown only now)")


@app.command("create")
def create(
    org: Annotated[str, typer.Option("--org", help="The org id.")],
    name: Annotated[str, typer.Option("--name", help="A name for the key.")],
    scopes: Annotated[
        list[str] | None,
        typer.Option(
            "--scopes", help=f"Scopes (repeat or comma-separate): {', '.join(ALL_SCOPES)}."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line.")] = False,
) -> None:
    """Create a key for an org; its secret is printed once."""
    settings = get_settings()
    upgrade(settings)
    try:
        with session_scope(settings) as session:
            service.get_org(session, org)
            new = service.create_key(session, org, name, _split_scopes(scopes))
            key_id, chosen = new.key.id, list(new.key.scopes)
    except FielderError as error:
        raise _fail(error) from error
    if as_json:
        payload = {"id": key_id, "org_id": org, "scopes": chosen, "api_key": new.secret}
        typer.echo(json.dumps(payload))
        return
    console = Console()
    console.print(f"Key id   {key_id}\nScopes   {', '.join(chosen)}")
    console.print(f"API key  [bold]{new.secret}[/bold]  (shown only now)")


@app.command("list")
def list_(
    org: Annotated[str, typer.Option("--org", help="The org id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List an org's keys (never their secrets)."""
    settings = get_settings()
    upgrade(settings)
    try:
        with session_scope(settings) as session:
            service.get_org(session, org)
            keys = service.list_keys(session, org)
    except FielderError as error:
        raise _fail(error) from error
    if as_json:
        for key in keys:
            typer.echo(json.dumps(_row(key)))
        return
    table = Table("id", "name", "prefix", "scopes", "state", "last used")
    for key in keys:
        state = "revoked" if key.revoked_at else "active"
        last_used = key.last_used_at.isoformat() if key.last_used_at else "-"
        table.add_row(key.id, key.name, key.prefix, ", ".join(key.scopes), state, last_used)
    Console().print(table)


def _row(key: ApiKey) -> dict[str, object]:
    state = "revoked" if key.revoked_at else "active"
    return {
        "id": key.id,
        "name": key.name,
        "prefix": key.prefix,
        "scopes": list(key.scopes),
        "state": state,
        "expires_at": key.expires_at.isoformat() if key.expires_at else None,
        "last_used_at": key.last_used_at.isoformat() if key.last_used_at else None,
    }


@app.command("revoke")
def revoke(key_id: Annotated[str, typer.Argument(help="The key id.")]) -> None:
    """Revoke a key; it is refused from then on."""
    settings = get_settings()
    upgrade(settings)
    try:
        with session_scope(settings) as session:
            service.revoke_any(session, key_id)
    except FielderError as error:
        raise _fail(error) from error
    Console().print(f"Revoked {key_id}")
