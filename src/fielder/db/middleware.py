"""Commit the request's session before the response starts, not after it is sent.

FastAPI ends `yield` dependencies such as `get_session` after the response has gone out, so a
client could read before the write it was just told about is committed (and a failed commit
would go unnoticed). This middleware commits the session of a successful response (status
below 400) just before its first byte; `get_session` still rolls back on an exception.
"""

from __future__ import annotations

import anyio
from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fielder.db.session import COMMIT_STATE_KEY as STATE_KEY


def _mark_written(session: Session, _context: object) -> None:
    session.info[_WROTE] = True


def _forget_writes(session: Session) -> None:
    session.info.pop(_WROTE, None)


def _mark_statement(state: ORMExecuteState) -> None:
    # session.execute(insert/update/delete(...)) writes without a flush.
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


_WROTE = "fielder_wrote"
event.listen(Session, "after_flush", _mark_written)
event.listen(Session, "do_orm_execute", _mark_statement)
event.listen(Session, "after_commit", _forget_writes)
event.listen(Session, "after_soft_rollback", lambda session, _previous: _forget_writes(session))


def _has_writes(session: Session) -> bool:
    """True when the session has changes to commit (a read-only request skips the thread hop)."""
    if not session.in_transaction():
        return False
    return bool(session.info.get(_WROTE) or session.new or session.dirty or session.deleted)


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
                if isinstance(session, Session) and _has_writes(session):
                    await anyio.to_thread.run_sync(session.commit)
            await send(message)

        await self.app(scope, receive, send_after_commit)
