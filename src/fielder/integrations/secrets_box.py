"""Encryption of API-connection credentials with Fernet (the `cryptography` package).

The key is a file in the data dir (`integration.key`, created once, mode 0600), so stored
credentials are useless without the server's own disk.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

KEY_FILE = "integration.key"


def _fernet(data_dir: Path) -> Fernet:
    path = data_dir / KEY_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process wrote it first: read theirs
        else:
            with os.fdopen(descriptor, "wb") as file:
                file.write(Fernet.generate_key())
    return Fernet(path.read_bytes().strip())


def seal(data_dir: Path, credentials: dict[str, Any]) -> str:
    """The credentials as an encrypted token (text)."""
    return _fernet(data_dir).encrypt(json.dumps(credentials).encode("utf-8")).decode("ascii")


def unseal(data_dir: Path, token: str) -> dict[str, Any]:
    """The credentials back from `seal`'s token."""
    value = json.loads(_fernet(data_dir).decrypt(token.encode("ascii")))
    return value if isinstance(value, dict) else {}
