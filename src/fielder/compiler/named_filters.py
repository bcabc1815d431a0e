"""A filter written once for a run of questions it names in brackets: "Show feature 4 (K4F,
K4D) only to people who use a phone (S2 = 1 or 2)". The condition in the last brackets is the
`display_if` of every question the first brackets list."""

from __future__ import annotations

import re

from fielder.compiler.jump_logic import answer_test
from fielder.documents.model import Document
from fielder.ir.models import Survey

_ID = r"[A-Za-z]{1,6}\d{1,3}[A-Za-z]{0,2}"
_FILTER_RE = re.compile(
    rf"^\W{{0,3}}(?:show|ask|display)\b[^()]{{0,80}}\((?P<ids>{_ID}(?:\s?,\s?{_ID}){{1,12}})\)"
    rf"[^()]{{0,120}}\((?P<asked>{_ID})\s?=\s?(?P<codes>\d{{1,3}}(?:\s?(?:,|or)\s?\d{{1,3}}){{0,12}})\)",
    re.I,
)
# "Only ask P11 of people who are working (1, 2 or 3 at P10)": the questions named after the
# verb, whom in words, and the codes at the question they answered in the brackets
_ASK_OF_RE = re.compile(
    rf"^\W{{0,3}}(?:only\s+)?(?:show|ask|display)\s+(?P<ids>{_ID}(?:\s?(?:,|and|&)\s?{_ID}){{0,12}})"
    rf"\s+(?:only\s+)?(?:of|to)\b[^()]{{0,120}}\((?:codes?\s+)?"
    rf"(?P<codes>\d{{1,3}}(?:\s?(?:,|or|and)\s?\d{{1,3}}){{0,12}})\s+at\s+(?P<asked>{_ID})\)",
    re.I,
)


def named_filters(survey: Survey, document: Document) -> None:
    """Give each question a bracketed filter names the filter's condition."""
    questions = survey.question_map()
    for block in document.blocks:
        match = _FILTER_RE.match(block.text.strip()) or _ASK_OF_RE.match(block.text.strip())
        if match is None or match["asked"] not in questions:
            continue
        asked = questions[match["asked"]]
        codes = re.findall(r"\d{1,3}", match["codes"])
        test = answer_test(asked.id, codes, asked.type == "multi")
        for qid in re.findall(_ID, match["ids"]):
            question = questions.get(qid)
            if question is not None and question.display_if is None:
                question.display_if = test
