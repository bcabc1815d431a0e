"""Pass: routing the rules could not read becomes a clarifying question instead of silence.

A question that ends with no logic of its own may still carry words that route: a filter
("ASK IF C6 = 1", "Only answer if you drove (question 5)"), a screen-out or jump after an
answer ("Under 16 → please stop here", "No → go to question 11"). When no rule turned those
words into logic, on this question or on the questions they name, the programmer is told
(`logic-unparsed`, with the words) rather than left to find the gap in fieldwork.

The test is deliberately narrow: a line routes only when it states a condition on the
respondent's answers (a question, a code, an answer named or quoted, "ticked", "yes"…) and an
action (ask, show, skip, go to, close, terminate…). Words addressed to the interviewer about
how to record ("IF NONE, CODE 000", "READ ONLY IF NECESSARY") and notes that say they are not
routing are left alone. A line that names questions which carry logic elsewhere was read
there and is not flagged again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from fielder.compiler.diagnostics import Problem
from fielder.compiler.parse import Draft
from fielder.ir.expressions import ExpressionError, parse, references
from fielder.ir.models import Question

# a condition on what the respondent answered
_CONDITION_RE = re.compile(
    r"\b(?:IF|ONLY|UNLESS|EXCEPT|OTHERWISE|OTHERS|THOSE\s+WHO|OF\s+THOSE|WHEN|FILTER|BASE)\b"
    r"|^\W{0,3}(?:->|→|>>)",  # a routing line of its own: "-> CSAT 1-2: ask Q3"
    re.I,
)
_ANSWER_REF_RE = re.compile(
    r"\bQ(?:UESTION)?\.?\s*\d|\bCODES?\s+\d|\b(?:TICKED|ANSWERED|SELECTED|PICKED|CHOSE|CHOSEN|"
    r"SAID|CIRCLED|MARKED|CHECKED|YES|NO|NOT|NONE|ANY|MORE\s+THAN|LESS\s+THAN)\b|[=<>≥≤‘“\"]",
    re.I,
)
# what the words ask to happen: a filter ("ask if", "only answer question 9 if", "show this
# question only to") or a route ("go to", "skip to", "→ Q12", "terminate", "thank and close")
_ACTION_RE = re.compile(
    r"\b(?:ASK|SHOW|DISPLAY|ANSWER)\s+(?:(?:THIS|THE\s+NEXT)\s+QUESTION\s+|(?:Q(?:UESTION)?S?\.?\s*)"
    r"?[A-Z]{0,3}\d[\w.]*(?:\s*(?:TO|-|–)\s*[A-Z]{0,3}\d[\w.]*)?\s+)?(?:ONLY\s+)?"
    # ("ASK Q10 OF THOSE DISSATISFIED AT Q9")
    r"(?:IF|WHEN|(?:TO|OF)\s+(?:THOSE|PEOPLE|RESPONDENTS|ANYONE|EVERYONE)|THOSE|FOR\s+THOSE)\b"
    r"|\bONLY\s+(?:ASK|SHOW|DISPLAY|ANSWER)\b[^.;]*\bIF\b"
    # ("Please skip question 18 if …": the question passed by, named)
    r"|\bSKIP\s+(?:THIS\s+QUESTION|(?:QUESTION\s+)?[A-Z]{0,3}\d[\w.]*)\s+(?:ONLY\s+)?IF\b"
    r"|\b(?:ASK|ANSWER|SHOW)\s+QUESTIONS?\s+[A-Z]{0,3}\d"
    r"|\b(?:ASK|SHOW)\b[^.;]{0,60}\bONLY\s+(?:IF|TO|FOR|WHERE|WHEN)\b"
    r"|\b(?:GO|SKIP|JUMP|CONTINUE|CARRY\s+ON|PROCEED|MOVE|ROUTE)\s+(?:ON\s+)?(?:TO|AT)\b"
    r"|(?:→|->)\s*(?:Q|QUESTION|SECTION|PART|END|CLOSE|[A-Z]{1,3}\d)"
    r"|\b(?:TERMINATE|SCREEN[\s-]*OUT|DISQUALIFY|THANK\s+(?:AND|&)\s+CLOSE|CLOSE\s+(?:THE\s+)?"
    r"INTERVIEW|END\s+(?:THE\s+)?(?:SURVEY|INTERVIEW)|(?:AND|THEN)\s+(?:CLOSE|END|TERMINATE|STOP))\b"
    # a tool's logic line ("Block display logic: …", "Skip logic: …") or a filter heading
    r"|\b(?:DISPLAY|SKIP|BRANCH|PAGE)\s+LOGIC\b|\bFILTER\s*:|\bBASE\s*:|\bAPPLIES\s+TO\b",
    re.I,
)
# after an answer, an arrow or words that leave the usual order
_ANSWER_ROUTE_RE = re.compile(
    r"\b(?:(?:GO|SKIP|JUMP|CONTINUE|PROCEED|MOVE|CARRY\s+ON)\s+(?:ON\s+)?(?:TO|AT)\b|TERMINATE|"
    r"CLOSE|SCREEN[\s-]*OUT|DISQUALIFY|STOP\s+HERE|END\s+(?:THE\s+)?(?:SURVEY|INTERVIEW))",
    re.I,
)
# notes that say of themselves that they do not route, or address recording and reading out
_NOT_ROUTING_RE = re.compile(
    r"\bQUOTAS?\b|\bNOT\s+(?:A\s+)?(?:SCREEN[\s-]*OUT|ROUTING|LOGIC|A\s+(?:QUESTION\s+)?FILTER)\b|"
    r"\b(?:SHOW|DISPLAY|OFFER)\s+(?:ANSWER|OPTION|CODE|CHOICE)S?\s+\d{1,3}\b[^.;]*\bONLY\b|"
    r"\bNO\s+SCREEN[\s-]*OUT\b|\bDO\s+NOT\s+(?:TERMINATE|END|CLOSE|SCREEN|SKIP)\b|"
    r"\bSOFT\s+CHECK\b|\bREAD\s+(?:OUT\s+)?ONLY\s+IF\b|\bIF\s+NONE\b(?![^.;,]*\b(?:AT|IN|TO)\s+(?:QUESTION\s+)?[A-Z]{0,4}\d)"
    r"|\bIF\s+(?:ASKED|UNSURE|NOT\s+"
    r"AVAILABLE|NECESSARY|LESS\s+THAN\s+ONE|QUOTA\s+FULL|RUNNING\s+OVER|NOT\s+OBVIOUS)\b"
    r"|\bASK\s+(?:IF\s+)?ALL\b|\bBASE:?\s+ALL\b|…|\.\.\."
    # a carried-forward list: "SHOW ONLY APPS SELECTED AT Q1", "only show those coded at Q8"
    r"|\b(?:SHOW\s+ONLY|ONLY\s+SHOW)\b[^.;]*\b(?:SELECTED|CODED|PICKED|CHOSEN|TICKED|MENTIONED)\b",
    re.I,
)
_QUESTION_NUMBER_RE = re.compile(r"\bQUESTIONS?\s+(\d{1,3})(?:\s*(?:TO|-|–)\s*(\d{1,3}))?", re.I)
_NEXT_QUESTION_RE = re.compile(r"\b(?:THE\s+)?NEXT\s+QUESTION\b", re.I)
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.\d+)*|\b\d{1,3}(?:\.\d{1,3})+\b")
# a question named by its bare number: "show if 3 = Yes", "IF 3.6 = 1"
_BARE_NUMBER_RE = re.compile(r"\b(?:IF|AT|IN)\s+(\d{1,3})\s*(?:=|<|>|IS\b)", re.I)


def unread_routing(
    pairs: Sequence[tuple[Question, Draft]], answers: dict[str, str]
) -> list[Problem]:
    """A `logic-unparsed` problem for each question whose routing words were read nowhere;
    an answered one is applied (an expression) or dropped ("Ignore this instruction")."""
    questions = [question for question, _ in pairs]
    order = {q.id.upper(): index for index, q in enumerate(questions)}
    used = _ids_with_logic(questions, order)
    problems: list[Problem] = []
    for index, (question, draft) in enumerate(pairs):
        if question.display_if or question.terminate_if or question.skip_to:
            continue
        following = questions[index + 1].id.upper() if index + 1 < len(questions) else None
        ahead = pairs[index + 1][1].pre_notes if index + 1 < len(pairs) else []
        for words in _routing_words(draft, ahead):
            if _named_ids(words, order, following) & used:
                continue  # read where it points: the questions it names carry logic
            problem = Problem(
                "logic-unparsed",
                question.id,
                f"{question.id}: '{words}' reads like routing, but no logic was made from it.",
                words,
                ["Ignore this instruction"],
            )
            if problem.id in answers:
                _apply(question, words, answers[problem.id])
            else:
                problems.append(problem)
            break  # one question, one item: the first such words
    return problems


def _routing_words(draft: Draft, ahead: list[str]) -> Iterable[str]:
    """The draft's notes and lines (its own wording taken out) and its answers' notes that
    route; a line the next question holds as its own opening note is that question's."""
    text = draft.text
    lines = (line.raw for line in draft.lines if not line.rows or boxed_note(line.rows))
    for line in [*draft.pre_notes, *lines]:
        # (a table's cells are answers and rows, read by the grid rules)
        if line in ahead:
            continue
        words = " ".join(line.replace(text, " ").split()) if text else line
        if is_conditional_route(words):
            yield words
    for option in draft.options:
        for note in option.instructions:
            if _ANSWER_ROUTE_RE.search(note) and not _NOT_ROUTING_RE.search(note):
                yield " ".join(f"{option.label} {note}".split())


