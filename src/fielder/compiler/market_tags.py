"""Market tags over a question in an agency's multi-country master (`[UK ONLY]`, `[DE/FR ONLY]`,
`[ALL MARKETS EXCEPT DE AND FR – …]`): a filter on the questionnaire's country question.

The tags name markets by short codes that no question uses. The document says what they stand
for itself: its fact sheet lists the markets (`Markets  UK, DE, FR, ES, PL, NL`), and its
country question lists as many countries (one more for "Another country") in that order. With
both found, a tag on a line of its own right above a label becomes that question's filter on
the country question, moved under its label (`EXCEPT` negated, as written). Tags after an
answer stay the answer's (an answer shown in some markets only is no filter of the question).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_CODE = r"[A-Z]{2,3}"
# "Markets<TAB>UK, DE, FR, ES, PL, NL", "Countries: GB, IE, FR"
_MARKETS_RE = re.compile(
    rf"\b(?:markets?|countries)\b\s*[:\t ]\s*(?P<codes>{_CODE}(?:\s*,\s*{_CODE}){{2,}})\b", re.I
)
_ANSWER_RE = re.compile(r"^\s*(?P<code>\d{1,3})\s+\S")
# "[UK ONLY]", "[DE/FR ONLY]"
_ONLY_RE = re.compile(rf"^\s*\[\s*(?P<codes>{_CODE}(?:\s*/\s*{_CODE})*)\s+ONLY\s*\]\s*$")
# "[ALL MARKETS EXCEPT DE AND FR – DE/FR: ASK A5b INSTEAD]"
_EXCEPT_RE = re.compile(
    rf"^\s*\[\s*ALL\s+(?:MARKETS|COUNTRIES)\s+EXCEPT\s+(?P<codes>{_CODE}(?:\s*(?:,|/|AND)\s*{_CODE})*)\b"
)


def _markets(lines: list[Line]) -> list[str]:
    for line in lines:
        found = _MARKETS_RE.search(line.raw or line.text)
        if found:
            return re.findall(_CODE, found["codes"])
    return []


def _country(lines: list[Line], count: int) -> tuple[str, list[str]] | None:
    """The first labelled question whose answers number `count` (or one more)."""
    for index, line in enumerate(lines):
        label = find_label(line)
        if label is None:
            continue
        codes: list[str] = []
        for below in lines[index + 1 :]:
            if find_label(below) is not None:
                break
            found = _ANSWER_RE.match(below.raw or below.text)
            if found:
                codes.append(found["code"])
            elif codes:
                break
        if len(codes) in (count, count + 1):
            return label.id, codes[:count]
    return None


def market_tag_lines(lines: list[Line]) -> list[Line]:
    """The lines with each market tag over a question rewritten as its filter."""
    markets = _markets(lines)
    if len(markets) < 3:
        return lines
    country = _country(lines, len(markets))
    if country is None:
        return lines
    qid, codes = country
    out = list(lines)
    for index, line in enumerate(lines[:-1]):
        text = (line.raw or line.text).strip()
        only, other = _ONLY_RE.match(text), _EXCEPT_RE.match(text)
        found = only or other
        if not found or find_label(lines[index + 1]) is None:
            continue
        named = re.findall(_CODE, found["codes"].replace("AND", " "))
        if not named or any(n not in markets for n in named):
            continue
        listed = [codes[markets.index(n)] for n in named]
        test = f"{qid} = {' OR '.join(listed)}"
        note = f"[ASK IF {test}]" if only else f"[ASK IF NOT ({test})]"
        # (under the label, with the question's own bracketed notes: this document writes a
        # question's instructions after its label, so a note above it reads as the last one's)
        out[index], out[index + 1] = (
            out[index + 1],
            replace(line, text="", raw=note, instructions=[note]),
        )
    return out
