"""Screen-outs told in an XLSForm's own notes column: `SCREEN OUT: if 'no', thank … and close`.

An XLSForm spec often carries a column the form tool never reads ("notes (spec only)"), and
the agency writes its screen-outs there, since XLSForm has no termination of its own. The
importer leaves such a column out; this reader reads each row's note with the instruction
rules and gives a screen-out it finds to that row's question, as a test on its answers.
"""

from __future__ import annotations

import re

from fielder.compiler.build import directives_of
from fielder.compiler.conditions import ConditionError, parse_condition, render
from fielder.ir.models import Question

# a column the form tool does not read, headed as notes ("notes (spec only – not uploaded)")
_NOTES_HEAD_RE = re.compile(r"^(?:spec\s+|programm(?:er|ing)\s+|agency\s+)?notes?\b", re.I)


def notes_column(header: list[str]) -> int | None:
    """The place of a notes column in the survey sheet's header, if it has one."""
    return next((i for i, h in enumerate(header) if _NOTES_HEAD_RE.match(h.strip())), None)


def note_screen_outs(notes: dict[str, str], questions: dict[str, Question]) -> None:
    """Give each question whose note ends the survey on some answers its `terminate_if`."""
    for qid, note in notes.items():
        question = questions.get(qid)
        if question is None or question.terminate_if or not question.options:
            continue
        for directive in directives_of([note]):
            if directive.kind != "terminate_if" or not directive.value:
                continue
            try:
                groups = parse_condition(directive.value, questions, qid)
            except ConditionError:
                continue
            expression = render(groups, questions)
            if expression and re.search(rf"\b{re.escape(qid)}\b", expression):
                question.terminate_if = expression
                break
