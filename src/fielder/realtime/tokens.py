"""Short-lived realtime tokens: one channel, one org, a few minutes, HMAC-SHA256 signed.

The key is `FIELDER_REALTIME_SECRET` when set (several servers must share it), else a
random secret kept in the data dir (`realtime.key`, made on first use, owner-only).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from fielder.errors import Unauthorized

LIFETIME_SECONDS = 300


class RealtimeSettings(BaseSettings):
    """`FIELDER_REALTIME_SECRET`: the signing key shared by every server (optional)."""

    model_config = SettingsConfigDict(env_prefix="FIELDER_", extra="ignore")

    realtime_secret: str = ""


@dataclass(frozen=True, slots=True)
class Grant:
    """What a valid token allows: one channel of one org, until `expires_at` (epoch seconds)."""

    org_id: str
    channel: str
    expires_at: int


@lru_cache(maxsize=8)
def _file_secret(data_dir: str) -> bytes:
    path = Path(data_dir) / "realtime.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            return path.read_bytes()
        with os.fdopen(descriptor, "wb") as out:
            out.write(secrets.token_bytes(32))
    return path.read_bytes()


def server_secret(data_dir: Path) -> bytes:
    """The signing key: the setting when given, else the data dir's own."""
    configured = RealtimeSettings().realtime_secret
    return configured.encode() if configured else _file_secret(str(data_dir))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(secret: bytes, org_id: str, channel: str, now: float | None = None) -> str:
    """A signed token for `channel` (returned as text) — see `verify`."""
    expires = int((now or time.time()) + LIFETIME_SECONDS)
    body = _b64(json.dumps({"o": org_id, "c": channel, "e": expires}).encode())
    signature = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
    return f"{body}.{signature}"


def verify(secret: bytes, token: str, now: float | None = None) -> Grant:
    """The grant of a token signed with `secret`; 401 `invalid_token` when forged or expired."""
    try:
        body, signature = token.split(".", 1)
        expected = _b64(hmac.new(secret, body.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(expected, signature):
            raise ValueError("bad signature")
        claims = json.loads(_unb64(body))
        grant = Grant(str(claims["o"]), str(claims["c"]), int(claims["e"]))
    except (ValueError, KeyError, TypeError) as error:
        raise Unauthorized("invalid_token", "The realtime token is not valid.") from error
    if grant.expires_at < (now or time.time()):
        raise Unauthorized("token_expired", "The realtime token has expired; ask for a new one.")
    return grant
