"""Friendly tips over a question that say who it is for, in the respondent's words.

Forms written by a learning or HR coordinator set a short tip (often coloured or italic, so read
as a note) right above the question it is about, and write the filter as conversation rather than
as `ASK IF`:

    (Learning Centre delegates only)          -> ASK IF Learning Centre
    Joined live online? Then this one's for you:   -> ASK IF joined live online
    If yes, tell us what happened so IT can follow it up:   -> ASK IF yes
    (If you answered Yes to question 14)      -> ASK IF you answered Yes to question 14
    (Not for e-learning – no trainer)         -> ASK IF Q2 != 'Self-paced e-learning'
    No trainer on the e-learning, so skip this table if that's how you took the course.
                                              -> the same negation
    Not yet? No problem – please skip to question 13.  -> IF Not yet, GO TO 13 (the answers'
                                                          jump, left with the question above)

An interviewer's guide writes the same notes after a role word (`Interviewer: only if Yes at
C5.`, `Interviewer: if yes at A5 – otherwise go on to A7.`, `Interviewer: if yes at B1:`,
`Interviewer: resigners only (the first two boxes at A1)`); the role word is dropped first.

The evidence is the document's own: three or more note-only lines right above a question's
label read as such tips (or as the plain "Only answer the next question if …"). Each tip of
those shapes is written as the forward note the readers know; others are left as they are.
A tip naming a group by an answer's words is tested on the nearest question above whose answer
holds those words (the question just before may be another: the venue question under "Learning
Centre delegates only" follows the question about how they attended), by that answer's label.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

# people named by a group noun after the answer's words ("Learning Centre delegates only")
_GROUP_NOUN = (
    r"(?:delegates|attendees|participants|members|staff|employees|people|respondents|users|"
    r"customers|students|learners|colleagues|managers|workers|visitors|riders|drivers|owners)"
)
_ONLY_RE = re.compile(
    rf"^\(?\s*(?P<who>[^()?!:]{{2,60}}?)\s+{_GROUP_NOUN}\s+only\s*\.?\s*\)?$", re.I
)
# "Joined live online? Then this one's for you:" / "… – this one is for you."
_FOR_YOU_RE = re.compile(
    r"^(?P<who>[^?]{2,60})\?\s*(?:then\s+)?(?:this|these|the\s+next)\s+(?:one|question|questions)?"
    r"\s*(?:is|are|'s|’s)\s+for\s+you\W*$",
    re.I,
)
# "If yes, tell us …:" (a tip ending in a colon, which opens the question under it)
_IF_COLON_RE = re.compile(r"^\(?\s*if\s+(?P<who>[^,:;]{1,60}?)\s*[,:–—-]\s*[^:]*:\s*\)?$", re.I)
# "(If you answered Yes to question 14)": a condition alone in brackets
_IF_BRACKETED_RE = re.compile(r"^\(\s*if\s+(?P<who>[^()]{3,80}?)\s*\)$", re.I)
# "Not yet? No problem – please skip to question 13."
_ANSWER_SKIP_RE = re.compile(
    r"^(?P<who>[^?]{1,40})\?\s*(?:no\s+problem|that's\s+fine|that’s\s+fine|fine|ok(?:ay)?)?"
    r"\s*[–—,.!-]*\s*(?:please\s+)?(?:skip|go|jump|move\s+on)\s+(?:straight\s+)?(?:on\s+)?to\s+"
    r"(?:question\s+)?(?P<to>[A-Z]{0,3}\d{1,3}[a-z]?)\s*\.?$",
    re.I,
)
# "(Not for e-learning – …)"
_NOT_FOR_RE = re.compile(r"^\(?\s*not\s+for\s+(?P<who>[^–—,:;()]{2,40}?)\s*(?:[–—,:;)]|$)", re.I)
# "No trainer on the e-learning, so skip this table if that's how you took the course."
_SKIP_IF_SO_RE = re.compile(
    r"^(?P<who>[^,;]{3,80}?),?\s+so\s+(?:please\s+)?skip\s+this\s+\w+\s+if\s+that(?:'s|’s|\s+is)\s+",
    re.I,
)
_GLYPHS_RE = re.compile(r"[○◯☐□●◻❍⚪]")
_STOP = frozenset(
    "a an the at in on of to for by and or if you your this that these is are was were then "
    "only please not no yes".split()
)
# "Interviewer: …", "Note to interviewer: …": who the note is for, before its words
_ROLE_RE = re.compile(
    r"^(?:note\s+to\s+)?(?:interviewer|moderator|facilitator|enumerator|hrbp|tip|note)\s*:\s*",
    re.I,
)
# "only if Yes at C5.", "ask C3 only if …"
_ONLY_IF_RE = re.compile(
    r"^(?:ask\s+(?:this|it)\s+)?only\s+if\s+(?P<who>[^:;]{3,80}?)\s*\.?$", re.I
)
# "if yes at A5 – otherwise go on to A7."
_IF_OTHERWISE_RE = re.compile(
    r"^if\s+(?P<who>[^–—,:;]{2,60}?)\s*[–—,;-]\s*otherwise\s+(?:go|move|carry)\s+on\s+(?:to|with|at)\s+"
    r"\S+\s*\.?$",
    re.I,
)
# "if yes at B1:"
_IF_ALONE_RE = re.compile(r"^if\s+(?P<who>[^,:;–—]{2,60}?)\s*:$", re.I)
# "resigners only (the first two boxes at A1)": a group, then its test in brackets
_GROUP_TEST_RE = re.compile(
    r"^[\w'’ -]{2,40}?\s+only\s*\((?P<who>[^()]{3,80}\b[A-Z]{1,4}\d{1,3}[a-z]?)\)", re.I
)
# "if retirement, end of contract or dismissal, thank them and move on to Part C (C1)": the
# answers above that jump, named by their words
_IF_MOVE_ON_RE = re.compile(
    r"^if\s+(?P<who>[^.:;]{2,120}?),\s+(?:[^,.:;]{0,40}?\s+and\s+)?(?:move|go|skip|jump)\s+"
    r"(?:straight\s+)?(?:on\s+)?to\s+(?:[^().]{0,40}?\(\s*)?(?P<to>[A-Z]{1,4}\d{1,3}[a-z]?)\b",
    re.I,
)
_PLAIN_FORWARD_RE = re.compile(r"^\W*only\s+answer\s+(?:the\s+next|this)\s+question\s+if\b", re.I)


def _tip(line: Line) -> str | None:
    if line.text or len(line.instructions) != 1 or line.is_option:
        return None
    return line.instructions[0].strip()


def _content(words: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", words.lower()) if w not in _STOP and len(w) > 1}


def _answer_named(lines: list[Line], at: int, who: str) -> tuple[str, str] | None:
    """(question id, answer label) of the nearest answer above `at` holding the group's words."""
    wanted = _content(who)
    if not wanted:
        return None
    for index in range(at - 1, max(-1, at - 200), -1):
        line = lines[index]
        if find_label(line) is not None or not _GLYPHS_RE.search(line.text):
            continue
        for part in _GLYPHS_RE.split(line.text):
            label = part.strip()
            shared = wanted & _content(label)
            if label and (len(shared) >= 2 or (shared and shared == wanted)):
                head = next(
                    (find_label(lines[j]) for j in range(index, -1, -1) if find_label(lines[j])),
                    None,
                )
                return (head.id, label) if head is not None and head.id else None
    return None


