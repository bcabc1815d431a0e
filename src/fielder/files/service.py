"""The rules of files: what is accepted (checked before storing), storing, reading back."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.documents import SUPPORTED_EXTENSIONS, Document, read_document
from fielder.documents.detect import detect
from fielder.documents.errors import UnreadableFile, UnsupportedFile
from fielder.errors import NotFound, Unprocessable, UnsupportedMediaType
from fielder.files.upload import Upload, too_large
from fielder.kit.storage import Storage, file_key
from fielder.models.file import File


def check_upload(upload: Upload, max_bytes: int) -> tuple[Document, str]:
    """The document read from an upload and its media type; 415, 413 or 422 `unreadable_file`
    when it is not a questionnaire fielder can read. Nothing is stored here."""
    extension = PurePath(upload.name).suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        raise UnsupportedMediaType(
            "unsupported_file",
            f"'{extension or upload.name}' files are not supported.",
            details=[{"supported": list(SUPPORTED_EXTENSIONS)}],
        )
    if len(upload.data) > max_bytes:
        raise too_large(max_bytes)
    try:
        document = read_document(upload.data, upload.name, upload.media_type)
        media_type = detect(upload.data, upload.name, upload.media_type).media_types[0]
    except UnsupportedFile as error:
        raise UnsupportedMediaType(
            "unsupported_file", error.reason, details=[{"reason": error.reason}]
        ) from error
    except UnreadableFile as error:
        raise Unprocessable(
            "unreadable_file",
            f"The file cannot be read: {error.reason}",
            details=[{"reason": error.reason}],
        ) from error
    return document, media_type


def store_file(
    session: Session,
    storage: Storage,
    org_id: str,
    upload: Upload,
    media_type: str,
    survey_id: str | None = None,
) -> File:
    """Keep the bytes in `storage` and a `files` row; the row is flushed, not committed."""
    row = File(
        org_id=org_id,
        name=PurePath(upload.name).name[:255],
        mime_type=media_type,
        size=len(upload.data),
        sha256=hashlib.sha256(upload.data).hexdigest(),
        storage_key="",
        survey_id=survey_id,
    )
    session.add(row)
    session.flush()
    row.storage_key = file_key(org_id, row.id)
    storage.put(row.storage_key, upload.data)
    return row


def get_file(session: Session, org_id: str, file_id: str) -> File:
    """The org's file; 404 `file_not_found` when missing or another org's."""
    row = session.scalars(select(File).where(File.id == file_id, File.org_id == org_id)).first()
    if row is None:
        raise NotFound("file_not_found", f"No file '{file_id}'.")
    return row


def file_bytes(storage: Storage, row: File) -> bytes:
    """The stored bytes of a file; 404 when the store has lost them."""
    try:
        return storage.get(row.storage_key)
    except KeyError as error:
        raise NotFound(
            "file_content_missing", f"The content of file '{row.id}' is gone."
        ) from error


def read_stored(storage: Storage, row: File) -> Document:
    """The stored file read again into a Document (for Q&A); 422 if it no longer reads."""
    try:
        return read_document(file_bytes(storage, row), row.name, row.mime_type)
    except (UnreadableFile, UnsupportedFile) as error:
        raise Unprocessable(
            "unreadable_file",
            f"The file cannot be read: {error.reason}",
            details=[{"reason": error.reason}],
        ) from error
