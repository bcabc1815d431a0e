"""The `next` endpoint's rules: which engine asks, and what is kept of the conversation."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from fastapi import Request
from pydantic import ValidationError
from sqlalchemy import update
from sqlalchemy.orm import Session

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.engines import conversation
from fielder.engines.base import EngineUnavailable
from fielder.errors import BadGateway, Conflict, FielderError, ServiceUnavailable, Unprocessable
from fielder.kit.engines import org_engine
from fielder.models.response import Response
from fielder.responses import repository
from fielder.responses.flow import Fielded
from fielder.responses.http import settings_of
from fielder.responses.schemas import NextRequest


def next_question(
    session: Session, fielded: Fielded, body: NextRequest, request: Request
) -> dict[str, Any]:
    """The engine's next question for a `mode: "ai"` survey, as the API's `data`."""
    if fielded.survey.mode != "ai":
        raise Conflict("not_conversational", "This survey is not an AI-led (mode: ai) survey.")
    _check_turns(body.conversation)
    settings = settings_of(request)
    # A survey made for the llm engine uses it; others use the server's engine.
    engine_name = "llm" if fielded.survey.engine == "llm" else settings.engine or "builtin"
    context = (body.context or {}) | {"ai_config": fielded.survey.ai_config or {}}
    answer, cost = _ask(session, settings, engine_name, fielded, body.conversation, context)
    if body.response_id is not None:
        _keep_conversation(session, fielded, body.response_id, body.conversation, cost)
    return answer


def _check_turns(turns: list[dict[str, Any]]) -> None:
    """422 for a turn no engine can read (an unknown role, a question id that is not text)."""
    for index, turn in enumerate(turns):
        try:
            conversation.Turn.model_validate(turn)
        except ValidationError as error:
            details = [
                {
                    "field": ".".join(["conversation", str(index), *map(str, e["loc"])]),
                    "in": "body",
                    "message": e["msg"],
                    "type": e["type"],
                }
                for e in error.errors()
            ]
            raise Unprocessable(
                "invalid_request", "A conversation turn is malformed.", details=details
            ) from None


def _ask(
    session: Session,
    settings: Settings,
    engine_name: str,
    fielded: Fielded,
    turns: list[dict[str, Any]],
    context: dict[str, Any],
) -> tuple[dict[str, Any], float]:
    if engine_name == "builtin":
        # The builtin engine's next question is this domain's own rules engine.
        found: Any = conversation.next_question(fielded.ir, turns, context)
    else:
        try:
            engine = org_engine(session, fielded.survey.org_id, engine_name, settings)
            found = engine.next_question(fielded.ir, turns, context)
        except EngineUnavailable as error:
            raise ServiceUnavailable("ai_unavailable", str(error)) from error
        except FielderError:
            raise
        except (OSError, ValueError, RuntimeError) as error:
            raise BadGateway(
                "ai_upstream_error", f"The model failed ({error}); try again."
            ) from error
    data = dataclasses.asdict(found)
    # What the model cost is kept on the response, not shown to the respondent.
    cost = float(data.pop("cost_cents", 0.0) or 0.0)
    data.pop("prompt_tokens", None)
    data.pop("completion_tokens", None)
    return {key: value for key, value in data.items() if value is not None}, cost


def _keep_conversation(
    session: Session,
    fielded: Fielded,
    response_id: str,
    turns: list[dict[str, Any]],
    cost_cents: float = 0.0,
) -> None:
    response = repository.survey_response(session, fielded.survey.id, response_id)
    if response.status == "completed":
        return
    session.execute(
        update(Response)
        .where(Response.id == response.id, Response.status != "completed")
        .values(
            ai_conversation=turns,
            # Whole cents, rounded up per call: never less than the model cost.
            ai_cost_cents=Response.ai_cost_cents + math.ceil(cost_cents),
            last_saved_at=utcnow(),
            updated_at=utcnow(),
        )
        .execution_options(synchronize_session=False)
    )
