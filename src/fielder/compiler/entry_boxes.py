"""Printed boxes that make up one written entry, not answers to tick.

Paper forms print boxes to write in as well as boxes to mark: `Month ☐ Day ☐ Year ☐` (a
date written in parts), `☐ – ☐ – ☐` (a telephone number in groups), `$ ☐ .00` (an amount) and
`Number of people = ☐`. Such a line is the question's answer box; it is kept as the box's
hint in the words the type rules read (`MM / DD / YYYY`, `____`).
"""

from __future__ import annotations

import re

from fielder.compiler.options import BOXES

_BOX_RE = re.compile(rf"[{BOXES}]")
# The parts of a date in the languages the compiler reads, as date boxes name them.
_DATE_PARTS = {
    "month": "MM",
    "day": "DD",
    "year": "YYYY",
    "mois": "MM",
    "jour": "DD",
    "année": "YYYY",
    "annee": "YYYY",
    "monat": "MM",
    "tag": "DD",
    "jahr": "YYYY",
    "mes": "MM",
    "día": "DD",
    "dia": "DD",
    "año": "YYYY",
    "mese": "MM",
    "giorno": "DD",
    "anno": "YYYY",
    "maand": "MM",
    "dag": "DD",
    "jaar": "YYYY",
}
# Between boxes of one entry: only dashes, slashes, dots, commas, brackets or spaces ("☐ – ☐").
_JOINER_RE = re.compile(r"[\s\-–—/.,()]*")
# "$ ☐ .00", "€ ☐", "☐ ,00 €": a currency sign or the cents right beside the box
_MONEY_RE = re.compile(rf"[$€£¥]\s*[{BOXES}]|[{BOXES}]\s*(?:[.,]00\b|[$€£¥])")
# "$<TAB>per month", "€   a week": a currency sign and the period it is counted in, the box
# between them drawn as a frame that leaves no text behind
_DRAWN_MONEY_RE = re.compile(
    r"^(?P<sign>[$€£¥])\s+(?P<unit>(?:per|a|an|each)\s+[^\W\d_]{3,12})\.?$", re.I
)
# "☐ nights (1–60)", "Your health today: ☐ (0–100)": a count's unit, if any, and its bounds
_UNIT_RANGE_RE = re.compile(
    r"(?:(?:years?|months?|weeks?|days?|nights?|hours?|minutes?|times|people)\s*)?"
    r"\(\s*\d{1,4}\s*(?:-|–|to)\s*\d{1,5}\s*\)",
    re.I,
)
# "Number of people = ☐", "Total: ☐": a label and its box
_LABELLED_RE = re.compile(r"^(?P<label>[^\d☐]{2,40}?)\s*[=:]\s*$")


def entry_hint(text: str) -> str | None:
    """The hint of an answer box when the line's boxes make one entry, else None."""
    boxes = len(_BOX_RE.findall(text))
    if boxes == 0:
        drawn = _DRAWN_MONEY_RE.match(text.strip())
        # "$<TAB>per month": the box was drawn, not typed (a PDF keeps the words either side)
        return f"{drawn['sign']} ____ {drawn['unit']}" if drawn else None
    parts = [part.strip() for part in _BOX_RE.split(text)]
    labelled = not parts[0] or _LABELLED_RE.match(parts[0])
    if boxes == 1 and labelled and _UNIT_RANGE_RE.fullmatch(parts[1]):
        return f"____ {parts[1]}"  # "☐ days (0–28)": a box to write a count in, its bounds after
    if not parts[0] and re.search(r"[^\W\d_]{2}", parts[1]):
        return None  # "○ Student £25": a mark before an answer's words, an answer to tick
    labels = [part for part in parts if part]
    date = _date_order(labels)
    if date is not None and boxes >= 2:
        return date
    between = parts[1:-1]
    joined = all(_JOINER_RE.fullmatch(part) for part in between)
    if joined and _MONEY_RE.search(text):
        return _BOX_RE.sub("____", text)  # "£ ☐☐,☐☐☐.00": an amount written in its boxes
    if boxes >= 2 and joined:
        # "Area code + number ☐ – ☐ – ☐": the groups of a code written as text (a telephone
        # number, a postcode), not a quantity, so the box's words are left out of its hint
        return _BOX_RE.sub("____", text[text.index(_BOX_RE.findall(text)[0]) :])
    if boxes == 1 and (_MONEY_RE.search(text) or _LABELLED_RE.match(parts[0]) and not parts[1]):
        return _BOX_RE.sub("____", text)
    return None


def _date_order(labels: list[str]) -> str | None:
    """`MM / DD / YYYY` in the order the boxes are named, when every label names a part of a
    date ("Month", "Day", "Year of birth")."""
    order: list[str] = []
    for label in labels:
        words = re.findall(r"\w+", label.lower())
        part = _DATE_PARTS.get(words[0]) if words else None
        if part is None or part in order:
            return None
        order.append(part)
    return " / ".join(order) if len(order) >= 2 else None


def roster(hints: list[str]) -> bool:
    """Whether the write-in lines are one line repeated for each person or item, numbered
    (`Person 1: First name ____ Last name ____`, `Person 2: …`): a list written as one answer."""
    lines = [h for h in hints if "__" in h and re.search(r"\d", h)]
    masked = {re.sub(r"\d+", "#", re.sub(r"_+", "_", line)) for line in lines}
    return len(lines) >= 3 and len(lines) == len(hints) and len(masked) == 1
