"""Speed of the platform exporters and importers on a 500-question survey.

Prints one JSON line per figure: export time and (where the platform has an importer)
import time of the same survey, for every platform whose module is installed. The survey
is generated: a rotation of every question type in 20 blocks, display logic on earlier
questions, carry-forward, piping, validation, and 60 quotas (a chosen code of a single
choice and of the multiple choice after it) with an over-quota end text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from fielder.ir.models import Survey
from fielder.platforms.registry import available, can_import, get_exporter, get_importer

QUESTIONS = 500
BLOCKS = 20
_TYPES = (
    "single",
    "multi",
    "dropdown",
    "scale",
    "grid",
    "text",
    "number",
    "long_text",
    "constant_sum",
    "ranking",
    "date",
    "email",
    "display",
)
_OPTIONS = [{"code": str(k), "label": f"Option {k}"} for k in range(1, 6)] + [
    {"code": "97", "label": "Other (specify)", "specify": True},
    {"code": "99", "label": "None of these", "exclusive": True},
]


def _question(n: int) -> dict[str, Any]:
    kind = _TYPES[n % len(_TYPES)]
    question: dict[str, Any] = {"id": f"Q{n}", "type": kind, "text": f"Question {n}"}
    if kind in ("single", "multi", "dropdown", "scale", "ranking", "constant_sum", "grid"):
        question["options"] = _OPTIONS if kind in ("single", "multi") else _OPTIONS[:5]
    if kind == "grid":
        question["rows"] = [{"id": f"r{k}", "label": f"Row {k}"} for k in range(1, 5)]
    if kind == "constant_sum":
        question["total"] = 100
    if kind == "number":
        question["validation"] = {"min": 0, "max": 99}
    if n > len(_TYPES):
        earlier = n - len(_TYPES)  # the same rotation slot: a question of the same type
        if _TYPES[earlier % len(_TYPES)] == "single":
            question["display_if"] = f"Q{earlier} in ['1', '2']"
            question["text"] += f" (you said {{{{Q{earlier}}}}})"
        if kind == "dropdown" and _TYPES[(n - 1) % len(_TYPES)] == "multi":
            question["options_from"] = {"question": f"Q{n - 1}"}
            question.pop("options")
    return question


def survey() -> Survey:
    """The generated 500-question survey."""
    per_block = QUESTIONS // BLOCKS
    blocks = []
    for b in range(BLOCKS):
        items: list[dict[str, Any]] = []
        for n in range(b * per_block + 1, (b + 1) * per_block + 1):
            items.append(_question(n))
            if n % 5 == 0:
                items.append({"type": "page_break"})
        blocks.append({"id": f"B{b + 1}", "title": f"Section {b + 1}", "items": items})
    return Survey.model_validate(
        {"title": "Bench survey", "blocks": blocks, "quotas": _quotas(), "endings": _ENDINGS}
    )


_ENDINGS = [{"id": "over_quota", "text": "We have enough answers like yours, thank you."}]


def _quotas() -> list[dict[str, Any]]:
    """Three cells on each of the first 20 single choices, crossed with the next question."""
    singles = [n for n in range(1, QUESTIONS) if _TYPES[n % len(_TYPES)] == "single"][:20]
    return [
        {
            "id": f"QT{3 * k + code}",
            "name": f"Q{n} code {code}",
            "condition": f"Q{n} == '{code}' and Q{n + 1} contains any ['1', '2']",
            "limit": 100,
        }
        for k, n in enumerate(singles)
        for code in (1, 2, 3)
    ]


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _figure(name: str, value: float, **extra: object) -> None:
    line = {"figure": f"platforms.{name}", "value": round(value, 4), "unit": "s"} | extra
    print(json.dumps(line))


def _platform(name: str, document: Survey) -> None:
    exported = get_exporter(name).export(document)
    seconds = _best_of(3, lambda: get_exporter(name).export(document))
    _figure(
        f"{name}.export_500",
        seconds,
        bytes=len(exported.content),
        not_carried=len(exported.not_carried),
    )
    if can_import(name):
        seconds = _best_of(3, lambda: get_importer(name).import_(exported.content))
        _figure(f"{name}.import_500", seconds)


def main() -> None:
    """Print export and import time per platform (best of 3 runs, seconds)."""
    document = survey()
    for name in available():
        _platform(name, document)


if __name__ == "__main__":
    main()
