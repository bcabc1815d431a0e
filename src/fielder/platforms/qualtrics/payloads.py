"""Pieces of QSF payloads: ids, HTML text, choices, codes, randomisation."""

from __future__ import annotations

import hashlib
import html
import re
from typing import Any

from fielder.ir.models import Option

_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_INTEGER = re.compile(r"^-?\d+$")


def qualtrics_id(prefix: str, *parts: str) -> str:
    """A Qualtrics-shaped id (`SV_` + 15 letters and digits) derived from `parts`."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return prefix + "".join(_ALNUM[b % len(_ALNUM)] for b in digest[:15])


def html_text(text: str) -> str:
    """Plain IR text as the HTML Qualtrics shows (escaped, line breaks as `<br>`)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def choices(options: list[Option]) -> dict[str, Any]:
    """Choices (or Answers) keyed "1", "2"…, with exclusive and text-entry flags."""
    choices: dict[str, Any] = {}
    for n, option in enumerate(options, start=1):
        choice: dict[str, Any] = {"Display": html_text(option.label)}
        if option.exclusive:
            choice["ExclusiveAnswer"] = True
        if option.specify:
            choice["TextEntry"] = "true"
        choices[str(n)] = choice
    return choices


def codes(options: list[Option]) -> dict[str, Any]:
    """RecodeValues for numeric codes; VariableNaming holds the rest."""
    numeric = {str(n): o.code for n, o in enumerate(options, 1) if _INTEGER.match(o.code)}
    named = {str(n): o.code for n, o in enumerate(options, 1) if not _INTEGER.match(o.code)}
    result: dict[str, Any] = {}
    if numeric:
        result["RecodeValues"] = numeric
    if named:
        result["VariableNaming"] = named
    return result


def randomization(options: list[Option]) -> dict[str, Any]:
    """Randomise all choices, or `Advanced` with fixed choices kept in place."""
    ids = [str(n) for n in range(1, len(options) + 1)]
    if not any(o.fixed for o in options):
        return {"Type": "All", "TotalRandSubset": "", "Advanced": None}
    fixed = [cid if o.fixed else "{~Randomized~}" for cid, o in zip(ids, options, strict=True)]
    randomized = [cid for cid, o in zip(ids, options, strict=True) if not o.fixed]
    advanced = {
        "FixedOrder": fixed,
        "RandomizeAll": randomized,
        "RandomSubSet": [],
        "Undisplayed": [],
        "TotalRandSubset": 0,
        "QuestionsPerPage": 0,
    }
    return {
        "Type": "Advanced",
        "Advanced": advanced,
        "TotalRandSubset": "",
        "EvenPresentation": False,
    }


def number_text(value: float) -> str:
    """A number as Qualtrics writes it (no fraction for whole numbers)."""
    return str(int(value)) if float(value).is_integer() else str(value)
