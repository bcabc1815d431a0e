"""Answers written across a line, set apart by bars or slashes, as plain-text e-mail and chat
surveys print them (`Yes / No / Not sure`, `Cheaper boxes | More recipes | Larger portions`).

Such a line is a list of answers whatever the ask before it ends with (`(Choose all that
apply)`, `Pick up to 2.`), and a line ending in its separator (`… | Chipotle tacos |`) goes on
with the answers on the next line.
"""

from __future__ import annotations

import re

_SEPARATOR_RE = re.compile(r"\s+[|｜/]\s+|\s*[|｜]\s*")
_OPEN_END_RE = re.compile(r"\s[|｜/]\s*$|[|｜]\s*$")


def separated_answers(text: str) -> bool:
    """True for a line of answers set apart by bars (two or more) or slashes (three or more),
    each a few words and none asking a question."""
    bars = len(re.findall(r"[|｜]", text))
    slashes = len(re.findall(r"\s/\s", text))
    if bars < 1 and slashes < 2:
        return False
    parts = [p.strip() for p in _SEPARATOR_RE.split(text) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 6 and not p.endswith("?") for p in parts)


def continues(text: str) -> bool:
    """True when a line of answers ends in its separator: the list goes on below."""
    return bool(_OPEN_END_RE.search(text)) and separated_answers(text.rstrip(" |｜/"))
