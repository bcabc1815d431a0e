"""Every domain router under /api/v1 (each domain adds one line here)."""

from __future__ import annotations

from fastapi import APIRouter

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

api_router = APIRouter(prefix="/api/v1")
# Public respondent routes first: routes are matched in order, one by one, and theirs are the
# busiest. They share /surveys/{…} with the team's routes, but no public route has the method
# and shape of a team route, so the order picks the same route for every request.
api_router.include_router(public_responses_router)
api_router.include_router(keys_router)
api_router.include_router(meta_router)
api_router.include_router(surveys_router)
api_router.include_router(files_router)
api_router.include_router(history_router)
api_router.include_router(realtime_router)
api_router.include_router(responses_router)
api_router.include_router(respondents_router)
api_router.include_router(integrations_router)
api_router.include_router(webhooks_router)
