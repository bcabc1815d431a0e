"""A bare "No" among answers that each say "Yes, …" (`No` / `Yes, for college` / `Yes, for a
job`): marking all that apply, "No" denies every other answer, so it is exclusive wherever it
stands in the list."""

from __future__ import annotations

import re

_NO_RE = re.compile(r"^\s*(?:no|nein|non|nee|não|nao|nej|nie)\s*[.!]?\s*$", re.I)
_YES_RE = re.compile(r"^\s*(?:yes|ja|oui|sí|si|sim|tak)\b\s*[,:–—-]?\s*\S", re.I)


def denial_index(labels: list[str]) -> int | None:
    """The place of the bare "No" when two or more of the other answers start with "Yes, …"."""
    denials = [i for i, label in enumerate(labels) if _NO_RE.match(label)]
    yeses = sum(1 for label in labels if _YES_RE.match(label))
    return denials[0] if len(denials) == 1 and yeses >= 2 else None
