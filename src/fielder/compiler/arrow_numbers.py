"""A one-question-at-a-time form's cards: the answer type, the number with an arrow, the words.

Form builders that show one question a screen print each card's number with an arrow (`7→`)
on a line of its own, over the question's words, with the card's type in small capitals above
the number (`MULTIPLE CHOICE · MULTIPLE SELECTION`, `OPINION SCALE`, `EMAIL`). The number is
the question's label and the type line belongs to the card below it, not to the answers of the
card before. The three lines are joined as `7. How many cups…?` with the type as its note.
The card's `Logic jump` panel lists its jumps one a line (`If 7 is equal to 0 → go to 11`,
`If 1 is “Yes” → go to 5 How long…`, `All other cases → go to 11`): they are routing notes, not
answers, and a jump to an ending marked as a screen-out ends the survey. The card's widgets are
printed as their placeholders (`Type your answer here...`, `name@example.com`), limits
(`Min number: 0 · Max number: 20`), a write-in answer (`Other (type your answer)`), a row of
points run together (`012345678910`) with its end words (`Left: Not likely · Right: Very
likely`) and a `Button text:` line: each is written the way a plain questionnaire prints it.
A `STATEMENT` card asks nothing: a text screen.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.otherwise_skips import otherwise_skip_lines

_ARROW_NUMBER_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*(?:→|->|➜|➔)\s*$")
# the card's type in capitals, a few words parted by middle dots ("RATING · 5 STARS")
_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9®&/ -]{2,30}(?:\s*·\s*[A-Z0-9][A-Z0-9®&/ -]{1,30}){0,2}$")
_PLACEHOLDER_RE = re.compile(
    r"^\s*(?:Type\s+your\s+answer\s+here\b.*|[\w.+-]+@example\.\w+|Select\s+an\s+option\b.*)$",
    re.I,
)
_LIMITS_RE = re.compile(
    r"^\s*Min(?:imum)?(?:\s+number)?\s*:\s*(?P<low>-?\d+)\s*[·,;]\s*"
    r"Max(?:imum)?(?:\s+number)?\s*:\s*(?P<high>-?\d+)\s*$",
    re.I,
)
_ENDS_RE = re.compile(r"^\s*Left\s*:\s*(?P<low>.+?)\s*·\s*Right\s*:\s*(?P<high>.+?)\s*$", re.I)
# "Other (type your answer)": the answer opens a box to type in once chosen
_TYPE_IN_RE = re.compile(r"^(?P<label>\S.*?)\s*\((?:type|write|enter)\s+your\s+answer\)\s*$", re.I)
_CARD_NOTE_RE = re.compile(r"^\s*(?:Button\s+text\s*:.*|Optional|Required|\*)\s*$", re.I)
_OTHERS_RE = re.compile(r"^\s*All\s+other\s+cases\s*(?:→|->)\s*go\s+to\s+(?P<n>\d{1,3})\b", re.I)
_PANEL_RE = re.compile(r"^\s*Logic\s+jumps?\s*:?\s*$", re.I)
_JUMP_RE = re.compile(r"^\s*(?:If\s|All\s+other\s+cases\b|Otherwise\b|Always\b).*(?:→|->)", re.I)
# "→ go to 5 How long have you…": the card's number, then its words repeated
_TO_CARD_RE = re.compile(r"(?P<go>(?:→|->)\s*(?:go\s+to|jump\s+to)\s+)(?P<n>\d{1,3})\b.*$", re.I)
# "→ go to Ending: Not a subscriber (screen out)"
_TO_SCREEN_OUT_RE = re.compile(
    r"(?:→|->)\s*(?:go\s+to|jump\s+to)\s+Ending\b.*\b(?:screen[\s-]*out|disqualif\w*)\b.*$", re.I
)


def arrow_number_lines(lines: list[Line]) -> list[Line]:
    """The lines with each card's type line, arrow number and words joined into one."""
    numbered = [i for i, line in enumerate(lines) if _ARROW_NUMBER_RE.match(_words(line))]
    if len(numbered) < 2:
        return lines
    out: list[Line] = []
    skip: set[int] = set()
    in_panel = False
    for index, line in enumerate(lines):
        if index in skip:
            continue
        if _PANEL_RE.match(_words(line)):
            in_panel = True
            continue
        if in_panel and _JUMP_RE.match(_words(line)):
            note = _jump_note(line)
            rest = lines[index + 1] if index + 1 < len(lines) else None
            others = _OTHERS_RE.match(_words(rest)) if rest is not None else None
            if others and _words(note).lower().startswith("if "):
                # "If 9 is lower than 4 → go to 10" / "All other cases → go to 11": both ways
                either = re.sub(r"\s*(?:→|->)\s*", ", ", _words(note), count=1)
                either = f"{either}; otherwise go to Q{others['n']}"
                note = replace(note, raw=either, instructions=[either])
                skip.add(index + 1)
            out.append(note)
            continue
        in_panel = False
        following = lines[index + 1] if index + 1 < len(lines) else None
        body = _card_body(line, following)
        if body is not None:
            out.append(body)
            if following is not None and _run_together(_words(line)):
                skip.add(index + 1)  # the end words, now on the row of points
            continue
        number = _ARROW_NUMBER_RE.match(_words(line))
        words = _next_words(lines, index)
        if number is None or words is None:
            out.append(line)
            continue
        notes: list[str] = []
        if out and _TYPE_RE.match(_words(out[-1])):
            notes.append(_words(out.pop()))
            if notes[-1].upper() == "STATEMENT":
                notes.append("TEXT SCREEN")
        following = lines[words]
        text = f"{number['n']}. {following.text}"
        out.append(
            replace(
                following,
                kind="paragraph",
                level=0,
                text=text,
                spaced=text,
                start=line.start,
                instructions=[*notes, *following.instructions],
            )
        )
        skip.update(range(index + 1, words + 1))
    return otherwise_skip_lines(out)


