"""Realtime channel names and who may read them."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from fielder.errors import Forbidden, NotFound, Unprocessable
from fielder.models.changeset import Changeset

_CHANNEL = re.compile(
    r"^org:(?P<org>[A-Za-z0-9-]{1,64}):(?:events|history:(?P<cs>[A-Za-z0-9-]{1,64}))$"
)


def check_channel(session: Session, org_id: str, channel: str) -> str:
    """`channel` when the org may read it: its own events, or one of its changesets' history.

    422 `invalid_channel` for a malformed name, 403 `channel_forbidden` for another org's
    channel, 404 for a changeset that is not the org's.
    """
    found = _CHANNEL.match(channel)
    if found is None:
        raise Unprocessable(
            "invalid_channel",
            "A channel is org:{org_id}:events or org:{org_id}:history:{changeset_id}.",
            details=[{"field": "channel"}],
        )
    if found["org"] != org_id:
        raise Forbidden("channel_forbidden", "That channel belongs to another org.")
    changeset_id = found["cs"]
    if changeset_id is not None:
        owner = session.scalar(select(Changeset.org_id).where(Changeset.id == changeset_id))
        if owner != org_id:
            raise NotFound("changeset_not_found", f"No changeset '{changeset_id}'.")
    return channel
