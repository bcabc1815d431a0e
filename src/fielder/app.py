"""The FastAPI application: `create_app(settings)` wires settings, routes, errors and limits."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from fielder.api import include_api
from fielder.config import Settings, get_settings
from fielder.db.middleware import CommitBeforeResponse
from fielder.db.session import discard_session, get_engine
from fielder.errors import FielderError, ServiceUnavailable
from fielder.keys.openapi import document_key_auth
from fielder.kit.bodylimit import BodySizeLimit, BodyTooLarge
from fielder.kit.ratelimit import RateLimitHeaders, close_redis
from fielder.web.routes import router as web_router

logger = logging.getLogger("fielder")

# Starlette's own HTTP errors (unknown route, wrong method…) get codes of our error format.
HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """A fielder app for `settings` (the environment's when None)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="fielder",
        version="0.1.0",
        summary="Questionnaire files in, platform-native surveys and clean responses out.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        lifespan=_lifespan,
        # FastAPI's built-in OpenTelemetry checks the environment on every request; fielder
        # exports no traces or metrics, so it is off.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    # Code reads the app's settings from app.state.settings. No dependency_overrides: any
    # override makes FastAPI re-inspect every dependency's signature on every request.
    app.state.settings = settings
    app.add_middleware(CommitBeforeResponse)
    app.add_middleware(RateLimitHeaders)
    app.add_middleware(
        BodySizeLimit,
        multipart_limit=settings.max_upload_bytes,
        other_limit=settings.max_json_body_bytes,
    )
    _add_error_handlers(app)
    app.add_api_route("/healthz", healthz, methods=["GET"], tags=["health"])
    include_api(app)
    app.include_router(web_router)
    document_key_auth(app)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    from fielder.worker.consumer import start_embedded

    worker = start_embedded(app.state.settings)
    try:
        yield
    finally:
        if worker is not None:
            worker.stop()
        await close_redis()


def healthz(request: Request) -> dict[str, str]:
    """200 `{"status": "ok"}` when the database answers, else 503."""
    try:
        with get_engine(request.app.state.settings).connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # any database failure means "not healthy", reported, not hidden
        logger.warning("health check failed: %s", exc)
        raise ServiceUnavailable("database_unavailable", "The database does not answer.") from exc
    return {"status": "ok"}


def error_response(error: FielderError) -> JSONResponse:
    """The JSON response of a FielderError."""
    return JSONResponse(error.to_body(), status_code=error.status, headers=error.headers)


def _add_error_handlers(app: FastAPI) -> None:
    # Each handler marks the request's session for rollback (see db.middleware): the request
    # raised, even though the client gets an ordinary error response.
    app.add_exception_handler(FielderError, _fielder_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(DataError, _data_error)
    app.add_exception_handler(OperationalError, _operational_error)
    app.add_exception_handler(Exception, _unexpected_error)


async def _fielder_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FielderError)
    discard_session(request.scope.get("state"))
    return error_response(exc)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    discard_session(request.scope.get("state"))
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(
            FielderError("malformed_json", "The request body is not valid JSON.", 400)
        )
    details = [_detail(e) for e in errors]
    fields = ", ".join(d["field"] for d in details)
    return error_response(
        FielderError("invalid_request", f"Invalid request: {fields}.", 422, details=details)
    )


def _detail(error: Any) -> dict[str, Any]:
    location = [str(part) for part in error.get("loc", ())]
    # "body.name" rather than "body.name" nested in lists; the first part says where (body, query…).
    return {
        "field": ".".join(location[1:]) or (location[0] if location else ""),
        "in": location[0] if location else "",
        "message": str(error.get("msg", "")),
        "type": str(error.get("type", "")),
    }


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    discard_session(request.scope.get("state"))
    if isinstance(exc, BodyTooLarge):
        return error_response(exc.error)
    code = HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    headers = dict(exc.headers) if exc.headers else None
    return error_response(FielderError(code, message, exc.status_code, headers=headers))


async def _data_error(request: Request, exc: Exception) -> JSONResponse:
    discard_session(request.scope.get("state"))
    # The database refused a value from the request (a NUL character, a number out of range):
    # bad input, not a server fault.
    logger.info("database refused a value on %s %s: %s", request.method, request.url.path, exc)
    message = "A value in the request cannot be stored (e.g. a NUL character or a huge number)."
    return error_response(FielderError("invalid_request", message, 422, details=[]))


async def _operational_error(request: Request, exc: Exception) -> JSONResponse:
    discard_session(request.scope.get("state"))
    # SQLite: a writer that waited past busy_timeout for the one write lock (heavy write load
    # on the embedded database). Busy, not broken: 503 with Retry-After; the client retries.
    if "database is locked" in str(exc):
        logger.warning("database busy on %s %s", request.method, request.url.path)
        message = "The database is busy with other writes; retry in a moment."
        busy = FielderError("database_busy", message, 503, headers={"Retry-After": "1"})
        return error_response(busy)
    return await _unexpected_error(request, exc)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(FielderError("internal_error", "Something went wrong on our side.", 500))
