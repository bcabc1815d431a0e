"""A screen's name, a wide gap, then its title in capitals: `INTRO   INTRODUCTION AND CONSENT`.

Household questionnaires head their opening and closing screens the way they head a section:
the screen's name in the margin and a title in capitals beside it, the words to read out in
sentence case below (after an interviewer's cue, if any). Without words of its own in lower
case the line reads as an interviewer's note in capitals, and the screen is lost. Read here:
the name is the screen's label, the title a note, the sentences under it its words. Only where
the gap is wide (a tab or two spaces, as the margin prints) and sentence-case words follow
before the next line that could start a question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import DISPLAY_WORDS, find_label
from fielder.compiler.lines import Line, is_caps_instruction

_TITLED_RE = re.compile(r"^(?P<id>[A-Z]{3,12})(?:\t+|\s{2,})\s*(?P<title>[A-Z][A-Z ,&/'’-]{2,60})$")
# "END   OF INTERVIEW", "CLOSE  IF CODE 3": routing in capitals, no title
_ROUTE_WORDS_RE = re.compile(r"^(?:OF|IF|INTERVIEW|SURVEY|AND|HERE|NOW|THE)\b")
_SENTENCE_RE = re.compile(r"[A-Z][a-z]+\b.*[a-z].*[.?!]")


def _words_follow(lines: list[Line], index: int) -> bool:
    for line in lines[index + 1 : index + 4]:
        if not line.text or is_caps_instruction(line.text):
            continue  # the interviewer's cue ("READ TO THE RESPONDENT:")
        return find_label(line) is None and bool(_SENTENCE_RE.match(line.text))
    return False


def screen_title_lines(lines: list[Line]) -> list[Line]:
    """The lines with each titled screen's name as its label and its title as a note."""
    out = list(lines)
    for index, line in enumerate(lines):
        if line.kind not in ("paragraph", "heading") or line.label:
            continue
        match = _TITLED_RE.match(line.raw.strip())
        if (
            match
            and match["id"] in DISPLAY_WORDS
            and not _ROUTE_WORDS_RE.match(match["title"])
            and _words_follow(lines, index)
        ):
            title = " ".join(match["title"].split())
            out[index] = replace(line, text="", spaced="", label=match["id"], instructions=[title])
        elif _named_screen(line) and _words_follow(lines, index) and _labelled(lines) >= 3:
            out[index] = replace(line, text="", spaced="", label=line.text.strip().upper())
    return out


def _named_screen(line: Line) -> bool:
    """`Debrief (confirmation message)`: a screen's name alone on a bold line, in the case of
    a title, what kind of screen it is in a note beside it. (A form whose questions carry labels
    names its screens the same way; the name is the screen's label.)"""
    words = line.text.strip()
    return (
        line.bold
        and words.upper() in DISPLAY_WORDS
        # ("INTRO (welcome screen)" in capitals: the screen readers' own shape)
        and words[:1].isupper()
        and not words.isupper()
        and len(line.instructions) == 1
        and re.fullmatch(r"\([^()]{3,40}\)", line.instructions[0].strip()) is not None
    )


def _labelled(lines: list[Line]) -> int:
    return sum(1 for line in lines if find_label(line) is not None)
