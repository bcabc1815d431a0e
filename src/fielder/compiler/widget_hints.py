"""An app team's engineering notes under a question, in the widget's own words:
`` `Show only if rating ≤ 3` · `multiline` ``, `numeric stepper 0–10`, `0–10 slider, labels at
the ends only`, `5-star rating, 1–5, required`.

A product spec tells the engineers which control to build and when to show it, in a bullet
under the question (often in `code` style). Such a bullet, every part of it a widget or a
display rule, is no answer: it becomes the instructions the rules read (`ASK IF …`, `OPEN –
LARGE BOX`, `NUMERIC, ALLOW 0-10`, `RATING SCALE`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_RANGE = r"\d{1,4}\s*[-–—]\s*\d{1,4}"
_RANGE_RE = re.compile(r"(?P<low>\d{1,4})\s*[-–—]\s*(?P<high>\d{1,4})")
_SHOW_IF_RE = re.compile(
    r"^(?:(?:show|display|ask)(?:\s+only)?|only\s+(?:show|display|ask))\s+(?:if|when)\s+(?P<cond>\S.*)$",
    re.I,
)
_LONG_RE = re.compile(
    r"^(?:multi-?line(?:\s+text)?|text\s*area|long\s+text|paragraph(?:\s+text)?)$", re.I
)
_SHORT_RE = re.compile(
    r"^(?:single[- ]line(?:\s+text)?|short\s+text|text\s+(?:field|input))$", re.I
)
_NUMBER_RE = re.compile(
    rf"^(?:numeric|number)(?:\s+(?:stepper|input|field|keypad|picker))?(?:\s+{_RANGE})?$|"
    rf"^(?:stepper|number\s+picker)(?:\s+{_RANGE})?$",
    re.I,
)
_SLIDER_RE = re.compile(rf"^(?:{_RANGE}\s+)?slider(?:\s+{_RANGE})?$", re.I)
_STARS_RE = re.compile(r"^(?:\d{1,2}[- ])?stars?\s+rating$|^star\s+rating$", re.I)
_FILLER_RE = re.compile(
    rf"^(?:required|optional|mandatory|{_RANGE}|labels?\s+(?:at|on)\s+(?:the\s+)?ends?(?:\s+only)?|"
    r"end\s+labels(?:\s+only)?|no\s+labels?|one\s+per\s+(?:card|screen|page))$",
    re.I,
)


def widget_hint_lines(lines: list[Line]) -> list[Line]:
    """The lines with each bullet of widget notes made the instructions it stands for; a
    display rule joins the question above it, naming the earlier question it tests."""
    out: list[Line] = []
    asked: list[tuple[str, str]] = []  # (label id, words and notes) of each question so far
    question: int | None = None  # where the current question's line is in `out`
    for line in lines:
        label = find_label(line) if line.text and not line.is_option else None
        if label is not None and label.style != "display":
            asked.append((label.id, line.text))
            question = len(out)
        notes = _hints(line)
        if notes is None:
            out.append(line)
            continue
        shows = [_named(n, asked[:-1]) for n in notes if n.startswith("ASK IF ")]
        if asked and not shows:  # "5-star rating" names what the question asks
            asked[-1] = (asked[-1][0], f"{asked[-1][1]} {line.text}")
        rest = [n for n in notes if not n.startswith("ASK IF ")]
        if question is not None and shows:
            # nested under the question, the rule is that question's own (not the next one's)
            head = out[question]
            out[question] = replace(head, instructions=[*head.instructions, *shows])
        else:
            rest = notes
        out.append(replace(line, text="", spaced="", instructions=[*line.instructions, *rest]))
    return out


def _hints(line: Line) -> list[str] | None:
    if line.kind != "list_item" or not line.text or line.level < 1:
        return None
    parts = [p.strip() for p in re.split(r"\s+·\s+|\s*,\s*", line.text) if p.strip()]
    notes: list[str] = []
    for part in parts:
        note = _note(part)
        if note is None:
            return None
        notes.extend(note)
    return notes or None


def _named(note: str, asked: list[tuple[str, str]]) -> str:
    """ "ASK IF rating ≤ 3" with the rating question's label ("ASK IF Q1 ≤ 3"): a display rule
    names an earlier question by what it asks, the latest one that asks it."""
    condition = note[len("ASK IF ") :]
    noun = re.match(r"(?P<noun>[A-Za-z][A-Za-z ]{1,30}?)\s*(?:[<>=≤≥!]|is\b|in\b)", condition)
    if noun is None or re.search(r"\b[A-Z]{1,4}\d", condition):
        return note
    word = noun["noun"].strip().lower()
    forms = {word, word.rstrip("s"), re.sub(r"ing$", "e", word), re.sub(r"ing$", "", word)}
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(f) for f in forms if len(f) >= 3) + r")\b", re.I
    )
    for ident, words in reversed(asked):
        if pattern.search(words):
            return f"ASK IF {ident} {condition[noun.end('noun') :].strip()}"
    return note


def _note(part: str) -> list[str] | None:
    """The instructions one part stands for ([] for a word with nothing to say), or None."""
    show = _SHOW_IF_RE.match(part)
    if show:
        return [f"ASK IF {show['cond']}"]
    if _LONG_RE.match(part):
        return ["OPEN – LARGE BOX"]
    if _SHORT_RE.match(part):
        return ["OPEN END – SINGLE LINE"]
    if _NUMBER_RE.match(part):
        limits = _RANGE_RE.search(part)
        return [f"NUMERIC, ALLOW {limits['low']}-{limits['high']}" if limits else "NUMERIC"]
    if _SLIDER_RE.match(part) or _STARS_RE.match(part):
        return ["RATING SCALE"]
    if _FILLER_RE.match(part):
        return []
    return None
