"""A scale column written as its short code with the words spelled out: `N/O (not observed)`.

Rating forms add a column for the raters who cannot answer and print it as an abbreviation
followed by what it stands for (`N/O (not observed)`, `N/A (not applicable)`, `DK (don't
know)`). The abbreviation is what the form records, the words in brackets its label; the
initials of the words must spell the abbreviation, so ordinary brackets are left alone.
"""

from __future__ import annotations

import re

_SPELLED_RE = re.compile(
    r"^(?P<code>[A-Z](?:/[A-Z]){1,2}|[A-Z]{2,3})\s*\((?P<words>[^()]{3,60})\)$"
)


def spelled_code(header: str) -> tuple[str, str] | None:
    """(code, label) for a heading `ABBR (words)` whose words' initials spell ABBR."""
    found = _SPELLED_RE.match(" ".join(header.split()))
    if not found:
        return None
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z][\w']*", found["words"]))
    if initials.upper() != found["code"].replace("/", ""):
        return None
    return found["code"], found["words"].strip()
