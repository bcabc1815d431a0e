"""`POST /files/{id}/qa`: the clarifying questions of a file as a stream of SSE events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field
from starlette.concurrency import iterate_in_threadpool


class QaRequest(BaseModel):
    """The answers given so far (`prior_qa`, alias `priorQa`); resolved items are not asked."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    prior_qa: list[dict[str, Any]] = Field(
        default_factory=list, validation_alias=AliasChoices("prior_qa", "priorQa")
    )


def discrepancy(item: Any) -> dict[str, Any]:
    """One clarification as the `discrepancy` event's data (the answer field left out)."""
    data: dict[str, Any] = item.model_dump(mode="json", exclude={"user_clarification"})
    return data


async def events(items: Iterable[Any]) -> AsyncIterator[dict[str, str]]:
    """`discrepancy` per clarification as the engine finds it (in a worker thread, so the
    first leaves before a long file is done), then `done {count}`."""
    count = 0
    async for item in iterate_in_threadpool(iter(items)):
        count += 1
        yield {"event": "discrepancy", "data": json.dumps(discrepancy(item))}
    yield {"event": "done", "data": json.dumps({"count": count})}
