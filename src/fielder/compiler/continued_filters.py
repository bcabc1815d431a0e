"""A filter whose condition goes on, on the next line, after AND / OR.

`ASK IF D2 = 1` over `AND MORE THAN ONE PERSON IN THE HOME (D1 = 2 OR MORE)`: a narrow column
or a hand break splits one filter into two lines. Read apart, the second line is a stray note of
the question above (its "MORE THAN ONE" even reads as a multi's mark) and the filter loses half
its test; joined, it is the one filter the author wrote.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, made_line

# a line that opens a filter, not yet ended by a full stop
_FILTER_OPEN_RE = re.compile(
    r"^\W{0,3}(?:ASK|SHOW|DISPLAY|BASE|FILTER|IF|ONLY)\b(?:(?!\.\s*$).){2,200}$", re.I
)
# the condition going on: a joining word that opens the line
_GOES_ON_RE = re.compile(r"^\s*(?:AND|OR|And|Or|and|or)\s+\S")
# a filter after a question's label left open on a joining phrase ("K19  ASK IF IN WORK (K1 = 1)
# AND NOT SELF-EMPLOYED ONLY"): no stop, no bracket closing it
_LABEL_FILTER_OPEN_RE = re.compile(
    r"^\W{0,3}(?:[A-Z]{1,6}\d{0,3}[a-z]?\s+)?(?:ASK|SHOW|DISPLAY|FILTER|BASE)\s+(?:ONLY\s+)?IF\b"
    r"[^.;]{2,200}\b(?:AND|OR)\b[^().;]{2,80}$",
    re.I,
)
# its test on the next line, in brackets, maybe before other bracketed notes ("(K3 NOT = 2)
# (CASI)")
_BRACKET_TEST_RE = re.compile(
    r"^\s*(?P<test>\([^()]{1,60}(?:=|<|>|≠|≤|≥)[^()]{0,60}\))(?P<rest>(?:\s*\([^()]{1,40}\))*)\s*$"
)


def join_continued_filters(lines: list[Line]) -> list[Line]:
    """The lines with each filter's continuation joined to the filter it goes on from."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and line.kind == previous.kind == "paragraph"
            and not previous.is_option
            and previous.label is None
            and _FILTER_OPEN_RE.match(previous.raw.strip())
            and _GOES_ON_RE.match(line.raw)
            and _same_case(previous.raw, line.raw)
        ):
            out[-1] = made_line(previous, f"{previous.raw.strip()} {line.raw.strip()}", False)
            continue
        test = _BRACKET_TEST_RE.match(line.raw) if previous is not None else None
        if (
            previous is not None
            and test is not None
            and line.kind == previous.kind == "paragraph"
            and not previous.is_option
            and _LABEL_FILTER_OPEN_RE.match(previous.raw.strip())
        ):
            # the bracketed test of a filter wrapped after its joining words goes back to it
            out[-1] = made_line(previous, f"{previous.raw.rstrip()}  {test['test']}", False)
            rest = test["rest"].strip()
            if rest:
                inner = test["test"].strip("() ")
                kept = [n for n in line.instructions if n.strip() != inner]
                out.append(replace(line, raw=rest, spaced=rest, instructions=kept))
            continue
        out.append(line)
    return out


def _same_case(first: str, second: str) -> bool:
    """Both lines in capitals, or both in ordinary case: one note's two halves."""
    return _caps(first) == _caps(second)


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
