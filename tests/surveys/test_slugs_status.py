"""Slug rules and the status table, as pure functions."""

from __future__ import annotations

import pytest

from fielder.errors import Conflict, Unprocessable
from fielder.surveys.slugs import slug_problem, slugify, unique_slug
from fielder.surveys.status import STATUSES, TRANSITIONS, check_client_move, check_move


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Coffee habits 2026", "coffee-habits-2026"),
        ("  Ünïcödé — Survey!! ", "unicode-survey"),
        ("Q", "survey-q"),
        ("", "survey"),
        ("日本語", "survey"),
        ("x" * 100, "x" * 64),
        ("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "survey-3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name)[:64] == slug[:64]
    assert slug_problem(slugify(name)) is None


@pytest.mark.parametrize(
    "slug", ["ab", "Has-Caps", "under_score", "x" * 65, "3f2504e0-4f89-11d3-9a0c-0305e82c3301"]
)
def test_invalid_slugs(slug: str) -> None:
    assert slug_problem(slug) is not None


def test_unique_slug_suffixes() -> None:
    taken = {"coffee", "coffee-2", "coffee-3"}
    assert unique_slug("Coffee", taken.__contains__) == "coffee-4"
    long_taken = {"x" * 64}
    assert unique_slug("x" * 80, long_taken.__contains__) == "x" * 62 + "-2"


def test_transition_table_is_closed() -> None:
    assert set(TRANSITIONS) == set(STATUSES)
    assert all(targets <= set(STATUSES) for targets in TRANSITIONS.values())


@pytest.mark.parametrize(
    ("current", "target", "error"),
    [
        ("pending", "live", Conflict),
        ("reviewing", "live", None),
        ("live", "closed", None),
        ("closed", "live", None),
        ("live", "reviewing", Conflict),
        ("reviewing", "programming", Conflict),
        ("reviewing", "bogus", Unprocessable),
    ],
)
def test_client_moves(current: str, target: str, error: type[Exception] | None) -> None:
    if error is None:
        check_client_move(current, target)
    else:
        with pytest.raises(error):
            check_client_move(current, target)


def test_job_moves() -> None:
    check_move("pending", "programming")
    check_move("programming", "pending")
    with pytest.raises(Conflict):
        check_move("live", "programming")
