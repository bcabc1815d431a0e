"""Reading a client's IR document: shape (pydantic) then meaning (`fielder.ir.validate`)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import ValidationError

from fielder.errors import Unprocessable
from fielder.ir.models import Survey as IRSurvey


def _shape_details(error: ValidationError) -> list[dict[str, Any]]:
    return [
        {
            "pointer": "/" + "/".join(str(part) for part in item["loc"]),
            "code": item["type"],
            "message": item["msg"],
        }
        for item in error.errors(include_url=False, include_context=False, include_input=False)
    ]


def _meaning_details(survey: IRSurvey) -> list[dict[str, Any]]:
    from fielder.ir.validate import validate

    return [
        {
            "code": problem.code,
            "element_id": problem.element_id,
            "pointer": problem.pointer,
            "message": problem.message,
        }
        for problem in validate(survey)
        if problem.severity == "error"
    ]


def parse_ir(document: Any) -> IRSurvey:
    """A valid IR survey from a JSON value; 422 `invalid_ir` listing every problem otherwise."""
    if not isinstance(document, dict):
        raise Unprocessable("invalid_ir", "The IR must be a JSON object.", details=[])
    try:
        survey = IRSurvey.model_validate(document)
    except ValidationError as error:
        raise Unprocessable(
            "invalid_ir",
            "The IR document does not have the IR's shape.",
            details=_shape_details(error),
        ) from error
    problems = _meaning_details(survey)
    if problems:
        raise Unprocessable(
            "invalid_ir", "The IR document has validation errors.", details=problems
        )
    return survey


def canonical_json(document: dict[str, Any]) -> str:
    """The document as canonical JSON text (sorted keys, no spaces): what the checksum covers."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def checksum(document: dict[str, Any]) -> str:
    """sha256 hex of the canonical JSON of `document`: the platform IR's ETag."""
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()
