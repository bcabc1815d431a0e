"""Shared documents for the IR tests."""

import copy
from typing import Any

import pytest

COFFEE: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Coffee habits 2026",
    "languages": ["en"],
    "blocks": [
        {
            "id": "B1",
            "title": "Screener",
            "items": [
                {
                    "id": "S1",
                    "type": "single",
                    "text": "How old are you?",
                    "options": [
                        {"code": "1", "label": "Under 18"},
                        {"code": "2", "label": "18-34"},
                        {"code": "3", "label": "35+"},
                    ],
                    "terminate_if": "S1 == '1'",
                },
                {
                    "id": "S2",
                    "type": "single",
                    "text": "Gender?",
                    "options": [{"code": "1", "label": "Man"}, {"code": "2", "label": "Woman"}],
                },
                {"type": "page_break"},
                {
                    "id": "Q3",
                    "type": "multi",
                    "text": "Which brands have you bought?",
                    "display_if": "S1 in ['2','3']",
                    "randomize_options": True,
                    "options": [
                        {"code": "1", "label": "Brand A"},
                        {"code": "2", "label": "Brand B"},
                        {"code": "97", "label": "Other", "specify": True, "fixed": True},
                        {"code": "99", "label": "None of these", "exclusive": True, "fixed": True},
                    ],
                    "skip_to": [{"if": "Q3 contains '99'", "to": "B2"}],
                },
                {
                    "id": "Q4",
                    "type": "single",
                    "text": "Which of {{Q3}} do you prefer?",
                    "options_from": {"question": "Q3", "selected": True},
                },
            ],
        },
        {
            "id": "B2",
            "items": [
                {
                    "id": "Q5",
                    "type": "number",
                    "text": "Cups a day?",
                    "validation": {"min": 0, "max": 30, "integer": True},
                },
                {
                    "id": "Q6",
                    "type": "grid",
                    "text": "Rate",
                    "rows": [{"id": "r1", "label": "Taste"}, {"id": "r2", "label": "Price"}],
                    "options": [{"code": "1", "label": "Bad"}, {"code": "2", "label": "Good"}],
                    "display_if": "Q5 > 0",
                },
                {
                    "id": "Q7",
                    "type": "constant_sum",
                    "text": "Split 100 points",
                    "total": 100,
                    "options": [{"code": "a", "label": "Home"}, {"code": "b", "label": "Work"}],
                    "display_if": "Q6.r1 == '2' or heavy_user",
                },
                {"id": "Q8", "type": "email", "text": "Email?", "required": False},
            ],
        },
    ],
    "variables": [{"name": "heavy_user", "expression": "Q5 >= 3"}],
    "quotas": [{"id": "QT1", "name": "Women", "condition": "S2 == '2'", "limit": 150}],
    "endings": [{"id": "screened_out", "text": "Thank you, that is all we need."}],
}


@pytest.fixture
def coffee() -> dict[str, Any]:
    """A fresh copy of a valid document using most features (edit it freely)."""
    return copy.deepcopy(COFFEE)
