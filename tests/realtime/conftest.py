"""Realtime tests reuse the surveys fixtures."""

from __future__ import annotations

from tests.surveys.conftest import create, small_ir

__all__ = ["create", "small_ir"]
