"""`If 3.6 = 1, go to 3.7; otherwise go to 3.8` right under a question.

A script's routing often names both ways out of a question. When the first way is simply the
next question, the instruction says who is asked that next question: it is that question's
filter (`ASK IF 3.6 = 1`), not a skip. The note is rewritten as the filter, standing before the
next question, so the rules attach it there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_EITHER_WAY_RE = re.compile(
    r"^if\s+(?P<cond>.+?)\s*,?\s*(?:go|skip|continue)\s+(?:on\s+)?to\s+(?:q(?:uestion)?\.?\s*)?"
    r"(?P<to>[A-Za-z]{0,3}\d{1,3}(?:[._]\d{1,3})?[a-z]?)\s*[;,.]\s*"
    r"(?:otherwise|else|if\s+not|all\s+others?|everyone\s+else)\s*,?\s*(?:go|skip)\s+to\s+\S+?\.?$",
    re.I,
)
_LABEL_RE = re.compile(r"^(?P<label>[A-Za-z]{0,3}\d{1,3}(?:[._]\d{1,3})?[a-z]?)[.):]?\s+\S")


def otherwise_skip_lines(lines: list[Line]) -> list[Line]:
    """The lines with each "if …, go to <next>; otherwise go to …" made the next one's filter."""
    out = list(lines)
    for place, line in enumerate(lines):
        if line.text or len(line.instructions) != 1:
            continue
        match = _EITHER_WAY_RE.match(line.instructions[0].strip())
        if match is None or _next_label(lines, place) != match["to"].lower():
            continue
        out[place] = replace(line, instructions=[f"ASK IF {match['cond']}"])
    return out


def _next_label(lines: list[Line], place: int) -> str | None:
    for line in lines[place + 1 :]:
        found = _LABEL_RE.match(line.text)
        if found:
            return found["label"].lower()
        if line.text and not line.is_option:
            return None  # words of the same question come first: not right before the next
    return None
