"""A jump told to everyone but a group, the group itself told to go on to the next question.

    Those with children (1) carry on with T10. Everyone else skip to T12.
    Code 1 continues at Q8; all others go to Q11.

The group's branch only goes on to the question after (no second route), so the line is one
jump on the question's other answers: a `skip_to` on the codes the group did not give.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.conditions import ConditionError, parse_condition, render
from fielder.compiler.passes.routing_readings import Reading, other_codes, question_named

if TYPE_CHECKING:
    from fielder.ir.models import Question

_ID = r"[A-Z]{1,4}\d{1,3}[a-z]?"
_OTHERS_JUMP_RE = re.compile(
    r"^\W*(?P<group>[^.;]{1,80}?)\s+(?:CARR(?:Y|IES)\s+ON|CONTINUES?|GOES\s+ON|GO\s+ON|PROCEEDS?"
    rf"|MOVES?\s+ON)\s+(?:WITH|TO|AT|ON\s+TO)\s+(?:QUESTION\s+)?(?P<next>{_ID})\s*[.;,]\s*"
    r"(?:EVERYONE|EVERYBODY|ANYONE|ALL|THE\s+REST|OTHERS)(?:\s+(?:ELSE|OTHERS))?\s*,?\s+"
    r"(?:PLEASE\s+)?(?:SKIPS?|GOE?S?|JUMPS?|MOVES?\s+ON)\s+(?:STRAIGHT\s+|ON\s+|AHEAD\s+)?TO\s+"
    rf"(?:QUESTION\s+)?(?P<to>{_ID})\W*$",
    re.I,
)
# the group's answers: "(1)", "(codes 1 or 2)", "Code 1"
_GROUP_CODES_RE = re.compile(
    r"\(\s*(?:CODES?\s+)?(?P<c>\d{1,3}(?:\s*(?:,|OR|AND)\s*\d{1,3})*)\s*\)|^\W*CODES?\s+(?P<b>\d{1,3}"
    r"(?:\s*(?:,|OR|AND)\s*\d{1,3})*)\b",
    re.I,
)


def others_jump(
    words: str,
    place: str,
    question: Question,
    following: Question | None,
    questions: dict[str, Question],
    order: dict[str, int],
) -> Reading | None:
    """The jump of everyone but the group that goes on to the next question, on this
    question's other codes; None where the line is not written so."""

    match = _OTHERS_JUMP_RE.match(words.strip())
    if match is None or following is None or place == "above" or question.type != "single":
        return None
    if question_named(match["next"], questions) != following.id:
        return None
    target = question_named(match["to"], questions)
    if target is None or order[target] <= order[following.id]:
        return None
    codes = _GROUP_CODES_RE.search(match["group"])
    if codes is None:
        return None
    listed = re.sub(r"\s*(?:,|AND)\s*", " or ", codes["c"] or codes["b"], flags=re.I)
    try:
        groups = parse_condition(listed, questions, question.id)
    except (ConditionError, ValueError, IndexError, KeyError):
        return None
    if any(a.question != question.id for g in groups for a in g):
        return None
    other = other_codes(groups, questions)
    if other is None:
        return None
    return Reading("skip", question, render(other, questions), target, words)
