"""What every platform's exporter and importer hands back: the file, or the survey, and
the report of what could not be carried across (nothing is dropped silently)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from fielder.ir.models import Survey


class NotCarried(BaseModel):
    """One IR feature a platform could not express (export) or fielder could not hold (import)."""

    element_id: str
    feature: str
    reason: str


@dataclass(slots=True)
class ExportResult:
    """A native file for one platform, byte-for-byte deterministic for the same IR."""

    content: bytes
    file_name: str
    media_type: str
    not_carried: list[NotCarried] = field(default_factory=list)


@dataclass(slots=True)
class ImportResult:
    """A survey read from a native file, and what in the file the IR could not hold."""

    survey: Survey
    not_carried: list[NotCarried] = field(default_factory=list)
