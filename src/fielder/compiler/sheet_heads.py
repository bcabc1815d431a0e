"""Column headings of questionnaire spreadsheets written with "Q" for "question".

Specification sheets shorten the heading words: "Q ID", "Q. no", "Qn text", "Ques type".
Read as the full word, the heading is one the column table already knows ("question id").
"""

from __future__ import annotations

import re

# "q id", "q. text", "qn type", "ques. no": an abbreviated "question" before the column's word
_ABBREVIATED_RE = re.compile(r"^(?:q|qn|qu|qst|ques)\.?\s+(?=[a-z])")


def expand_question_abbreviation(words: str) -> str:
    """A lower-cased heading with its abbreviated first word written out in full."""
    return _ABBREVIATED_RE.sub("question ", words, count=1)


# "Screen ID", "Page ref", "Field no.", "Step code": an app or form spec names its question by the
# unit the user sees (a screen, a page, a field, a step); the column is the question's id
_UNIT_ID_RE = re.compile(
    r"^(?:screen|page|field|step|node|card|slide|prompt|message)\s+(?:id|ref|no\.?|number|code)$"
)


def unit_id_heading(words: str) -> str:
    """ "screen id" → "question id"; any other lower-cased heading unchanged."""
    return "question id" if _UNIT_ID_RE.match(words) else words
