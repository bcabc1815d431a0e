"""Routing written as a verb phrase after an answer's words, put in the words the readers know.

Authors write an answer's routing as a tail after its label in many verbs: "2. No  pass to
Q14", "Yes – move on to Q9", "No  Thank and end", "Refused  (end the interview politely)",
"Under 18  close the survey". The tail readers in `options` know "go to" and "TERMINATE"; this
module rewrites such a tail to "go to X" or "TERMINATE" so they read it the same way.

Only a tail counts: the phrase must stand after a gap (a tab or two spaces), an arrow, a spaced
dash or inside brackets of its own, and run to the end of the line. Labels that merely hold the
words ("Close to the city centre", "Pass the exam", "I moved on to a new job") stay as written.
"""

from __future__ import annotations

import re

# where a tail starts: a tab or a wide gap, an arrow, a spaced dash (or the bracket it sits in)
# (possessive: a long run of spaces is not tried again at every length)
_LEAD = r"(?:\t\s*+|\s{2,}+|\s*+(?:→|➜|(?<!-)-+>|=>|⇒)\s*+|\s++[–—-]\s++|\s++(?=[(\[]))"

# a skip in the verbs the readers do not know ("go", "skip", "jump", "continue" they do): the
# verb, then "to" / "at" / "with" and the place (the readers take the place as written)
_SKIP_VERB = (
    r"(?:please\s+)?(?:pass(?:\s+(?:on|straight|directly))?|(?:move|carry)\s+on)"
    r"\s+(?:to|at|with)\s+"
)
# the place: a question's id or number, a section or part, the end, or a screen named in capitals
_PLACE = (
    r"(?:question\s+)?(?P<to>[A-Za-z]{0,4}[.-]?\d{1,4}[a-z]?|"
    r"(?:section|part|module|block)\s+[A-Za-z0-9]{1,3}|(?-i:[A-ZÀ-Þ][A-ZÀ-Þ_]{2,20}))"
)
# an end: thanks then the end ("thank and end", "thank them and close the call"), the interview
# or survey ended in words ("end the interview politely", "close the survey"), a screen-out
_END = (
    r"(?:please\s+)?(?:"
    r"thank(?:\s+(?:you|them|the\s+(?:respondent|person|participant|caller)))?\s*(?:,\s*)?"
    r"(?:(?:and|&|then)\s+)?(?:politely\s+)?(?:end|close|terminate|stop)"
    r"(?:\s+(?:the\s+|this\s+)?(?:interview|survey|call|questionnaire|session))?|"
    r"(?:politely\s+)?(?:end|close|finish|terminate|stop)\s+(?:the\s+|this\s+)?"
    r"(?:interview|survey|call|questionnaire|session)|"
    r"screen(?:ed)?[\s-]*out"
    r")(?:\s+politely)?"
)
_CLOSE = r"\s*+[)\]]?\s*+\.?\s*+$"

_SKIP_TAIL_RE = re.compile(rf"(?<=\S){_LEAD}[(\[]?\s*+{_SKIP_VERB}{_PLACE}{_CLOSE}", re.I)
_END_TAIL_RE = re.compile(rf"(?<=\S){_LEAD}[(\[]?\s*+{_END}{_CLOSE}", re.I)
_SKIP_NOTE_RE = re.compile(rf"^\s*+[(\[]?\s*+{_SKIP_VERB}{_PLACE}{_CLOSE}", re.I)
_END_NOTE_RE = re.compile(rf"^\s*+[(\[]?\s*+{_END}{_CLOSE}", re.I)


# "CLOSE IF A1 = 2 (thank and end).": a rule already, its bracket a remark on it, not a tail
_RULE_HEAD_RE = re.compile(
    r"(?i:\bif\b)|\b(?:CLOSE|TERMINATE|END|SCREEN\s*OUT|GO\s+TO|SKIP\s+TO)\b"
)


def canonical_tail(text: str) -> str:
    """An answer's line with a routing tail in other verbs rewritten as "go to X" or
    "TERMINATE" after a wide gap; any other line as it is."""
    if _RULE_HEAD_RE.search(text.split("  ")[0]):
        return text
    skip = _SKIP_TAIL_RE.search(text)
    if skip:
        return f"{text[: skip.start()]}  go to {skip['to']}"
    end = _END_TAIL_RE.search(text)
    if end:
        return f"{text[: end.start()]}  TERMINATE"
    return text


def canonical_note(note: str) -> str:
    """A note set apart from an answer (a coloured run, a routing cell) that is a routing verb
    phrase on its own, in the same words; any other note as it is."""
    skip = _SKIP_NOTE_RE.match(note)
    if skip:
        return f"go to {skip['to']}"
    if _END_NOTE_RE.match(note):
        return "TERMINATE"
    return note


# "If No, pass to Q9.", "Otherwise move on to question 12": the verb before a place to go to
_SKIP_VERB_RE = re.compile(
    r"\b(?:pass(?:\s+(?:on|straight|directly))?|(?:move|carry)\s+on)\s+to\s+"
    r"(?=(?:question\s+|q\.?\s*)?[A-Za-z]{0,4}[.-]?\d|(?:section|part|module|block)\s+\w|"
    r"(?:the\s+)?end\b)",
    re.I,
)


# "if 0 → skip Q15 and go to Q16": the question passed over named first (no "to"), then where
# to go; the jump is to the second
_SKIP_OVER_RE = re.compile(
    r"\bskip\s+(?:questions?\s+)?(?!to\b)[A-Za-z]{0,4}\d{1,3}[a-z]?"
    r"(?:\s*(?:-|–|to|and)\s*[A-Za-z]{0,4}\d{1,3}[a-z]?)?\s*(?:,\s*|\s+)(?:and\s+|then\s+)+"
    r"(?=(?:go|jump|continue|carry\s+on|move\s+on)\b)",
    re.I,
)


def skip_verbs(sentence: str) -> str:
    """A routing sentence with "pass to" / "move on to" before a place put as "go to", and
    "skip Q15 and go to Q16" put as "go to Q16"."""
    return _SKIP_VERB_RE.sub("go to ", _SKIP_OVER_RE.sub("", sentence))
