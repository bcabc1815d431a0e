"""Quota notes ("[QUOTA: 18-34 n=200; 35-49 n=200]") → IR quotas where a cell has a count."""

from __future__ import annotations

import re

from fielder.compiler.build import Built
from fielder.ir.models import Question, Quota

_CELL_RE = re.compile(
    r"(?P<name>[^;:]*?)\s*\(?\s*(?:CODES?\s+)?(?P<low>\d{1,3})(?:\s*[-–]\s*(?P<high>\d{1,3}))?\s*\)?"
    r"\s*(?:N\s*=\s*|:\s*)(?P<n>\d{1,6})\b",
    re.I,
)


def parse_quotas(builts: list[Built]) -> list[Quota]:
    """Quotas with a count per cell; minimums and percentages are left to the person."""
    quotas: list[Quota] = []
    for built in builts:
        question = built.question
        for note in built.quotas:
            body = re.sub(r"^\[?\s*QUOTAS?\s*:?", "", note, flags=re.I).strip(" ]")
            if re.search(r"\bMIN(?:IMUM)?\b|%|\bSEE\b", body, re.I):
                continue
            for cell in re.split(r";|,(?=\s*\D)", body):
                match = _CELL_RE.search(cell)
                if match is None:
                    continue
                condition = _condition(question, match)
                if condition is None:
                    continue
                name = (match["name"] or "").strip() or cell.strip()
                quotas.append(
                    Quota(
                        id=f"QT{len(quotas) + 1}",
                        name=name[:80] or f"Quota {len(quotas) + 1}",
                        condition=condition,
                        limit=int(match["n"]),
                    )
                )
    return quotas


def _condition(question: Question, match: re.Match[str]) -> str | None:
    qid = question.id
    low, high = int(match["low"]), int(match["high"] or match["low"])
    if question.type == "number":
        return f"{qid} >= {low} and {qid} <= {high}"
    if question.type not in ("single", "dropdown", "scale"):
        return None
    written = [o.code for o in question.options]
    codes = [str(n) for n in range(low, high + 1) if str(n) in written] if written else []
    if not codes:
        codes = _bands_covering(question, low, high)
    if written and not codes:
        return None  # the numbers are neither codes nor bands of the question: no trusted test
    codes = codes or [str(n) for n in range(low, high + 1)]
    return f"{qid} in [{','.join(repr(c) for c in codes)}]"


_BAND_RE = re.compile(r"^\s*(?P<low>\d{1,3})\s*(?:[-–—]|to)\s*(?P<high>\d{1,3})\s*$", re.I)


def _bands_covering(question: Question, low: int, high: int) -> list[str]:
    """ "18-34 n=100" over age bands coded 1, 2, 3 … ("18-24", "25-34"): the codes of the bands
    that make up the range exactly; [] where they do not (35-49 over 35-44 and 45-54)."""
    bands = []
    for option in question.options:
        band = _BAND_RE.match(option.label)
        if band and low <= int(band["low"]) <= int(band["high"]) <= high:
            bands.append((int(band["low"]), int(band["high"]), option.code))
    bands.sort()
    ends = [low - 1] + [b[1] for b in bands[:-1]]  # each band starts right after the one before
    if (
        not bands
        or bands[-1][1] != high
        or any(b[0] != e + 1 for b, e in zip(bands, ends, strict=True))
    ):
        return []
    return [b[2] for b in bands]
