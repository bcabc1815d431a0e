"""Schemathesis against the app's OpenAPI description: the public respondent routes never
answer 500 and never break their own documented response schema."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from fielder.app import create_app
from fielder.config import Settings
from tests.responses.conftest import Live, MakeLive

PUBLIC = r"^/api/v1/surveys/\{slug\}/"


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    """The app with rate limits off: the fuzzer sends far more than 30 a minute."""
    return create_app(settings.model_copy(update={"rate_limit_enabled": False}))


@pytest.fixture
def fuzz_live(make_live: MakeLive) -> Live:
    """A live survey the fuzzer's requests are pointed at."""
    return make_live()


def test_public_routes_never_fail(app: FastAPI, fuzz_live: Live) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).include(path_regex=PUBLIC)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 5
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            if "slug" in (case.path_parameters or {}):
                case.path_parameters["slug"] = fuzz_live.slug
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()


TEAM = r"^/api/v1/(surveys/\{survey_id\}/(responses|respondents|analytics)|integrations)"


def test_team_routes_never_fail(app: FastAPI, fuzz_live: Live) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).include(path_regex=TEAM)
    operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Any) -> None:
            if "survey_id" in (case.path_parameters or {}):
                case.path_parameters["survey_id"] = fuzz_live.survey_id
            case.call_and_validate(
                headers=fuzz_live.org.headers,
                checks=[not_a_server_error, response_schema_conformance],
            )

        check()
