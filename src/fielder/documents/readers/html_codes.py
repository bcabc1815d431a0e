"""Stored codes of a web form's choices, written only in their `value` attributes.

A form sends each radio button's or check box's `value`, so a page built from a
questionnaire carries its codes there (`value="10"`, `value="20"`, … `value="90"`) and
nowhere on screen. Where a group's values are numbers other than its positions 1, 2, 3 …,
they are the codes; values that merely count the choices add nothing to the printout.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from bs4.element import Tag

_CODE_RE = re.compile(r"\d{1,4}")


def stored_codes(soup: BeautifulSoup) -> dict[int, str]:
    """Each choice input whose value is its stored code, by `id()` of the tag, → the code."""
    groups: dict[str, list[Tag]] = {}
    for tag in soup.find_all("input"):
        kind = str(tag.get("type", "")).lower()
        name = tag.get("name")
        if kind in ("radio", "checkbox") and isinstance(name, str):
            groups.setdefault(name, []).append(tag)
    codes: dict[int, str] = {}
    for inputs in groups.values():
        values = [str(tag.get("value", "")).strip() for tag in inputs]
        counting = [str(position) for position in range(1, len(values) + 1)]
        if len(values) < 2 or values == counting:
            continue
        if all(_CODE_RE.fullmatch(value) for value in values) and len(set(values)) == len(values):
            codes.update((id(tag), value) for tag, value in zip(inputs, values, strict=True))
    return codes
