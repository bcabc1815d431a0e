"""ASGI middleware refusing request bodies over the limit with 413 `payload_too_large`.

Multipart uploads may be as large as the upload limit; every other body (JSON) the smaller one.
The declared Content-Length is checked first; a streamed body is counted as it arrives.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fielder.errors import PayloadTooLarge


class BodyTooLarge(HTTPException):
    """Raised while reading a body past the limit; rendered as 413 `payload_too_large`."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413)
        self.error = PayloadTooLarge(
            "payload_too_large",
            f"The request body is over the limit of {limit} bytes.",
            details=[{"limit_bytes": limit}],
        )


class BodySizeLimit:
    """Refuse request bodies larger than the limit of their content type."""

    def __init__(self, app: ASGIApp, multipart_limit: int, other_limit: int) -> None:
        self.app = app
        self.multipart_limit = multipart_limit
        self.other_limit = other_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").decode("latin-1").lower()
        limit = self.multipart_limit if "multipart/" in content_type else self.other_limit
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(send, BodyTooLarge(limit).error)
            return
        await self.app(scope, _counting(receive, limit), send)


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return wrapped


async def _refuse(send: Send, error: PayloadTooLarge) -> None:
    body = json.dumps(error.to_body()).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
