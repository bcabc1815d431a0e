"""Answers across one line, each with its code after its words in square brackets.

Site and paper forms set short answers two or three to a line, a tab apart, the code after the
words: `Production floor [1]<TAB>Warehouse and yard [2]`, `Yes [1]<TAB>No [2]<TAB>Not sure [3]`,
with a write-in last (`Other – write in: ________ [6]`). Every piece of the line must end in its
own bracketed code, the codes all different, and the pieces be set apart by a tab or a wide gap;
a single piece is the ordinary one-answer line and is left to the other readers.
"""

from __future__ import annotations

import re

_GAP_RE = re.compile(r"\t+|\s{3,}")
_PIECE_RE = re.compile(r"^(?P<label>[^\W\d_].*?)\s*\[(?P<code>\d{1,3})\]$")


def square_codes_after_across(text: str) -> list[str]:
    """ "Yes [1]<TAB>No [2]" → ["Yes [1]", "No [2]"]; [] unless the line is that shape."""
    if text.count("[") < 2:
        return []
    pieces = [p.strip() for p in _GAP_RE.split(text.strip()) if p.strip()]
    if len(pieces) < 2:
        return []
    matches = [_PIECE_RE.match(p) for p in pieces]
    if not all(matches):
        return []
    codes = [m["code"] for m in matches if m]
    if len(set(codes)) != len(codes):
        return []
    if any(len(m["label"].split()) > 12 or m["label"].endswith("?") for m in matches if m):
        return []
    return pieces
