"""Answers named with no question, offered by a block repeated for each child (or car, or job).

A form that repeats its block per child (`B1` eldest, `C1` second, `D1` third: "What year group
is this child in?" with `Year 7` … `Year 11`) writes a later filter once for the family: "Skip
this question if you have no children in Year 7–9", "Year 11 parents and carers only". The
answers named (`Year 7–9`, `Year 11`) are those of every repeated question that offers them all,
so the test is any of those questions giving one of them; "no children in …" denies it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.conditions import Atom
    from fielder.ir.models import Question

# "Year 7–9", "Year 11", "Grade 3 to 5": a word and a number (or a span of them)
_NAMED_RE = re.compile(
    r"\b(?P<stem>[A-Za-z]{3,12})\s+(?P<a>\d{1,2})(?:\s*(?:–|-|to)\s*(?P<b>\d{1,2}))?\b"
)
_NONE_RE = re.compile(r"\b(?:no|not\s+any)\s+\w+(?:\s+\w+)?\s+(?:in|at|on|of)\s*$", re.I)


def repeated_answers(
    text: str, questions: dict[str, Question], default: str | None
) -> list[list[Atom]] | None:
    """The OR over the repeated questions offering the answers named (None when the words name
    a question, or fewer than two questions offer them all)."""
    from fielder.compiler.conditions import Atom

    if re.search(r"\b[A-Z]{1,4}\d{1,3}[a-z]?\b|\bquestion\s+\d", text, re.I):
        return None
    named = list(_NAMED_RE.finditer(text))
    if len(named) != 1:
        return None
    match = named[0]
    low, high = int(match["a"]), int(match["b"] or match["a"])
    if not 0 <= high - low <= 12:
        return None
    wanted = {f"{match['stem'].lower()} {n}" for n in range(low, high + 1)}
    ids = list(questions)
    last = ids.index(default) + 1 if default in questions else len(ids)
    found: list[list[Atom]] = []
    for qid in ids[:last]:
        by_label = {o.label.strip(" .").lower(): o.code for o in questions[qid].options}
        if wanted <= by_label.keys():
            codes = [by_label[w] for w in sorted(wanted, key=lambda w: int(w.split()[-1]))]
            found.append([Atom(qid, codes)])
    if len(found) < 2:
        return None
    if _NONE_RE.search(text[: match.start()]):
        for group in found:
            group[0].negate = True
        return [[group[0] for group in found]]  # none of them: each denied
    return found