def boxed_note(rows: Sequence[Sequence[str]]) -> bool:
    """A table of one cell: a note set in a box ("Q15: only if …" framed under the answers),
    read as a line, not as a table's rows."""
    return len(rows) == 1 and len(rows[0]) == 1 and len(rows[0][0]) >= 12


def is_conditional_route(words: str) -> bool:
    if len(words) > 400 or _NOT_ROUTING_RE.search(words):
        return False
    return bool(
        _CONDITION_RE.search(words) and _ACTION_RE.search(words) and _ANSWER_REF_RE.search(words)
    )


def _named_ids(words: str, order: dict[str, int], following: str | None) -> set[str]:
    named: set[str] = set()
    for token in _TOKEN_RE.findall(words):
        token = token.upper()
        # "QB1.2" and "3.3" for the ids QB1_2 and Q3_3
        named |= {token, token.replace(".", "_"), "Q" + token.replace(".", "_")} & order.keys()
    for match in _BARE_NUMBER_RE.finditer(words):
        named |= {match[1], f"Q{match[1]}"} & order.keys()
    for match in _QUESTION_NUMBER_RE.finditer(words):
        first = int(match[1])
        last = int(match[2]) if match[2] else first
        for number in range(first, min(last, first + 50) + 1):
            named |= {f"Q{number}", str(number)} & order.keys()
    if following and _NEXT_QUESTION_RE.search(words):
        named.add(following)
    return named


def _ids_with_logic(questions: list[Question], order: dict[str, int]) -> set[str]:
    """Questions that hold logic, are named in a condition or are a skip's target."""
    used: set[str] = set()
    for question in questions:
        conditions = [question.display_if, question.terminate_if]
        conditions += [rule.if_ for rule in question.skip_to]
        if question.display_if:
            used.add(question.id.upper())
        for condition in filter(None, conditions):
            try:
                named = {ref.name.upper() for ref in references(parse(condition))}
            except ExpressionError:
                continue  # (the IR's validation reports it; nothing is used here)
            used |= named & order.keys()
        used |= {rule.to.upper() for rule in question.skip_to}
    return used


def _apply(question: Question, words: str, answer: str) -> None:
    """The person's answer: an expression becomes the question's filter (or its screen-out
    where the words end the survey); anything else leaves the question as it is."""
    expression = answer.strip()
    try:
        parse(expression)
    except ExpressionError:
        return
    if re.search(r"\b(?:TERMINATE|CLOSE|SCREEN[\s-]*OUT|DISQUALIFY|STOP\s+HERE)\b", words, re.I):
        question.terminate_if = expression
    else:
        question.display_if = expression
