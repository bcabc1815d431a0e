"""A routing column headed `Go to` (`Skip to`, `Route`) holding only the target: `C04` level
with an answer is that answer's `GO TO C04`, the words the column's heading leaves unsaid."""

from __future__ import annotations

import re

_HEAD_RE = re.compile(r"^(?:go\s*to|skip\s*to|skip|route|routing|next|then\s+go\s+to)\s*:?$", re.I)
# "C04", "Q12a", "CEND", "END", "12", "Section D": a question, a screen or a section
_TARGET_RE = re.compile(
    r"^(?:[A-Z]{1,8}[-_.]?\d{0,3}[a-z]?|\d{1,3}[a-z]?|section\s+\w{1,3})\.?$", re.I
)

# words a routing column writes as the action itself (a bare target under "Go to" stays one)
_ACTIONS = frozenset({"CLOSE", "TERMINATE", "TERM", "STOP", "SCREENOUT", "REJECT"})


def spelled_go_to(cell: str, head: str) -> str:
    """ "GO TO C04" for a bare target under a go-to heading; the cell as it is otherwise."""
    target = cell.strip()
    if not target or not _HEAD_RE.match(" ".join(head.split())) or not _TARGET_RE.match(target):
        return cell
    if target.isalpha() and target.lower() in ("all", "none", "na", "n/a", "next", "continue"):
        return cell
    # "CLOSE" under a "Routing" heading is the action (thank and close), not a screen's name
    if (
        re.match(r"^rout(?:e|ing)$", head.strip(" :"), re.I)
        and target.upper().rstrip(".") in _ACTIONS
    ):
        return cell
    return f"GO TO {target.rstrip('.')}"
