"""Whom a question is for, said as a group of people with the test on an earlier answer.

- Groups left out: "Not for those who said 'Rarely' at Q3", "For everyone except code 2 at
  B4", "All except those who chose 5 at F6", "Excluding people with Q7 = 9": everyone else is
  asked, so the condition is the test negated.
- Groups let in, with no lead word: "Those who answered code 1 or 2 in question 4",
  "Respondents with Q2 = 1-3", "Asked to people with A5 = 2".
- A line that is only tests joined by OR / AND ("C2>0 OR C3>0") over a question.

The test must name a question (an id, or "question 4"), and the line must not carry an action
of its own (a jump, an end, "please answer …"), which other readers take.
"""

from __future__ import annotations

import re

from fielder.compiler.options import TESTS_ONLY_RE

_PEOPLE = r"(?:THOSE|PEOPLE|RESPONDENTS|PARTICIPANTS|ANYONE|PERSONS|CUSTOMERS|MEMBERS|USERS)"
_LEAD = (
    r"(?:(?:ASK(?:ED)?|SHOWN?|PUT|DISPLAY(?:ED)?)(?:\s+(?:ONLY\s+)?(?:TO|OF))?\s+|"
    r"(?:BASE|UNIVERSE|FILTER|WHO)\s*:\s*|FOR\s+)?"
)
_LEFT_OUT_RE = re.compile(
    rf"^[\[(]?\s*{_LEAD}(?:"
    rf"NOT\s+(?:FOR|TO|OF)|"
    rf"(?:EVERYONE|EVERYBODY|ALL|ANYONE)(?:\s+{_PEOPLE})?\s+(?:EXCEPT|BUT\s+NOT|APART\s+FROM|"
    rf"OTHER\s+THAN|EXCLUDING)|"
    rf"EXCLUDING|EXCEPT)\s+"
    rf"(?:{_PEOPLE}\s+)?(?:(?:WHO|THAT|WITH)\s+)?(?P<cond>\S.*?)\s*[\])]?\s*[.:;]?\s*$",
    re.I,
)
_LET_IN_RE = re.compile(
    rf"^[\[(]?\s*{_LEAD}(?:ONLY\s+)?{_PEOPLE}\s+(?:WHO|THAT|WITH)\s+"
    rf"(?P<cond>\S.*?)\s*(?:\s+ONLY)?\s*[\])]?\s*[.:;]?\s*$",
    re.I,
)
# the test names the question it is on ("at Q4", "Q4 = 2", "in question 4")
_NAMES_QUESTION_RE = re.compile(r"\b[A-Z]{1,4}\d{1,3}[a-z]?\b|\b(?i:question)\s+\d{1,3}[a-z]?\b")
# an action of its own: the line routes or asks, it is not only whom the question is for
_ACTION_RE = re.compile(
    r"\?|→|->|\b(?:GO(?:\s+ON)?\s+TO|SKIP|JUMP|CONTINUE|PROCEED|MOVE\s+ON|TERMINATE|CLOSE|END|"
    r"THANK|SCREEN\s*OUT|PLEASE|ANSWER|COMPLETE|FILL\s+IN|QUESTIONS|SECTION)\b",
    re.I,
)


def group_filter(text: str) -> str | None:
    """The condition of a group-worded filter line ("NOT (…)" for a group left out), or None."""
    line = text.strip()
    if len(line) > 200:
        return None
    tests = TESTS_ONLY_RE.fullmatch(line)
    if tests:
        return line.strip(" .()")
    for pattern, negated in ((_LEFT_OUT_RE, True), (_LET_IN_RE, False)):
        match = pattern.match(line)
        if match is None:
            continue
        cond = match["cond"].strip(" :,.")
        if cond.count("(") > cond.count(")"):
            cond += ")"  # (the closing bracket of its own test, not of the line)
        if not _NAMES_QUESTION_RE.search(cond) or _ACTION_RE.search(cond):
            return None
        glossed = _GLOSSED_TEST_RE.fullmatch(cond)
        if negated and glossed and _DENIED_RE.search(glossed["test"]):
            # "All except those who never swim (B2 not equal to 1)": the bracket's test already
            # names those asked
            return glossed["test"].strip()
        return f"NOT ({cond})" if negated else cond
    return None


_GLOSSED_TEST_RE = re.compile(r"[^()]{1,80}\((?P<test>[^()]{3,80})\)")
_DENIED_RE = re.compile(r"\bNOT\b|!=|≠|<>", re.I)
