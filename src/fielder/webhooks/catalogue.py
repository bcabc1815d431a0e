"""The one list of webhook events: name, payload model, the module that emits it, an example.

docs/webhooks.md's event list is generated from it (`python -m fielder.webhooks.docgen`), and a
test checks every example against its model and every event the parts publish against this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from fielder.webhooks import payloads as p

SURVEY_ID = "5b0e3c1e-8f0a-4c43-9d55-2f4b2b8f0a11"
CHANGESET_ID = "9d7c1f3a-2e64-4b8e-a0c5-7c0f4f1e2b22"
RESPONSE_ID = "c3a8e2d4-51b7-4f0e-9a36-1d2e3f4a5b33"
TEST_EVENT = "webhook.test"


@dataclass(frozen=True)
class EventType:
    """One event a webhook can subscribe to."""

    name: str
    payload: type[BaseModel]
    emitted_by: str
    summary: str
    example: dict[str, Any]


def _survey(status: str) -> dict[str, Any]:
    return {"id": SURVEY_ID, "name": "Coffee habits", "slug": "coffee-habits", "status": status}


def _changeset(status: str, type_: str = "initial_programming") -> dict[str, Any]:
    title = "Initial programming" if type_ == "initial_programming" else "Make Q1 optional"
    return {"id": CHANGESET_ID, "survey_id": SURVEY_ID, "type": type_, "status": status,
            "title": title}  # fmt: skip


def _response(status: str) -> dict[str, Any]:
    done = status == "completed"
    return {
        "id": RESPONSE_ID, "survey_id": SURVEY_ID, "respondent_token": None,
        "respondent_email": None, "answers": {"Q1": "1"} if done else {},
        "question_versions": {"Q1": 1} if done else {}, "ai_conversation": [], "ai_cost_cents": 0,
        "metadata": {"source": "panel"}, "status": status,
        "outcome": "complete" if done else None, "started_at": "2026-05-10T10:00:00Z",
        "completed_at": "2026-05-10T10:05:00Z" if done else None,
        "created_at": "2026-05-10T10:00:00Z",
        "updated_at": "2026-05-10T10:05:00Z" if done else "2026-05-10T10:00:00Z",
    }  # fmt: skip


_SURVEYS = "fielder.surveys.service"
_HISTORY = "fielder.history.service"
_PROGRAMMING = "fielder.surveys.programming"
_FLOW = "fielder.responses.flow"

EVENTS: tuple[EventType, ...] = (
    EventType("survey.created", p.SurveyEvent, _SURVEYS, "A survey was created.",
              _survey("pending")),
    EventType("survey.updated", p.SurveyEvent, f"{_SURVEYS}, {_HISTORY}, {_PROGRAMMING}",
              "A survey's name, slug, status or IR changed.", _survey("reviewing")),
    EventType("survey.deleted", p.SurveyEvent, _SURVEYS, "A survey was deleted.",
              _survey("reviewing")),
    EventType("survey.closed", p.SurveyEvent, _SURVEYS, "A live survey stopped fielding.",
              _survey("closed")),
    EventType("programming.started", p.ProgrammingStarted, _PROGRAMMING,
              "A programming run started.", {"id": SURVEY_ID, "changeset_id": CHANGESET_ID}),
    EventType("programming.finished", p.ProgrammingFinished, _PROGRAMMING,
              "A programming run ended: `completed` or `failed` (`cancelled` is reserved).",
              {"id": SURVEY_ID, "result": "completed", "failure_reason": None}),
    EventType("changeset-started", p.ChangesetEvent, _HISTORY, "A changeset was opened.",
              _changeset("in_progress")),
    EventType("changeset-completed", p.ChangesetEvent, _HISTORY,
              "A changeset was applied to the survey.", _changeset("complete")),
    EventType("changeset-failed", p.ChangesetEvent, _HISTORY, "A changeset ended in error.",
              _changeset("error")),
    EventType("changeset-awaiting-approval", p.ChangesetEvent, _HISTORY,
              "An AI revision awaits approval or rejection.",
              _changeset("awaiting_approval", "ai_prompt")),
    EventType("changeset-operation-added", p.ChangesetOperationAdded, "fielder.history.events",
              "A changeset grew (one per batch of changes: a question of a programming run).",
              {**_changeset("in_progress"), "operation_count": 12}),
    EventType("response.started", p.ResponseEvent, _FLOW, "A respondent started a response.",
              _response("in_progress")),
    EventType("response.completed", p.ResponseEvent, _FLOW, "A response was completed.",
              _response("completed")),
    EventType("response.abandoned", p.ResponseGone, "fielder.responses.abandon",
              "An in-progress response went unsaved for `abandon_after` and is abandoned.",
              {"id": RESPONSE_ID, "survey_id": SURVEY_ID, "status": "abandoned"}),
    EventType("response.deleted", p.ResponseGone, _FLOW, "A response was deleted by the team.",
              {"id": RESPONSE_ID, "survey_id": SURVEY_ID, "status": "completed"}),
    EventType(TEST_EVENT, p.WebhookTest, "fielder.webhooks.service",
              "Sent only by `POST /webhooks/{id}/test`, whatever the webhook's events.",
              {"webhook_id": "0f4e6a5c-7b3d-4e2f-8a1b-9c8d7e6f5a44",
               "message": "A test event from fielder."}),
)  # fmt: skip

BY_NAME: dict[str, EventType] = {event.name: event for event in EVENTS}
#: The names a webhook may subscribe to (the test event is sent on request only).
SUBSCRIBABLE: frozenset[str] = frozenset(BY_NAME) - {TEST_EVENT}
