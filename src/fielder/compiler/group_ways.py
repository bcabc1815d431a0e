"""Self-completion notes that send two groups their own ways, each named in words:

- "If you are aged 15 or under, you have now finished this form. Thank you. Everyone aged 16
  or over: please continue with question 13." One group is done (the form's normal end, not a
  screen-out); the other goes on, so every question from 13 to the end of the form is asked
  only of that other group: an `ASK IF you are aged 16 or over` is put before each of them
  (the logic pass reads the words against the questions asked earlier, the age question here).
- "Question 5 is for people aged 16 and over. If you are aged under 16, go to question 6." The
  first sentence says whom the question is for; the second only tells the others where to go
  on to, and is written as the others' way ("Everyone else: go to question 6.") for the readers
  of run notes, so that it is not read as a jump of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, made_line

_Q = r"(?:question|q\.?)\s*(?P<{name}>[A-Z]{{0,3}}\d{{1,3}}[a-z]?)"
# "If you are aged 15 or under, you have now finished (this form)", "…, you can stop here"
_DONE_RE = re.compile(
    r"^\W*if\s+(?:you\s+are\s+|you['’]re\s+)?(?P<done>[^,.;]{3,80}?),\s*(?:then\s+)?"
    r"(?:you\s+have\s+(?:now\s+)?(?:finished|completed|come\s+to\s+the\s+end\s+of)|"
    r"that\s+is\s+the\s+end\s+of)\s+(?:this|the|your)\s+(?:form|questionnaire|survey)\b",
    re.I,
)
# "Everyone aged 16 or over: please continue with question 13", "If you are 16 or over, go on
# to question 13", "People aged 16 or over, please continue at question 13"
_GO_ON_RE = re.compile(
    r"^\W*(?:if\s+(?:you\s+are\s+|you['’]re\s+)?|(?:everyone|everybody|anyone|people|those)\s+)"
    r"(?P<who>[^,.;:]{3,80}?)\s*[:,]\s*(?:please\s+)?(?:continue|carry\s+on|go\s+on)\s+"
    r"(?:with|at|to|from)\s+" + _Q.format(name="to") + r"\W*$",
    re.I,
)
# "Question 5 is for people aged 16 and over", "Questions 20 and 21 are only for …"
_WHOM_RE = re.compile(
    r"^\W*questions?\s+[A-Z]{0,3}\d{1,3}[a-z]?(?:\s+(?:to|and|-|–)\s+[A-Z]{0,3}\d{1,3}[a-z]?)?"
    r"\s+(?:is|are)\s+(?:only\s+)?for\b[^.;]{3,160}\.?$",
    re.I,
)
# "If you are aged under 16, go to question 6": the others told where to go
_OTHERS_WAY_RE = re.compile(
    r"^\W*if\s+(?:you\s+are\s+|you['’]re\s+)?[^,.;]{3,80}?,\s*(?:please\s+)?(?:go|skip|move)\s+"
    r"(?:on\s+)?to\s+(?P<rest>question\s+[A-Z]{0,3}\d{1,3}[a-z]?)\W*$",
    re.I,
)
_SENTENCE_RE = re.compile(r"(?<=[.!])\s+(?=[A-Z])")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_RE.split(text.strip()) if s.strip()]


def _note_text(line: Line) -> str:
    return line.text if line.text else " ".join(line.instructions)


def _label_id(line: Line) -> str | None:
    if _WHOM_RE.match(_sentences(line.text)[0] if line.text.strip() else ""):
        return None  # ("Question 5 is for …" opens like a label: a note)
    label = find_label(line)
    return None if label is None or label.style == "display" else label.id


def _same_id(named: str, qid: str) -> bool:
    named = named.upper()
    return qid.upper() in (named, f"Q{named}")


def _go_on(sentences: list[str]) -> tuple[str, str] | None:
    """(who goes on, from which question) for a note where another group is done."""
    if not any(_DONE_RE.match(s) for s in sentences):
        return None
    for sentence in sentences:
        match = _GO_ON_RE.match(sentence)
        if match:
            return match["who"].strip(), match["to"]
    return None


def group_way_lines(lines: list[Line]) -> list[Line]:
    """The lines with notes sending two groups their own ways read as filters (see above)."""
    if not any(_DONE_RE.search(_note_text(x)) or _WHOM_RE.search(_note_text(x)) for x in lines):
        return lines
    ids = [_label_id(line) for line in lines]
    out: list[Line] = []
    rest_test: str | None = None  # put before every question from `rest_from` on
    rest_from: str | None = None
    for pos, line in enumerate(lines):
        qid = ids[pos]
        if qid is not None and rest_from is not None and _same_id(rest_from, qid):
            rest_from = None  # from here on, every question
        if qid is not None and rest_test is not None and rest_from is None:
            # (on the question's own line: a line of its own under a question with no answers,
            # or under a routing note, would read as the question above's)
            line = replace(line, instructions=[rest_test, *line.instructions])
        if qid is None and not line.is_option and line.kind == "paragraph":
            sentences = _sentences(_note_text(line))
            found = _go_on(sentences) if sentences else None
            later = found is not None and any(
                i is not None and _same_id(found[1], i) for i in ids[pos + 1 :]
            )
            if found is not None and later and rest_test is None:
                rest_test, rest_from = f"ASK IF you are {found[0]}", found[1]
                continue  # (the note read: dropped)
            if len(sentences) == 2 and _WHOM_RE.match(sentences[0]):
                way = _OTHERS_WAY_RE.match(sentences[1])
                if way:
                    text = f"{sentences[0]} Everyone else: go to {way['rest']}."
                    line = made_line(line, text, False) if line.text else line
        out.append(line)
    return out
