"""`fielder program FILE` and `fielder clarify FILE`: the compiler offline, no server needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from fielder.documents import DocumentError, read_path
from fielder.documents.model import Document
from fielder.ir.models import Survey

app = typer.Typer(help="Compile questionnaires offline.", no_args_is_help=True)

_FILE = typer.Argument(help="The questionnaire (.docx, .pdf, .txt, .md, .xlsx, .odt, .rtf, .html).")
_QA = typer.Option("--qa", help="Answers to clarifying questions (a JSON list of items).")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _read(path: Path) -> Document:
    if not path.is_file():
        raise _fail(f"{path} is not a file")
    try:
        return read_path(path)
    except DocumentError as error:
        raise _fail(f"{path.name}: {error.reason}") from error


def _load_qa(path: Path | None) -> list[dict[str, Any]]:
    if path is None:
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise _fail(f"cannot read answers from {path}: {error}") from error
    if isinstance(data, dict):
        data = data.get("prior_qa") or data.get("priorQa") or data.get("items") or []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise _fail(f"{path} must hold a JSON list of clarification items")
    return data


def _program(document: Document, qa: list[dict[str, Any]], engine_name: str) -> Survey:
    from fielder.engines.base import EngineUnavailable, get_engine

    try:
        engine = get_engine(engine_name)
        survey: Survey | None = None
        for step in engine.program(document, qa):
            if isinstance(step, Survey):
                survey = step
    except EngineUnavailable as error:
        raise _fail(str(error)) from error
    if survey is None:
        raise _fail(f"the {engine_name} engine produced no survey", 1)
    return survey


@app.command("program")
def program(
    file: Annotated[Path, _FILE],
    to: Annotated[
        str | None, typer.Option("--to", help="Write this platform's native file.")
    ] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Where to write.")] = None,
    qa: Annotated[Path | None, _QA] = None,
    engine: Annotated[str, typer.Option("--engine", help="builtin or llm.")] = "builtin",
) -> None:
    """Compile a questionnaire into the IR (stdout), or into a platform's file with --to."""
    survey = _program(_read(file), _load_qa(qa), engine)
    if to is None:
        text = json.dumps(survey.to_json(), indent=2, ensure_ascii=False) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            output.write_text(text, encoding="utf-8")
        return
    _export(survey, to, output)


def _export(survey: Survey, platform: str, output: Path | None) -> None:
    from fielder.platforms.registry import UnknownPlatform, get_exporter

    try:
        result = get_exporter(platform).export(survey)
    except UnknownPlatform as error:
        raise _fail(str(error)) from error
    target = output or Path(result.file_name)
    target.write_bytes(result.content)
    for item in result.not_carried:
        typer.echo(f"not carried: {item.element_id}: {item.feature}: {item.reason}", err=True)
    typer.echo(f"wrote {target}", err=True)


@app.command("clarify")
def clarify(
    file: Annotated[Path, _FILE],
    qa: Annotated[Path | None, _QA] = None,
) -> None:
    """Print the clarifying questions as JSON lines, as they are found."""
    from fielder.compiler import clarify as find

    document = _read(file)
    for item in find(document, prior_qa=_load_qa(qa)):
        sys.stdout.write(json.dumps(item.model_dump(mode="json"), ensure_ascii=False) + "\n")
        sys.stdout.flush()
