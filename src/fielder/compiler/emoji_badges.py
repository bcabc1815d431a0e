"""A bot's or form tool's type badge under each question head, led by an emoji:
`🔘 one`, `☑️ many`, `🔽 dropdown`, `🔢 rank`, `🔢 months, 0–120`, `⭐ 1–5`, `📝 long answer`,
`✏️ short text`, `📄 info`.

The badge is the tool's, never the respondent's words or an answer. A short line opening with a
pictograph, right under a question's head (or under another note of that head), is a badge when
its words name a type, or when the document heads at least three questions that way; it becomes a
note in the words the type rules read ("SINGLE CODE", "MULTI CODE", "NUMBER, 0–120", "RATING").
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

# answer boxes and ticks are answers' marks, not badges, unless a type word follows them
_BOXES = frozenset("☐☑☒□■▢○◯●◉◻◼✓✔✗✘")
_RANGE_RE = re.compile(r"\b(\d{1,4})\s*(?:[–—-]|to)\s*(\d{1,5})\b")
_TYPES = (
    (re.compile(r"^(?:one|single|pick\s+one|choose\s+one|radio)\b", re.I), "SINGLE CODE"),
    (
        re.compile(
            r"^(?:many|multi|multiple|several|pick\s+(?:any|all|many)|tick\s+all|checkbox)", re.I
        ),
        "MULTI CODE",
    ),
    (re.compile(r"^(?:drop-?\s?down|select\s+one\s+from\s+list)\b", re.I), "DROPDOWN"),
    (re.compile(r"^(?:rank|ranking|put\s+in\s+order)\b", re.I), "RANKING"),
    (re.compile(r"^(?:grid|matrix)\b", re.I), "GRID"),
    (re.compile(r"^(?:long\s+(?:answer|text)|paragraph|comment(?:\s+box)?|essay)\b", re.I), "OPEN"),
    (re.compile(r"^(?:short\s+(?:answer|text)|text|free\s+text)\b", re.I), "TEXT"),
    (re.compile(r"^(?:info|information|message|statement|text\s+block)\b", re.I), "INFO"),
    (re.compile(r"^(?:stars?|rating|scale)\b", re.I), "RATING"),
    (re.compile(r"^(?:number|numeric|count|amount)\b", re.I), "NUMBER"),
    (re.compile(r"^(?:date|birthday)\b", re.I), "DATE"),
    (re.compile(r"^e-?mail\b", re.I), "EMAIL"),
)
_STAR_GLYPHS = frozenset("⭐★☆🌟")


def _pictograph(char: str) -> bool:
    return unicodedata.category(char) == "So" or "\U0001f000" <= char <= "\U0001faff"


def _split(text: str) -> tuple[str, str] | None:
    """The glyph and the words of a badge-shaped line ("🔘 one"), or None."""
    text = text.strip()
    if not text or not _pictograph(text[0]):
        return None
    words = text[1:].lstrip("\ufe0f\u200d ").strip()
    if not words or len(words.split()) > 5 or len(words) > 40 or words.endswith("?"):
        return None
    return text[0], words


def _note(glyph: str, words: str) -> str | None:
    """The type note a badge's words (and glyph) name, or None."""
    for pattern, note in _TYPES:
        if pattern.match(words):
            if note in ("NUMBER", "RATING"):
                span = _RANGE_RE.search(words)
                return f"{note}, {span[1]}–{span[2]}" if span and note == "NUMBER" else note
            return note
    span = _RANGE_RE.search(words)
    if span is None:
        return None
    if glyph in _STAR_GLYPHS:
        return "RATING"  # "⭐ 1–5": a star rating
    return f"NUMBER, {span[1]}–{span[2]}"  # "🔢 months, 0–120": a number box and its range


def _under_head(lines: list[Line], index: int) -> bool:
    for back in range(index - 1, max(index - 4, -1), -1):
        line = lines[back]
        if find_label(line) is not None:
            return True
        if line.text.strip() and not line.whole_instruction:
            return False
    return False


def emoji_badge_lines(lines: list[Line]) -> list[Line]:
    """The lines with each emoji type badge under a question head turned into a note."""
    found: dict[int, tuple[str, str]] = {}
    for index, line in enumerate(lines):
        if line.kind != "paragraph" or line.is_option:
            continue
        # ("📝 long answer": a glyph another reader already took for a note's mark)
        noted = not line.text and len(line.instructions) == 1
        split = _split(line.raw if noted else line.text)
        if split is not None and noted and line.instructions[0].strip() != split[1]:
            split = None
        if split is not None and _under_head(lines, index):
            found[index] = split
    typed = {i for i, (glyph, words) in found.items() if _note(glyph, words)}
    plain = [i for i in typed if found[i][0] not in _BOXES]
    if len(typed) < 2:
        return lines  # one type-like line is no house style
    out = list(lines)
    for index, (glyph, words) in found.items():
        note = _note(glyph, words)
        if glyph in _BOXES and (index not in typed or len(plain) < 3):
            continue  # "☐ Text message": a tick box's answer unless badges head the questions
        if note is None and len(typed) < 3:
            continue
        out[index] = dataclasses.replace(
            lines[index],
            text="",
            spaced="",
            instructions=[
                *(n for n in lines[index].instructions if n.strip() != words),
                note or words,
            ],
        )
    return out
