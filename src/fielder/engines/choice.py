"""Which engine serves an org: the one asked for, except that an org with the LLM turned off
(`organizations.llm_enabled`) gets the builtin engine, so nothing of it reaches a model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fielder.config import Settings, get_settings
from fielder.engines.base import Engine, get_engine

if TYPE_CHECKING:
    from fielder.engines.llm.client import Slots


def engine_for(
    name: str,
    *,
    org_id: str | None,
    llm_enabled: bool = True,
    settings: Settings | None = None,
    slots: Slots | None = None,
) -> Engine:
    """The engine `name` for `org_id` (its model calls take the org's `slots`), on
    `settings` (the process settings by default); `EngineUnavailable` when it cannot serve."""
    if name == "llm" and not llm_enabled:
        name = "builtin"
    if name == "llm":
        from fielder.engines.llm import LLMEngine

        return LLMEngine(settings or get_settings(), org_id, slots)
    return get_engine(name)
