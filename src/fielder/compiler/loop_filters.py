"""A loop over the answers of an earlier question, written once for a run of questions:
"LOOP – ask K2 to K4 for each shop visited at K1 (codes 1–5)".

The IR has no loop, so each looped question is asked once, and whom it is for is the loop's
own condition read as "at least one item to loop over": one of the printed codes chosen at the
question the items come from (`K1 contains '1' or … or K1 contains '5'`). The per-item
iteration, a loop cap and the order of items are not logic the IR can hold, as carry-forward
filtering is not.
"""

from __future__ import annotations

import re

from fielder.compiler.instructions import expand_codes
from fielder.compiler.jump_logic import answer_test
from fielder.documents.model import Document
from fielder.ir.models import Question, Survey

_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
_LOOP_RE = re.compile(
    rf"\bLOOP\b[^.]{{0,40}}?\b(?:ASK|SHOW|REPEAT)\s+(?P<first>{_ID})\s*(?:TO|THROUGH|-|–)\s*"
    rf"(?P<last>{_ID})\b[^()]{{0,80}}?\b(?:AT|IN|FROM)\s+(?P<source>{_ID})\s*"
    r"\((?:CODES?\s+)?(?P<codes>\d{1,3}(?:\s*(?:[-–]|,|OR|AND)\s*\d{1,3})*)\)",
    re.I,
)

# a loop row of a spec sheet or table, its parts in any order across the cells: "LOOP | STORE
# LOOP – Q6 TO Q8 | ASK FOR EACH STORE VISITED AT Q5 (CODES 1-4)"
_LOOP_WORD_RE = re.compile(r"\bLOOP\b", re.I)
_RUN_RE = re.compile(rf"\b(?P<first>{_ID})\s*(?:TO|THROUGH|-|–)\s*(?P<last>{_ID})\b", re.I)
_EACH_RE = re.compile(
    rf"\bFOR\s+EACH\b[^()]{{0,80}}?\b(?:AT|IN|FROM)\s+(?P<source>{_ID})\s*"
    r"\((?:CODES?\s+)?(?P<codes>\d{1,3}(?:\s*(?:[-–]|,|OR|AND)\s*\d{1,3})*)\)",
    re.I,
)


def _loops(text: str) -> list[tuple[str, str, str, str]]:
    """(first, last, source, codes) of each loop the text writes."""
    found = [(m["first"], m["last"], m["source"], m["codes"]) for m in _LOOP_RE.finditer(text)]
    if found:
        return found
    for line in text.split("\n"):
        run, each = _RUN_RE.search(line), _EACH_RE.search(line)
        if _LOOP_WORD_RE.search(line) and run and each:
            found.append((run["first"], run["last"], each["source"], each["codes"]))
    return found


def loop_filters(survey: Survey, document: Document) -> None:
    """Give each question of a written loop the loop's condition as its filter."""
    questions = survey.questions()
    ids = [q.id for q in questions]
    by_id = {q.id: q for q in questions}
    for block in document.blocks:
        for first, last, named, written in _loops(block.text):
            _loop_filter(questions, ids, by_id.get(named), first, last, written)


def _loop_filter(
    questions: list[Question],
    ids: list[str],
    source: Question | None,
    first: str,
    last: str,
    written: str,
) -> None:
    """The loop's condition on each question from `first` to `last` without a filter."""
    if source is None or first not in ids or last not in ids:
        return
    start, end = ids.index(first), ids.index(last)
    if not ids.index(source.id) < start <= end:
        return
    # codes the source question does not list (a cut list, a typo) name nobody: left out,
    # and with none left the loop has no filter the IR could check
    known = {option.code for option in source.options}
    codes = [code for code in expand_codes(written) if code in known]
    if not codes:
        return
    test = answer_test(source.id, codes, source.type == "multi")
    for question in questions[start : end + 1]:
        if question.display_if is None:
            question.display_if = test
