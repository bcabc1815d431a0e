"""A filter over a counted run of questions: "Only answer the next two questions if …".

Self-completion forms put one filter above a short run of questions ("Answer the next three
questions only if you drove", "ASK THE NEXT 2 QUESTIONS IF …"). The filter waits for the next
question like any forward note and is read there, against the question before the run; the
count says the same filter is each following question's too, up to the number written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.build import Built
    from fielder.compiler.parse import Draft

_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTED_RE = re.compile(
    r"\b(?:the\s+)?(?:next|following)\s+(?P<n>two|three|four|five|six|[2-6])\s+questions\b", re.I
)


def spread_counted_filters(drafts: list[Draft], builts: list[Built]) -> None:
    """Give the filter read on the first of 'the next N questions' to the N-1 after it."""
    if len(drafts) != len(builts):
        return
    for index, (draft, built) in enumerate(zip(drafts, builts, strict=True)):
        match = next(filter(None, map(_COUNTED_RE.search, draft.pre_notes)), None)
        condition = built.question.display_if
        if match is None or condition is None:
            continue
        count = _COUNTS.get(match["n"].lower()) or int(match["n"])
        for later in builts[index + 1 : index + count]:
            if later.question.display_if is None:
                later.question.display_if = condition


# "Same filter as C8.", "Same base as Q4", "Filter: as for Q12", "Base: as FR2", a spec's
# "Universe: Same as VS10" / "Asked of: same as B2": another question's filter again
_SAME_AS_RE = re.compile(
    r"\b(?:same\s+(?:filter|base|condition|display\s+logic)\s+as|"
    r"(?:filter|base)\s*:?\s+as(?:\s+(?:for|at))?|"
    r"(?:filter|base|universe|eligibility|asked\s+of|shown\s+to|condition)\s*[:–—]\s*"
    r"(?:the\s+)?same\s+as(?:\s+(?:for|at))?)"
    r"\s+(?:question\s+)?(?P<id>[A-Z]{0,4}\d{1,3}[a-z]?)\b",
    re.I,
)


def copy_named_filters(drafts: list[Draft], builts: list[Built]) -> None:
    """Give a question whose note says "same filter as C8" the filter C8 was given."""
    if len(drafts) != len(builts):
        return
    by_id = {built.question.id.upper(): built.question for built in builts}
    for index, (draft, built) in enumerate(zip(drafts, builts, strict=True)):
        match = next(filter(None, map(_SAME_AS_RE.search, [*draft.pre_notes, *draft.notes])), None)
        if match is None:
            continue
        named = match["id"].upper()
        source = by_id.get(named) or by_id.get("Q" + named)
        # "AD9: same filter as AQ3" among AD8's notes: the question named first is the one
        # the filter is for
        head = _OWN_HEAD_RE.match(match.string)
        question = by_id.get(head["id"].upper()) if head else built.question
        if question is source and match.string in draft.notes and index + 1 < len(builts):
            # "Universe: Same as VS10" under VS10's answers: a spec that sets each item's
            # universe over it, the next item's
            question = builts[index + 1].question
        if question is None or source is None or source is question or not source.display_if:
            continue
        own = question.display_if
        if own is None:
            question.display_if = source.display_if
        elif source.display_if not in own:
            # "Same base as Q11, but not asked where … (4 at Q11)": that base, and this test
            question.display_if = f"({source.display_if}) and ({own})"
    for draft, built in zip(drafts, builts, strict=True):
        given = next(filter(None, map(_APPLIES_TO_RE.search, draft.notes)), None)
        if given is None or built.question.display_if is None:
            continue
        for named in re.findall(r"[A-Z]{0,4}\d{1,3}[a-z]?", given["ids"], re.I):
            target = by_id.get(named.upper()) or by_id.get("Q" + named.upper())
            if target is not None and target is not built.question and not target.display_if:
                target.display_if = built.question.display_if


_OWN_HEAD_RE = re.compile(r"^\s*(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?)\s*:\s")
# "Same filter applies to E4", "Same filter for Q8 and Q9": this question's filter is theirs too
_APPLIES_TO_RE = re.compile(
    r"\bsame\s+(?:filter|base|condition)\s+(?:also\s+)?(?:applies\s+to|for)\s+(?:questions?\s+)?"
    r"(?P<ids>[A-Z]{0,4}\d{1,3}[a-z]?(?:\s*(?:,|and|&)\s*[A-Z]{0,4}\d{1,3}[a-z]?)*)\b",
    re.I,
)
