"""Word automatic numbering (numbering.xml) rendered as the reader sees it: "1.", "a)", "Q3.".

Counters live per abstract numbering definition (lists that share a definition continue
each other, as in Word) and restart when a `startOverride` list begins or a higher level
is used again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

_PLACEHOLDER = re.compile(r"%([1-9])")
_PLAIN_BULLETS = {"-", "–", "—", "*", "•", "▪", "■", "○", "◦", "►", "➢", "✓", "☐", "□"}


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a numbering definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass(slots=True)
class Num:
    """A w:num: which abstract definition it uses and its start overrides."""

    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)


def _roman(number: int) -> str:
    pairs = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = []
    for value, letters in pairs:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word repeats the letter: a … z, aa … zz, aaa …
    if number < 1:
        return str(number)
    letter = chr(ord("a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def format_number(number: int, fmt: str) -> str:
    """A counter value in a Word numFmt (decimal, lowerLetter, upperRoman, …)."""
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number) if number > 0 else str(number)
    if fmt == "upperRoman":
        return _roman(number).upper() if number > 0 else str(number)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "ordinal":
        return _ordinal(number)
    if fmt in ("none", "bullet"):
        return ""
    return str(number)


def _bullet(text: str) -> str:
    """A bullet as text: symbol-font private-use characters become '•'."""
    stripped = text.strip()
    return stripped if stripped in _PLAIN_BULLETS else "•"


@dataclass(slots=True)
class Numbering:
    """The numbering definitions and the running counters of one document."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, Num] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the counter of (num_id, ilvl) and render its label; None if not numbered."""
        num = self.nums.get(num_id)
        if num is None or num.abstract_id not in self.abstracts:
            return None
        levels = self.abstracts[num.abstract_id]
        counters = self.counters.setdefault(num.abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in num.overrides.items():
                counters[lvl] = start - 1
                for deeper in [k for k in counters if k > lvl]:
                    del counters[deeper]
        level = levels.get(ilvl) or Level()
        if level.fmt not in ("bullet", "none"):
            counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return _bullet(level.text)
        rendered = _PLACEHOLDER.sub(
            lambda m: self._render(levels, counters, int(m.group(1)) - 1), level.text
        )
        return rendered.strip() or None

    @staticmethod
    def _render(levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        level = levels.get(ilvl) or Level()
        return format_number(counters.get(ilvl, level.start), level.fmt)


def read_numbering(root: Element | None, w: str) -> Numbering:
    """Parse numbering.xml (None when the document has none)."""
    numbering = Numbering()
    if root is None:
        return numbering
    for abstract in root.iter(f"{w}abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in abstract.iter(f"{w}lvl"):
            levels[_int(lvl.get(f"{w}ilvl"), 0)] = _read_level(lvl, w)
        numbering.abstracts[abstract.get(f"{w}abstractNumId", "")] = levels
    for num in root.iter(f"{w}num"):
        abstract_ref = num.find(f"{w}abstractNumId")
        entry = Num(abstract_ref.get(f"{w}val", "") if abstract_ref is not None else "")
        for override in num.iter(f"{w}lvlOverride"):
            start = override.find(f"{w}startOverride")
            if start is not None:
                entry.overrides[_int(override.get(f"{w}ilvl"), 0)] = _int(start.get(f"{w}val"), 1)
        numbering.nums[num.get(f"{w}numId", "")] = entry
    return numbering


def _read_level(lvl: Element, w: str) -> Level:
    fmt = lvl.find(f"{w}numFmt")
    text = lvl.find(f"{w}lvlText")
    start = lvl.find(f"{w}start")
    return Level(
        fmt=fmt.get(f"{w}val", "decimal") if fmt is not None else "decimal",
        text=text.get(f"{w}val", "") if text is not None else "",
        start=_int(start.get(f"{w}val") if start is not None else None, 1),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
