"""An answer cell that names the entry box instead of listing answers.

Specification sheets and grids write where a number or text is typed as a placeholder in the
answers column: "[number box]", "£ [numeric]", "(open text)", "<free text field> years". That
is the kind of box, not an answer with a code; it is kept as an instruction for the type.
"""

from __future__ import annotations

import re

_PLACEHOLDER_RE = re.compile(
    r"^(?:\S{1,3}\s*)?"  # a currency or unit before the box: "£", "$", "kg"
    r"[\[(<{]\s*(?P<kind>(?:whole\s+)?(?:number|numeric|numerical|integer|decimal|"
    r"open(?:[- ]ended)?(?:\s+text)?|free[- ]?text|text|date|e-?mail|write[- ]in))"
    r"(?:\s+(?:box|field|entry|input|response|answer|space))?\s*[\])>}]"
    r"(?:\s*\S.{0,24})?$",  # a unit after it: "years", "per week", "%"
    re.I,
)


def entry_placeholder(cell: str) -> str | None:
    """The box's kind in capitals ("NUMBER BOX") when the cell is only an entry placeholder."""
    found = _PLACEHOLDER_RE.match(cell.strip())
    if found is None:
        return None
    return f"{found['kind'].upper()} BOX"
