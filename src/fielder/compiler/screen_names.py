"""A screen named by its role and the word "screen" or "page": `END SCREEN`, `INTRO PAGE`.

Over a screen's words on a line of their own, "END SCREEN" or "CLOSE PAGE" names the survey's
closing (or opening) screen; "screen" only says what kind of thing it is. The id is the role's
own short word (`END`, `INTRO`), as a heading "INTRODUCTION" is `INTRO`. A screen named by
something other than an opening or closing role ("INFO SCREEN", "THANK YOU SCREEN") keeps its
full name, which is what tells it apart.
"""

from __future__ import annotations

_ROLES = frozenset({"INTRO", "INTRODUCTION", "WELCOME", "CLOSE", "CLOSING", "OUTRO", "END"})
# the role words as a label of their own ("CLOSE" alone over the closing words)
SCREEN_ROLES = _ROLES | {"THANKS", "THANK_YOU", "OUTRO"}
_KIND_WORDS = ("_SCREEN", "_PAGE", "_TEXT")  # "Intro text": the words of the opening screen


def role_screen_id(screen: str) -> str:
    """`END_SCREEN` → `END`, `INTRODUCTION_PAGE` → `INTRO`, `CLOSING_SCREEN` → `CLOSE`; any
    other id as it is."""
    for kind in _KIND_WORDS:
        role = screen.removesuffix(kind)
        if role != screen and role in _ROLES:
            # "Closing screen" is the CLOSE screen as "Introduction page" is INTRO (a label
            # printed "CLOSING:" alone keeps its word)
            return {"INTRODUCTION": "INTRO", "CLOSING": "CLOSE"}.get(role, role)
    return "INTRO" if screen == "INTRODUCTION" else screen
