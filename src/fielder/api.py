"""Every domain router under /api/v1 (each domain adds one line here)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from fielder.files.endpoints import router as files_router
from fielder.history.endpoints import router as history_router
from fielder.integrations.endpoints import router as integrations_router
from fielder.keys.endpoints import router as keys_router
from fielder.meta.endpoints import router as meta_router
from fielder.realtime.endpoints import router as realtime_router
from fielder.respondents.endpoints import router as respondents_router
from fielder.responses.endpoints import router as responses_router
from fielder.responses.public import router as public_responses_router
from fielder.surveys.endpoints import router as surveys_router
from fielder.webhooks.endpoints import router as webhooks_router

API_PREFIX = "/api/v1"

# Public respondent routes first: routes are matched in order, one by one, and theirs are the
# busiest. They share /surveys/{…} with the team's routes, but no public route has the method
# and shape of a team route, so the order picks the same route for every request.
ROUTERS: tuple[APIRouter, ...] = (
    public_responses_router,
    keys_router,
    meta_router,
    surveys_router,
    files_router,
    history_router,
    realtime_router,
    responses_router,
    respondents_router,
    integrations_router,
    webhooks_router,
)


def include_api(app: FastAPI) -> None:
    """Include every domain router in `app` under /api/v1.

    Each straight into the app, not through an /api/v1 router holding them: FastAPI matches
    every level of included routers again on each request (a quarter of the Python calls of
    an authenticated request went to the extra level).
    """
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