def _card_body(line: Line, following: Line | None) -> Line | None:
    """A card's widget line written the plain way, or None for any other line."""
    words = _words(line)
    if _PLACEHOLDER_RE.match(words):
        return replace(line, text="__________", spaced="__________")
    typed_in = _TYPE_IN_RE.match(line.text)
    if typed_in:
        text = f"{typed_in['label']}: ____"
        return replace(line, text=text, spaced=text)
    limits = _LIMITS_RE.match(words)
    if limits:
        note = f"Min {limits['low']} · Max {limits['high']}"
        return replace(line, text="", spaced="", instructions=[note])
    if _CARD_NOTE_RE.match(words):
        return replace(line, text="", spaced="", instructions=[words])
    ends = _ENDS_RE.match(_words(following)) if following is not None else None
    points = _run_together(words) if ends else None
    if ends and points:
        text = f"{ends['low']}  {'  '.join(points)}  {ends['high']}"
        return replace(line, text=text, spaced=text)
    return None


def _run_together(words: str) -> list[str] | None:
    """ "012345678910" as the points 0…10 (a row of numbers whose spaces were lost, or kept:
    the reader parts boxed points with a space)."""
    if re.fullmatch(r"\d{1,2}(?: \d{1,2}){2,10}", words):
        words = words.replace(" ", "")
    for first in (0, 1):
        for last in range(first + 2, 11):
            points = [str(n) for n in range(first, last + 1)]
            if "".join(points) == words:
                return points
    return None


def _jump_note(line: Line) -> Line:
    """A logic-jump line as the routing note it is, naming cards as questions."""
    words = _TO_SCREEN_OUT_RE.sub("→ SCREEN OUT", _words(line))
    words = _TO_CARD_RE.sub(lambda m: f"{m['go']}Q{m['n']}", words)
    words = re.sub(r"^(If\s+)(\d{1,3})\b", r"\1Q\2", words, flags=re.I)
    # “No, I've never subscribed”: an apostrophe inside would end a quoted label early
    words = re.sub(r"“([^”]*['’][^”]*)”", r"\1", words)
    return replace(line, kind="paragraph", text="", spaced="", raw=words, instructions=[words])


def _next_words(lines: list[Line], index: int) -> int | None:
    """The line of words right under the arrow number (a heading or a paragraph)."""
    after = index + 1
    if after < len(lines) and lines[after].text and lines[after].kind in ("heading", "paragraph"):
        return after
    return None


def _words(line: Line) -> str:
    return (line.text or " ".join(line.instructions)).strip()
