"""How an unlabelled form's question ends when it does not end in a question mark.

Cards and leaflets without question numbers are read by their asks, and two of their asks
end otherwise: a marking note in brackets after the question mark (`What brought you here?
(tick one)`), and a stem that the items below complete, ending in an ellipsis (`How did we
do on…` over `Room comfort`, `Breakfast`).
"""

from __future__ import annotations

import re

from fielder.compiler.classify import looks_like_question

_NOTE_AFTER_ASK_RE = re.compile(r"\?\s*\([^()?]{1,40}\)$")
_ELLIPSIS_RE = re.compile(r"(?:…|\.{3})$")


def asks_before_note(text: str) -> bool:
    """`Which …? (tick one)`: a question with its marking note after it."""
    return bool(_NOTE_AFTER_ASK_RE.search(text.rstrip()))


def open_stem(text: str) -> bool:
    """`How did we do on…`: a question's words left open for the items under it."""
    stripped = text.rstrip()
    return bool(_ELLIPSIS_RE.search(stripped)) and looks_like_question(
        _ELLIPSIS_RE.sub("", stripped)
    )
