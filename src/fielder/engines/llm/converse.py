"""The next question of an AI-led survey, chosen and worded by the model.

The survey's logic stays in charge: the rules work out which questions are still open (shown
by the logic, not yet answered) and whether the respondent was screened out; the model only
picks among the open ones, words it for a conversation, probes the last answer, or ends the
talk once no required question is left. The question's type and options always come from
the IR, so every answer stays valid. What the model gets: the survey's goal, the open
questions and the conversation so far, nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fielder.engines.conversation import DONE_TEXT, NEVER_ASKED, NextQuestion, Turn
from fielder.engines.conversation import next_question as rules_next
from fielder.engines.llm import prompts
from fielder.engines.llm.answers import ConverseAnswer, narrowed
from fielder.engines.llm.client import ModelClient, ModelInvalid, Task
from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Question, Survey

#: Turns of the conversation the model sees (the most recent ones).
RECENT_TURNS = 30


@dataclass(frozen=True, slots=True)
class PricedNextQuestion(NextQuestion):
    """A next question with what the model calls behind it cost (cents, by the price table)."""

    cost_cents: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0


def next_question(
    client: ModelClient,
    survey: Survey,
    conversation: Sequence[Mapping[str, Any]],
    context: Mapping[str, Any],
) -> NextQuestion:
    """The model's next question; the rules' own answer where there is nothing to choose."""
    turns = [Turn.model_validate(turn) for turn in conversation]
    answers = _answers(turns, context)
    evaluator = Evaluator(survey)
    open_questions = _open(evaluator, turns, answers)
    if evaluator.terminated(answers) is not None or not open_questions:
        return rules_next(survey, conversation, context)
    last = _last_answered(turns)
    if last not in survey.question_map():
        last = None  # a reply to a question this survey does not have cannot be probed
    allowed = [q.id for q in open_questions] + ([last] if last else [])
    required = {q.id for q in open_questions if q.required and q.type != "display"}
    task = Task(
        name="next_question",
        instructions=prompts.CONVERSE,
        content=_content(evaluator, open_questions, turns, answers, context),
        answer=ConverseAnswer,
        check=lambda answer: _problems(answer, [q.id for q in open_questions], last, required),
        schema=narrowed(ConverseAnswer.model_json_schema(), "question_id", allowed),
    )
    try:
        chosen = client.ask(task)
    except ModelInvalid:
        # Twice an answer that breaks the survey: the rules ask the next question instead.
        chosen = ConverseAnswer(question_id=open_questions[0].id)
    return _priced(_turn(evaluator, survey, chosen, answers), client)


def _answers(turns: list[Turn], context: Mapping[str, Any]) -> dict[str, Any]:
    given = context.get("answers")
    answers: dict[str, Any] = dict(given) if isinstance(given, Mapping) else {}
    for turn in turns:
        if turn.role in {"respondent", "user"} and turn.question_id and not turn.probe:
            if turn.answer is not None:
                answers[turn.question_id] = turn.answer
    return answers


def _open(evaluator: Evaluator, turns: list[Turn], answers: Mapping[str, Any]) -> list[Question]:
    replied = {t.question_id for t in turns if t.role in {"respondent", "user"} and t.question_id}
    shown = {
        t.question_id
        for t in turns
        if t.role == "assistant"
        and t.question_id
        and (t.model_extra or {}).get("type") == "display"
    }
    settled = set(answers) | replied | shown
    return [
        question
        for question in evaluator.visible_questions(answers)
        if question.type not in NEVER_ASKED and question.id not in settled
    ]


def _last_answered(turns: list[Turn]) -> str | None:
    """The question a probe may follow up: the last reply's, unless it was probed already."""
    if not turns or turns[-1].role not in {"respondent", "user"} or not turns[-1].question_id:
        return None
    question_id = turns[-1].question_id
    if any(turn.probe and turn.question_id == question_id for turn in turns):
        return None
    return question_id


def _content(
    evaluator: Evaluator,
    open_questions: list[Question],
    turns: list[Turn],
    answers: Mapping[str, Any],
    context: Mapping[str, Any],
) -> str:
    config = context.get("ai_config")
    config = config if isinstance(config, Mapping) else {}
    described = []
    for question in open_questions:
        item: dict[str, Any] = {
            "id": question.id,
            "type": question.type,
            "text": evaluator.pipe(question.text, answers),
            "required": question.required,
        }
        options = evaluator.options_for(question, answers)
        if options:
            item["options"] = [o.label for o in options]
        described.append(item)
    talk = [
        turn.model_dump(include={"role", "question_id", "text", "answer"}, exclude_none=True)
        for turn in turns[-RECENT_TURNS:]
    ]
    return json.dumps(
        {
            "goal": config.get("goal") or "",
            "tone": config.get("tone") or "friendly",
            "target_questions": config.get("target_questions"),
            "open_questions": described,
            "conversation": talk,
        },
        default=str,
    )


def _problems(
    answer: ConverseAnswer, open_ids: list[str], last: str | None, required: set[str]
) -> list[str]:
    if answer.done:
        if required:
            return [f"not done: required questions are still open ({', '.join(sorted(required))})"]
        return []
    if answer.probe:
        return [] if answer.question_id == last else [f"a probe must follow up question {last}"]
    if answer.question_id not in open_ids:
        return [f"question_id must be one of the open questions: {', '.join(open_ids)}"]
    return []


def _turn(
    evaluator: Evaluator, survey: Survey, chosen: ConverseAnswer, answers: Mapping[str, Any]
) -> NextQuestion:
    if chosen.done:
        text = next((e.text for e in survey.endings if e.id == "complete"), DONE_TEXT)
        return NextQuestion(question=text, type="display", done=True, ending="complete")
    question = survey.question_map()[chosen.question_id or ""]
    wording = chosen.question.strip()[:500]
    if chosen.probe:
        text = wording or "Could you tell me a little more about that?"
        return NextQuestion(question=text, type="long_text", question_id=question.id, probe=True)
    options = evaluator.options_for(question, answers)
    return NextQuestion(
        question=wording or evaluator.pipe(question.text, answers),
        type=question.type,
        question_id=question.id,
        options=[{"code": o.code, "label": o.label} for o in options],
    )


def _priced(found: NextQuestion, client: ModelClient) -> PricedNextQuestion:
    usage = client.usage
    return PricedNextQuestion(
        question=found.question,
        type=found.type,
        question_id=found.question_id,
        options=found.options,
        done=found.done,
        probe=found.probe,
        ending=found.ending,
        cost_cents=client.cost_cents(),
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
    )
