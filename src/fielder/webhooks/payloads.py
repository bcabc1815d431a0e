"""The `data` of every webhook event, one pydantic model each (API.md § 10)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from fielder.responses.schemas import ResponseRead


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SurveyEvent(_Payload):
    """`survey.*`: the survey as it is after the change."""

    id: str
    name: str
    slug: str
    status: str


class ProgrammingStarted(_Payload):
    """`programming.started`: the survey and the `initial_programming` changeset of the run."""

    id: str
    changeset_id: str


class ProgrammingFinished(_Payload):
    """`programming.finished`: how the run ended; `failure_reason` says why when it failed."""

    id: str
    result: Literal["completed", "failed", "cancelled"]
    failure_reason: str | None


class ChangesetEvent(_Payload):
    """`changeset-*`: a changeset of a survey's history."""

    id: str
    survey_id: str
    type: Literal["initial_programming", "ai_prompt", "revert", "manual", "platform_pull"]
    status: Literal["in_progress", "awaiting_approval", "complete", "error", "discarded"]
    title: str


class ChangesetOperationAdded(ChangesetEvent):
    """`changeset-operation-added`: a changeset grew; `operation_count` is its size so far."""

    operation_count: int


class ResponseEvent(ResponseRead):
    """`response.started` and `response.completed`: the whole response."""

    model_config = ConfigDict(extra="forbid")


class ResponseGone(_Payload):
    """`response.abandoned` and `response.deleted`: which response, and its status then."""

    id: str
    survey_id: str
    status: Literal["in_progress", "completed", "abandoned"]


class WebhookTest(_Payload):
    """`webhook.test`: sent only by `POST /webhooks/{id}/test`, whatever the webhook's events."""

    webhook_id: str
    message: str
