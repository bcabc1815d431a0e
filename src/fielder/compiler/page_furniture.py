"""Words printed at the foot of every page, above the margin a reader takes as the footer.

A long printed questionnaire repeats a note at the end of each page (`The general coding for
missing codes is as follows …` over `-1 Don't know  -3 Not applicable`). Read as lines, the
note lands among the answers of the last question on each page. A line printed the same at
least three times, each time among the last two lines before a page break (or the end), is
the page's furniture and is left out, and so is a running header: the same line first on every page.
"""

from __future__ import annotations

import re
from collections import defaultdict

from fielder.compiler.lines import Line

#: how many times a foot line must repeat, and how close to the page's end it must sit
MIN_REPEATS = 3
FOOT_LINES = 2


def drop_page_feet(lines: list[Line]) -> list[Line]:
    """The lines without the ones repeated at the foot of every page."""
    places: dict[str, list[int]] = defaultdict(list)
    for place, line in enumerate(lines):
        if line.kind == "paragraph" and line.text:
            places[line.text].append(place)
    breaks = [p for p, line in enumerate(lines) if line.kind == "page_break"] + [len(lines)]
    feet: set[str] = set()
    for text, found in places.items():
        if len(found) >= MIN_REPEATS and all(_at_foot(lines, p, breaks) for p in found):
            feet.add(text)
    feet |= _running_heads(lines, breaks[:-1])
    footer = _footer_under_rule(lines)
    if footer is None:
        footer = _version_colophon(lines)
    if footer is not None:
        lines = lines[:footer] + lines[footer + 1 :]
    if not feet:
        return lines
    return [line for line in lines if not (line.kind == "paragraph" and line.text in feet)]


# (not underscores: a line of them is a box to write in)
_RULE_CHARS = frozenset("-=*~─━")


def _footer_under_rule(lines: list[Line]) -> int | None:
    """The place of a plain-text document's footer: its last line, short and asking nothing,
    set under a rule of dashes (`HSRU / HS-2291 / draft 3.1   OFFICIAL`); None when it has none."""
    worded = [p for p, line in enumerate(lines) if line.text.strip() or line.instructions]
    if len(worded) < 3:
        return None
    last, rule = lines[worded[-1]], lines[worded[-2]].text.strip()
    if len(rule) < 10 or not set(rule) <= _RULE_CHARS:
        return None
    if last.kind != "paragraph" or last.label or "?" in last.text or len(last.text.split()) > 12:
        return None
    return worded[-1]


# "Version 1.3 · Harbourside Food Bank · data held for 12 months": a version, then the file's
# particulars set apart by middle dots or bars
_COLOPHON_RE = re.compile(
    r"^(?:version|ver\.?|v\.?)\s*\d{1,3}(?:\.\d{1,3}){1,2}\s*[·•|]\s*\S", re.I
)


def _version_colophon(lines: list[Line]) -> int | None:
    """The place of the document's last line when it is its version colophon, asking nothing;
    None otherwise."""
    worded = [p for p, line in enumerate(lines) if line.text.strip() or line.instructions]
    if len(worded) < 3:
        return None
    last = lines[worded[-1]]
    if last.kind != "paragraph" or "?" in last.text or not _COLOPHON_RE.match(last.text):
        return None
    return worded[-1]


def _at_foot(lines: list[Line], place: int, breaks: list[int]) -> bool:
    """True when at most FOOT_LINES - 1 lines with words stand between this one and the next
    page break (or the end)."""
    end = next(b for b in breaks if b > place)
    between = [line for line in lines[place + 1 : end] if line.text or line.instructions]
    return len(between) < FOOT_LINES


def _running_heads(lines: list[Line], breaks: list[int]) -> set[str]:
    """The running header: the same words first on every page of a printed form (two pages or
    more), read back among the answers of a question that runs over the break."""
    if not breaks:
        return set()
    firsts = [_first_words(lines, start) for start in [-1, *breaks]]
    head = firsts[0]
    if head is None or any(first != head for first in firsts[1:]):
        return set()
    return {head}


def _first_words(lines: list[Line], start: int) -> str | None:
    """The text of the first paragraph with words after `start` (a page break's place)."""
    for line in lines[start + 1 :]:
        if line.kind == "page_break":
            return None
        if line.text or line.instructions:
            return line.text if line.kind == "paragraph" and line.text else None
    return None
