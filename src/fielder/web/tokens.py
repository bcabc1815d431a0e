"""Signed form state: which response a form post belongs to, unforgeable from another site.

Every form carries `state` = `<response id or "new.<nonce>">.<HMAC-SHA256>`; a post whose
signature does not match is refused (CSRF). It needs no cookie, so the survey works inside a
third-party iframe where browsers drop cookies.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from fielder.config import Settings

_SECRETS: dict[str, bytes] = {}


def secret(settings: Settings) -> bytes:
    """`web_secret`, else one kept in the data dir (made once, mode 0600)."""
    if settings.web_secret:
        return settings.web_secret.encode()
    path = Path(settings.data_dir) / "web_secret"
    key = str(path.resolve())
    cached = _SECRETS.get(key)
    if cached is not None:
        return cached
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = path.read_bytes().strip()
    else:
        value = secrets.token_hex(32).encode()
        with os.fdopen(fd, "wb") as handle:
            handle.write(value)
    _SECRETS[key] = value
    return value


def _sign(key: bytes, slug: str, value: str) -> str:
    return hmac.new(key, f"{slug}|{value}".encode(), hashlib.sha256).hexdigest()[:40]


def make(key: bytes, slug: str, response_id: str | None) -> str:
    """The state of a form for this response (or a new one)."""
    value = response_id or f"new-{secrets.token_hex(8)}"
    return f"{value}.{_sign(key, slug, value)}"


def read(key: bytes, slug: str, state: str) -> tuple[bool, str | None]:
    """(valid, response id or None for a new response)."""
    value, _, signature = state.rpartition(".")
    if not value or not hmac.compare_digest(signature, _sign(key, slug, value)):
        return False, None
    return True, (None if value.startswith("new-") else value)
