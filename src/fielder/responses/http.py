"""HTTP helpers of the responses domain: JSON bodies read by hand, CORS on public routes.

Bodies are read here (not by FastAPI's validation) so that every malformed, oversized or
mistyped body is the API's own error format: 400 `malformed_json`, 413, 422 with details.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Final, TypeVar

from fastapi import Request, routing
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from fielder.config import Settings, get_settings
from fielder.errors import BadRequest, FielderError, PayloadTooLarge, Unprocessable

Model = TypeVar("Model", bound=BaseModel)

CORS_HEADERS: Final[dict[str, str]] = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PATCH, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept, Accept-Language",
    "Access-Control-Expose-Headers": (
        "Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, "
        "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
    ),
    "Access-Control-Max-Age": "600",
}


def settings_of(request: Request) -> Settings:
    """The app's settings (tests run apps with their own)."""
    settings = getattr(request.app.state, "settings", None)
    return settings if isinstance(settings, Settings) else get_settings()


async def read_json(request: Request, *, limit: int | None = None) -> Any:
    """The request's JSON body (empty → `{}`); 413 past the limit, 400 when malformed."""
    limit = limit or settings_of(request).max_json_body_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    try:
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limit:
                raise _too_large(limit)
    except ClientDisconnect as error:
        raise BadRequest("client_disconnected", "The client went away mid-request.") from error
    if not body.strip():
        return {}
    try:
        value = json.loads(body, parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        raise BadRequest("malformed_json", "The request body is not valid JSON.") from error
    # PostgreSQL stores no NUL character in text or JSONB; no survey answer needs one. A JSON
    # text can only carry one escaped, so a body without `\u0000` needs no walk of its values.
    if b"\\u0000" in body and _has_nul(value):
        raise Unprocessable("invalid_text", "Text may not contain NUL (\\u0000) characters.")
    return value


def _has_nul(value: Any) -> bool:
    """Whether any string (or key) in a JSON value holds a NUL character (iteratively)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge("payload_too_large", f"The body is over the limit of {limit} bytes.")


def parse(model: type[Model], data: Any) -> Model:
    """Validate a JSON value against `model`; 422 `invalid_request` naming each field."""
    if not isinstance(data, dict):
        raise Unprocessable("invalid_request", "The body must be a JSON object.")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        details = [
            {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
            for item in error.errors(include_url=False, include_context=False, include_input=False)
        ]
        raise Unprocessable(
            "invalid_request", "The request body is not valid.", details=details
        ) from error


def body_of(model: type[Model]) -> Callable[[Request], Coroutine[Any, Any, Model]]:
    """A FastAPI dependency reading the JSON body as `model` (so the endpoint itself can be a
    plain `def` that FastAPI runs in its threadpool, off the event loop)."""

    async def dependency(request: Request) -> Model:
        return parse(model, await read_json(request))

    return dependency


def json_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` describing a JSON request body of `model`."""
    return {
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": model.model_json_schema(by_alias=False)}},
        }
    }


class CorsRoute(APIRoute):
    """A route whose every answer, errors included, carries the open CORS headers.

    An `async` endpoint that takes only the request, its path parameters and optional query
    parameters is called directly when the request has no query string: its dependencies
    (each an async check of the request, the rate limits) are awaited in turn, without
    FastAPI's per-request dependency solving (~0.1 ms of CPU a request). A request with a
    query string goes through FastAPI's handler, which validates the query parameters.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Wrap FastAPI's handler: add CORS headers to the response or to the error raised."""
        handler = super().get_route_handler()
        checks = self._plain_checks()
        endpoint: Callable[..., Awaitable[Response]] = self.endpoint

        async def route(request: Request) -> Response:
            try:
                if checks is None or request.scope.get("query_string"):
                    response = await handler(request)
                else:
                    for check in checks:
                        await check(request)
                    response = await endpoint(request=request, **request.path_params)
            except (FielderError, HTTPException) as error:
                error.headers = {**(error.headers or {}), **CORS_HEADERS}
                raise
            except RequestValidationError as error:
                # A bad query string: the app's own 422, which carries no headers of its own.
                answer = request.app.exception_handlers[RequestValidationError]
                response = await answer(request, error)
            response.headers.update(CORS_HEADERS)
            return response

        return route

    def _plain_checks(self) -> list[Callable[[Request], Awaitable[None]]] | None:
        """The dependencies to await before calling the endpoint directly, or None when the
        endpoint needs FastAPI's handler (a body, headers, a sync function, other needs)."""
        # As FastAPI's own `get_route_handler`: a route included in a router is built with the
        # dependant of that inclusion (the including router's dependencies too).
        included = getattr(routing, "_effective_route_context_var", None)
        context = included.get() if included is not None else None
        own = getattr(context, "original_route", None) is self
        dependant = getattr(context, "dependant", None) if own else None
        dependant = dependant or self.dependant
        if not inspect.iscoroutinefunction(self.endpoint) or dependant.body_params:
            return None
        if dependant.header_params or dependant.cookie_params:
            return None
        path = {param.name for param in dependant.path_params}
        query = {param.name for param in dependant.query_params}
        for name, param in inspect.signature(self.endpoint).parameters.items():
            plain = name == "request" or name in path
            if not plain and not (name in query and param.default is not inspect.Parameter.empty):
                return None
        checks: list[Callable[[Request], Awaitable[None]]] = []
        for sub in dependant.dependencies:
            call = sub.call
            if not inspect.iscoroutinefunction(call) or sub.dependencies:
                return None
            if list(inspect.signature(call).parameters) != ["request"]:
                return None
            checks.append(call)
        return checks
