"""Why a file could not be read: unsupported (API 415) or unreadable (API 422)."""

from __future__ import annotations


class DocumentError(Exception):
    """Base of the reading errors; `reason` is a sentence a user can act on."""

    code = "document_error"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnsupportedFile(DocumentError):
    """The file's type is not one fielder reads (unknown extension or media type) → 415."""

    code = "unsupported_file"


class UnreadableFile(DocumentError):
    """The file claims a supported type but cannot be read safely or at all → 422."""

    code = "unreadable_file"
