"""Hypothesis strategies: valid Survey IR documents and answer sets for them.

`surveys()` draws documents that `fielder.ir.validate.validate` finds no problem with
(no errors, no warnings), using every question type, options (specify, exclusive, fixed),
grids, carry-forward, piping, display_if / terminate_if / skip_to that refer only backward
(skips jump only forward), variables, quotas, endings and page breaks.
`answers_for(survey)` draws answer dicts: mostly well-shaped, sometimes not, sometimes with
unknown keys — for "evaluation never raises" properties.

    from hypothesis import given
    from tests.strategies import surveys, answers_for

    @given(surveys())
    def test_export(survey): ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from fielder.ir.models import QUESTION_TYPES, Survey

__all__ = ["answers_for", "json_values", "surveys"]

_CODED = {"single", "multi", "dropdown", "scale", "ranking", "constant_sum", "grid"}
_WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co")),
    min_size=1,
    max_size=12,
)
_PATTERNS = ["[A-Z]{2}[0-9]+", "\\d{5}", "[a-z ]*", "(yes|no)"]

#: Any JSON value (for wrong-shaped answers).
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


@dataclass
class _Draft:
    """What has been drawn so far: earlier questions are what logic may refer to."""

    questions: list[dict[str, Any]] = field(default_factory=list)
    block_ids: list[str] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)

    def earlier(self, *kinds: str) -> list[dict[str, Any]]:
        return [q for q in self.questions if not kinds or q["type"] in kinds]


# --- options and shapes ----------------------------------------------------------------------


def _options(draw: st.DrawFn, kind: str, randomize: bool) -> list[dict[str, Any]]:
    count = draw(st.integers(2, 5))
    options: list[dict[str, Any]] = [
        {"code": str(k), "label": draw(_WORDS)} for k in range(1, count + 1)
    ]
    if kind in {"single", "multi", "dropdown"} and draw(st.booleans()):
        options.append({"code": "97", "label": "Other", "specify": True, "fixed": randomize})
    if kind == "multi" and draw(st.booleans()):
        options.append({"code": "99", "label": "None", "exclusive": True, "fixed": randomize})
    return [{k: v for k, v in o.items() if v is not False} for o in options]


def _validation(draw: st.DrawFn, question: dict[str, Any]) -> dict[str, Any] | None:
    kind = question["type"]
    if kind == "number" and draw(st.booleans()):
        low = draw(st.integers(-100, 100))
        return {"min": low, "max": low + draw(st.integers(0, 1000)), "integer": draw(st.booleans())}
    if kind == "multi" and draw(st.booleans()):
        low = draw(st.integers(0, 2))
        return {"min_choices": low, "max_choices": low + draw(st.integers(0, 3))}
    if kind in {"text", "long_text"} and draw(st.booleans()):
        rules: dict[str, Any] = {"max_length": draw(st.integers(1, 500))}
        if draw(st.booleans()):
            rules["pattern"] = draw(st.sampled_from(_PATTERNS))
        return rules
    return None


def _shape(draw: st.DrawFn, question: dict[str, Any], draft: _Draft) -> None:
    """Type-specific fields: options, rows, totals, carry-forward, validation, scale labels."""
    kind = question["type"]
    carry = [q for q in draft.earlier("multi", "single") if "options" in q]
    if kind in {"single", "multi", "ranking"} and carry and draw(st.integers(0, 4)) == 0:
        source = draw(st.sampled_from(carry))
        question["options_from"] = {"question": source["id"], "selected": draw(st.booleans())}
    elif kind in _CODED:
        randomize = kind != "grid" and draw(st.booleans())
        if randomize:
            question["randomize_options"] = True
        question["options"] = _options(draw, kind, randomize)
    if kind == "grid":
        rows = draw(st.integers(1, 4))
        question["rows"] = [{"id": f"r{k}", "label": draw(_WORDS)} for k in range(1, rows + 1)]
        question["multiple"] = draw(st.booleans())
    if kind == "constant_sum":
        question["total"] = draw(st.sampled_from([100, 10, 1]))
    if kind == "scale" and draw(st.booleans()):
        question["scale"] = {"min_label": "Low", "max_label": "High"}
    validation = _validation(draw, question)
    if validation:
        question["validation"] = validation


# --- logic --------------------------------------------------------------------------------------


def _codes(question: dict[str, Any]) -> list[str]:
    return [o["code"] for o in question.get("options", [])]


def _atom(draw: st.DrawFn, draft: _Draft, extra: list[dict[str, Any]]) -> str | None:
    """One condition on an earlier question (or `extra`, e.g. the question itself)."""
    choices = [q for q in draft.questions + extra if q["type"] not in {"display"}]
    if draft.variables and draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(draft.variables))
    if not choices:
        return None
    q = draw(st.sampled_from(choices))
    qid, kind, codes = q["id"], q["type"], _codes(q)
    if kind in {"single", "dropdown", "scale"} and codes:
        picked = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True))
        form = draw(st.sampled_from(["eq", "num", "in", "not in", "ne"]))
        if form == "eq":
            return f"{qid} == '{picked[0]}'"
        if form == "num":
            return f"{qid} == {picked[0]}"
        if form == "ne":
            return f"{qid} != '{picked[0]}'"
        listed = ", ".join(f"'{c}'" for c in picked)
        return f"{qid} {form} [{listed}]"
    if kind in {"multi", "ranking"} and codes:
        picked = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=3, unique=True))
        listed = ", ".join(f"'{c}'" for c in picked)
        return draw(
            st.sampled_from(
                [
                    f"{qid} contains '{picked[0]}'",
                    f"{qid} contains any [{listed}]",
                    f"{qid} contains all [{listed}]",
                    f"count({qid}) >= {len(picked)}",
                ]
            )
        )
    if kind == "grid" and codes:
        row = draw(st.sampled_from(q["rows"]))["id"]
        return f"{qid}.{row} == '{draw(st.sampled_from(codes))}'"
    if kind == "number":
        op = draw(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
        return f"{qid} {op} {draw(st.integers(-5, 50))}"
    if kind == "date":
        return f"{qid} >= '2020-01-01'"
    return f"answered({qid})"


def _condition(draw: st.DrawFn, draft: _Draft, extra: list[dict[str, Any]]) -> str | None:
    first = _atom(draw, draft, extra)
    if first is None:
        return None
    shape = draw(st.integers(0, 4))
    second = _atom(draw, draft, extra) if shape >= 2 else None
    if second is None or shape < 2:
        return f"not ({first})" if shape == 1 else first
    joined = f"{first} {draw(st.sampled_from(['and', 'or']))} {second}"
    return joined if shape < 4 else f"not ({joined})"


def _logic(draw: st.DrawFn, question: dict[str, Any], draft: _Draft, targets: list[str]) -> None:
    if draw(st.integers(0, 2)) == 0:
        condition = _condition(draw, draft, [])
        if condition:
            question["display_if"] = condition
    if question["type"] != "display" and draw(st.integers(0, 5)) == 0:
        condition = _condition(draw, draft, [question])
        if condition:
            question["terminate_if"] = condition
    if targets and draw(st.integers(0, 4)) == 0:
        condition = _condition(draw, draft, [question] if question["type"] != "display" else [])
        if condition:
            question["skip_to"] = [{"if": condition, "to": draw(st.sampled_from(targets))}]


def _text(draw: st.DrawFn, draft: _Draft) -> str:
    text = draw(_WORDS).replace("{", "(").replace("}", ")")
    answered = draft.earlier("single", "multi", "text", "number", "dropdown", "scale")
    if answered and draw(st.integers(0, 3)) == 0:
        text += " {{" + draw(st.sampled_from(answered))["id"] + "}}"
    return text


# --- whole documents -----------------------------------------------------------------------------


def _question(draw: st.DrawFn, qid: str, draft: _Draft, targets: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(QUESTION_TYPES))
    question: dict[str, Any] = {"id": qid, "type": kind, "text": _text(draw, draft)}
    if draw(st.integers(0, 3)) == 0:
        question["required"] = False
    if draw(st.integers(0, 5)) == 0:
        question["instructions"] = draw(_WORDS).replace("{", "(")
    if draw(st.integers(0, 6)) == 0:
        question["attention"] = {"reason": draw(_WORDS)}
    if draw(st.integers(0, 6)) == 0:
        question["source"] = {"page": 1, "start": 0, "end": 10, "excerpt": draw(_WORDS)}
    _shape(draw, question, draft)
    _logic(draw, question, draft, targets)
    return question


@st.composite
def surveys(draw: st.DrawFn, max_blocks: int = 3, max_questions: int = 6) -> Survey:
    """A valid IR document (validate() finds nothing) using the whole IR."""
    sizes = draw(st.lists(st.integers(1, max_questions), min_size=1, max_size=max_blocks))
    ids = [f"Q{k}" for k in range(1, sum(sizes) + 1)]
    block_ids = [f"B{k}" for k in range(1, len(sizes) + 1)]
    endings = draw(st.sampled_from([[], [{"id": "screened_out", "text": "Thank you."}]]))
    draft, blocks, index = _Draft(block_ids=block_ids), [], 0
    for b, size in enumerate(sizes):
        items: list[dict[str, Any]] = []
        for _ in range(size):
            later = ids[index + 2 :] + block_ids[b + 1 :] + ["end"] + [e["id"] for e in endings]
            question = _question(draw, ids[index], draft, later)
            items.append(question)
            draft.questions.append(question)
            index += 1
            if draw(st.integers(0, 5)) == 0:
                items.append({"type": "page_break"})
            if draw(st.integers(0, 8)) == 0:
                draft.variables.append(_variable_name(draft))
        title = draw(st.none() | _WORDS)
        blocks.append(
            {"id": block_ids[b], "title": title, "randomize": draw(st.booleans()), "items": items}
        )
    return Survey.model_validate(
        {
            "title": draw(_WORDS),
            "platform": draw(st.sampled_from([None, "qualtrics", "surveyjs"])),
            "blocks": blocks,
            "variables": _variables(draw, draft),
            "quotas": _quotas(draw, draft),
            "endings": endings,
        }
    )


def _variable_name(draft: _Draft) -> str:
    return f"v{len(draft.variables) + 1}"


def _variables(draw: st.DrawFn, draft: _Draft) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    visible = _Draft(questions=draft.questions)
    for name in draft.variables:
        expression = _condition(draw, visible, []) or "true"
        found.append({"name": name, "expression": expression})
    return found


def _quotas(draw: st.DrawFn, draft: _Draft) -> list[dict[str, Any]]:
    quotas: list[dict[str, Any]] = []
    for k in range(draw(st.integers(0, 2))):
        condition = _condition(draw, draft, [])
        if condition:
            action = draw(st.sampled_from(["over_quota", "screened_out"]))
            quotas.append(
                {
                    "id": f"QT{k + 1}",
                    "name": f"Quota {k + 1}",
                    "condition": condition,
                    "limit": draw(st.integers(0, 500)),
                    "action": action,
                }
            )
    return quotas


# --- answers ------------------------------------------------------------------------------------


def _good_answer(draw: st.DrawFn, question: dict[str, Any], survey: Survey) -> Any:
    """A well-shaped answer (it may still break a rule such as min/max)."""
    kind = question["type"]
    options = question.get("options") or []
    source = survey.question_map().get((question.get("options_from") or {}).get("question", ""))
    if not options and source is not None:
        options = [option.model_dump() for option in source.options]
    if kind in _CODED and not options:
        return draw(json_values)  # nothing to choose from (a document with broken wiring)
    codes = [o["code"] for o in options]
    if kind in {"single", "dropdown", "scale"}:
        option = draw(st.sampled_from(options))
        return (
            {"code": option["code"], "text": draw(_WORDS)}
            if option.get("specify")
            else option["code"]
        )
    if kind in {"multi", "ranking"}:
        return draw(st.lists(st.sampled_from(codes), max_size=len(codes), unique=True))
    if kind == "grid":
        codes_or_lists = (
            st.lists(st.sampled_from(codes), unique=True)
            if question.get("multiple")
            else st.sampled_from(codes)
        )
        return {row["id"]: draw(codes_or_lists) for row in question["rows"] if draw(st.booleans())}
    if kind == "constant_sum":
        return {code: draw(st.integers(0, 100)) for code in codes}
    if kind == "number":
        return draw(st.integers(-10, 100) | st.floats(-10, 100))
    if kind == "date":
        return draw(st.dates()).isoformat()
    if kind == "email":
        return draw(st.sampled_from(["a@b.co", "x.y@example.org", "nope"]))
    if kind == "display":
        return None
    return draw(st.text(max_size=20))


@st.composite
def answers_for(draw: st.DrawFn, survey: Survey) -> dict[str, Any]:
    """An answer set for `survey`: mostly well-shaped answers, some junk, some unknown keys."""
    answers: dict[str, Any] = {}
    for question in survey.questions():
        choice = draw(st.integers(0, 9))
        data = question.model_dump(mode="json", by_alias=True)
        if choice < 6:
            answers[question.id] = _good_answer(draw, data, survey)
        elif choice < 8:
            answers[question.id] = draw(json_values)
    if draw(st.integers(0, 9)) == 0:
        answers[draw(st.sampled_from(["ZZ", "", "Q0", "q1"]))] = draw(json_values)
    return answers
