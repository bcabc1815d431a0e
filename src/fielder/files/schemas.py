"""Files in and out of the API (API.md § 3)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class FileRead(BaseModel):
    """An uploaded file's metadata."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    mime_type: str
    size: int
    sha256: str
    survey_id: str | None
    created_at: datetime


class FileEnvelope(BaseModel):
    """`{"data": file}`."""

    data: FileRead
