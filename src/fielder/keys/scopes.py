"""The scopes an API key can carry."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Scope = Literal["surveys:read", "surveys:write", "webhooks:write", "keys:write"]
ALL_SCOPES: tuple[Scope, ...] = ("surveys:read", "surveys:write", "webhooks:write", "keys:write")

# A write scope also grants reading what it writes.
IMPLIED: dict[str, frozenset[str]] = {"surveys:write": frozenset({"surveys:read"})}


def grants(scopes: Sequence[str], wanted: str) -> bool:
    """True when a key holding `scopes` may act with scope `wanted`."""
    return any(wanted == held or wanted in IMPLIED.get(held, ()) for held in scopes)
