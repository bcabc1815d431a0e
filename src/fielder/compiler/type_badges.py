"""A survey tool's print view heads each question with its id and a badge naming its type
("E1  Single choice · Required", "Q7  Matrix · one per row", "INTRO  Text / instructions"): the
badge is the tool's, never the question's words, so the id stands alone (joined to the words on
the next line) and the badge becomes an instruction the type rules read."""

from __future__ import annotations

import re

_TYPE_WORDS = (
    r"(?:single|multiple|multi)[- ](?:choice|select(?:ion)?|answer|response)s?|checkboxe?s?|"
    r"radio(?:\s+buttons?)?|drop-?\s?down(?:\s+list)?|select\s+box|matrix(?:\s+table)?|grid|likert|"
    r"(?:star\s+)?rating(?:\s+scale)?|scale|slider|net\s+promoter(?:\s+score)?®?|nps|ranking|"
    r"rank\s+order|number|numeric(?:\s+entry)?|(?:short|long|open|free)\s+text|text\s+(?:area|box|entry)|"
    r"open[- ]ended|comment\s+box|essay|date(?:\s*/\s*time)?|e-?mail|yes\s*/\s*no|"
    r"text\s*/\s*(?:instructions|graphic)|descriptive\s+text|information"
)
# after a middle dot ("S1  ·  Single  ·  variable: s1_age", a script spec's head) the tool's
# bare type words are a badge too: the dot sets them apart from any question's words
_DOTTED_TYPE_WORDS = (
    r"single|multi|multiple|info|open(?:\s+text)?|numeric|number|ranking|grid|text|date|"
    r"open-ended|closed"
)
_BADGE_RE = re.compile(
    rf"^(?P<id>[A-Z]{{1,4}}\d{{1,3}}[a-z]?|[A-Z]{{2,10}})"
    # (after a middle dot, the bare type words as well)
    rf"(?:\s+(?P<badge>(?i:{_TYPE_WORDS}))"
    rf"|\s*[·•]\s*(?P<dotted>(?i:{_DOTTED_TYPE_WORDS}|{_TYPE_WORDS})\b))®?"
    # "Rating scale 1–5", "Net Promoter® (0–10)": the range the badge names
    r"(?:\s*\([^()]{1,25}\)|\s+\d{1,3}\s*[–-]\s*\d{1,3})?"
    # "· Required", "· one per row", "| £": the tool's qualifiers after a middle dot or bar
    # ("· validation: UK phone number": a setting named, then its value)
    r"(?:\s*[·|•]\s*(?:[^·|•?]{1,25}|[A-Za-z][\w ]{2,20}:\s*[^·|•?:]{1,25}))*\s*$"
)


# beside the tool's "Single choice", its "Multiple choice" badge is the multi-answer one
_BADGE_TYPES = (
    (re.compile(r"^(?:multiple|multi)(?:[- ]choice)?\b|^checkbox", re.I), "MULTI"),
    (re.compile(r"^info\b", re.I), "INFO SCREEN"),
    (re.compile(r"^(?:text\s+area|long\s+text|comment\s+box|essay)", re.I), "OPEN"),
)


# "Multiple choice · single answer", "Multiple choice | one answer only": the tool's qualifier
# counting the answers overrules the family name (a "Multiple choice" family holds both kinds);
# "single answer per row" counts a grid's cells, not the question's answers
_ONE_ANSWER_RE = re.compile(
    r"^\s*(?:single|one)\s+(?:answer|response|selection|select|choice)s?\b(?!\s+(?:per|each|a)\b)",
    re.I,
)


def _counted_single(badge: str) -> bool:
    """True when a qualifier after the badge's family name says one answer only."""
    return any(_ONE_ANSWER_RE.match(part) for part in re.split(r"[·|•]", badge)[1:])


def _is_badge(badge: str) -> bool:
    """A tool's badge is in words, not capitals ("HORIZONTAL SCALE", "RECORD NUMBER" are a
    programmer's notes), and a lone word ("number") only with the tool's qualifier after it."""
    if badge == badge.upper():
        return False
    return bool(re.search(r"\s", badge.strip())) or not badge.strip().isalpha()


def type_badge(text: str) -> tuple[str, list[str]] | None:
    """The id of a print view's question head and its badge as notes, if `text` is one."""
    match = _BADGE_RE.match(text.strip())
    if match is None:
        return None
    badge = text.strip()[match.end("id") :].strip(" ·•")
    if match["badge"] and not _is_badge(badge):
        return None
    typed = [word for pattern, word in _BADGE_TYPES if pattern.match(badge)]
    if _counted_single(badge):
        typed = [word for word in typed if word != "MULTI"]
    return match["id"], [badge, *typed]
