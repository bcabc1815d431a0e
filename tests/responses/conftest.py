"""Fixtures of the responses tests: live surveys published through `publishing.publish`."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from fielder.config import Settings
from fielder.db.base import utcnow
from fielder.db.session import session_scope
from fielder.models.survey import Survey
from fielder.responses import publishing
from tests.conftest import OrgContext
from tests.responses.ir_samples import EVERY_TYPE

_numbers = itertools.count(1)

SCREENER: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Screener",
    "blocks": [
        {
            "id": "B1",
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
                    "text": "Gender",
                    "options": [{"code": "1", "label": "Man"}, {"code": "2", "label": "Woman"}],
                },
                {
                    "id": "Q3",
                    "type": "text",
                    "text": "Why do you like coffee?",
                    "display_if": "S1 == '3'",
                },
                {"id": "Q4", "type": "number", "text": "Cups a day", "required": False},
            ],
        }
    ],
    "quotas": [{"id": "QT1", "name": "Women", "condition": "S2 == '2'", "limit": 2}],
    "endings": [{"id": "screened_out", "text": "Thanks, that is all."}],
}


@dataclass
class Live:
    """A live survey: its id, slug, org and the base path of its public routes."""

    survey_id: str
    slug: str
    org: OrgContext

    @property
    def public(self) -> str:
        return f"/api/v1/surveys/{self.slug}"

    @property
    def team(self) -> str:
        return f"/api/v1/surveys/{self.survey_id}"


MakeLive = Callable[..., Live]


@pytest.fixture
def make_live(settings: Settings, org: OrgContext) -> MakeLive:
    """`make_live(ir=SCREENER, mode="manual", owner=org)`: a survey published and live."""

    def make(
        ir: dict[str, Any] | None = None, mode: str = "manual", owner: OrgContext | None = None
    ) -> Live:
        owner = owner or org
        number = next(_numbers)
        with session_scope(settings) as session:
            survey = Survey(
                org_id=owner.org_id,
                name=f"Survey {number}",
                slug=f"survey-{number}-{owner.org_id[:8]}",
                mode=mode,
                status="reviewing",
                target_platform="fielder",
                platform_ir=ir or SCREENER,
            )
            session.add(survey)
            session.flush()
            publishing.publish(session, survey)
            survey.status = "live"
            survey.live_at = utcnow()
            survey_id, slug = survey.id, survey.slug
        return Live(survey_id, slug, owner)

    return make


@pytest.fixture
def live(make_live: MakeLive) -> Live:
    """The screener survey, live."""
    return make_live()


@pytest.fixture
def every_type_live(make_live: MakeLive) -> Live:
    """The survey with every answer shape, live."""
    return make_live(EVERY_TYPE)
