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
    """The cell's test: a number's range, or the answers the cell names — its codes where
    the question has them all, else the one answer whose words are the cell's range
    ("18-34" over answers coded 1, 2, 3); None when neither names an answer."""
    qid, low, high = question.id, int(match["low"]), int(match["high"] or match["low"])
    if question.type == "number":
        return f"{qid} >= {low} and {qid} <= {high}"
    if question.type not in ("single", "dropdown", "scale"):
        return None
    known = {o.code for o in question.options}
    codes = [str(c) for c in range(low, high + 1)]
    if not all(code in known for code in codes):
        span = re.compile(rf"^\D*{low}\s*(?:[-–]|to)\s*{high}\b") if match["high"] else None
        named = [o.code for o in question.options if span and span.match(o.label)]
        if len(named) != 1:
            return None
        codes = named
    return f"{qid} in [{','.join(repr(c) for c in codes)}]"
