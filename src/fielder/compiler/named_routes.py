"""A route's destination described, then named by its id in brackets.

`-> GO TO END OF MODULE (END)`, `SKIP TO THE CLOSING QUESTIONS (Q20)`, `go to Section D
(question 10)`, a banner
`>>> IF Q4 = 4 GO TO BLOCK B (Q14) <<<`: the words say where the
interview goes and the bracket gives the label of the question or screen there. The id in
brackets is the destination; the words before it only describe it.
"""

from __future__ import annotations

import re

_NAMED_ROUTE_RE = re.compile(
    r"(?P<verb>\b(?:go\s*to|skip\s*to|continue\s*(?:to|with|at)|jump\s*to|proceed\s*to))\s+"
    r"(?P<words>[A-Za-z][A-Za-z0-9 ]{2,40}?)\s*"
    # "go to Section D (question 10)": the question's number in words in the bracket
    r"\((?:question\s+(?P<n>\d{1,3}[a-z]?)|(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?|END|CLOSE|CLOSING|EXIT|"
    r"THANKS|OUTRO))\)\s*\.?\s*"
    # ">>> IF Q4 = 4 GO TO BLOCK B (Q14) <<<": a banner's closing marks after the route
    r"(?:<{2,}|>{2,}|\*{2,}|={2,}|#{2,})?\s*$",
    re.I,
)
# words that are already a destination: "GO TO Q5 (SINGLE)" keeps its Q5
_ALREADY_ID_RE = re.compile(r"^(?:question\s+)?[A-Za-z]{0,4}\d", re.I)


# "go to Part C, Q10", "skip to Section 2 – question 12": the part, then the question in it
_PART_THEN_QUESTION_RE = re.compile(
    r"(?P<verb>\b(?:go\s*(?:on\s*)?to|skip\s*to|continue\s*(?:to|with|at)|jump\s*to|"
    r"proceed\s*to|turn\s*to))\s+(?:the\s+)?(?:section|part|module|block|page)\s+[A-Z0-9]{1,3}"
    r"\s*(?:,|[–—:]|-(?=\s))\s*(?:at\s+)?"
    r"(?:question\s+(?P<n>\d{1,3}[a-z]?)|(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?))\b",
    re.I,
)


def named_route(text: str) -> str:
    """ "No  -> GO TO END OF MODULE (END)" → "No  -> GO TO END"; "go to Part C, Q10" → "go to
    Q10"; other text unchanged."""
    part = _PART_THEN_QUESTION_RE.search(text)
    if part is not None:
        where = f"question {part['n']}" if part["n"] else part["id"]
        text = f"{text[: part.start()]}{part['verb']} {where}{text[part.end() :]}"
    match = _NAMED_ROUTE_RE.search(text)
    if match is None or _ALREADY_ID_RE.match(match["words"]):
        return text
    where = f"question {match['n']}" if match["n"] else match["id"]
    return f"{text[: match.start()]}{match['verb']} {where}"
