"""Commit the request's session before the response starts, and end it after it is sent.

Committing before the first byte means a client never reads before the write it was just told
about is committed (and a failed commit is a 500, not unnoticed). This middleware commits the
session of a successful response (status below 400) just before its first byte, then, once the
response is sent, commits what is left and closes the session, or rolls it back when the
request raised (an exception through here, or one an exception handler turned into a response:
see `discard_session`). `get_session` only opens it.
"""

from __future__ import annotations

import anyio
from sqlalchemy.orm import Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fielder.db.session import COMMIT_STATE_KEY as STATE_KEY
from fielder.db.session import DISCARD_STATE_KEY, end_session, has_writes


class CommitBeforeResponse:
    """ASGI middleware: commit the request's session as the response starts (status < 400);
    end it once the response is sent."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_after_commit(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                session = _session(scope)
                if session is not None and has_writes(session):
                    await anyio.to_thread.run_sync(session.commit)
            await send(message)

        try:
            await self.app(scope, receive, send_after_commit)
        except BaseException:
            session = _session(scope)
            if session is not None:
                await end_session(session, commit=False)
            raise
        session = _session(scope)
        if session is not None:
            discarded = scope["state"].get(DISCARD_STATE_KEY, False)
            await end_session(session, commit=not discarded)


def _session(scope: Scope) -> Session | None:
    state = scope.get("state")
    session = state.get(STATE_KEY) if isinstance(state, dict) else None
    return session if isinstance(session, Session) else None
