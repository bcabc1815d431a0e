"""Which format a file is: by extension (or media type), confirmed by its first bytes."""

from __future__ import annotations

from pathlib import PurePath

from fielder.documents.errors import UnreadableFile, UnsupportedFile
from fielder.documents.readers import FORMATS, Format

SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(ext for fmt in FORMATS for ext in fmt.extensions)

_BY_EXTENSION = {ext: fmt for fmt in FORMATS for ext in fmt.extensions}
_BY_MEDIA_TYPE = {media: fmt for fmt in FORMATS for media in fmt.media_types}

#: formats people upload that fielder does not read, with what to do instead
_LEGACY = {
    ".doc": "legacy Word .doc files are not supported; save the file as .docx",
    ".xls": "legacy Excel .xls files are not supported; save the file as .xlsx",
    ".ppt": "PowerPoint files are not supported",
    ".pptx": "PowerPoint files are not supported",
    ".pages": "Apple Pages files are not supported; export as .docx or PDF",
}

_CONTENT_LABELS = {
    "zip": "a zip container (docx, xlsx or odt)",
    "pdf": "a PDF document",
    "rtf": "an RTF document",
    "ole": "a legacy Office file (.doc or .xls) or a password-protected Office file",
    "binary": "binary data",
    "text": "plain text",
    "image": "an image",
}


def sniff(data: bytes) -> str:
    """What the first bytes say the file is: zip, pdf, rtf, ole, image, binary or text."""
    head = data[:2048]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "image"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 with a BOM has NUL bytes but is text
    if b"\x00" in head:
        return "binary"
    return "text"


def _format_from_name(name: str, media_type: str | None) -> Format:
    ext = PurePath(name).suffix.lower()
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    if ext in _LEGACY:
        raise UnsupportedFile(_LEGACY[ext])
    media = (media_type or "").split(";")[0].strip().lower()
    if media in _BY_MEDIA_TYPE:
        return _BY_MEDIA_TYPE[media]
    shown = f"'{ext}' files" if ext else "files without an extension"
    raise UnsupportedFile(
        f"{shown} are not supported; fielder reads " + ", ".join(SUPPORTED_EXTENSIONS)
    )


def detect(data: bytes, name: str, media_type: str | None = None) -> Format:
    """The format of a file. Raises UnsupportedFile for unknown types and UnreadableFile when
    the name says one format and the content is another."""
    fmt = _format_from_name(name, media_type)
    content = sniff(data)
    if content == fmt.container:
        return fmt
    # RTF and HTML are text; a .txt that is really RTF is still text a person can read.
    if fmt.container == "text" and content == "rtf":
        return fmt
    ext = PurePath(name).suffix.lower() or fmt.label
    raise UnreadableFile(
        f"the file is named as {fmt.label} ({ext}) but its content is "
        f"{_CONTENT_LABELS.get(content, content)}"
    )
