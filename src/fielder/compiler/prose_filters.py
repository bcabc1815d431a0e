"""Filters stated in prose, usually in a footnote, about a question elsewhere in the document.

Published questionnaires often print a routing as a sentence under the page instead of beside
the question: `Question 18 (…) was only asked to respondents that selected the relevant answer
choices for Question 17.`, `Question 30 was only shown to those who selected more than one
choice for Question 29-A.` The named question gets the filter on the other one: any answer
(`answered(Q17)`), or a count (`count(Q29_A) > 1`); where the sentence does not say which
answers ("the relevant answer choices", "affirmatively") the question is marked for a look.
"""

from __future__ import annotations

import re

from fielder.documents.model import Document
from fielder.ir.models import Attention, Question, Survey

_REF = r"(?:question|q\.?)\s*(?P<{}>\d{{1,3}}(?:\s?[-_.]?\s?[A-Za-z](?![A-Za-z]))?)"
_FILTER_RE = re.compile(
    _REF.format("target")
    + r"[^.]{0,200}?\b(?:was|is|were|are)\s+only\s+(?:asked|shown|displayed|presented)\s+"
    r"(?:to|of)\s+(?:the\s+)?(?:respondents?|participants?|those|people|persons)\s+"
    r"(?:that|who|which)\s+(?P<how>[^.]{3,160}?)\s+(?:for|to|at|in|on)\s+" + _REF.format("source"),
    re.I,
)
_MORE_THAN_RE = re.compile(r"\bmore\s+than\s+(?P<n>one|two|three|\d+)\b", re.I)
_NUMBERS = {"one": 1, "two": 2, "three": 3}
# the answers are named only in general: which ones is for a person to say
_UNSAID_RE = re.compile(r"\brelevant\b|\baffirmative(?:ly)?\b|\bcertain\b|\bappropriate\b", re.I)


def prose_filters(survey: Survey, document: Document) -> None:
    """Give each question a footnote filters its filter on the question named, in place."""
    text = " ".join(b.text for b in document.blocks if b.text)
    if not text:
        return
    questions = list(survey.questions())
    order = {_key(q.id): i for i, q in enumerate(questions)}
    for match in _FILTER_RE.finditer(re.sub(r"\s+", " ", text)):
        target_at = order.get(_key("Q" + match["target"]))
        source_at = order.get(_key("Q" + match["source"]))
        if target_at is None or source_at is None or source_at >= target_at:
            continue
        target, source = questions[target_at], questions[source_at]
        if target.display_if is None:
            _filter(target, source, match["how"])


def _key(ident: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", ident.upper())


def _filter(target: Question, source: Question, how: str) -> None:
    more = _MORE_THAN_RE.search(how)
    if more:
        count = _NUMBERS.get(more["n"].lower()) or int(more["n"])
        target.display_if = f"count({source.id}) > {count}"
        return
    target.display_if = f"answered({source.id})"
    if _UNSAID_RE.search(how) and target.attention is None:
        target.attention = Attention(
            reason=f"{target.id}: only asked to respondents who {how.strip()} at {source.id}; "
            "which answers is not said, so any answer shows it."
        )
