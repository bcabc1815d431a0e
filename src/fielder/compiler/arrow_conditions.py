"""Routing written as a bare test and an arrow: `Q7=2 → skip to Q9`, `S2<18 → END (screen-out)`,
`No → Go to 5`, `No → Q15`.

A spec's logic cell or row, or a paper form's margin, often drops the "IF": the test on a
question (or the answer's own words) comes first, the arrow and what happens after. Spelled
out with its "IF" it reads like any other routing note; an action that says the respondent
is screened out is a termination, whatever the screen it names (`END (screen-out)`,
`CLOSE = not eligible`).
"""

from __future__ import annotations

import re

from fielder.compiler.formal_conditions import is_expression

_CODE = r"-?\d{1,4}"
_ARROW_TEST_RE = re.compile(
    rf"^(?P<cond>[A-Za-z]{{1,6}}[_.]?\d{{1,3}}[a-z]?(?:[_.]\d{{1,2}})?\s?(?:<=|>=|!=|<>|==?|<|>)\s?"
    rf"{_CODE}(?:\s?(?:,|/|-|–|\bOR\b|\bAND\b)\s?{_CODE}){{0,12}})\s?"
    # ("RN6 = 1 OR 5: SKIP TO RN9": a colon before the jump, as an arrow)
    r"(?:-+>|→|=>|⇒|:(?=\s?(?:SKIP|GO|JUMP)\s+TO\b))\s?"
    r"(?P<action>\S.*)$",
    re.I,
)
# "No → Go to 5", "Don't know -> skip to Q9": an answer's words, then where it leads
_ANSWER_ARROW_RE = re.compile(
    r"^(?!(?:if|when|otherwise|else|then|all|everyone|others|rest|and|or)\b)"
    # (several answers' words, each up to 38 letters, may be listed with slashes)
    r"(?P<answer>[^\W\d_][^→>\d/]{0,38}?(?:\s?/\s?[^→>\d/]{1,38}?){0,4})\s?(?:-+>|→|=>|⇒)\s?"
    r"(?P<action>(?:go|skip|jump|continue|proceed)\s+(?:on\s+)?to\s+\S.*|"
    # "No → Q15", "Don't know → END": the place itself after the arrow, in a logic column
    r"(?-i:[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?|END)\.?)$",
    re.I,
)
# "(T4 = 2 OR T4 = 3) AND T4 != 1 → T7", "NOT (T4 = 1 OR T4 = 2) → T9": a compound test
_COMPOUND_ARROW_RE = re.compile(
    r"^(?P<cond>(?:NOT\s*)?\(?\s*[A-Za-z]{1,6}\d{1,3}[a-z]?\s?(?:<=|>=|!=|==?|<|>)[^→]*?)"
    r"\s?(?:-+>|→|=>|⇒)\s?(?P<action>[A-Z]{1,6}\d{1,3}[a-z]?|END|TERMINATE)\.?$",
)
# '"No, not yet" → skip to Q9', '"Just looking" → close the survey (no thank-you page)': an
# answer quoted whole (commas and all), then where it leads or that the survey ends there
_QUOTED_ARROW_RE = re.compile(
    r"^(?P<answer>[\"“][^\"“”]{1,80}[\"”])\s?(?:-+>|→|=>|⇒)\s?(?P<action>\S.*)$"
)
_QUOTED_END_RE = re.compile(
    r"^(?:close|terminate|screen[\s-]?out|thank\s+(?:and|&)\s+close|end\b(?!\s+of\s+"
    r"(?:the\s+)?(?:section|block|page|part)))|\b(?:survey|interview)\s+ends\b",
    re.I,
)
_SCREEN_OUT_RE = re.compile(
    r"\bscreen(?:ed)?[- ]?outs?\b|\bdisqualif\w*|\bterminat\w*|\b(?:not\s+|in)eligible\b", re.I
)


def _formal_arrow(text: str) -> dict[str, str] | None:
    """`Q6=2 OR Q6=9 → Q9`, `T4∌1 ∧ T4∋2 → T7`: a programmer's expression before one arrow."""
    parts = re.split(r"\s?(?:-+>|→|=>|⇒)\s?", text)
    if len(parts) == 2 and parts[1].strip() and is_expression(parts[0]):
        return {"cond": parts[0].strip(), "action": parts[1].strip()}
    return None


def spelled_if(text: str) -> str:
    """The note with its unwritten "IF" written (a screen-out as TERMINATE); any other note
    as it was."""
    match = (
        _ARROW_TEST_RE.match(text.strip())
        or _COMPOUND_ARROW_RE.match(text.strip())
        or _formal_arrow(text.strip())
    )
    quoted = _QUOTED_ARROW_RE.match(text.strip()) if match is None else None
    if quoted is not None:
        action = quoted["action"].rstrip(". ")
        if _QUOTED_END_RE.search(action):
            return f"IF {quoted['answer']} TERMINATE"
        if re.match(r"(?:go|skip|jump|continue|proceed)\s+(?:on\s+)?to\b", action, re.I):
            return f"IF {quoted['answer']}, {action}"
    if match is None:
        answer = _ANSWER_ARROW_RE.match(text.strip())
        if answer is None:
            return text
        action = answer["action"].rstrip(".")
        if not re.match(r"(?:go|skip|jump|continue|proceed)\b", action, re.I):
            action = f"GO TO {action}"
        return f"IF {answer['answer'].strip()}, {action}"
    if _SCREEN_OUT_RE.search(match["action"]):
        return f"IF {match['cond']} TERMINATE"
    return f"IF {match['cond']} → {match['action']}"
