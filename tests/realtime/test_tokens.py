"""Realtime tokens: signed, bound to one channel, short-lived."""

from __future__ import annotations

import pytest

from fielder.errors import Unauthorized
from fielder.realtime.tokens import LIFETIME_SECONDS, issue, verify

SECRET = b"k" * 32


def test_round_trip() -> None:
    token = issue(SECRET, "org-1", "org:org-1:events", now=1000)
    grant = verify(SECRET, token, now=1001)
    assert (grant.org_id, grant.channel) == ("org-1", "org:org-1:events")
    assert grant.expires_at == 1000 + LIFETIME_SECONDS


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + "xx",
        lambda t: "e30." + t.split(".")[1],
        lambda t: t.replace(".", ""),
        lambda t: "",
    ],
)
def test_forged_tokens(mangle: object) -> None:
    token = issue(SECRET, "org-1", "org:org-1:events")
    with pytest.raises(Unauthorized):
        verify(SECRET, mangle(token))  # type: ignore[operator]
    with pytest.raises(Unauthorized):
        verify(b"other" * 8, token)


def test_expired() -> None:
    token = issue(SECRET, "org-1", "org:org-1:events", now=1000)
    with pytest.raises(Unauthorized, match="expired"):
        verify(SECRET, token, now=1000 + LIFETIME_SECONDS + 1)
