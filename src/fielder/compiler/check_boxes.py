"""Routing boxes of interview forms: `CHECK B2: NO CHILDREN (B2 = 0) → GO TO B5 / ONE OR MORE
→ CONTINUE WITH B3`.

DHS-style paper questionnaires put a shaded "CHECK" box between questions. Each branch names a
case, often with its condition in brackets, and where to go; the branches that go on to the next
question add nothing. A branch with a written condition and a `GO TO` / `SKIP TO` is the skip
`IF <condition> GO TO <target>`, on the question the condition names.

Interviewer specs write the same box with arrows and "OTHERS" (`CHECK C1: IF ANY CODE 1
AT C1 → C2 / OTHERS → C3`); `place_check_boxes` reads those against the questions around the box.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft

_CHECK_RE = re.compile(
    r"^\s*(?:FILTER\s+)?CHECK\b(?:\s+(?:BOX|POINT))?\s*[A-Z]{0,4}\d{0,3}[a-z]?\s*:", re.I
)
_BRANCH_RE = re.compile(
    r"\(\s*(?P<cond>[A-Za-z]{1,4}\d{1,3}[a-z]?\s*(?:=|==|<>|!=|<=|>=|<|>|≤|≥)\s*[^()]{1,30}?)\s*\)"
    r"\s*(?:→|->|=>|>>|➔|⇒)?\s*(?:GO\s+TO|SKIP\s+TO|SKIP|GO)\s+(?:Q(?:UESTION)?\.?\s*)?"
    r"(?P<to>[A-Za-z]{0,4}\d{1,3}[a-z]?|END)\b",
    re.I,
)


def check_box_routes(text: str) -> list[str] | None:
    """The box's skips as `IF … GO TO …` notes, or None when the text is no check box."""
    if not _CHECK_RE.match(text):
        return None
    routes = [f"IF {m['cond'].strip()} GO TO {m['to']}" for m in _BRANCH_RE.finditer(text)]
    return routes or None


# Interviewer specs put the box between two questions, its branches on one line or several
# (`CHECK Q12: IF ANY CODE 1 AT Q12a–e → Q13` / `OTHERS → Q15`). The word CHECK is in capitals
# and names the question checked; "Check that …" in a sentence is no box.
CHECK_START_RE = re.compile(r"^\s*(?:FILTER\s+)?CHECK\s+(?:BOX\s+)?[A-Z]{1,6}\d{1,3}[a-z]?(?![\w])")
_ID = r"[A-Za-z]{1,6}\d{1,3}[a-z]?"
_ARROW_BRANCH_RE = re.compile(
    r"(?:→|->|=>|➔|⇒)\s*(?:(?:GO|SKIP)\s+TO\s+|CONTINUE\s+(?:WITH|AT)\s+)?"
    rf"(?:SECTION\s+[A-Z0-9]{{1,4}}\s*\(\s*(?P<first>{_ID})\s*\)|(?P<to>{_ID}|CLOSE|END)\b)",
)
_OTHERS_RE = re.compile(r"(?:ALL\s+)?(?:OTHERS|OTHERWISE|ELSE|EVERYONE\s+ELSE|IF\s+NOT)", re.I)


@dataclass
class Branch:
    """One way out of a check box: whom (as written) and where they go."""

    cond: str
    to: str
    others: bool = False


def check_branches(text: str) -> list[Branch]:
    """The branches of a CHECK box written with arrows ([] when it has none)."""
    body = CHECK_START_RE.sub("", text, count=1)
    branches: list[Branch] = []
    start = 0
    for match in _ARROW_BRANCH_RE.finditer(body):
        cond = re.sub(r"(?:\.{2,}|…)", " ", body[start : match.start()])
        cond = re.sub(r"^[\s:/;,.]*(?:IF\s+)?", "", cond, flags=re.I).strip(" /;,.:")
        start = match.end()
        if cond:
            others = bool(_OTHERS_RE.fullmatch(cond))
            branches.append(Branch(cond, match["first"] or match["to"], others))
    return branches


def place_check_boxes(drafts: list[Draft]) -> None:
    """Turn each draft's CHECK boxes into logic. A box whose "yes" branch is the next
    question and whose "others" go to the one after it is that next question's filter; any
    other branch that jumps is a skip from the question before the box ("others" being the
    denial of the yes branches). A branch that goes on to the next question adds nothing."""
    ids = [d.label.id.upper() if d.label else "" for d in drafts]
    for index, draft in enumerate(drafts):
        for box in draft.checks:
            branches = check_branches(box)
            following = ids[index + 1 : index + 3]
            yes = [b for b in branches if not b.others]
            others = [b for b in branches if b.others]
            if (
                len(yes) == 1
                and len(others) == 1
                and [yes[0].to.upper(), others[0].to.upper()] == following
            ):
                drafts[index + 1].pre_notes.append(f"ASK IF {yes[0].cond}")
                continue
            for branch in branches:
                if following and branch.to.upper() == following[0]:
                    continue
                if branch.others and not yes:
                    continue
                cond = f"NOT ({' OR '.join(b.cond for b in yes)})" if branch.others else branch.cond
                draft.notes.append(f"IF {cond} GO TO {branch.to}")
