"""A base written for people, with its condition in brackets: "Only people who contacted us
(any of 1-4 at Q8)", "Ask only those who own a car (S3 = 1)", "Only smokers (S5 = 1 or 2)".

Whoever writes the routing in plain words describes the group first and puts the test that
picks it out in brackets after. The description names no question; the bracket does, so the
bracket alone is the filter."""

from __future__ import annotations

import re

_LEAD_RE = re.compile(
    r"^(?:(?:only|just)\s+(?:(?:ask|show|display)(?:ed|n)?\s+)?(?:(?:to|of|for)\s+)?|"
    r"(?:ask|show|display)(?:ed|n)?\s+only\s+(?:to\s+|of\s+)?|"
    r"(?:ask|show|display)(?:ed|n)?\s+(?:to|of)\s+|"
    r"(?:base|filter)\s*:\s*)"
    r"(?P<who>[^()]{2,100}?)\s*(?:\((?P<cond>[^()]{3,80})\)|"
    # "only people who flew with us, i.e. Q1 = 1 or 3": the test after "i.e." as in brackets
    r",?\s+i\.\s?e\.?,?\s+(?P<said>[^()]{3,80}?)|"
    # "(only sales and service staff: A1 = 3 or 4)": the group, a colon, then its test
    r"\s*:\s*(?P<tested>[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?\s*(?:=|<|>|≤|≥)[^():]{1,60}?))\s*\.?$",
    re.I,
)
# a question's id ("Q8", "S3", "B2a"): the bracket names one, the description does not
_QUESTION_RE = re.compile(r"\b[A-Z]{1,4}[-_.]?\d{1,3}[a-z]?\b")
# "Only if Q2 = 1 (…)", "Only answer …": a condition or an order, not a group of people
_NOT_A_GROUP_RE = re.compile(r"^(?:if|when|where|unless|answer|ask|show|display)\b", re.I)
# ("to everyone except promoters (9 or 10 at Q15)": the group left out, read by the rules for
# "except")
_LEFT_OUT_RE = re.compile(r"\b(?:except|but\s+not|apart\s+from|other\s+than)\b", re.I)


def bracketed_base(text: str) -> str | None:
    """The condition in the brackets of a base written for a group of people, or None."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]  # the whole base in brackets, a note beside the question
    match = _LEAD_RE.match(text)
    if match is None or _NOT_A_GROUP_RE.match(match["who"]) or _LEFT_OUT_RE.search(match["who"]):
        return None
    cond = match["cond"] or match["said"] or match["tested"]
    if _QUESTION_RE.search(match["who"]) or not _QUESTION_RE.search(cond):
        return None
    return cond.strip(" :,.")
