"""Reading a multipart upload from a request, with the size limit applied while reading."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request
from starlette.datastructures import UploadFile

from fielder.errors import BadRequest, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from fielder.files.deps import request_settings

_CHUNK = 1024 * 1024


@dataclass(slots=True)
class Upload:
    """One uploaded file and the form's other (text) fields."""

    name: str
    data: bytes
    media_type: str | None
    fields: dict[str, str] = field(default_factory=dict)


def media_type_of(request: Request) -> str:
    """The request's media type, lower case, without parameters."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def too_large(limit: int) -> PayloadTooLarge:
    """The 413 for an upload over `limit` bytes."""
    return PayloadTooLarge(
        "file_too_large",
        f"The file is larger than the {limit // (1024 * 1024)} MB limit.",
        details=[{"max_bytes": limit}],
    )


async def _read_limited(upload: UploadFile, limit: int) -> bytes:
    parts: list[bytes] = []
    size = 0
    while chunk := await upload.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise too_large(limit)
        parts.append(chunk)
    return b"".join(parts)


async def read_upload(request: Request, field_name: str = "file") -> Upload:
    """The file of a `multipart/form-data` request; 415 when not multipart, 413 over the limit,
    422 `file_missing` when the form has no file."""
    if media_type_of(request) != "multipart/form-data":
        raise UnsupportedMediaType(
            "unsupported_media_type", "Send the file as multipart/form-data."
        )
    limit = request_settings(request).max_upload_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + _CHUNK:  # the form's own overhead is small
        raise too_large(limit)
    form = await request.form(max_files=1, max_fields=20)
    try:
        upload = form.get(field_name)
        if not isinstance(upload, UploadFile):
            raise Unprocessable(
                "file_missing",
                f"The form has no file field '{field_name}'.",
                details=[{"field": field_name}],
            )
        data = await _read_limited(upload, limit)
        fields = {key: value for key, value in form.items() if isinstance(value, str)}
    finally:
        await form.close()  # the spooled temporary files of the form
    if not upload.filename:
        raise BadRequest("file_name_missing", "The uploaded file has no file name.")
    return Upload(upload.filename, data, upload.content_type, fields)
