"""Coded answers across one line, each code before its words and wide gaps between them:
`1 Poor    2 Fair    3 Good    4 Very good    5 Excellent`, or with the last code kept apart for
a non-answer, `1 Yes    2 No    9 Prefer not to say`.

Paper forms print a rating's points this way to be circled. Read as one answer, the line gives
`1` = "Poor 2 Fair 3 …"; set apart at the gaps, each piece is a code and its words.
"""

from __future__ import annotations

import re

# a run of two or more blanks or a tab, from the run's first blank (possessive: a long run is
# not retried at every blank)
_GAP_RE = re.compile(r"(?<![ \t])[ \t]{2,}+|\t")
_ITEM_RE = re.compile(r"^(?P<code>\d{1,2})\s+(?P<label>[^\W\d_][^\t]*)$")
# an age or size band as an answer's words: "25-44", "75 or over", "Under 25", "65+"
_BAND_RE = re.compile(
    r"^(?:(?:under|over|below|above|less\s+than|more\s+than|up\s+to)\s+\d{1,3}|"
    r"\d{1,3}\s*(?:[-–]\s*\d{1,3}|\+|\s+(?:or|and)\s+(?:over|more|above|older|under)))$",
    re.I,
)
_BAND_ITEM_RE = re.compile(r"^(?P<code>\d{1,2})\s+(?P<label>\S.*)$")
_MAX_WORDS = 5


def gapped_codes(text: str) -> list[tuple[str, str]]:
    """The (code, label) of each answer on a line written `1 Poor   2 Fair   3 Good`, or []
    when the line is not one: two or more pieces, each a code then words, codes rising by one."""
    if "  " not in text and "\t" not in text:
        return []
    parts = [p.strip() for p in _GAP_RE.split(text.strip()) if p.strip()]
    if len(parts) < 2:
        return []
    if (
        len(parts) >= 4
        and len(parts) % 2 == 0
        and all(re.fullmatch(r"\d{1,2}", p) for p in parts[::2])
    ):
        # "1  Yes   2  No   3  (UNSURE)": the code gapped from its words too; pair them again
        parts = [f"{code} {words}" for code, words in zip(parts[::2], parts[1::2], strict=True)]
    # "3 (UNSURE)": a whole answer in brackets, as a CATI script marks one not read out
    parts = [re.sub(r"^(\d{1,2}\s+)\(([^\W\d_][^()]*)\)$", r"\1\2", p) for p in parts]
    items = [_ITEM_RE.match(p) or _band_item(p) for p in parts]
    if not all(items):
        return []
    found = [(m["code"], " ".join(m["label"].split())) for m in items if m]
    codes = [int(code) for code, _ in found]
    if codes != list(range(codes[0], codes[0] + len(codes))) and not _last_code_apart(codes):
        return []
    if any(
        len(label.split()) > _MAX_WORDS or (re.search(r"\d$", label) and not _BAND_RE.match(label))
        for _, label in found
    ):
        return []
    return found


def _band_item(part: str) -> re.Match[str] | None:
    """ "2 25-44", "5 75 or over": a code before a band of ages or sizes (the band's own digits
    come first, so a band is read only where its whole words are one)."""
    match = _BAND_ITEM_RE.match(part)
    return match if match and _BAND_RE.match(match["label"].strip()) else None


def _last_code_apart(codes: list[int]) -> bool:
    """`1 Yes    2 No    9 Prefer not to say`: the points run by one and only the last jumps to
    a code kept apart for a non-answer (7 and up, as `8 Don't know` / `9 Refused` are written);
    a jump anywhere else, or a 2-point line, is no such list (`1 Poor   10 Great` names ends)."""
    body = codes[:-1]
    return (
        len(codes) >= 3
        and body == list(range(body[0], body[0] + len(body)))
        and codes[-1] > body[-1] + 1
        and codes[-1] >= 7
    )
