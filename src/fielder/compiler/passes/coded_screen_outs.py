"""A screen-out stated by its codes in a programmer's shorthand: "code 1 = screen out", "codes
4, 5 → close", "Close anyone who is code 5 here, codes 1–4 carry on".

Read generically, such a note is handed whole to the condition reader, which takes every number
in it for an answer ("codes 1–4 carry on" joins the screen-out, "Need 50+ employees" names the
50–249 band). Where the note ties codes to the ending in one of these two fixed shapes (codes,
then "=" / an arrow / a colon, then the ending; or the ending, then whom by "code N"), the
codes so tied are the test and nothing else in the note is.
"""

from __future__ import annotations

import re

from fielder.ir.models import Question

_CODES = r"\d{1,3}(?:\s*(?:,|&|\bOR\b|\bAND\b|-|–|\bTO\b)\s*\d{1,3})*"
_ENDING = (
    r"(?:SCREEN[\s-]*OUT|CLOSE[SD]?|TERMINATE[SD]?|TERM|DISQUALIF\w*|THANK\s+(?:AND|&)\s+CLOSE)"
)
# "code 1 = screen out", "codes 4, 5 → close", "code 3: terminate"
_CODES_FIRST_RE = re.compile(rf"\bCODES?\s+(?P<c>{_CODES})\s*(?:=|→|->|:)\s*{_ENDING}\b", re.I)
# "Close anyone who is code 5", "screen out those who said codes 6-7", "terminate anyone at code 2"
_ENDING_FIRST_RE = re.compile(
    rf"\b{_ENDING}\s+(?:ANYONE|ANYBODY|EVERYONE|THOSE|PEOPLE|RESPONDENTS)\s+"
    r"(?:WHO\s+(?:IS|ARE|SAYS?|SAID|ANSWERS?|ANSWERED|CHOOSES?|CHOSE|PICKS?|PICKED|GIVES?|GAVE"
    r"|SELECTS?|SELECTED)\s+|(?:AT|ON|WITH)\s+)?(?:AT\s+)?CODES?\s+(?P<c>" + _CODES + r")\b",
    re.I,
)


def _expand(codes: str) -> list[str]:
    out: list[str] = []
    for piece in re.split(r"\s*(?:,|&|\bOR\b|\bAND\b)\s*", codes, flags=re.I):
        span = re.fullmatch(r"(\d+)\s*(?:-|–|TO)\s*(\d+)", piece.strip(), re.I)
        if span:
            low, high = int(span[1]), int(span[2])
            if high < low or high - low > 20:
                return []
            out += [str(n) for n in range(low, high + 1)]
        elif piece.strip():
            out.append(piece.strip())
    return out


def coded_screen_out(words: str, question: Question) -> list[str] | None:
    """The codes of `question` that a note ties to the ending in a fixed shape, or None (no
    such shape, several, or a code the question does not have)."""
    if question.type not in ("single", "multi") or not question.options:
        return None
    found = [m["c"] for m in _CODES_FIRST_RE.finditer(words)]
    found += [m["c"] for m in _ENDING_FIRST_RE.finditer(words)]
    if len(found) != 1:
        return None
    codes = _expand(found[0])
    own = {o.code for o in question.options}
    if not codes or not set(codes) <= own or set(codes) == own:
        return None
    return codes
