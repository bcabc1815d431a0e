"""The builtin next-question engine for `mode: "ai"` surveys (API.md § 9, `POST …/next`).

It asks the survey's own questions one at a time, in order, honouring the logic through the
IR's evaluator (a question the logic hides is never asked; a termination ends the talk), and
after a very short answer to an open question it asks at most one short follow-up probe.
Pure: it reads the IR and the conversation, and remembers nothing between calls.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict

from fielder.ir.evaluate import Evaluator
from fielder.ir.models import Question, Survey

#: Open questions whose very short answers earn one probe.
OPEN_TYPES: Final = frozenset({"text", "long_text"})
#: An open answer with fewer words than this is "very short".
SHORT_ANSWER_WORDS: Final = 3
PROBE_TEXT: Final = "Could you tell me a little more about that?"
DONE_TEXT: Final = "Thank you, that is all."
NEVER_ASKED: Final = frozenset({"hidden"})


class Turn(BaseModel):
    """One turn of the conversation: the assistant asking, or the respondent answering."""

    model_config = ConfigDict(extra="allow")

    role: Literal["assistant", "respondent", "user", "system"]
    question_id: str | None = None
    text: str | None = None
    answer: Any = None
    probe: bool = False


@dataclass(frozen=True, slots=True)
class NextQuestion:
    """The next turn of an AI-led conversation (every engine's answer to `next_question`):
    what to ask, or `done` with the ending reached (`complete` or `screened_out`); `probe`
    marks a follow-up to the question `question_id`."""

    question: str
    type: str
    question_id: str | None = None
    options: list[dict[str, Any]] = field(default_factory=list)
    done: bool = False
    probe: bool = False
    ending: str | None = None


def next_question(
    survey: Survey, conversation: Sequence[Turn | Mapping[str, Any]], context: Mapping[str, Any]
) -> NextQuestion:
    """The next question to ask, given the conversation so far and `context.answers`."""
    turns = [turn if isinstance(turn, Turn) else Turn.model_validate(turn) for turn in conversation]
    answers = _answers(turns, context)
    probe = _probe(survey, turns)
    if probe is not None:
        return probe
    evaluator = Evaluator(survey)
    if evaluator.terminated(answers) is not None:
        return NextQuestion(
            question=_ending(survey, "screened_out"),
            type="display",
            done=True,
            ending="screened_out",
        )
    settled = _settled(turns, answers)
    for question in evaluator.visible_questions(answers):
        if question.type in NEVER_ASKED or question.id in settled:
            continue
        return _ask(evaluator, question, answers)
    return NextQuestion(
        question=_ending(survey, "complete"), type="display", done=True, ending="complete"
    )


def _answers(turns: list[Turn], context: Mapping[str, Any]) -> dict[str, Any]:
    given = context.get("answers")
    answers: dict[str, Any] = dict(given) if isinstance(given, Mapping) else {}
    for turn in turns:
        if _is_reply(turn) and turn.question_id and not turn.probe and turn.answer is not None:
            answers[turn.question_id] = turn.answer
    return answers


def _is_reply(turn: Turn) -> bool:
    return turn.role in {"respondent", "user"}


def _settled(turns: list[Turn], answers: Mapping[str, Any]) -> set[str]:
    """Questions answered, replied to (even with nothing), or shown if they ask nothing."""
    settled = set(answers)
    for turn in turns:
        if turn.question_id is None:
            continue
        if _is_reply(turn):
            settled.add(turn.question_id)
        elif turn.role == "assistant" and turn.probe is False:
            settled.update(_displays_asked(turn))
    return settled


def _displays_asked(turn: Turn) -> set[str]:
    extra = turn.model_extra or {}
    return {turn.question_id} if turn.question_id and extra.get("type") == "display" else set()


def _probe(survey: Survey, turns: list[Turn]) -> NextQuestion | None:
    """One follow-up after a very short open answer, if none was asked for that question yet."""
    if not turns or not _is_reply(turns[-1]) or turns[-1].probe:
        return None
    last = turns[-1]
    question = survey.question_map().get(last.question_id or "")
    if question is None or question.type not in OPEN_TYPES:
        return None
    if not isinstance(last.answer, str) or len(last.answer.split()) >= SHORT_ANSWER_WORDS:
        return None
    if any(turn.probe and turn.question_id == question.id for turn in turns):
        return None
    return NextQuestion(question=PROBE_TEXT, type="long_text", question_id=question.id, probe=True)


def _ask(evaluator: Evaluator, question: Question, answers: Mapping[str, Any]) -> NextQuestion:
    options = evaluator.options_for(question, answers)
    return NextQuestion(
        question=evaluator.pipe(question.text, answers),
        type=question.type,
        question_id=question.id,
        options=[{"code": o.code, "label": o.label} for o in options],
    )


def _ending(survey: Survey, ending_id: str) -> str:
    for ending in survey.endings:
        if ending.id == ending_id:
            return ending.text
    return DONE_TEXT
