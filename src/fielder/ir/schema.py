"""The JSON Schema of the IR, generated from the models and kept in `schema.json`.

Regenerate after changing the models: ``python -m fielder.ir.schema`` (a test fails while
the committed file is out of date).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from fielder.ir.models import SCHEMA_ID, Survey

__all__ = ["SCHEMA_PATH", "build_schema", "load_schema", "main", "render_schema"]

#: Where the generated schema lives (shipped as package data).
SCHEMA_PATH = Path(__file__).with_name("schema.json")


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a `fielder/ir@1` document, from the models."""
    schema = Survey.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
    } | schema


def render_schema() -> str:
    """The text of schema.json: the schema, indented, sorted keys, newline at the end."""
    return json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    """The committed schema.json (what `GET /api/v1/schema/ir` serves)."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def main() -> None:
    """Write schema.json next to this module."""
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")


if __name__ == "__main__":
    main()
