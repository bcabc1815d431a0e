"""What a routing reader finds on one question, and two helpers every routing reader needs:
the question a token names and the other codes of a single choice. Shared by `read_routing`
and the readers it calls (`others_jump`), so that none imports another's privates."""

from __future__ import annotations

from dataclasses import dataclass

from fielder.compiler.conditions import Atom
from fielder.ir.models import Question


@dataclass
class Reading:
    kind: str  # display_if, terminate_if, skip, or join (a filter joined to a scope's)
    holder: Question
    expression: str
    target: str | None = None
    source: str = ""


def question_named(token: str, questions: dict[str, Question]) -> str | None:
    """The id a route's token names ("12" is Q12, "B2.a" is B2_a), or None."""
    upper = {qid.upper(): qid for qid in questions}
    token = token.upper().replace(".", "_")
    for name in (token, f"Q{token}"):
        if name in upper:
            return upper[name]
    return None


def other_codes(
    groups: list[list[Atom]], questions: dict[str, Question]
) -> list[list[Atom]] | None:
    """A single choice's codes other than the one test names ("anyone else"), or None."""
    if len(groups) != 1 or len(groups[0]) != 1:
        return None
    atom = groups[0][0]
    question = questions[atom.question]
    if atom.op is not None or atom.negate or question.type != "single" or not question.options:
        return None
    codes = [o.code for o in question.options if o.code not in atom.codes]
    return [[Atom(atom.question, codes)]] if codes else None
