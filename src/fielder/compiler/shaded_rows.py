"""Routing told by a table row's shading, with a colour key written above the table.

A form laid out as one table marks the rows for one group of respondents by a background
colour and says so once, in a key over the table: `Rows shaded BLUE are for drivers only (Yes
at Q2)`, `Grey boxes: only if you have a pet`. The shading is the row's filter: each question
row in a keyed colour gets the key's words as an `Only for …` note, which the filter readers
take like any written one (a bracketed test, or a group named by an earlier question's answer).

Colours are matched by family (a named hue, or grey), so a key's "peach" finds a light orange
fill and "green" any green, whatever exact shade the author picked.
"""

from __future__ import annotations

import colorsys
import re

from fielder.documents.model import Block, Cell

# colour words and the hue ranges (degrees) of the fills they name; None = a grey (no hue)
_FAMILIES: dict[str, tuple[tuple[float, float], ...] | None] = {
    "red": ((0, 18), (340, 360)),
    "pink": ((0, 15), (290, 360)),
    "rose": ((0, 15), (300, 360)),
    "orange": ((12, 45),),
    "peach": ((5, 45),),
    "apricot": ((10, 45),),
    "amber": ((30, 50),),
    "brown": ((10, 45),),
    "beige": ((25, 60),),
    "tan": ((20, 45),),
    "yellow": ((40, 70),),
    "cream": ((35, 70),),
    "lemon": ((45, 70),),
    "gold": ((38, 56),),
    "green": ((65, 170),),
    "lime": ((65, 110),),
    "mint": ((100, 170),),
    "olive": ((50, 90),),
    "teal": ((160, 200),),
    "turquoise": ((160, 200),),
    "aqua": ((160, 200),),
    "cyan": ((170, 200),),
    "blue": ((180, 255),),
    "lilac": ((250, 310),),
    "lavender": ((230, 290),),
    "purple": ((255, 310),),
    "violet": ((255, 300),),
    "mauve": ((270, 340),),
    "grey": None,
    "gray": None,
}
_COLOUR = "|".join(_FAMILIES)
# a key sentence: a colour word beside a word of shading or of the rows it marks
_KEY_RE = re.compile(
    rf"\b(?P<colour>{_COLOUR})\b(?=[^.;]{{0,40}}\b(?:are|is|=|:|rows?|cells?|boxes|questions?)\b)"
    rf"|\b(?:shaded|shading|coloured|colored|highlighted|background)\s+(?:in\s+)?(?P<after>{_COLOUR})\b",
    re.I,
)
_KEY_WORD_RE = re.compile(
    r"\b(?:shaded|shading|coloured|colored|highlighted|background|colou?r\s+key)\b"
    rf"|\b(?:{_COLOUR})\s+(?:rows?|cells?|boxes)\b",
    re.I,
)
# what the colour is for: "… are for X only (Yes at Q5)", "… = X", "…: only if …"
_FOR_RE = re.compile(
    r"^[^.;]*?(?:\b(?:are|is)\s+(?:only\s+)?(?:for|to\s+be\s+answered\s+by)\b|=|:|\bfor\b)\s*"
    r"(?P<group>[^;]+?)\s*(?:[–—-]\s+[^;]*)?(?:[.;]|$)",
    re.I,
)


def _family_hues(name: str) -> tuple[tuple[float, float], ...] | None:
    return _FAMILIES[name.lower()]


def fill_matches(fill: str, name: str) -> bool:
    """True when the "#RRGGBB" fill is of the colour family a key's word names."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _light, saturation = colorsys.rgb_to_hls(red, green, blue)
    spread = max(red, green, blue) - min(red, green, blue)
    ranges = _family_hues(name)
    if ranges is None:
        return spread < 0.06 and max(red, green, blue) < 0.97
    if spread < 0.06 or saturation < 0.15:
        return False
    degrees = hue * 360
    return any(low <= degrees <= high for low, high in ranges)


def colour_keys(text: str) -> dict[str, str]:
    """The groups a colour key names ({"green": "Only for members (Yes at Q5)"}); empty when the
    paragraph is no key (it must speak of shading or a key, and say whom a colour is for)."""
    if not _KEY_WORD_RE.search(text):
        return {}
    keys: dict[str, str] = {}
    for sentence in re.split(r";\s*|(?<=\.)\s+(?=[A-Z])", text):
        match = _KEY_RE.search(sentence)
        if match is None:
            continue
        colour = (match["colour"] or match["after"]).lower()
        rest = _FOR_RE.match(sentence[match.end() :])
        if rest is None:
            continue
        group = re.sub(r"\s+only\b", "", rest["group"], flags=re.I).strip(" ,")
        group = re.sub(r"^(?:only\s+)?(?:for\s+)?", "", group, flags=re.I)
        if len(group) < 3:
            continue
        keys[colour] = (
            f"Only {group}" if re.match(r"(?:if|when)\b", group, re.I) else f"Only for {group}"
        )
    return keys


def _row_fill(row: tuple[Cell, ...]) -> str | None:
    """The one fill every filled cell of the row shares (most of its cells filled), or None."""
    cells = [c for c in row if not c.spanned]
    fills = {c.fill for c in cells if c.fill}
    if len(fills) != 1 or sum(1 for c in cells if c.fill) * 2 < len(cells):
        return None
    return fills.pop()


def keyed_row_spans(block: Block, keys: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, note) of each row of the table shaded in a colour the key names."""
    spans: list[tuple[int, int, str]] = []
    for row in block.rows:
        fill = _row_fill(row)
        if fill is None:
            continue
        notes = [note for name, note in keys.items() if fill_matches(fill, name)]
        if len(notes) == 1:
            spans.append((row[0].start, row[-1].end, notes[0]))
    return spans
