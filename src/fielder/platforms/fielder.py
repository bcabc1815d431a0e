"""The native "platform": the IR's own JSON, for the hosted runtime and for diffs.

Export writes canonical JSON (sorted keys, two-space indent, defaults left out, a final
newline) so the same survey is always the same bytes; import reads it back and checks it.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from pydantic import ValidationError

from fielder.ir.models import Survey
from fielder.ir.validate import validate
from fielder.platforms import base


def dump_survey(survey: Survey) -> bytes:
    """The survey as canonical, human-diffable JSON bytes."""
    text = json.dumps(survey.to_json(), sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def parse_json(data: bytes) -> Any:
    """JSON from bytes (UTF-8, BOM tolerated); malformed input raises ImportFailed."""
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise base.ImportFailed(f"file is not UTF-8 text: {exc.reason}") from exc
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise base.ImportFailed(f"malformed JSON at {where}: {exc.msg}") from exc
    except RecursionError as exc:
        raise base.ImportFailed("JSON is nested too deeply") from exc


class FielderExporter(base.Exporter):
    """Everything the IR holds is carried: the file is the IR."""

    NAME: ClassVar[str] = "fielder"
    FILE_EXTENSION: ClassVar[str] = "json"
    MEDIA_TYPE: ClassVar[str] = "application/json"
    SUPPORTS_QUOTAS: ClassVar[bool] = True
    SUPPORTS_EXTENSIONS: ClassVar[bool] = True

    def generate(self, survey: Survey) -> bytes:
        """Canonical IR JSON."""
        return dump_survey(survey)


class FielderImporter(base.Importer):
    """Reads IR JSON; a document of the wrong shape, or with validation errors, is refused
    with its first problems (warnings do not stop it)."""

    NAME: ClassVar[str] = "fielder"

    def read(self, data: bytes) -> Survey:
        """Parse and check the shape of an IR document."""
        document = parse_json(data)
        if not isinstance(document, dict):
            raise base.ImportFailed("an IR document is a JSON object")
        try:
            survey = Survey.model_validate(document)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'/'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
                for err in exc.errors()[:5]
            )
            raise base.ImportFailed(f"not a fielder/ir@1 document: {problems}") from exc
        errors = [p for p in validate(survey) if p.severity == "error"]
        if errors:
            listed = "; ".join(f"{p.pointer or '/'}: {p.message}" for p in errors[:5])
            raise base.ImportFailed(f"invalid survey ({len(errors)} error(s)): {listed}")
        return survey


EXPORTER = FielderExporter
IMPORTER = FielderImporter
