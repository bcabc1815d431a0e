"""Fixtures of the respondent page's tests: live surveys (the responses tests' own fixtures)."""

from __future__ import annotations

import re

from tests.responses.conftest import SCREENER, Live, MakeLive, every_type_live, live, make_live

__all__ = ["SCREENER", "Live", "MakeLive", "every_type_live", "live", "make_live", "state_of"]


def state_of(html: str) -> str:
    """The signed form state of a rendered page."""
    found = re.search(r'name="state" value="([^"]+)"', html)
    assert found, "no form state in the page"
    return found.group(1)
