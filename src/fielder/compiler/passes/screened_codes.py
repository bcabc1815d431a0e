"""A screen-out on a single choice written as a denial (`IF NOT CODE 1 → TERMINATE`, `T if any
code other than 2`) is the list of the answers that screen out.

A programmer scripting a screener tags the terminating answers: with one answer allowed, "not
code 1" is exactly "any of the other codes". The termination is written that way
(`S6 in ['2','3','4','5']`), as the same rule tagged answer by answer would be. A multi keeps its
denial (`not (Q4 contains '1')`): there, other answers may be chosen alongside code 1.
"""

from __future__ import annotations

from fielder.compiler.conditions import Atom
from fielder.ir.models import Question

_ONE_ANSWER = frozenset({"single", "dropdown"})


def screened_codes(groups: list[list[Atom]], questions: dict[str, Question]) -> list[list[Atom]]:
    """The termination's groups with each denied single-choice test made the other codes."""
    for group in groups:
        for atom in group:
            question = questions.get(atom.question)
            if not atom.negate or atom.op is not None or question is None:
                continue
            if question.type not in _ONE_ANSWER or question.options_from:
                continue
            codes = [o.code for o in question.options if o.code]
            if not set(atom.codes) <= set(codes):
                continue
            rest = [c for c in codes if c not in atom.codes]
            if rest:
                atom.codes, atom.negate = rest, False
    return groups
