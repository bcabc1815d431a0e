"""Routing phrasings of questionnaires written in English by non-native writers, put into the
phrasing the readers know, wherever they stand (a paragraph, a table's routing or filter cell):

- `In case of No → close the interview politely`, `In case of code 3 → Q10`: a calque of the
  European languages' "en cas de" / "w przypadku" / "im Falle", read as `If No → …`;
- `Apply Q9 only to those who …`, `Apply to respondents with age more than 30 (Q2)`: "apply"
  for "ask", read as `Ask Q9 only to those who …`; `Apply to codes 1 or 2 in P13` in a filter
  column as `Only for codes 1 or 2 in P13`;
- `Continue with P16 only those who buy in … (codes 1, 3 or 4 in P15)`: read as `Ask P16 only
  to those who …` (one question or a run `Q8 to Q10`);
- `… to those that have selected 1 or 2 in Q15`: "that" for "who", and "selected" before a bare
  list of codes, read as `those who answered 1 or 2 in Q15`.

Only the sentence's opening words change; the test after them is left for the condition
readers. Runs are rewritten one by one, so a phrase split over two formats is left as it is.
"""

from __future__ import annotations

import re

from fielder.compiler.block_text import rewrite_block
from fielder.documents.model import Block

_Q = r"[A-Za-z]{1,4}[-_.]?\d{1,3}[a-z]?"
_QS = rf"{_Q}(?:\s*(?:,|and|to|-|–)\s*{_Q})*"
_WHOM = r"(?:those|respondents?|people|persons|anyone|everyone)\b"

_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "In case of No → …": the case, then an arrow on the same line
    (re.compile(r"(?<![\w-])in\s+case\s+of\s+(?=[^\n→]{1,40}(?:→|-+>))", re.I), "If "),
    # "Apply Q9 only to those who …", "Apply to respondents with …"
    (
        re.compile(rf"(?<![\w-])apply\s+(?:({_QS})\s+)?(?:only\s+)?to\s+(?={_WHOM})", re.I),
        r"Ask \1 only to ",
    ),
    # "Apply to codes 1 or 2 in P13"
    (
        re.compile(r"(?<![\w-])apply\s+(?:only\s+)?to\s+(?=codes?\s+\d)", re.I),
        "Only for ",
    ),
    # "Continue with P16 only those who …"
    (
        re.compile(
            rf"(?<![\w-])continue\s+with\s+({_QS})\s+only\s+(?:to\s+|for\s+)?(?={_WHOM})", re.I
        ),
        r"Ask \1 only to ",
    ),
    # "those that have selected 1 or 2 in Q15"
    (
        re.compile(
            r"(?<![\w-])(those|respondents|people)\s+(?:that|who)\s+(?:have\s+)?"
            r"(?:selected|chosen|chose|picked|ticked)\s+(?=\d{1,3}(?:\s*(?:,|or|/)\s*\d{1,3})*\s+(?:in|at)\s)",
            re.I,
        ),
        r"\1 who answered ",
    ),
)
_ANY_RE = re.compile(r"in\s+case\s+of|apply\s|continue\s+with|selected|chos|picked|ticked", re.I)


def partner_text(text: str) -> str:
    """`text` with the phrasings above written as the readers' ones."""
    if not _ANY_RE.search(text):
        return text
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return re.sub(r"Ask  only", "Ask only", text)


def partner_phrase_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks with the non-native routing phrasings above written as the readers' ones."""
    return [rewrite_block(block, partner_text) for block in blocks]
