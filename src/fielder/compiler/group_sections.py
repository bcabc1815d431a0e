"""A part's title row that names its run of questions, and a note saying whom the part is for.

A spec sheet breaks its rows into parts with a title row: `COMMUNICATION (COM1–COM3)`, `HOUSING
(Q12 to Q15)`. The bracketed run of question ids marks the row as the title of the part those
questions make up, even in capitals that would otherwise read as a note to the programmer.

The same row's routing cell says whom the part is for in words, the test in brackets:
`Section for current members only (MEM1 = 1). Former members (MEM1 = 2) go straight to
PAY1.`, `These questions are only for parents (S3 = 1)`, `For drivers only (Q2 = 1 or 2)`. The
bracketed test is the filter of every question in the part; the sentence after it only says
where everyone else goes (read as the part's end by the caller).
"""

from __future__ import annotations

import re

_ID = r"[A-Z]{1,5}\d{1,3}[a-z]?"
# "(COM1–COM3)", "(Q12 to Q15)", "(questions 5-8)": a run of question ids closing the title
_RUN_TITLE_RE = re.compile(
    rf"^[^()]*[^\W\d_][^()]*\(\s*(?:(?P<word>questions?|qs?\.?)\s+)?(?P<first>{_ID}|\d{{1,3}})\s*"
    rf"(?:[-–—]|to|through|thru)\s*(?P<last>{_ID}|\d{{1,3}})\s*\)\s*$",
    re.I,
)
# "Section for current members only (MEM1 = 1).", "These questions are only for parents
# (S3 = 1)", "For drivers only (Q2 = 1 or 2)", "Only for members (M1 = 1)"
_GROUP_ONLY_RE = re.compile(
    r"^\s*(?:(?:this\s+|the\s+(?:next|following)\s+|these\s+)?"
    r"(?:section|part|block|module|page|questions?)\s+)?(?:is\s+|are\s+)?"
    r"(?:(?:asked|shown|answered)\s+)?(?:only\s+)?(?:for|to)\s+"
    r"(?P<group>[^()=<>.;]{2,60}?)\s*(?:only\s*)?"
    rf"\((?P<test>[^()]*?\b{_ID}\s*(?:=|<>|!=|≠|<|>|\bin\b)[^()]*)\)\s*"
    r"(?:[.;]\s*(?P<after>.*))?$",
    re.I,
)
# the sentence after the test: where everyone else goes ("Former members (MEM1 = 2) go straight
# to PAY1.", "Others skip to Q9", "Everyone else: go to section D")
_OTHERS_GO_RE = re.compile(
    r"\b(?:go|goes|skip|skips|jump|jumps|move|moves|continue|continues|carry\s+on|route\w*)\b"
    r"[^.;]{0,30}\b(?:to|at)\b",
    re.I,
)


def names_run(text: str) -> bool:
    """True for a title closing on a bracketed run of question ids ("COMMUNICATION
    (COM1–COM3)"), where the run goes forward."""
    match = _RUN_TITLE_RE.match(text.strip())
    if match is None:
        return False
    first = re.match(r"(\D*)(\d+)", match["first"].upper())
    last = re.match(r"(\D*)(\d+)", match["last"].upper())
    if first is None or last is None or first[1] != last[1]:
        return False  # "(S1–Q3)": no run of one series
    if not first[1] and not match["word"]:
        return False  # "SATISFACTION (1-5)": a scale's range, not questions
    return int(first[2]) < int(last[2])


def group_only_filter(note: str) -> str:
    """The `ASK IF` a part's note writes when it says whom the part is for with the test in
    brackets ("" for any other note)."""
    match = _GROUP_ONLY_RE.match(note.strip())
    if match is None:
        return ""
    if not re.search(r"\bonly\b", note[: match.end("test")], re.I):
        return ""  # "for the next questions (Q2 = 1)" says no one is left out
    after = (match["after"] or "").strip()
    if after and not _OTHERS_GO_RE.search(after):
        return ""  # a further sentence that is not where the others go: not this note alone
    return f"ASK IF {match['test'].strip()}"
