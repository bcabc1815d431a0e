"""Shared fixtures for the platform tests: a survey that uses every IR feature."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from fielder.ir import expressions as ex
from fielder.ir.expressions import parse, print_expr
from fielder.ir.models import Item, PageBreak, Question, Survey, Validation
from fielder.platforms import transforms
from fielder.platforms.logic import LogicRenderer, Untranslatable
from fielder.platforms.result import NotCarried


def full_survey_json() -> dict[str, Any]:
    """An IR document touching every question type and most features."""
    options = [
        {"code": "1", "label": "Brand A"},
        {"code": "2", "label": "Brand B"},
        {"code": "97", "label": "Other (specify)", "specify": True, "fixed": True},
        {"code": "99", "label": "None of these", "exclusive": True, "fixed": True},
    ]
    scale = [{"code": str(n), "label": str(n)} for n in range(1, 6)]
    return {
        "schema": "fielder/ir@1",
        "title": "Coffee habits 2026",
        "blocks": [
            {
                "id": "B1",
                "title": "Screener",
                "items": [
                    {"id": "INTRO", "type": "display", "text": "Welcome.", "required": False},
                    {
                        "id": "S1",
                        "type": "single",
                        "text": "How old are you?",
                        "options": [
                            {"code": "1", "label": "Under 18"},
                            {"code": "2", "label": "18-34"},
                            {"code": "3", "label": "35+"},
                        ],
                        "terminate_if": "S1 == '1'",
                    },
                    {"type": "page_break"},
                    {
                        "id": "Q3",
                        "type": "multi",
                        "text": "Which brands have you bought?",
                        "display_if": "S1 in ['2', '3']",
                        "randomize_options": True,
                        "options": options,
                        "validation": {"max_choices": 3},
                    },
                    {
                        "id": "Q4",
                        "type": "single",
                        "text": "Which do you buy most?",
                        "options_from": {"question": "Q3", "selected": True},
                    },
                ],
            },
            {
                "id": "B2",
                "title": "Main",
                "items": [
                    {"id": "Q5", "type": "dropdown", "text": "Country", "options": options[:2]},
                    {
                        "id": "Q6",
                        "type": "scale",
                        "text": "How much do you like {{Q5}}?",
                        "options": scale,
                        "scale": {"min_label": "Not at all", "max_label": "A lot"},
                    },
                    {
                        "id": "Q7",
                        "type": "grid",
                        "text": "Rate each",
                        "rows": [{"id": "r1", "label": "Taste"}, {"id": "r2", "label": "Price"}],
                        "options": scale,
                    },
                    {
                        "id": "Q8",
                        "type": "grid",
                        "multiple": True,
                        "text": "Which apply",
                        "rows": [
                            {"id": "r1", "label": "Brand A"},
                            {"id": "r2", "label": "Brand B"},
                        ],
                        "options": options[:2],
                    },
                    {
                        "id": "Q9",
                        "type": "text",
                        "text": "Why?",
                        "required": False,
                        "validation": {"max_length": 200},
                    },
                    {"id": "Q10", "type": "long_text", "text": "Anything else?", "required": False},
                    {
                        "id": "Q11",
                        "type": "number",
                        "text": "Cups a day",
                        "validation": {"min": 0, "max": 20, "integer": True},
                        "skip_to": [{"if": "Q11 == 0", "to": "Q14"}],
                    },
                    {
                        "id": "Q12",
                        "type": "constant_sum",
                        "text": "Split 100",
                        "total": 100,
                        "options": options[:2],
                    },
                    {"id": "Q13", "type": "ranking", "text": "Rank", "options": options[:2]},
                    {"id": "Q14", "type": "date", "text": "When?"},
                    {
                        "id": "Q15",
                        "type": "email",
                        "text": "Email",
                        "required": False,
                        "validation": {"pattern": "^.+@.+$"},
                    },
                    {"id": "Q16", "type": "hidden", "text": "Panel id", "required": False},
                ],
            },
        ],
        "variables": [{"name": "heavy_user", "expression": "Q11 >= 3"}],
        "quotas": [{"id": "QT1", "name": "Young", "condition": "S1 == '2'", "limit": 150}],
        "endings": [{"id": "screened_out", "text": "Thank you, that is all we need."}],
    }


@pytest.fixture
def full_survey() -> Survey:
    """The every-feature survey as a model."""
    return Survey.model_validate(full_survey_json())


NODE_DIR = Path(__file__).parent / "node"


def survey_core(survey: Any, answers: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run SurveyJS JSON through survey-core (node): jsonErrors, lint findings, visibility."""
    if shutil.which("node") is None or not (NODE_DIR / "node_modules" / "survey-core").is_dir():
        pytest.skip("node and tests/platforms/node/node_modules (npm ci) are needed")
    request = json.dumps({"survey": survey, "answers": answers or []})
    done = subprocess.run(
        ["node", str(NODE_DIR / "check.js")],
        input=request,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def normalise(survey: Survey, not_carried: Iterable[NotCarried] = ()) -> dict[str, Any]:
    """A survey as JSON for round-trip comparison: what the report lists is blanked.

    Source spans, attention notes and versions are dropped; expressions are compared in
    their canonical printed form; `required` on screens that take no answer is ignored.
    """
    lost = {(n.element_id, n.feature) for n in not_carried}
    copy = survey.model_copy(deep=True)
    renderer = LogicRenderer(copy)

    def canonical(text: str) -> str:
        # numbers compared with choice answers mean their codes: write them as codes
        try:
            tree = parse(renderer.render_text(text))
        except Untranslatable:
            tree = parse(text)
        return print_expr(_expand(tree))

    copy.blocks = [b for b in copy.blocks if (b.id, "block") not in lost]
    for block in copy.blocks:  # breaks at the ends of a block, or doubled, mean nothing
        if (block.id, "randomize") in lost:
            block.randomize = False
        items: list[Item] = []
        for page in transforms.pages(block):
            items += [PageBreak(type="page_break"), *page]
        block.items = items[1:]
    for question in copy.questions():
        question.source = None
        question.attention = None
        question.version = 1
        if question.type in ("display", "hidden"):
            question.required = False
        for feature in ("display_if", "terminate_if"):
            if (question.id, feature) in lost:
                setattr(question, feature, None)
            elif getattr(question, feature):
                setattr(question, feature, canonical(getattr(question, feature)))
        for feature in Question.model_fields:
            if (question.id, feature) in lost and feature not in ("display_if", "terminate_if"):
                default = Question.model_fields[feature].get_default(call_default_factory=True)
                setattr(question, feature, default)
        if question.validation is not None:
            if question.validation.integer is False:  # the same as not saying
                question.validation.integer = None
            for name in Validation.model_fields:
                if (question.id, f"validation.{name}") in lost:
                    setattr(question.validation, name, None)
            if not question.validation.model_dump(exclude_none=True):
                question.validation = None
        for option in question.options:
            for flag in ("specify", "exclusive", "fixed"):
                if (f"{question.id}.{option.code}", flag) in lost:
                    setattr(option, flag, False)
    copy.variables = [
        v.model_copy(update={"expression": canonical(v.expression)})
        for v in copy.variables
        if (v.name, "variable") not in lost
    ]
    copy.quotas = [q for q in copy.quotas if (q.id, "quota") not in lost]
    copy.platform = None  # the destination is the service's choice, not the file's content
    if ("survey", "extensions") in lost:
        copy.extensions = {}
    copy.endings = [e for e in copy.endings if (e.id, "ending") not in lost]
    return copy.to_json()


def _expand(node: Any) -> Any:
    """Set tests spelled out: `x in [a, b]` → `x == a or x == b`, `contains all [a, b]` →
    `contains a and contains b` (platforms without list operators write them so)."""
    if isinstance(node, ex.In) and node.items.items:
        left = _expand(node.left)
        tests: list[Any] = [ex.Compare("==", left, item) for item in node.items.items]
        chain = _chain("or", tests)
        return ex.Not(chain) if node.negated else chain
    if isinstance(node, ex.Contains) and isinstance(node.right, ex.ListLit) and node.right.items:
        left = _expand(node.left)
        tests = [ex.Contains(left, "one", item) for item in node.right.items]
        return _chain("or" if node.mode == "any" else "and", tests)
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {
            f.name: _expand(getattr(node, f.name))
            for f in dataclasses.fields(node)
            if dataclasses.is_dataclass(getattr(node, f.name))
        }
        return dataclasses.replace(node, **changes) if changes else node
    return node


def _chain(op: Any, tests: list[Any]) -> Any:
    result = tests[0]
    for test in tests[1:]:
        result = ex.BoolOp(op, result, test)
    return result
