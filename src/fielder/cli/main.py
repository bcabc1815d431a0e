"""The `fielder` command: thin Typer commands over the services."""

from __future__ import annotations

import typer

from fielder.cli import convert, keys, orgs, program, serve, worker

app = typer.Typer(
    help="fielder: questionnaires in, surveys and responses out.", no_args_is_help=True
)
app.command("serve")(serve.serve)
app.command("init")(keys.init)
app.command("worker")(worker.worker)
app.add_typer(keys.app, name="keys")
app.add_typer(orgs.app, name="orgs")
# `fielder program` and `fielder clarify` (the compiler, offline).
app.registered_commands.extend(program.app.registered_commands)
app.command("export")(convert.export_)
app.command("import")(convert.import_)
