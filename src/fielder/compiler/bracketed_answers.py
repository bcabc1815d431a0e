"""Never-read answers written as a code and capitals in brackets: `3  (UNSURE)`.

Telephone scripts put the answers the interviewer must not read out in brackets, in capitals
(`5  (CAN'T RECALL)`, `98  (DON'T KNOW)`, `6  (NONE OF THESE)   - SINGLE CODE ONLY`). Such a
bracket is the whole of the answer's words, not a note beside them: taken out as a note it left a
bare code and the answer was lost. The words are the label, without their brackets; a tag after
them (`- EXCLUSIVE`, `- SINGLE CODE ONLY`) stays the answer's note.
"""

from __future__ import annotations

import re

# a code at the line's start or after a wide gap (answers across a line), then only capitals in
# brackets, then the line's end, a wide gap, or a dash or arrow before a tag or route
_BRACKETED_RE = re.compile(
    r"(?:^|(?<=\s\s)|(?<=\t))(?P<code>\d{1,3}[.)]?)(?P<gap>\s+)"
    r"\((?P<words>[A-Z][A-Z0-9 ,.'’/&-]{1,40})\)"
    r"(?=\s*$|\s{2,}|\t|\s+(?:[-–—]|->|→))"
)
# words in brackets that tell the interviewer what to do are a note, never an answer
_DOING_RE = re.compile(
    r"\b(?:READ|SPECIFY|EXCLUSIVE|TERMINATE|CLOSE|SKIP|GO\s+TO|ASK|ROTATE|RANDOMI[SZ]E|SINGLE|"
    r"MULTI|CODE|RECORD|PROBE|SHOW|SPONTANEOUS|UNPROMPTED|VOL|ANCHOR|FIXED)\b"
)
# "   - SINGLE CODE ONLY": capitals after a dash at the end of such an answer
_DASH_TAG_RE = re.compile(r"\s+[-–—]\s+(?P<tag>[A-Z][A-Z0-9 ,.'/&]*[A-Z.])\s*$")


def bracketed_answers(text: str) -> tuple[str, list[str]]:
    """The line with each never-read answer's brackets taken off its words, and the tag after
    a single such answer: ("3  UNSURE", []) for "3  (UNSURE)"."""
    if "(" not in text:
        return text, []

    def _unwrap(match: re.Match[str]) -> str:
        if _DOING_RE.search(match["words"]):
            return match.group(0)
        return f"{match['code']}{match['gap']}{match['words']}"

    found = list(_BRACKETED_RE.finditer(text))
    if not found:
        return text, []
    kept = _BRACKETED_RE.sub(_unwrap, text)
    if kept == text:
        return text, []
    notes: list[str] = []
    tag = _DASH_TAG_RE.search(kept)
    if len(found) == 1 and found[0].start() == len(text) - len(text.lstrip()) and tag:
        notes.append(tag["tag"].strip())
        kept = kept[: tag.start()]
    return kept, notes


def is_bracketed_answer(raw: str) -> bool:
    """True for a line written as one never-read answer: a code, then capitals in brackets."""
    match = _BRACKETED_RE.match(raw.strip())
    return match is not None and not _DOING_RE.search(match["words"])
