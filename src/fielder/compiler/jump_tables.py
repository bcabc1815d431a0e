"""A form builder's logic table, printed after the last question, in the builder's words:

    Logic jumps
    | If          | Answer                   | Then                      |
    | Question 3  | is "Take away"           | Skip to Question 7        |
    | Question 1  | is "I've never been"     | End form (submit)         |
    | Question 4  | any answer               | Continue to next question |

Each row is rewritten in the shape `routing_tables` reads (`Q3 | Q3 is "Take away" | Skip to
Q7`): the question the row is on is named in its condition, "End form" / "Submit form" is the
end of the survey, and rows that only go on to the next question (the builder's default for
"any answer" or "is empty") are no rule and are left out.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

# "Question 7", "Q7", "#7", "Question Q7": the question a row is on
_QUESTION_RE = re.compile(r"^(?:question\s+|#\s?)?(?P<id>[A-Za-z]{0,4}\d{1,3}[a-z]?)[.:]?$", re.I)
_FIRST_HEAD_RE = re.compile(r"^(?:if|when|question|on|from|source(?:\s+question)?)$", re.I)
_TEST_HEAD_RE = re.compile(
    r"^(?:answer|answers|response|condition|rule|is|value|when|if\s+answer(?:\s+is)?)$", re.I
)
_ACTION_HEAD_RE = re.compile(
    r"^(?:then|action|go\s*to|jump\s*to|skip\s*to|destination|next|result|do)$", re.I
)
# the builder's default, not a rule: "Continue to next question", "Go to the next page"
_DEFAULT_RE = re.compile(
    r"^(?:continue|go|move|proceed)\s+(?:on\s+)?to\s+(?:the\s+)?next\b|^next\s+(?:question|page)$",
    re.I,
)
# "End form (submit)", "Submit form", "End the survey": the form ends there
_END_RE = re.compile(
    r"^(?:end\s+(?:the\s+)?(?:form|survey|questionnaire)|submit\s+(?:the\s+)?(?:form|survey)"
    r"|end\s+of\s+(?:the\s+)?(?:form|survey))\b",
    re.I,
)
_QUESTION_WORD_RE = re.compile(r"\bquestion\s+(\d{1,3}[a-z]?)\b", re.I)


def _heads(row: tuple[str, ...]) -> list[str]:
    return [" ".join(re.sub(r"[^\w\s]", " ", cell).split()) for cell in row]


def _is_jump_table(rows: tuple[tuple[str, ...], ...]) -> bool:
    if len(rows) < 2 or len(rows[0]) != 3:
        return False
    first, test, action = _heads(rows[0])
    if not (
        _FIRST_HEAD_RE.match(first) and _TEST_HEAD_RE.match(test) and _ACTION_HEAD_RE.match(action)
    ):
        return False
    return all(_QUESTION_RE.match(row[0].strip()) for row in rows[1:] if row and row[0].strip())


def _question_id(cell: str) -> str:
    match = _QUESTION_RE.match(cell.strip())
    assert match is not None
    qid = match["id"]
    return qid if qid[:1].isalpha() else f"Q{qid}"


def _row(row: tuple[str, ...]) -> tuple[str, ...] | None:
    if len(row) < 3 or not row[0].strip():
        return None
    qid = _question_id(row[0])
    test, action = row[1].strip(), " ".join(row[2:]).strip()
    if not test or _DEFAULT_RE.match(action) or not action:
        return None
    if not re.search(rf"\b{re.escape(qid)}\b|\bquestion\s+\d", test, re.I):
        test = f"{qid} {test}"
    test = _QUESTION_WORD_RE.sub(lambda m: f"Q{m[1]}", test)
    if _END_RE.match(action):
        action = "Terminate"
    else:
        action = _QUESTION_WORD_RE.sub(lambda m: f"Q{m[1]}", action)
    return (qid, test, action)


def jump_table_lines(lines: list[Line]) -> list[Line]:
    """The lines with each form builder's jump table rewritten as a routing table."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "table" and _is_jump_table(line.rows):
            rows = [r for r in (_row(row) for row in line.rows[1:]) if r is not None]
            line = dataclasses.replace(line, rows=(("Q", "Condition", "Action"), *rows))
        out.append(line)
    return out
