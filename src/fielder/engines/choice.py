"""Which engine serves an org: the one asked for, except that an org with the LLM turned off
(`organizations.llm_enabled`) gets the builtin engine, so nothing of it reaches a model."""

from __future__ import annotations

from fielder.engines.base import Engine, get_engine


def engine_for(name: str, *, org_id: str | None, llm_enabled: bool = True) -> Engine:
    """The engine `name` for `org_id` (its model calls count against the org's cap);
    `EngineUnavailable` when that engine cannot serve."""
    if name == "llm" and not llm_enabled:
        name = "builtin"
    chosen = get_engine(name)
    for_org = getattr(chosen, "for_org", None)
    if callable(for_org):
        bound: Engine = for_org(org_id)
        return bound
    return chosen
