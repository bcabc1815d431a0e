"""Key secrets: generation, the stored hash and the prefix users see."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

KEY_PREFIX = "fk_live_"
# 32 random bytes -> 43 url-safe characters after the prefix.
SECRET_BYTES = 32
SHOWN_CHARS = len(KEY_PREFIX) + 6
# The prefix, then 32 to 192 url-safe characters (200 at most in all).
_KEY_SHAPE = re.compile(re.escape(KEY_PREFIX) + r"[A-Za-z0-9_-]{32,192}")


def new_secret() -> str:
    """A new API key secret, `fk_live_` followed by 43 random url-safe characters."""
    return KEY_PREFIX + secrets.token_urlsafe(SECRET_BYTES)


def hash_secret(secret: str) -> str:
    """The sha256 hex digest stored for a secret (the secret has 256 bits: a fast hash is right)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def shown_prefix(secret: str) -> str:
    """The first characters of a key, safe to show in lists."""
    return secret[:SHOWN_CHARS]


def looks_like_key(secret: str) -> bool:
    """True when `secret` has the shape of a fielder key (cheap check before any lookup)."""
    return _KEY_SHAPE.fullmatch(secret) is not None


def same_hash(a: str, b: str) -> bool:
    """Constant-time comparison of two hashes."""
    return hmac.compare_digest(a.encode(), b.encode())
