"""Filters told in the respondent's words: a run of questions named under an answer, and a
question that opens by naming the answer it is for.

A short form says under a question which questions the answer opens, by their numbers: "(If
yes fill in 15 and 16. If no, you're done!)", "If Yes, please answer questions 8 to 10." Each
question of the run is for that answer of the question the note is under (the other branch
needs no rule of its own: those questions are simply not shown). Written as `ASK IF Q14 = yes`
over each of them, the rules read the answer against the question's list.

A question may also open by naming the answer at an earlier question it is for: "If you ticked
Sundays - what time would you come in?". The clause stays in the words (it is what the
respondent reads) and is also the question's filter, written over it as `ASK IF you ticked
Sundays` (the rules find the earlier question offering that answer).
"""

from __future__ import annotations

import re

from fielder.compiler.classify import Label, find_label
from fielder.compiler.lines import Line, made_line

_NUMBER = r"(?:questions?\s+|q\.?\s*)?(?P<{}>\d{{1,3}}[a-z]?)"
_RUN_RE = re.compile(
    r"^\(?\s*if\s+(?P<answer>[^,.;:()]{1,30}?)\s*[,:]?\s*(?:then\s+)?(?:please\s+)?"
    r"(?:answer|fill\s+in|complete|do|go\s+on\s+to|carry\s+on\s+with)\s+"
    + _NUMBER.format("a")
    + r"\s*(?P<join>and|to|-|–|&)\s*"
    + _NUMBER.format("b")
    + r"\b\s*(?:[.;,]\s*(?P<rest>.*?))?\)?\s*$",
    re.I,
)
# "If you ticked Sundays - what time …?": the answer named, a dash or colon, the question (after
# a comma the answers may run on: "If you ticked 'Often', 'Always', would …?" is read elsewhere)
_OPENING_RE = re.compile(
    r"^if\s+you\s+(?:ticked|chose|selected|picked|circled|said|answered)\s+"
    r"(?P<answer>[^;:?–—]{1,80}?)\s*(?:\s[-–—]\s|:)\s*(?P<question>\S[^?]*\?)\s*$",
    re.I,
)


def _number(qid: str) -> str:
    return re.sub(r"^[A-Za-z]+", "", qid)


def answer_run_lines(lines: list[Line]) -> list[Line]:
    """The lines with each run named under an answer, and each question opening with the answer
    it is for, given its `ASK IF` filter lines."""
    labels = [find_label(line) if not line.is_option else None for line in lines]
    before: dict[int, list[str]] = {}
    dropped: set[int] = set()
    owner: str | None = None
    for index, line in enumerate(lines):
        label = labels[index]
        if label is not None:
            owner = label.id
            opening = _OPENING_RE.match(label.rest)
            if opening:
                condition = f"ASK IF you ticked {opening['answer'].strip()}"
                before.setdefault(index, []).append(condition)
            continue
        run = _RUN_RE.match(line.text) if owner and not line.is_option else None
        if run is None or owner is None:
            continue
        targets = _run_targets(labels, index, run["a"], run["b"], run["join"])
        if not targets:
            continue
        for target in targets:
            before.setdefault(target, []).append(f"ASK IF {owner} = {run['answer'].strip()}")
        dropped.add(index)
    if not before:
        return lines
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in dropped:
            continue
        out.extend(made_line(line, note, instruction=True) for note in before.get(index, []))
        out.append(line)
    return out


def _run_targets(
    labels: list[Label | None], index: int, first: str, last: str, join: str
) -> list[int]:
    """The positions of the run's questions after `index`: both named, or all between."""
    after = [(at, label) for at, label in enumerate(labels) if at > index and label is not None]
    numbers = [_number(label.id) for _, label in after]
    if first not in numbers or last not in numbers:
        return []
    start, end = numbers.index(first), numbers.index(last)
    if end < start:
        return []
    if join.lower() in ("and", "&"):
        return [after[start][0], after[end][0]]
    return [at for at, _ in after[start : end + 1]]
