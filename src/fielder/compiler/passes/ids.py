"""Pass: question ids — the document's own labels, `Q`+position where it has none."""

from __future__ import annotations

from fielder.compiler.parse import Draft
from fielder.ir.expressions import KEYWORDS


def assign_ids(drafts: list[Draft]) -> list[str]:
    """One unique identifier per draft, in order."""
    ids: list[str] = []
    seen: set[str] = set()
    for position, draft in enumerate(drafts, start=1):
        # (a label that is a word of the condition language, "NOT:", can name no question)
        label = draft.label.id if draft.label else None
        base = label if label and label.lower() not in KEYWORDS else f"Q{position}"
        ident = base
        suffix = 2
        while ident in seen:
            ident = f"{base}_{suffix}"
            suffix += 1
        seen.add(ident)
        ids.append(ident)
    return ids
