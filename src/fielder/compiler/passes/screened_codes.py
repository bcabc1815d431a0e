"""A screen-out on a single choice whose words name the other answers (`T if any code other than
2`, `TERMINATE IF ANY OTHER ANSWER`) is the list of the answers that screen out.

With one answer allowed, "any code other than 2" is exactly "any of the other codes", and the
termination is written that way (`S14 in ['1','3','4','5']`), as the same rule tagged answer by
answer would be. A plain denial (`SCREEN OUT IF NOT CODE 1 OR 2`, `CONTINUE IF S5 = 1 OR 2;
OTHERWISE TERMINATE`) keeps the negation as the document words it (`not (S1 in ['1','2'])`),
as most golds write it. A multi always keeps its denial (`not (Q4 contains '1')`): there, other
answers may be chosen alongside code 1.
"""

from __future__ import annotations

import re

from fielder.compiler.conditions import Atom
from fielder.ir.models import Question

_ONE_ANSWER = frozenset({"single", "dropdown"})


# "any code other than 2", "any other answer", "all other codes": the others named as such
_OTHERS_RE = re.compile(
    r"\b(?:ANY|ALL)\s+(?:(?:CODE|ANSWER|RESPONSE)S?\s+)?OTHER\s+THAN\b|"
    r"\b(?:ANY|ALL)\s+OTHERS?\b(?:\s+(?:CODE|ANSWER|RESPONSE)S?\b)?",
    re.I,
)


def screened_codes(
    groups: list[list[Atom]], questions: dict[str, Question], source: str = ""
) -> list[list[Atom]]:
    """The termination's groups with each denied single-choice test made the other codes, where
    the words name the other answers (`source` is the instruction as written)."""
    if not _OTHERS_RE.search(source):
        return groups
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
