"""A web page's condition note in plain words: `This question is shown if you answered
“Partly” or “No” to question 5.`

Survey pages built in a CMS say when a question appears in a sentence to the respondent above
it (also `Shown if you said … at question 5`). The sentence is put in the scripting words the
instruction reader knows (`ASK IF "PARTLY" OR "NO" IN Q5`), the answers by their words, the
question by its number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_ANSWERED_RE = re.compile(
    # said above the question it governs ("Only answer this question if …" after a question is
    # that question's own note, read where it stands)
    r"^(?:this\s+question\s+(?:is\s+|will\s+be\s+)?(?:only\s+)?(?:shown|displayed|asked|appears)|"
    r"(?:only\s+)?(?:shown|displayed|asked))\s+"
    r"(?:only\s+)?(?:if|when)\s+you\s+(?:answered|chose|selected|picked|ticked|said)\s+"
    r"(?P<answers>.+?)\s+(?:to|at|in|for|on)\s+(?:question\s+|Q)(?P<q>\d{1,3}[a-z]?)\s*[.:]?$",
    re.I,
)
_WORDS_RE = re.compile(r"[\"“‘']([^\"”’']+)[\"”’']")


def as_scripting(sentence: str) -> str | None:
    """`ASK IF "A" OR "B" IN Q5` for a condition written to the respondent, else None."""
    match = _ANSWERED_RE.match(sentence.strip())
    if match is None:
        return None
    words = _WORDS_RE.findall(match["answers"])
    if not words:
        words = [w.strip() for w in re.split(r",|\bor\b", match["answers"]) if w.strip()]
    if all(re.fullmatch(r"\d{1,3}", w) for w in words):
        # "if you chose 1 or 2 at question 7": the answers by their numbers, not their words
        return f"ASK IF Q{match['q']} = {' OR '.join(words)}"
    quoted = " OR ".join(f'"{w.upper()}"' for w in words)
    return f"ASK IF {quoted} IN Q{match['q']}"


def answered_to_lines(lines: list[Line]) -> list[Line]:
    """The lines with such condition notes put in scripting words."""
    out: list[Line] = []
    for line in lines:
        notes = [as_scripting(n) or n for n in line.instructions]
        if line.text and (spoken := as_scripting(line.text)):
            out.append(replace(line, text="", spaced="", instructions=[*notes, spoken]))
        elif notes != line.instructions:
            out.append(replace(line, instructions=notes))
        else:
            out.append(line)
    return out
