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


# "We cannot interview anyone under 16": who is not wanted, said as what cannot be done
_NOT_WANTED_RE = re.compile(
    r"^(?:WE\s+)?(?:CANNOT|CAN['’]T|CAN\s+NOT|DO\s+NOT|DON['’]T|ARE\s+NOT\s+ABLE\s+TO)\s+"
    r"(?:INTERVIEW|INCLUDE|SURVEY|TALK\s+TO|SPEAK\s+TO)\s+(?:ANYONE|ANYBODY|PEOPLE|THOSE|RESPONDENTS)\s+"
    r"(?P<group>(?:AGED\s+)?(?:UNDER|OVER|YOUNGER\s+THAN|OLDER\s+THAN|BELOW|ABOVE)\s+\d{1,3})\W*$",
    re.I,
)
# "Thank them, explain …, and end the call politely.": thanks, then the contact ended
_THANK_END_RE = re.compile(
    r"^THANK\s+(?:THEM|(?:THE\s+)?(?:RESPONDENTS?|PERSON|PARTICIPANTS?|CALLER))\b[^.;]{0,160}?"
    r"\b(?:END|CLOSE)\s+(?:THE\s+)?(?:CALL|INTERVIEW|SURVEY|SESSION)\b",
    re.I,
)


def joined_stops(parts: list[str]) -> list[str]:
    """The sentences with each "If …, thank you …" joined to the stop that follows it, and
    "We cannot interview anyone under 16. Thank them … and end the call." read as one."""
    out: list[str] = []
    for part in parts:
        thanks = _THANKS_RE.match(out[-1]) if out else None
        if thanks and not _ROUTED_RE.search(thanks["rest"]) and _STOP_RE.match(part):
            out[-1] = f"{thanks['head']}, {part}"
            continue
        unwanted = _NOT_WANTED_RE.match(out[-1]) if out else None
        if unwanted and _THANK_END_RE.match(part):
            out[-1] = f"If {unwanted['group']}, terminate"
            continue
        out.append(part)
    return out
