"""Quota notes ("[QUOTA: 18-34 n=200; 35-49 n=200]") → IR quotas where a cell has a count."""

from __future__ import annotations

import re

from fielder.compiler.build import Built
from fielder.ir.models import Quota

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
                condition = _condition(question.id, question.type, match)
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


def _condition(qid: str, qtype: str, match: re.Match[str]) -> str | None:
    low, high = int(match["low"]), int(match["high"] or match["low"])
    if qtype == "number":
        return f"{qid} >= {low} and {qid} <= {high}"
    if qtype in ("single", "dropdown", "scale"):
        codes = ",".join(f"'{c}'" for c in range(low, high + 1))
        return f"{qid} in [{codes}]"
    return None
