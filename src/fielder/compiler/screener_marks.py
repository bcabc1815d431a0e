"""A recruitment screener's verdict after each answer: `Under 18 — ❌ Reject`,
`25–34 — ✅ Continue`, `55 or older — ⚠️ Max 2`.

Recruiters mark what each answer means for the recruit at its end, after a dash, often with a
traffic-light emoji: reject (end the screener), continue (nothing to do) or a quota cap. The
verdict is taken off the answer's words and becomes the instruction the rules already read
(`TERMINATE`, or a quota note); "continue" needs none. A rule over several answers in the
recruiter's words ("Must select at least one of the first three to continue") is the screen-out
of everyone who picks none of them (`TERMINATE IF NOT CODE 1-3`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_EMOJI = "❌✖✗✘⛔🚫🛑✅✔✓☑🟢🟡🟠🔴⚠"
# from the first blank of a run (possessive: a long run of blanks is not retried at each one)
_VERDICT_RE = re.compile(
    rf"(?<!\s)\s++[—–-]+\s*(?P<mark>[{_EMOJI}]\ufe0f?)?\s*"
    r"(?P<words>[A-Za-z][A-Za-z0-9 &/+'’-]{0,40})?\s*$"
)
_REJECT_RE = re.compile(
    r"^(?:reject(?:ed)?|terminate|term|screen[- ]?out|disqualif(?:y|ied)|dq|close|thank\s+and\s+"
    r"(?:end|close|terminate)|end(?:\s+(?:screener|survey|interview))?|not\s+eligible|ineligible)$",
    re.I,
)
_CONTINUE_RE = re.compile(
    r"^(?:continue|qualif(?:y|ies|ied)|accept(?:ed)?|proceed|keep|go\s+on|eligible|ok|okay|pass)$",
    re.I,
)
_QUOTA_RE = re.compile(
    r"^(?:max(?:imum)?|min(?:imum)?|at\s+(?:most|least)|no\s+more\s+than|cap(?:ped)?(?:\s+at)?|"
    r"quota|recruit)\b",
    re.I,
)
_REJECT_MARKS = "❌✖✗✘⛔🚫🛑🔴"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# "Must select at least one of the first three to continue", "must choose one of the first 2"
_MUST_FIRST_RE = re.compile(
    r"\bmust\s+(?:select|choose|pick|tick|check|have\s+(?:selected|chosen|ticked))\s+"
    r"(?:at\s+least\s+)?(?:one|any)\s+of\s+the\s+first\s+(?P<count>\d|two|three|four|five|six|seven|"
    r"eight)\b(?:\s+(?:answers|options|items|choices))?(?:\s+(?:to\s+(?:continue|qualify|proceed)|"
    r"or\s+(?:reject|terminate|screen\s+out)))?\s*[.;]?",
    re.I,
)


def screener_mark_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer's trailing verdict made its instruction, and a "must select
    one of the first N" rule made the screen-out it stands for."""
    out = []
    for line in lines:
        line = _unmarked(line)
        if any("must" in note.lower() for note in line.instructions):
            line = replace(
                line, instructions=[n for note in line.instructions for n in _rule(note)]
            )
        out.append(line)
    return out


def _rule(note: str) -> list[str]:
    """The note with a "must select one of the first N" sentence as `TERMINATE IF NOT CODE 1-N`."""
    match = _MUST_FIRST_RE.search(note)
    if match is None:
        return [note]
    count = match["count"]
    last = int(count) if count.isdigit() else _COUNTS[count.lower()]
    rest = f"{note[: match.start()]} {note[match.end() :]}".strip()
    return [f"TERMINATE IF NOT CODE 1-{last}", *([rest] if rest else [])]


def _unmarked(line: Line) -> Line:
    if line.kind not in ("list_item", "paragraph") or not line.text:
        return line
    match = _VERDICT_RE.search(line.text)
    if match is None or match.start() == 0:
        return line
    mark, words = match["mark"] or "", (match["words"] or "").strip()
    if words and _REJECT_RE.match(words) or (not words and mark and mark in _REJECT_MARKS):
        note = "TERMINATE"
    elif words and _CONTINUE_RE.match(words) or (not words and mark):
        note = None
    elif words and mark and _QUOTA_RE.match(words):
        note = f"QUOTA: {words}"
    else:
        return line
    text = line.text[: match.start()].rstrip()
    spaced = _cut(line.spaced, match.group(0).strip()) if line.spaced else text
    notes = [*line.instructions, note] if note else list(line.instructions)
    return replace(line, text=text, spaced=spaced, instructions=notes)


def _cut(spaced: str, tail: str) -> str:
    """The spaced text without the verdict at its end."""
    place = spaced.rfind(tail[:1]) if tail else -1
    cut = spaced.rstrip()
    if tail and cut.endswith(tail):
        return cut[: -len(tail)].rstrip(" \t—–-")
    return spaced[:place].rstrip(" \t—–-") if place > 0 else spaced
