"""Commit the request's session before the response starts, not after it is sent.

FastAPI ends `yield` dependencies such as `get_session` after the response has gone out, so a
client could read before the write it was just told about is committed (and a failed commit
would go unnoticed). This middleware commits the session of a successful response (status
below 400) just before its first byte; `get_session` still rolls back on an exception.
"""

from __future__ import annotations

import anyio
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fielder.db.session import COMMIT_STATE_KEY as STATE_KEY
from fielder.db.session import has_writes


class CommitBeforeResponse:
    """ASGI middleware: commit the request's session as the response starts (status < 400)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_after_commit(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                state = scope.get("state")
                session = state.get(STATE_KEY) if isinstance(state, dict) else None
                if isinstance(session, Session) and has_writes(session):
                    await anyio.to_thread.run_sync(session.commit)
            await send(message)

        await self.app(scope, receive, send_after_commit)
