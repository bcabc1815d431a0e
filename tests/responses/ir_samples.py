"""Survey IR documents and responses the responses tests share."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fielder.ir.models import Survey
from fielder.responses.exports import ResponseRow

EVERY_TYPE: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Every type",
    "blocks": [
        {
            "id": "B1",
            "items": [
                {"id": "INTRO", "type": "display", "text": "Welcome"},
                {
                    "id": "S1",
                    "type": "single",
                    "text": "How old are you?",
                    "options": [
                        {"code": "1", "label": "Under 18"},
                        {"code": "2", "label": "18-34"},
                        {"code": "3", "label": "35+"},
                    ],
                },
                {
                    "id": "Q2",
                    "type": "multi",
                    "text": "Which brands?",
                    "options": [
                        {"code": "1", "label": "Brand A"},
                        {"code": "2", "label": "Brand B"},
                        {"code": "97", "label": "Other", "specify": True},
                    ],
                },
                {
                    "id": "Q3",
                    "type": "grid",
                    "text": "Rate each",
                    "rows": [{"id": "r1", "label": "Taste"}, {"id": "r2", "label": "Price"}],
                    "options": [{"code": "1", "label": "Bad"}, {"code": "5", "label": "Good"}],
                },
                {"id": "Q4", "type": "number", "text": "How many cups?"},
                {"id": "Q5", "type": "text", "text": "Why?"},
                {
                    "id": "Q6",
                    "type": "ranking",
                    "text": "Rank",
                    "options": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}],
                },
                {
                    "id": "Q7",
                    "type": "constant_sum",
                    "text": "Split 100",
                    "total": 100,
                    "options": [{"code": "1", "label": "Home"}, {"code": "2", "label": "Work"}],
                },
                {"id": "Q8", "type": "date", "text": "When?"},
                {
                    "id": "Q9",
                    "type": "dropdown",
                    "text": "Country",
                    "options": [
                        {"code": "fr", "label": "France"},
                        {"code": "de", "label": "Germany"},
                    ],
                },
            ],
        }
    ],
}

WHEN = datetime(2026, 5, 10, 10, 5, tzinfo=UTC)


def every_type() -> Survey:
    """The survey with one question of each answer shape."""
    return Survey.model_validate(EVERY_TYPE)


def full_answers() -> dict[str, Any]:
    """Answers to every question of `every_type`."""
    return {
        "S1": "2",
        "Q2": ["1", {"code": "97", "text": "Brand Ü"}],
        "Q3": {"r1": "5", "r2": "1"},
        "Q4": 3,
        "Q5": '=HYPERLINK("x")',
        "Q6": ["b", "a"],
        "Q7": {"1": 60, "2": 40},
        "Q8": "2026-05-01",
        "Q9": "de",
    }


def rows(count: int) -> list[ResponseRow]:
    """`count` completed responses, every other one with answers, the rest empty."""
    return [
        ResponseRow(
            id=f"00000000-0000-4000-8000-{index:012d}",
            status="completed",
            outcome="complete",
            respondent_email=f"r{index}@example.org",
            started_at=WHEN,
            completed_at=WHEN,
            created_at=WHEN,
            answers=full_answers() if index % 2 == 0 else {},
        )
        for index in range(count)
    ]
