"""The survey status machine of API.md § 4, in one place.

`pending` → `programming` → `waiting_for_destination` | `compiling` → `reviewing` → `live` ⇄
`closed`. A failed run goes back to `pending`. Only `live` and `closed` may be asked for by a
client (PATCH); the other moves are made by the programming job.
"""

from __future__ import annotations

from typing import Final, Literal

from fielder.errors import Conflict, Unprocessable

SurveyStatus = Literal[
    "pending",
    "programming",
    "waiting_for_destination",
    "compiling",
    "reviewing",
    "live",
    "closed",
]

STATUSES: Final[tuple[str, ...]] = SurveyStatus.__args__  # type: ignore[attr-defined]

#: Allowed moves: status → the statuses it may go to.
TRANSITIONS: Final[dict[str, frozenset[str]]] = {
    "pending": frozenset({"programming"}),
    "programming": frozenset({"waiting_for_destination", "compiling", "pending"}),
    "waiting_for_destination": frozenset({"compiling", "programming", "pending"}),
    "compiling": frozenset({"reviewing", "pending"}),
    "reviewing": frozenset({"live", "programming", "compiling"}),
    "live": frozenset({"closed"}),
    "closed": frozenset({"live"}),
}

#: What a client may set with PATCH; everything else is the job's to set.
CLIENT_SETTABLE: Final[frozenset[str]] = frozenset({"live", "closed"})

#: While in these, a programming run is going: no delete, no second run.
RUNNING: Final[frozenset[str]] = frozenset({"programming", "compiling"})


def can_move(current: str, target: str) -> bool:
    """Whether a survey in `current` may go to `target`."""
    return target in TRANSITIONS.get(current, frozenset())


def check_move(current: str, target: str) -> None:
    """Raise 409 `invalid_transition` unless `current` → `target` is allowed."""
    if target not in STATUSES:
        raise Unprocessable(
            "invalid_status",
            f"Unknown status '{target}'.",
            details=[{"field": "status", "allowed": list(STATUSES)}],
        )
    if not can_move(current, target):
        raise Conflict(
            "invalid_transition",
            f"A survey cannot go from '{current}' to '{target}'.",
            details=[{"from": current, "to": target, "allowed": sorted(TRANSITIONS[current])}],
        )


def check_client_move(current: str, target: str) -> None:
    """Check a status change asked for by a client (PATCH): only `live`/`closed`, by the table."""
    if target in STATUSES and target not in CLIENT_SETTABLE:
        raise Conflict(
            "invalid_transition",
            f"Status '{target}' is set by fielder's programming run, not by a client.",
            details=[{"from": current, "to": target, "allowed": sorted(CLIENT_SETTABLE)}],
        )
    check_move(current, target)
