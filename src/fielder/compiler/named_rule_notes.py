"""Logic notes that name their question and say the rule in a verb of their own.

Item banks write a question's rule as a sentence about it, over it: `Logic: ENG6 is suppressed
in France, Germany and the Netherlands (DEM2 = 5, 6 or 7), where …` (who does NOT see it),
`Logic: AP2 additionally needs DEM2 = Japan [13].` (a test on top of its block's filter). The
verbs vary ("is suppressed / withheld / switched off in …", "additionally needs", "also
requires")
but the shape is fixed: the question's id, the verb, the test (in brackets after a group's
words, or written out). Where the id is the question right below the note, the note is
rewritten as the filter the readers know: `ASK IF NOT (DEM2 = 5, 6 or 7)`, `ASK IF DEM2 = Japan
[13]` (joined with the block's own by `and`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_ID = r"[A-Z]{1,5}\d{1,3}[a-z]?"
_HEAD = r"^\W*(?:(?:logic|rule|routing|filter|display\s+logic|note)\s*[:–—-]\s*)?"
_SUPPRESSED_RE = re.compile(
    # ("is not shown to …" and "is hidden for …" are the scope readers' wording already)
    rf"{_HEAD}(?P<id>{_ID})\s+(?:is|are)\s+(?:suppressed|withheld|switched\s+off|turned\s+off)"
    r"\s+(?:in|for|from|to|when|if|where)\b(?P<rest>.*)$",
    re.I,
)
_ALSO_RE = re.compile(
    rf"{_HEAD}(?P<id>{_ID})\s+(?:additionally|also)\s+(?:needs|requires)\s+(?P<rest>.+?)\s*\.?\s*$",
    re.I,
)
# a test: a question id, an operator, a value
_TEST_RE = re.compile(rf"{_ID}\s*(?:=|≠|!=|<>|≥|≤|>=|<=|<|>|\bIN\b)\s*[^()]*", re.I)


def named_rule_lines(lines: list[Line]) -> list[Line]:
    """The lines with each such note over its question written as that question's filter."""
    out = list(lines)
    for index, line in enumerate(lines):
        words = (line.text or " ".join(line.instructions)).strip()
        found = _SUPPRESSED_RE.match(words) or _ALSO_RE.match(words)
        if found is None or find_label(line) is not None:
            continue
        below = next((n for n in lines[index + 1 :] if n.text or n.label), None)
        label = find_label(below) if below is not None else None
        if label is None or label.id.upper() != found["id"].upper():
            continue
        rest = found["rest"]
        if found.re is _SUPPRESSED_RE:
            bracket = re.search(r"\((?P<t>[^()]*)\)", rest)
            test = bracket["t"] if bracket and _TEST_RE.match(bracket["t"].strip()) else None
            if test is None:
                continue
            note = f"ASK IF NOT ({test.strip()})"
        else:
            if not _TEST_RE.match(rest.strip()):
                continue
            note = f"ASK IF {rest.strip()}"
        out[index] = replace(line, text="", spaced="", raw=note, instructions=[note])
    return out
