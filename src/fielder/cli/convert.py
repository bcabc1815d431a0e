"""`fielder export IR.json --to P -o OUT` and `fielder import FILE --from P`: the platform
exporters and importers on their own, offline."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from fielder.ir.models import Survey
from fielder.platforms import ImportFailed, UnknownPlatform, get_exporter, get_importer
from fielder.platforms.fielder import dump_survey
from fielder.platforms.result import NotCarried


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise _fail(f"{path} is not a file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise _fail(f"cannot read {path}: {error.strerror}") from error


def _report(items: list[NotCarried]) -> None:
    """The not-carried report on stderr, one line per item."""
    if not items:
        return
    typer.echo(f"not carried across ({len(items)}):", err=True)
    for item in items:
        typer.echo(f"  {item.element_id}: {item.feature} — {item.reason}", err=True)


def _load_ir(path: Path) -> Survey:
    try:
        return get_importer("fielder").import_(_read_bytes(path)).survey
    except ImportFailed as error:
        raise _fail(f"{path.name}: {error.reason}") from error


def export_(
    ir_file: Annotated[Path, typer.Argument(help="The survey IR (fielder/ir@1 JSON).")],
    to: Annotated[str, typer.Option("--to", help="The platform: qualtrics, surveyjs, …")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Where to write (default: stdout).")
    ] = None,
) -> None:
    """Write a survey IR as a platform's native file; what could not be carried goes to stderr."""
    survey = _load_ir(ir_file)
    try:
        result = get_exporter(to).export(survey)
    except UnknownPlatform as error:
        raise _fail(error.reason) from error
    if output is None:
        sys.stdout.buffer.write(result.content)
        sys.stdout.buffer.flush()
    else:
        try:
            output.write_bytes(result.content)
        except OSError as error:
            raise _fail(f"cannot write {output}: {error.strerror}") from error
        typer.echo(f"wrote {output} ({len(result.content)} bytes)", err=True)
    _report(result.not_carried)


def import_(
    file: Annotated[Path, typer.Argument(help="A platform's native file (QSF, LSS, …).")],
    from_: Annotated[str, typer.Option("--from", help="The platform the file comes from.")],
) -> None:
    """Read a platform's native file and print the survey IR JSON on stdout."""
    data = _read_bytes(file)
    try:
        result = get_importer(from_).import_(data)
    except UnknownPlatform as error:
        raise _fail(error.reason) from error
    except ImportFailed as error:
        raise _fail(f"{file.name}: {error.reason}", 1) from error
    sys.stdout.buffer.write(dump_survey(result.survey))
    sys.stdout.buffer.flush()
    _report(result.not_carried)
