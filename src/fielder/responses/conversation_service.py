"""The `next` endpoint's rules: which engine asks, and what is kept of the conversation."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import Request
from sqlalchemy import update
from sqlalchemy.orm import Session

from fielder.db.base import utcnow
from fielder.engines import conversation
from fielder.engines.base import EngineUnavailable, get_engine
from fielder.errors import BadGateway, Conflict, FielderError, ServiceUnavailable
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
    engine_name = settings_of(request).engine or "builtin"
    context = body.context or {}
    answer = _ask(engine_name, fielded, body.conversation, context)
    if body.response_id is not None:
        _keep_conversation(session, fielded, body.response_id, body.conversation)
    return answer


def _ask(
    engine_name: str, fielded: Fielded, turns: list[dict[str, Any]], context: dict[str, Any]
) -> dict[str, Any]:
    if engine_name == "builtin":
        # The builtin engine's next question is this domain's own rules engine.
        found: Any = conversation.next_question(fielded.ir, turns, context)
    else:
        try:
            found = get_engine(engine_name).next_question(fielded.ir, turns, context)
        except EngineUnavailable as error:
            raise ServiceUnavailable("ai_unavailable", str(error)) from error
        except FielderError:
            raise
        except (OSError, ValueError, RuntimeError) as error:
            raise BadGateway(
                "ai_upstream_error", f"The model failed ({error}); try again."
            ) from error
    data = dataclasses.asdict(found)
    return {key: value for key, value in data.items() if value is not None}


def _keep_conversation(
    session: Session, fielded: Fielded, response_id: str, turns: list[dict[str, Any]]
) -> None:
    response = repository.survey_response(session, fielded.survey.id, response_id)
    if response.status == "completed":
        return
    session.execute(
        update(Response)
        .where(Response.id == response.id, Response.status != "completed")
        .values(ai_conversation=turns, last_saved_at=utcnow(), updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
