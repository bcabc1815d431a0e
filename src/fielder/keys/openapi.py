"""The API-key scheme in the OpenAPI description.

`require_scope` reads the `Authorization` and `X-Org-Id` headers itself instead of through
FastAPI security dependencies (two more dependencies to solve on every request); this puts the
same two schemes in the OpenAPI description, on every operation that takes a key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

SCHEMES: dict[str, dict[str, Any]] = {
    "HTTPBearer": {"type": "http", "scheme": "bearer", "description": "An API key: `fk_live_…`"},
    "APIKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-Org-Id",
        "description": "The key's org id",
    },
}
REQUIREMENT: list[dict[str, list[str]]] = [{name: []} for name in SCHEMES]


def document_key_auth(app: FastAPI) -> None:
    """Mark every operation taking an API key with the two schemes (call after adding routes)."""
    for route in _api_routes(app.router.routes):
        if _requires_key(route.dependant):
            route.openapi_extra = {**(route.openapi_extra or {}), "security": REQUIREMENT}
    default = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = default()
            schema.setdefault("components", {}).setdefault("securitySchemes", {}).update(SCHEMES)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _api_routes(routes: Iterable[BaseRoute]) -> Iterator[APIRoute]:
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        # An included router (FastAPI keeps the router it includes as `original_router`).
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _api_routes(included.routes)


def _requires_key(dependant: Dependant) -> bool:
    return getattr(dependant.call, "requires_api_key", False) or any(
        _requires_key(sub) for sub in dependant.dependencies
    )
