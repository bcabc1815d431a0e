"""A web survey's copy deck draws its buttons in brackets padded with spaces: `[ Start the
quiz → ]`, `[ Shop the [SHOE NAME] ]   [ Retake the quiz ]`. A line of nothing but such
buttons is the page's navigation, not a question's words nor a note to the programmer (those
are written `[SHOW CARD]`, without the padding).
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

# "[ words ]" with a blank inside each bracket, a placeholder bracket allowed within
_BUTTONS_RE = re.compile(r"(?:\s*\[\s[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\s\])+\s*")


def is_button_row(raw: str) -> bool:
    """True for a line made only of space-padded bracketed buttons with words in them."""
    return (
        raw.count("[") <= 20 and bool(_BUTTONS_RE.fullmatch(raw)) and any(c.isalpha() for c in raw)
    )


def drop_button_rows(lines: list[Line]) -> list[Line]:
    """The lines without those that only draw buttons."""
    return [line for line in lines if "[" not in line.raw or not is_button_row(line.raw)]
