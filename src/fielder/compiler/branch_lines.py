"""Every branch of a split on one line: `01 CONTINUE TO S10 / 02, 98, 99 SKIP TO S11`.

A CATI script's `BRANCH:` line names where each group of codes goes, the groups parted by a
slash or a semicolon. Each part is a jump on its codes (`IF 01 GO TO S10`); the logic pass
folds a pair whose one branch goes on to the next question into that question's filter.
"""

from __future__ import annotations

import re

_CODES = r"\d{1,3}(?:\s*(?:,|OR|AND|-|–)\s*\d{1,3})*"
_BRANCH_RE = re.compile(
    rf"^(?:CODES?\s+)?(?P<codes>{_CODES})\s*(?:(?:CONTINUE|GO|SKIP|JUMP|MOVE)\s+(?:ON\s+)?TO|→|->)"
    r"\s+(?P<to>[A-Z][\w-]*)\s*\.?$",
    re.I,
)


def branch_sentences(text: str) -> list[str] | None:
    """The line's branches as `IF <codes> GO TO <target>` sentences; None unless the line is
    two or more branches and nothing else."""
    parts = [p.strip() for p in re.split(r"\s+/\s+|\s*;\s*", text.strip()) if p.strip()]
    matches = [_BRANCH_RE.match(p) for p in parts]
    if len(parts) < 2 or not all(matches):
        return None
    return [f"IF {m['codes']} GO TO {m['to']}" for m in matches if m]
