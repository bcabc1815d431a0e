"""Moving a survey across platforms: export its platform IR as a native file, and pull an
edited native file back as a `platform_pull` changeset."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from fielder.errors import Conflict, Unprocessable
from fielder.history import service as history
from fielder.ir.models import Survey as IRSurvey
from fielder.models.changeset import Changeset
from fielder.models.survey import Survey
from fielder.platforms.base import ImportFailed
from fielder.platforms.registry import UnknownPlatform, get_exporter, get_importer
from fielder.platforms.result import ExportResult, NotCarried
from fielder.surveys.ir_document import parse_ir
from fielder.surveys.programming import check_platform


def _programmed(survey: Survey) -> IRSurvey:
    if survey.platform_ir is None:
        raise Conflict("platform_ir_unavailable", "The survey has not been programmed yet.")
    return IRSurvey.model_validate(survey.platform_ir)


def export(survey: Survey, platform: str) -> ExportResult:
    """The survey's IR as `platform`'s native file (422 for a platform fielder cannot write)."""
    check_platform(platform)
    ir = _programmed(survey)
    try:
        return get_exporter(platform).export(ir.model_copy(update={"platform": platform}))
    except UnknownPlatform as error:
        raise Unprocessable(
            "unknown_platform", error.reason, details=[{"field": "platform"}]
        ) from error


@dataclass(slots=True)
class Pulled:
    """The changeset a pull made (None when the file matched the IR) and what was dropped."""

    changeset: Changeset | None
    not_carried: list[NotCarried]


def _read_native(platform: str, data: bytes) -> tuple[IRSurvey, list[NotCarried]]:
    if platform == "fielder" or data.lstrip()[:1] == b"{":
        try:
            document = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            document = None
        if isinstance(document, dict) and document.get("schema") == "fielder/ir@1":
            return parse_ir(document), []
    try:
        result = get_importer(platform).import_(data)
    except UnknownPlatform as error:
        raise Unprocessable("unsupported_platform_file", error.reason) from error
    except ImportFailed as error:
        raise Unprocessable(
            "unreadable_file",
            f"The {platform} file cannot be read: {error.reason}",
            details=[{"reason": error.reason}],
        ) from error
    return result.survey, result.not_carried


def pull(
    session: Session,
    survey: Survey,
    data: bytes,
    *,
    actor: dict[str, Any] | None,
    file_name: str,
) -> Pulled:
    """Read a native file of the survey's platform and record how it differs from the IR."""
    _programmed(survey)
    if survey.status in {"programming", "compiling"}:
        raise Conflict("survey_programming", "The survey is being programmed.")
    platform = survey.target_platform or "fielder"
    imported, not_carried = _read_native(platform, data)
    document = imported.model_copy(update={"platform": platform}).to_json()
    parse_ir(document)
    changeset = history.write_ir(
        session,
        survey,
        document,
        "platform_pull",
        actor=actor,
        title=f"Pull from {platform}: {file_name}"[:300],
    )
    return Pulled(changeset, not_carried)
