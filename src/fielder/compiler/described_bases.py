"""A filter that names its base in words, then gives the condition after a dash:
`ASK ALL AWARE OF ANY BRAND – NOT CODE 99 AT A3`, `ASK IF MAIN BRAND IS LISTED – A5 = 1-10`,
`BASE: LAPSED USERS – Q4 = 3 OR 4`, also after whom it is addressed to (`INTERVIEWER: ASK …`).

Agency writers describe who is asked for the client's benefit and put the scripter's condition
after a spaced dash. The description is not a condition the rules can read, and split at the
dash the condition alone reads as nothing (it has no `ASK IF`). The note is rewritten as the
filter on the written condition (`ASK IF NOT CODE 99 AT A3`). Only a tail that names a question
by its id and a code or comparison is taken; otherwise the note is left as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_ID = r"[A-Z]{1,3}\d{1,3}[a-z]?"
_DESCRIBED_RE = re.compile(
    r"^(?P<head>(?:ASK|BASE\s*:|FILTER\s*:)\s*(?:IF\s+|ALL\s+|ONLY\s+|THOSE\s+)?"
    r"[A-Z][A-Z’' ,/]{2,80}?)"
    r"\s+[–—-]\s+(?P<cond>(?:NOT\s+)?(?:CODES?\s+[\d ,/–-]+(?:\s+OR\s+\d+)*\s+AT\s+"
    # ("Q2 NOT CODE 1": the code denied)
    rf"{_ID}|{_ID}\s*(?:=|<>|!=|>=|<=|>|<|IN\b|NOT\b)\s*[\w ,/–-]+))\.?$"
)
# "ASK IF ANY BRAND BOUGHT AT A4 (CODES 1-10)", "ASK IF A SUPPLIER IS NAMED AT Q2 – CODES 1-5":
# the codes of that question in brackets or after a dash
_CODES_AT_RE = re.compile(
    rf"^(?P<head>ASK\s+(?:IF|ALL)\s+[A-Z][A-Z’' ,/]{{2,80}}?)\s+(?:AT|IN)\s+(?P<q>{_ID})\s*"
    r"(?:\(|\s[–—-])\s*(?P<codes>CODES?\s+\d{1,3}(?:\s*(?:[-–,/]|OR|AND)\s*\d{1,3})*)\s*\)?\.?$"
)


def described_base_lines(lines: list[Line]) -> list[Line]:
    """The lines with each filter described in words read as its written condition."""
    out = []
    for line in lines:
        if any(
            _ROLE_RE.sub("", _unwrapped(note)).startswith(("ASK", "BASE", "FILTER"))
            for note in line.instructions
        ):
            line = replace(line, instructions=[_condition(note) for note in line.instructions])
        out.append(line)
    return out


# "INTERVIEWER: ASK IF …", "PN: BASE: …": whom the filter is addressed to comes before it
_ROLE_RE = re.compile(
    r"^\s*(?:INTERVIEWER|INT|PROGRAMMER|PROG|PN|SCRIPTER|CATI|CAWI|NOTE)\s*(?:NOTE)?\s*:\s*(?=ASK|BASE|FILTER)"
)


def _unwrapped(note: str) -> str:
    """The note without the brackets it is printed in (`(ASK IF LIKED IT – CODES 4-5 AT B5)`)."""
    text = note.strip()
    if re.fullmatch(r"\([^()]*\)|\[[^\[\]]*\]", text):
        return text[1:-1].strip()
    return text


def _condition(note: str) -> str:
    text = _ROLE_RE.sub("", _unwrapped(note))
    described = _DESCRIBED_RE.match(text)
    if described:
        return f"ASK IF {described['cond'].strip()}"
    coded = _CODES_AT_RE.match(text)
    if coded:
        return f"ASK IF {coded['codes']} AT {coded['q']}"
    return note
