"""Lettered answers whose letters jump are codes (`A. Boil … F. Let it settle`, then `X. Other`),
and so are a ranking's lettered items (`a) Price … e) Speed`): the letters name the items, whose
answer is a rank.

Household-survey instruments letter the answers of a multi and keep special letters for the
special answers (X = other, Z = don't know). A list whose letters skip a stretch of the
alphabet is therefore coded by its letters, not numbered by position.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.types import asks_to_rank

if TYPE_CHECKING:
    from fielder.compiler.options import RawOption
    from fielder.compiler.parse import Parsed

_LETTER_NUMBERING_RE = re.compile(r"^\(?([A-Za-z])[.)]$")


def keep_jumping_letters(parsed: Parsed) -> None:
    """Give lettered answers their letters as codes where the letters skip ahead."""
    for draft in parsed.drafts:
        options = draft.options
        if len(options) < 3 or any(o.code is not None for o in options):
            continue
        letters = [
            match[1]
            for line in draft.lines
            if line.kind == "list_item"
            and (match := _LETTER_NUMBERING_RE.match((line.numbering or "").strip()))
        ] or _typed_capitals(options)
        if len(letters) != len(options) or [m.lower() for m in letters] != [
            (o.marker or "").lower() for o in options
        ]:
            continue
        places = [ord(letter.lower()) for letter in letters]
        steps = [b - a for a, b in zip(places, places[1:], strict=False)]
        if all(step >= 1 for step in steps) and any(step > 1 for step in steps):
            for option, letter in zip(options, letters, strict=True):
                option.code = letter


def _typed_capitals(options: list[RawOption]) -> list[str]:
    """The capital letters typed before the answers (`A. Rice`, `X. Other`), if each has one."""
    markers = [o.marker or "" for o in options]
    return markers if all(len(m) == 1 and "A" <= m <= "Z" for m in markers) else []


def keep_ranked_letters(parsed: Parsed) -> None:
    """Give a ranking's items typed with letters a), b), c)… their letters as codes (a word
    processor's automatic list letters are layout, and stay numbered by position)."""
    for draft in parsed.drafts:
        options = draft.options
        markers = [(o.marker or "").lower() for o in options]
        expected = [chr(ord("a") + i) for i in range(len(options))]
        automatic = any(
            line.kind == "list_item" and _LETTER_NUMBERING_RE.match((line.numbering or "").strip())
            for line in draft.lines
        )
        if (
            len(options) >= 3
            and not automatic
            and markers == expected
            and all(o.code is None for o in options)
            and asks_to_rank(" ".join([draft.text, *draft.notes]))
        ):
            for option in options:
                option.code = option.marker
