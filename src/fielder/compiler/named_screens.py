"""Screens named by a capital word of the document's own choosing.

A script that names its screens `INTRO` and `CLOSE` names its other screens the same way, with a
word of its own (`SHELF`, `PLACE`, `BRIEFING`): alone on a line over the screen's words, or before
them after a tab or a wide gap. Such a word is a screen's name only where the document already
writes a known screen word in that very form, and only over sentences that ask nothing.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

_WORD_RE = re.compile(r"^[A-Z]{3,12}$")
# "PLACE<TAB>Thank you. Your packs…": the word, a tab or wide gap, then a sentence
_GAPPED_RE = re.compile(r"^(?P<id>[A-Z]{3,12})(?:\t|\s{2,})\s*(?P<rest>[A-Z\"'‘“][a-z].*)$")


# "SHELF In a moment I will show you…" with the word alone in bold: set apart by its weight
_BOLD_LEAD_RE = re.compile(r"^(?P<id>[A-Z]{3,12})\s+(?P<rest>[A-Z\"'‘“][a-z].*)$")


def _gapped(line: Line) -> re.Match[str] | None:
    """The word and the words after it, where a gap (or, in a bold first run, a space) parts
    them; None otherwise."""
    return _GAPPED_RE.match(line.spaced or "") or (
        _BOLD_LEAD_RE.match(line.text) if line.bold else None
    )


def _known(word: str) -> bool:
    from fielder.compiler.classify import DISPLAY_WORDS

    return word in DISPLAY_WORDS


def _own_word(word: str) -> bool:
    from fielder.compiler.classify import _INSTRUCTION_START_RE, _NOT_LABELS

    return (
        bool(_WORD_RE.match(word))
        and word not in _NOT_LABELS
        and not _INSTRUCTION_START_RE.match(word)
        and not _known(word)
    )


def _statement(text: str) -> bool:
    """Sentences that tell, not ask: a screen's words."""
    return "?" not in text and len(re.findall(r"[a-z]{2,}", text)) >= 6


def screen_forms(lines: list[Line]) -> tuple[bool, bool]:
    """Whether the document names a known screen alone on a line over its words, and whether it
    names one before its words after a gap."""
    alone = gapped = False
    for index, line in enumerate(lines):
        if line.kind != "paragraph" or line.is_option:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _known(line.text.strip()) and _statement(following.text):
            alone = True
        # (the last line too: "CLOSE  That is the end …" is often the script's last)
        match = _gapped(line)
        if match and _known(match["id"]) and _statement(match["rest"]):
            gapped = True
    return alone, gapped


def lone_screen(line: Line, following: Line | None, alone: bool) -> str | None:
    """The screen a word of the document's own names, alone over `following`'s words."""
    word = line.text.strip()
    if not alone or line.kind != "paragraph" or line.is_option or line.instructions:
        return None
    if following is None or following.is_option or not _statement(following.text):
        return None
    return word if _own_word(word) else None


def gapped_screen(line: Line, gapped: bool) -> tuple[str, str] | None:
    """The screen and its words where a word of the document's own opens the line."""
    if not gapped or line.kind != "paragraph" or line.is_option:
        return None
    match = _gapped(line)
    if match is None or not _own_word(match["id"]) or not _statement(match["rest"]):
        return None
    return match["id"], line.text.strip()[len(match["id"]) :].strip()
