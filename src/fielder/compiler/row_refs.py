"""A scripting tool's answer reference by row: `Q3r4` (Decipher) is "Q3, answer 4".

Decipher names a question's answers as rows `r1`, `r2`, … and its programmers' notes test
them so: `[ASK IF Q3r4]`, `MUST SELECT S4r3`. The reference is read as the question and the
code ("Q3 = 4") only where the question is one of the document's and the whole token is not
(an id `Q3r4` of its own stays as it is).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_ROW_REF_RE = re.compile(r"\b(?P<q>[A-Z]{1,4}\d{1,3}[a-z]?)r(?P<c>\d{1,3})\b")


def row_refs(text: str, questions: Mapping[str, object]) -> str:
    """`text` with each row reference to a known question written as "ID = code"."""
    if "r" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        if match[0] in questions or match["q"] not in questions:
            return match[0]
        return f"{match['q']} = {match['c']}"

    return _ROW_REF_RE.sub(one, text)