def _rewrite(words: str, lines: list[Line] | None = None, at: int = 0) -> str | None:
    """The forward note a tip stands for, or None when it is not one of the shapes."""
    words = _ROLE_RE.sub("", words)
    for pattern, negate in (
        (_NOT_FOR_RE, True),
        (_SKIP_IF_SO_RE, True),
        (_ONLY_RE, False),
        (_FOR_YOU_RE, False),
    ):
        found = pattern.match(words)
        if found:
            named = _answer_named(lines, at, found["who"]) if lines is not None else None
            if named is not None:
                return f"ASK IF {named[0]} {'!=' if negate else '='} '{named[1]}'"
            return f"ASK IF {'NOT ' if negate else ''}{found['who'].strip()}"
    for pattern in (
        _IF_COLON_RE,
        _IF_BRACKETED_RE,
        _ONLY_IF_RE,
        _IF_OTHERWISE_RE,
        _IF_ALONE_RE,
        _GROUP_TEST_RE,
    ):
        found = pattern.match(words)
        if found:
            return f"ASK IF {found['who'].strip()}"
    moved = _IF_MOVE_ON_RE.match(words)
    if moved:
        items = [i.strip() for i in re.split(r",|\bor\b", moved["who"]) if i.strip()]
        answers = [_answer_named(lines, at, item) if lines is not None else None for item in items]
        kept = [a for a in answers if a is not None]
        if len(items) >= 2 and len(kept) == len(items) and len({a[0] for a in kept}) == 1:
            tests = " OR ".join(f"{a[0]} = '{a[1]}'" for a in kept)
            return f"IF {tests}, GO TO {moved['to']}"
        return f"IF {moved['who'].strip()}, GO TO {moved['to']}"
    skip = _ANSWER_SKIP_RE.match(words)
    if skip:
        return f"IF {skip['who'].strip()}, GO TO {skip['to']}"
    return None


def tip_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each tip over a question written as its forward note (see the module)."""
    above = [
        i
        for i in range(len(lines) - 1)
        if (words := _tip(lines[i])) is not None
        and find_label(lines[i + 1]) is not None
        and (_rewrite(words) is not None or _PLAIN_FORWARD_RE.match(words))
    ]
    if len(above) < 3:
        return lines
    out = list(lines)
    for i in above:
        written = _rewrite(_tip(out[i]) or "", out, i)
        if written is not None:
            out[i] = replace(out[i], instructions=[written])
    return out
