"""Evaluate a survey against a respondent's answers: what is shown, piped, ended, wrong.

`Evaluator(survey)` parses and compiles every expression once; each method then runs
over a dict of answers keyed by question id (the shapes of API.md § 9). Nothing here
raises on any answers: a value of an unexpected shape simply makes conditions false.
Presentation-time randomisation (`randomize`, `randomize_options`) is not applied: the
order returned is the document order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from fielder.ir.answers import check_value, is_unanswered
from fielder.ir.expressions import ExpressionError, parse
from fielder.ir.logic import Context, Getter, compile_expr, plain, safely, truthy
from fielder.ir.models import Option, Question, Quota, Survey
from fielder.ir.validate import PIPE

__all__ = ["AnswerError", "Evaluator"]

#: Question types that are never shown to the respondent nor required.
_UNSHOWN = frozenset({"hidden"})
#: Question types that take no answer, so are never required.
_NOT_ANSWERED = frozenset({"display", "hidden"})


@dataclass(frozen=True)
class AnswerError:
    """One problem of a response: the question (None for the whole), a code and a message."""

    question_id: str | None
    code: str
    message: str

    def to_json(self) -> dict[str, Any]:
        """The error as a plain dict (for API error details)."""
        return asdict(self)


@dataclass(frozen=True)
class _Plan:
    """A question with its logic compiled; `skips` are (condition, position, target id)."""

    question: Question
    display: Getter | None
    terminate: Getter | None
    skips: tuple[tuple[Getter, int, str], ...]


@dataclass(frozen=True)
class _Path:
    shown: list[Question]
    terminated_by: str | None = None
    ending: str | None = None


class Evaluator:
    """The logic of one survey, compiled once; evaluate it against any number of answer sets."""

    def __init__(self, survey: Survey) -> None:
        self.survey = survey
        self.questions = survey.question_map()
        self._names = frozenset(self.questions)
        self._variable_names = frozenset(v.name for v in survey.variables)
        self._variables = {
            v.name: self._compile(v.expression) or (lambda ctx: None) for v in survey.variables
        }
        self._quotas = [(quota, self._compile(quota.condition)) for quota in survey.quotas]
        self._ending_ids = frozenset(ending.id for ending in survey.endings)
        self._plans = self._plan_all()

    # --- compiling --------------------------------------------------------------------------

    def _compile(self, text: str | None) -> Getter | None:
        """The closure of an expression; None when absent or unparseable (validate reports it)."""
        if text is None:
            return None
        try:
            tree = parse(text)
        except ExpressionError:
            return None
        return compile_expr(tree, self._names, self._variable_names)

    def _plan_all(self) -> list[_Plan]:
        ordered = self.survey.questions()
        positions: dict[str, int] = {}
        for position, question in enumerate(ordered):
            positions.setdefault(question.id, position)
        start = 0
        for block in self.survey.blocks:
            positions.setdefault(block.id, start)
            start += len(block.questions())
        for ending in ["end", *(e.id for e in self.survey.endings)]:
            positions.setdefault(ending, len(ordered))
        return [self._plan(q, i, positions) for i, q in enumerate(ordered)]

    def _plan(self, question: Question, position: int, positions: dict[str, int]) -> _Plan:
        skips: list[tuple[Getter, int, str]] = []
        for rule in question.skip_to:
            condition, target = self._compile(rule.if_), positions.get(rule.to)
            # unknown and backward targets are validation errors; ignoring them avoids loops
            if condition is not None and target is not None and target > position:
                skips.append((condition, target, rule.to))
        display, terminate = (
            self._compile(question.display_if),
            self._compile(question.terminate_if),
        )
        return _Plan(question, display, terminate, tuple(skips))

    def _context(self, answers: Any) -> Context:
        return Context(answers if isinstance(answers, Mapping) else {}, self._variables)

    # --- the path through the survey --------------------------------------------------------

    def _path(self, context: Context) -> _Path:
        shown: list[Question] = []
        position, plans = 0, self._plans
        while position < len(plans):
            plan = plans[position]
            position += 1
            if plan.display is not None and not truthy(safely(plan.display, context)):
                continue
            if plan.question.options_from and not self._options(plan.question, context.answers, 0):
                continue  # carry-forward with nothing to carry: nothing to ask
            shown.append(plan.question)
            if plan.terminate is not None and truthy(safely(plan.terminate, context)):
                return _Path(shown, terminated_by=plan.question.id)
            for condition, target, name in plan.skips:
                if truthy(safely(condition, context)):
                    if name in self._ending_ids:
                        return _Path(shown, ending=name)
                    position = target
                    break
        return _Path(shown)

    def visible_questions(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions shown to a respondent with these answers, in order.

        Honours `display_if`, `skip_to` (questions skipped over are not shown),
        `terminate_if` (nothing after a termination is shown) and carry-forward (a question
        whose `options_from` offers no option is not shown). `hidden` questions are left out.
        """
        shown = self._path(self._context(answers)).shown
        return [q for q in shown if q.type not in _UNSHOWN]

    def visible_ids(self, answers: Mapping[str, Any]) -> list[str]:
        """The ids of `visible_questions(answers)`."""
        return [q.id for q in self.visible_questions(answers)]

    def terminated(self, answers: Mapping[str, Any]) -> str | None:
        """The id of the shown question whose `terminate_if` holds, or None."""
        return self._path(self._context(answers)).terminated_by

    def ending(self, answers: Mapping[str, Any]) -> str | None:
        """The id of the survey ending a `skip_to` jumped to (e.g. `screened_out`), or None."""
        return self._path(self._context(answers)).ending

    def quotas_met(self, answers: Mapping[str, Any]) -> list[Quota]:
        """The quotas whose condition these answers meet (the respondent counts towards them)."""
        context = self._context(answers)
        return [q for q, c in self._quotas if c is not None and truthy(safely(c, context))]

    def over_quota(self, answers: Mapping[str, Any], counts: Mapping[str, int]) -> Quota | None:
        """The first quota these answers meet that is already full (`counts[id] >= limit`)."""
        for quota in self.quotas_met(answers):
            if counts.get(quota.id, 0) >= quota.limit:
                return quota
        return None

    def variable(self, name: str, answers: Mapping[str, Any]) -> Any:
        """The value of variable `name` for these answers (None for an unknown name)."""
        if name not in self._variables:
            return None
        return self._context(answers).variable(name)

    # --- options and piping ---------------------------------------------------------------

    def options_for(self, question: Question | str, answers: Mapping[str, Any]) -> list[Option]:
        """The options offered: carried forward (`options_from`) ones first, then its own."""
        target = self._question(question)
        if target is None:
            return []
        return self._options(target, answers if isinstance(answers, Mapping) else {}, 0)

    def _options(self, question: Question, answers: Mapping[str, Any], depth: int) -> list[Option]:
        source = question.options_from
        if source is None or depth > 8:
            return list(question.options)
        origin = self.questions.get(source.question)
        if origin is None:
            return list(question.options)
        chosen = _chosen_codes(answers.get(origin.id))
        carried = [
            option
            for option in self._options(origin, answers, depth + 1)
            if (option.code in chosen) == source.selected
        ]
        own = {option.code for option in question.options}
        return [o for o in carried if o.code not in own] + list(question.options)

    def _all_options(self, question: Question) -> list[Option]:
        """Every option a question could ever offer (for checking answers without context)."""
        seen: dict[str, Option] = {}
        current: Question | None = question
        for _ in range(9):
            if current is None:
                break
            for option in current.options:
                seen.setdefault(option.code, option)
            source = current.options_from
            current = self.questions.get(source.question) if source else None
        return list(seen.values())

    def pipe(self, text: str, answers: Mapping[str, Any]) -> str:
        """`text` with each `{{Q2}}` replaced by the answer (labels for choices, joined by ', ')."""
        safe_answers = answers if isinstance(answers, Mapping) else {}
        return PIPE.sub(lambda m: self._piped(m.group(1), m.group(2), safe_answers), text)

    def _piped(self, name: str, row: str | None, answers: Mapping[str, Any]) -> str:
        question = self.questions.get(name)
        if question is None:
            value = self.variable(name, answers) if row is None else None
            return "" if value is None else _display_value(value)
        value = answers.get(name)
        if row is not None:
            value = value.get(row) if isinstance(value, dict) else None
        labels = {o.code: o.label for o in self._all_options(question)}
        try:
            return _describe(value, labels, question.type == "constant_sum")
        except RecursionError:  # an absurdly nested answer has no words to pipe
            return ""

    # --- checking answers -----------------------------------------------------------------

    def _question(self, question: Question | str) -> Question | None:
        return self.questions.get(question) if isinstance(question, str) else question

    def check_answer(self, question: Question | str, value: Any) -> list[str]:
        """What is wrong with `value` as this question's answer (§ 9 shapes); [] when fine."""
        target = self._question(question)
        if target is None:
            return [f"unknown question {question}"]
        return check_value(target, value, self._all_options(target))

    def check_response(self, answers: Any, *, complete: bool) -> list[AnswerError]:
        """Every problem of a response: unknown keys and wrong shapes; when `complete`, also
        answers to questions the logic hides and required shown questions left unanswered."""
        if not isinstance(answers, Mapping):
            return [AnswerError(None, "invalid_answers", "answers must be an object")]
        errors: list[AnswerError] = []
        for key, value in answers.items():
            question = self.questions.get(key) if isinstance(key, str) else None
            if question is None:
                errors.append(AnswerError(str(key), "unknown_question", f"no question {key}"))
                continue
            for message in check_value(question, value, self._all_options(question)):
                errors.append(AnswerError(key, "invalid_answer", f"{key}: {message}"))
        if complete:
            errors += self._completion_errors(answers)
        return errors

    def _completion_errors(self, answers: Mapping[str, Any]) -> list[AnswerError]:
        shown = {q.id for q in self._path(self._context(answers)).shown}
        errors: list[AnswerError] = []
        for question in self.survey.questions():
            answered = not is_unanswered(answers.get(question.id))
            if question.type in _NOT_ANSWERED:
                continue
            if answered and question.id not in shown:
                message = f"{question.id}: answered, but the logic hides this question"
                errors.append(AnswerError(question.id, "hidden_answered", message))
            elif not answered and question.required and question.id in shown:
                message = f"{question.id}: an answer is required"
                errors.append(AnswerError(question.id, "required", message))
            elif answered and question.options_from is not None:
                errors += self._offered_errors(question, answers)
        return errors

    def _offered_errors(self, question: Question, answers: Mapping[str, Any]) -> list[AnswerError]:
        """Carry-forward: the codes chosen must be among those the respondent was offered."""
        offered = {option.code for option in self._options(question, answers, 0)}
        return [
            AnswerError(
                question.id, "invalid_answer", f"{question.id}: option {code} was not offered"
            )
            for code in sorted(_chosen_codes(answers.get(question.id)) - offered)
        ]


def _chosen_codes(answer: Any) -> set[str]:
    """The option codes an answer selects (lists, single codes, constant-sum keys > 0)."""
    if isinstance(answer, dict) and "code" not in answer:
        return {k for k, v in answer.items() if isinstance(v, int | float) and v}
    value = plain(answer)
    items = value if isinstance(value, list) else [value]
    return {item for item in items if isinstance(item, str)}


def _display_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _describe(value: Any, labels: Mapping[str, str], amounts: bool) -> str:
    """An answer as words: labels for codes, specify text where given, lists joined."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_describe(item, labels, amounts) for item in value)
    if isinstance(value, dict) and "code" in value:
        text = value.get("text")
        return text if isinstance(text, str) and text else _describe(value["code"], labels, amounts)
    if isinstance(value, dict):
        parts = [f"{labels.get(str(k), str(k))}: {_display_value(v)}" for k, v in value.items()]
        return (
            ", ".join(parts)
            if amounts
            else ", ".join(f"{k}: {_describe(v, labels, amounts)}" for k, v in value.items())
        )
    if isinstance(value, str) and value in labels:
        return labels[value]
    return _display_value(value)
