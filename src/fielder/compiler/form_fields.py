"""A form's field named by a short label over its own write-in line, with no question mark.

Staff forms and registration sheets print a label ("Mobile phone number", "Emergency contact
(name and phone)") on one line and the line to write on under it. After a finished field,
such a label starts a field of its own rather than adding words to the one before.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES

# "______", "____@____", "__ / __ / ____": nothing but the line (or boxes) to write on
_WRITE_IN_RE = re.compile(r"^[\s_/@.|-]*_{3,}[\s_/@.|()A-Za-z-]*$")


def label_over_write_in(text: str, following: Line | None) -> bool:
    """True for a short field label (no sentence end, no box) with a write-in line under it."""
    words = text.split()
    return (
        following is not None
        and 0 < len(words) <= 10
        and text[:1] not in BOXES
        and not re.search(r"[.:;,!?]$", text.rstrip())
        and text[:1].isupper()
        and _WRITE_IN_RE.match(following.text) is not None
    )
