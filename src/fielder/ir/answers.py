"""Answer shapes (API.md § 9): check one answer against its question.

`single`/`dropdown`/`scale` → "code"; `multi` → ["code", ...]; an option with `specify` →
{"code": "97", "text": "…"} in place of the code; `grid` → {"row_id": "code"} (a list of
codes when `multiple`); `text`/`long_text`/`email` → string; `number` → number;
`constant_sum` → {"code": number}; `ranking` → ["code", ...] best first; `date` →
"YYYY-MM-DD"; `hidden` → any text, number or boolean; `display` takes no answer.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection
from functools import lru_cache
from typing import Any

from fielder.ir.models import Option, Question

__all__ = ["DEFAULT_MAX_LENGTH", "check_value", "is_unanswered"]

#: Longest text answer accepted when the question sets no `max_length`.
DEFAULT_MAX_LENGTH = 10_000

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_unanswered(value: Any) -> bool:
    """True for the values that mean "no answer": null, '', [] and {}."""
    return value is None or value == "" or value == [] or value == {}


@lru_cache(maxsize=512)
def _pattern(text: str) -> re.Pattern[str] | None:
    try:
        return re.compile(text)
    except re.error:
        return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _fmt(number: float) -> str:
    return f"{number:g}"


# --- choices ---------------------------------------------------------------------------------


def _code_of(item: Any, options: dict[str, Option]) -> tuple[str | None, list[str]]:
    """The code of one chosen item (a code or a specify object) and what is wrong with it."""
    if isinstance(item, dict):
        code = item.get("code")
        option = options.get(code) if isinstance(code, str) else None
        if set(item) - {"code", "text"}:
            return None, ["a specify answer has only 'code' and 'text'"]
        if option is None or not option.specify:
            return None, [f"{code!r} is not an option that takes text"]
        if not isinstance(item.get("text", ""), str):
            return None, [f"the text of option {code} must be a string"]
        return code, []
    if not isinstance(item, str):
        return None, [f"expected an option code (a string), got {_kind(item)}"]
    if item not in options:
        return None, [f"{item!r} is not an option"]
    return item, []


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _one_choice(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    return _code_of(value, options)[1]


def _many_choices(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    if not isinstance(value, list):
        return [f"expected a list of option codes, got {_kind(value)}"]
    codes: list[str] = []
    problems: list[str] = []
    for item in value:
        code, wrong = _code_of(item, options)
        problems += wrong
        if code is not None:
            codes.append(code)
    if len(set(codes)) != len(codes):
        problems.append("an option is chosen twice")
    if question.type == "multi" and len(codes) > 1:
        problems += [f"option {c} excludes the others" for c in codes if options[c].exclusive]
    return problems + _count_limits(question, len(value))


def _count_limits(question: Question, count: int) -> list[str]:
    rules = question.validation
    if rules is None:
        return []
    if rules.min_choices is not None and count < rules.min_choices:
        return [f"choose at least {rules.min_choices}"]
    if rules.max_choices is not None and count > rules.max_choices:
        return [f"choose at most {rules.max_choices}"]
    return []


def _grid(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    if not isinstance(value, dict):
        return [f"expected an object of row id → option code, got {_kind(value)}"]
    rows = {row.id for row in question.rows}
    problems: list[str] = []
    for row, answer in value.items():
        if row not in rows:
            problems.append(f"{row!r} is not a row")
        elif question.multiple:
            problems += [f"row {row}: {p}" for p in _many_choices(question, answer, options)]
        elif answer is not None:
            problems += [f"row {row}: {p}" for p in _code_of(answer, options)[1]]
    return problems


def _constant_sum(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    if not isinstance(value, dict):
        return [f"expected an object of option code → number, got {_kind(value)}"]
    problems: list[str] = []
    total = 0.0
    for code, amount in value.items():
        number = _number(amount)
        if code not in options:
            problems.append(f"{code!r} is not an option")
        elif number is None or number < 0:
            problems.append(f"option {code}: expected a number of zero or more")
        else:
            total += number
    if not problems and question.total is not None and not math.isclose(total, question.total):
        problems.append(f"the numbers add up to {_fmt(total)}, not {_fmt(question.total)}")
    return problems


# --- open answers ---------------------------------------------------------------------------


def _text(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    if not isinstance(value, str):
        return [f"expected text, got {_kind(value)}"]
    rules = question.validation
    limit = rules.max_length if rules and rules.max_length else DEFAULT_MAX_LENGTH
    if len(value) > limit:
        return [f"longer than {limit} characters"]
    if question.type == "email" and not _EMAIL.fullmatch(value):
        return ["not an email address"]
    pattern = _pattern(rules.pattern) if rules and rules.pattern else None
    if pattern is not None and not pattern.fullmatch(value):
        return ["does not match the expected pattern"]
    return []


def _numeric(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    number = _number(value)
    if number is None:
        return [f"expected a number, got {_kind(value)}"]
    rules = question.validation
    if rules is None:
        return []
    if rules.integer and not number.is_integer():
        return ["expected a whole number"]
    if rules.min is not None and number < rules.min:
        return [f"must be at least {_fmt(rules.min)}"]
    if rules.max is not None and number > rules.max:
        return [f"must be at most {_fmt(rules.max)}"]
    return []


def _date(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        return ["expected a date as YYYY-MM-DD"]
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return [f"{value} is not a date"]
    return []


def _hidden(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    if isinstance(value, str | bool) or _number(value) is not None:
        return []
    return [f"expected text, a number or a boolean, got {_kind(value)}"]


def _display(question: Question, value: Any, options: dict[str, Option]) -> list[str]:
    return ["a display question takes no answer"]


_Check = Callable[[Question, Any, dict[str, Option]], list[str]]

_CHECKS: dict[str, _Check] = {
    "single": _one_choice,
    "dropdown": _one_choice,
    "scale": _one_choice,
    "multi": _many_choices,
    "ranking": _many_choices,
    "grid": _grid,
    "constant_sum": _constant_sum,
    "text": _text,
    "long_text": _text,
    "email": _text,
    "number": _numeric,
    "date": _date,
    "hidden": _hidden,
    "display": _display,
}


def check_value(question: Question, value: Any, options: Collection[Option]) -> list[str]:
    """What is wrong with `value` as the answer to `question` (empty when fine or unanswered).

    `options` are the options the question may offer (its own plus any carried forward).
    """
    if is_unanswered(value):
        return []
    by_code = {option.code: option for option in options}
    return _CHECKS[question.type](question, value, by_code)
