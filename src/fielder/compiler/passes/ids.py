"""Pass: question ids — the document's own labels, `Q`+position where it has none."""

from __future__ import annotations

from fielder.compiler.parse import Draft


def assign_ids(drafts: list[Draft]) -> list[str]:
    """One unique identifier per draft, in order."""
    ids: list[str] = []
    seen: set[str] = set()
    for position, draft in enumerate(drafts, start=1):
        base = draft.label.id if draft.label else f"Q{position}"
        ident = base
        suffix = 2
        while ident in seen:
            ident = f"{base}_{suffix}"
            suffix += 1
        seen.add(ident)
        ids.append(ident)
    return ids
