"""A labelled item that only shows the stimulus ("AD1. SHOW AD", "SCR1. [SHOW PACK A, B OR C]")
over words that ask nothing is an information screen, not an open question: a survey programmer
builds a page with the advert, pack or concept on it and a Next button.

A note that calls the words a statement to be read to the respondent ("CONSENT STATEMENT – READ
TO THE RESPONDENT:", "READ ALOUD TO RESPONDENT") over words that ask nothing is the same: an
interviewer's script screen, even when a blank in it is the interviewer's own name."""

from __future__ import annotations

import re

# "SHOW AD", "[SHOW PACKS A, B AND C SIDE BY SIDE …]", "PLAY VIDEO", "SHOW CONCEPT BOARD"
# "SHARE SCREEN: PRODUCT X PROFILE": a depth interview's screen share of a product profile, the
# product named by a word or two before "PROFILE"
_STIMULUS_NOTE_RE = re.compile(
    r"^\W*(?:SHOW|DISPLAY|PLAY|PRESENT|SHARE\s+SCREEN\s*:?)\s+(?:THE\s+|ALL\s+|EACH\s+)?"
    r"(?:NEW\s+|TEST\s+)?"
    r"(?:AD|ADS|ADVERT|ADVERTS|ADVERTISEMENTS?|COMMERCIALS?|VIDEOS?|CLIPS?|CONCEPTS?|"
    r"CONCEPT\s+BOARDS?|BOARDS?|PACKS?|PACKAGING|PACKSHOTS?|DESIGNS?|STIMULUS|STIMULI|IMAGES?|"
    r"PICTURES?|MOCK-?UPS?|STORYBOARDS?|POSTERS?|LOGOS?|(?:[A-Z]+\s+){0,2}PROFILES?)\b"
)
# "CONSENT STATEMENT", "READ TO THE RESPONDENT", "READ ALOUD TO RESPONDENT": words to read out
_READ_STATEMENT_RE = re.compile(
    r"\b(?:CONSENT|INFORMED|INTRODUCTORY|OPENING|CLOSING)\s+STATEMENT\b|"
    r"\bREAD\s+(?:ALOUD\s+|OUT\s+)?TO\s+(?:THE\s+)?RESPONDENTS?\b"
)
_ANSWER_WORDS = frozenset(
    {"open", "long_text", "text", "number", "date", "email", "single", "multi"}
)


def shows_stimulus(
    notes: list[str], text: str, words: list[str], answered: bool, labelled: bool
) -> bool:
    """True for a labelled item with no answers and no ask whose note shows the stimulus."""
    if not labelled or answered or "?" in text or _ANSWER_WORDS & set(words):
        return False
    return any(
        _STIMULUS_NOTE_RE.match(note.strip()) or _READ_STATEMENT_RE.search(note) for note in notes
    )


# "Consent statement (read aloud): Hello, …": the screen's kind, then its words, in the item
_STATEMENT_LEAD_RE = re.compile(
    r"^(?:(?:informed\s+)?consent|introductory|opening|closing)\s+statement"
    r"(?:\s*\((?:to\s+be\s+)?read\s+(?:aloud|out)[^()]{0,30}\))?\s*:\s*(?=\S)",
    re.I,
)


def statement_lead(text: str) -> tuple[str, str] | None:
    """(the lead as an interviewer's note, the words after it) for an item whose words open by
    calling themselves a statement to read out and then ask nothing; None otherwise."""
    found = _STATEMENT_LEAD_RE.match(text)
    if found is None or "?" in text[found.end() :]:
        return None
    return found.group(0).rstrip(" :").upper(), text[found.end() :].strip()
