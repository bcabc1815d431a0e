"""Answer lines drawn with dots beside a unit: `............ kg (0 – 99.999 kg)`.

Statistics-office forms print a number's answer space as a dotted line with its unit after it
and the allowed range in brackets, the thousands grouped with dots or commas (`500.000`,
`99,999`). Set beside the question (in another table column, or under it) the line is read as a
note; it is the question's answer box, so it becomes the blank-line hint the type rules know,
the range written without its grouping: `______ kg (0 – 99999)`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft

# dots (or an ellipsis run) first, then at most two short unit words, then an optional range
_DOTTED_BOX_RE = re.compile(
    r"^[.…]{4,}\s*(?P<unit>[^\s()\d.][^\s()]{0,11}(?:\s[^\s()\d.][^\s()]{0,11})?)?\s*"
    r"(?:\((?P<low>-?[\d.,]{1,11})\s*(?:-|–|—|to|s/d|sampai)\s*(?P<high>-?[\d.,]{1,11})"
    r"\s*(?P<unit2>[^\s()\d][^\s()]{0,11})?\s*\))?$"
)
_GROUPED_RE = re.compile(r"-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")


def dotted_box_hints(draft: Draft) -> None:
    """Move a dotted answer line with a unit or a range from the notes to the hints."""
    if draft.options or draft.rows or draft.hints:
        return
    for note in list(draft.notes):
        match = _DOTTED_BOX_RE.match(note.strip())
        if match is None or not (match["unit"] or match["low"]):
            continue
        words = " ".join(w for w in ("______", match["unit"] or match["unit2"]) if w)
        if match["low"]:
            words += f" ({_ungrouped(match['low'])} – {_ungrouped(match['high'])})"
        draft.notes.remove(note)
        draft.hints.append(words)
        return


def _ungrouped(number: str) -> str:
    """`500.000` → `500000`: a dot or comma every three digits groups thousands."""
    return number.replace(number[-4], "") if _GROUPED_RE.fullmatch(number) else number
