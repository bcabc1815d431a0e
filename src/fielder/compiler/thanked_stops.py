"""A screen-out told in two sentences: the thanks (and why), then the request to stop.

A self-completion form often thanks the people it does not want before telling them to stop:
"If you ticked No, thank you – this form is only for members. Please do not fill in the rest."
Split into sentences, the first says no action and the second names no one. The pair is one
instruction: the condition of the first with the stop of the second ("If you ticked No, please
do not fill in the rest"), which the termination rules read.
"""

from __future__ import annotations

import re

# "If you ticked No, thank you – …": a condition, then only thanks (and perhaps why)
_THANKS_RE = re.compile(
    r"^(?P<head>IF\s+[^,:]{2,120}?)\s*[,:]\s*THANK\s+YOU\b(?P<rest>[^→]*)$", re.I
)
# words in the thanks that already route somewhere: not a bare thank-you
_ROUTED_RE = re.compile(r"\b(?:GO|SKIP|JUMP|MOVE|CONTINUE|CARRY\s+ON|TURN)\b", re.I)
# "Please do not fill in the rest of the form.", "Please stop here.", "You do not need to go on."
_STOP_RE = re.compile(
    r"^(?:(?:AND\s+)?PLEASE\s+|YOU\s+)?(?:"
    r"(?:DO\s+NOT|DON['’]T)\s+(?:FILL\s+IN|COMPLETE|ANSWER|GO\s+ON\s+WITH|CONTINUE\s+WITH)\s+(?:THE\s+)?REST\b|"
    r"STOP\s+HERE\b|"
    r"(?:DO\s+NOT|DON['’]T|NEED\s+NOT)\s+(?:NEED\s+TO\s+)?(?:CARRY\s+ON|CONTINUE|GO\s+ON|GO\s+ANY\s+FURTHER)\b)",
    re.I,
)


def joined_stops(parts: list[str]) -> list[str]:
    """The sentences with each "If …, thank you …" joined to the stop that follows it."""
    out: list[str] = []
    for part in parts:
        thanks = _THANKS_RE.match(out[-1]) if out else None
        if thanks and not _ROUTED_RE.search(thanks["rest"]) and _STOP_RE.match(part):
            out[-1] = f"{thanks['head']}, {part}"
            continue
        out.append(part)
    return out
