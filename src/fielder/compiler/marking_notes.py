"""A self-completion form's marking note set in italics after the question: respondent words.

Paper forms often set the note that tells the respondent how to mark the answer in italics
(or a grey italic) at the end of the question's own paragraph: `Which knee was replaced?
*(Please tick one box)*`, `How confident are you? *(Circle one number)*`. A trailing italic run
is otherwise an interviewer's note, but this one is addressed to the respondent and the gold
keeps it in the question text, as it does when the note is typed upright. Only a bracketed,
sentence-case note that starts with a marking verb counts: capitals (`(TICK ONE)`) stay
instructions, as does the bare type tag `(select all)`.
"""

from __future__ import annotations

import re

_MARKING_NOTE_RE = re.compile(
    r"^\s*\(\s*(?:please\s+)?(?:tick|circle|ring|cross|mark|check|select|choose|shade|"
    r"put\s+an?\s+(?:tick|cross|x)|fill\s+in|"
    # "(one tick on each line)": the mark to make, said before the verb
    r"one\s+(?:tick|cross|answer|box|circle)\s+(?:on|per|for|in)\s+(?:each|every))\b[^()]{0,60}\)\s*$",
    re.I,
)


# "*Select all that apply.*" after the question: the same note as a sentence of its own
_MARKING_SENTENCE_RE = re.compile(
    r"^\s*(?:please\s+)?(?:tick|select|choose|mark|check)\s+(?:all|one|any|up\s+to)\b"
    r"[^()]{0,40}\.\s*$",
    re.I,
)


# "*(select all)*": a builder's type tag in two words (a multi), not a sentence to the respondent
_TYPE_TAG_RE = re.compile(r"^\s*\(\s*(?:select|tick|check)\s+all\s*\)\s*$", re.I)


def is_marking_note(text: str) -> bool:
    """True for `(Tick one box)`, `(Please tick all that apply)`, `(Circle one number)`,
    `Select all that apply.`"""
    if _TYPE_TAG_RE.match(text):
        return False
    if _MARKING_NOTE_RE.match(text):
        return any(c.islower() for c in text)
    # the sentence in sentence case only: "SELECT ALL THAT APPLY." stays an instruction
    return (
        bool(_MARKING_SENTENCE_RE.match(text))
        and text.strip()[:1].isupper()
        and any(c.islower() for c in text)
    )
