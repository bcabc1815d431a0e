"""One structured call to an OpenAI-compatible chat model: JSON constrained by a schema,
validated with pydantic, repaired once by showing the model its validation errors.

The server is asked for `response_format: json_schema` first; a server that refuses it (400)
is asked for `json_object` with the schema in the instructions, and remembered as such for
the rest of the process. Answers are streamed when settings allow, so a truncated stream is
caught (no `finish_reason`) rather than parsed. Every failure of the model or of the way to
it becomes `ModelError`, which the API answers with 502 `ai_upstream_error`.
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, Final, Generic, Protocol, TypeVar, cast

import openai
from pydantic import BaseModel, ValidationError

from fielder.config import Settings

logger = logging.getLogger("fielder.llm")

Answer = TypeVar("Answer", bound=BaseModel)
Messages = list[dict[str, str]]
#: Extra checks on a parsed answer (ids that exist, patches that apply): problems, or [].
Check = Callable[[Any], list[str]]

#: The ways to ask for JSON, best first: OpenAI's `json_schema`; `json_object` with the schema
#: alongside (llama.cpp's server constrains its output to it); plain `json_object`.
FORMATS: Final = ("json_schema", "json_object_schema", "json_object")
#: (base_url, model) → the first format to try: servers that refused one (400 or 422) are
#: asked with the next one from then on.
_FIRST_FORMAT: dict[tuple[str, str], int] = {}
_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")


class ModelError(RuntimeError):
    """The model failed (unreachable, timed out, refused, rate limited, or answered badly)."""


class ModelInvalid(ModelError):
    """The model answered, twice, with something that does not validate; `problems` says why."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


class _Refused(Exception):
    """The server refused the way JSON was asked for (not the request as such)."""


class ModelBusy(ModelError):
    """This org already runs as many model calls as it may; try again shortly."""


@dataclass
class Usage:
    """Tokens used by the calls of one engine operation (estimated when the server is silent)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    estimated: bool = False

    def add(self, prompt: int, completion: int, *, estimated: bool = False) -> None:
        """Count one call."""
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        self.calls += 1
        self.estimated = self.estimated or estimated


def cost_cents(usage: Usage, model: str, prices: dict[str, dict[str, float]]) -> float:
    """The cost of `usage` by the price table (cents per million tokens); 0 for an unpriced
    model."""
    price = prices.get(model)
    if not price:
        return 0.0
    spent = usage.prompt_tokens * price.get("input", 0.0)
    spent += usage.completion_tokens * price.get("output", 0.0)
    return spent / 1_000_000


@dataclass
class Task(Generic[Answer]):
    """What one structured call asks: instructions, the input, the answer's model and checks."""

    name: str
    instructions: str
    content: str
    answer: type[Answer]
    check: Check | None = None
    schema: dict[str, Any] = field(default_factory=dict)

    def json_schema(self) -> dict[str, Any]:
        """The schema the answer is constrained to (the answer model's, unless given)."""
        return self.schema or self.answer.model_json_schema()


class Slots(Protocol):
    """Where an org's model calls take a slot: at most `cap` at once, waiting up to `wait`
    seconds for one, else `ModelBusy`; `org_id` None takes none."""

    def hold(self, org_id: str | None, cap: int, wait: float) -> AbstractContextManager[None]: ...


class _OrgSlots:
    """At most `cap` model calls at once per org in this process (a semaphore per org)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._slots: dict[tuple[str, int], threading.BoundedSemaphore] = {}

    @contextmanager
    def hold(self, org_id: str | None, cap: int, wait: float) -> Iterator[None]:
        if org_id is None:
            yield
            return
        with self._lock:
            slot = self._slots.setdefault((org_id, cap), threading.BoundedSemaphore(cap))
        if not slot.acquire(timeout=wait):
            raise ModelBusy(f"This organization already runs {cap} model calls at once.")
        try:
            yield
        finally:
            slot.release()


#: The slots of this process (scaled mode shares them through Redis: `fielder.kit.engines`).
ORG_SLOTS: Slots = _OrgSlots()


class ModelClient:
    """The configured model, used on behalf of one org (for its concurrency cap)."""

    def __init__(
        self, settings: Settings, org_id: str | None = None, slots: Slots | None = None
    ) -> None:
        if not settings.llm_model:
            raise ValueError("FIELDER_LLM_MODEL is not set.")
        self.settings = settings
        self.model: str = settings.llm_model
        self.org_id = org_id
        self.slots = slots or ORG_SLOTS
        self.usage = Usage()
        self._sdk = openai.OpenAI(
            base_url=settings.llm_base_url or None,
            # Local servers need no key; the SDK insists on one.
            api_key=settings.llm_api_key or "not-needed",
            timeout=settings.llm_timeout_seconds,
            max_retries=settings.llm_max_retries,
        )
        # A client lives for one engine operation; its kept-alive connections close with it
        # rather than whenever the collector finds their sockets (a ResourceWarning each).
        weakref.finalize(self, self._sdk.close)

    def cost_cents(self) -> float:
        """What the calls made so far cost, by the price table (0 for an unpriced model)."""
        return cost_cents(self.usage, self.model, self.settings.llm_prices)

    @property
    def server(self) -> tuple[str, str]:
        """(base URL, model): what answers this client's calls."""
        return (str(self._sdk.base_url), self.model)

    def ask(self, task: Task[Answer]) -> Answer:
        """The model's answer to `task`, validated; one repair round shows it its errors."""
        messages: Messages = [
            {"role": "system", "content": task.instructions},
            {"role": "user", "content": task.content},
        ]
        text = self._complete(task, messages)
        answer, problems = _validated(task, text)
        if answer is not None:
            return answer
        logger.info("llm %s: repairing an answer with %d problems", task.name, len(problems))
        messages += [
            {"role": "assistant", "content": text},
            {"role": "user", "content": _repair_prompt(problems)},
        ]
        text = self._complete(task, messages)
        answer, problems = _validated(task, text)
        if answer is not None:
            return answer
        raise ModelInvalid(
            f"The model's answer to '{task.name}' did not validate: " + "; ".join(problems[:5]),
            problems,
        )

    def _complete(self, task: Task[Any], messages: Messages) -> str:
        with self.slots.hold(
            self.org_id,
            self.settings.llm_max_concurrent_per_org,
            self.settings.llm_slot_wait_seconds,
        ):
            first = _FIRST_FORMAT.get(self.server, 0)
            for index in range(first, len(FORMATS)):
                last = index == len(FORMATS) - 1
                try:
                    return self._call(*_request(FORMATS[index], messages, task), refusable=not last)
                except _Refused as error:
                    logger.info("llm server refused %s (%s)", FORMATS[index], error)
                    _FIRST_FORMAT[self.server] = index + 1
            raise AssertionError("unreachable: the last format is not refusable")

    def _call(self, messages: Messages, response_format: dict[str, Any], *, refusable: bool) -> str:
        try:
            if self.settings.llm_stream:
                return self._streamed(messages, response_format)
            return self._whole(messages, response_format)
        except openai.APITimeoutError as error:
            raise ModelError("The model did not answer in time.") from error
        except openai.RateLimitError as error:
            raise ModelError("The model server is rate limiting; try again later.") from error
        except openai.APIStatusError as error:
            if not _refuses_format(error):
                raise ModelError(f"The model server answered {error.status_code}.") from error
            if refusable:
                raise _Refused(str(error)) from error
            raise ModelError(
                f"The model server refused the request ({error.status_code})."
            ) from None
        except openai.APIError as error:
            raise ModelError(f"The model server could not be used: {error}") from error

    def _whole(self, messages: Messages, response_format: dict[str, Any]) -> str:
        completion = self._sdk.chat.completions.create(
            model=self.model,
            messages=cast(Any, messages),
            response_format=cast(Any, response_format),
            temperature=0,
            max_tokens=self.settings.llm_max_tokens,
        )
        if not completion.choices:
            raise ModelError("The model returned no answer.")
        choice = completion.choices[0]
        text = choice.message.content or ""
        self._count(messages, text, completion.usage)
        if choice.finish_reason == "length":
            raise ModelError("The model's answer was cut off (too long for its limit).")
        return text

    def _streamed(self, messages: Messages, response_format: dict[str, Any]) -> str:
        stream = self._sdk.chat.completions.create(
            model=self.model,
            messages=cast(Any, messages),
            response_format=cast(Any, response_format),
            temperature=0,
            max_tokens=self.settings.llm_max_tokens,
            stream=True,
            stream_options={"include_usage": True},
        )
        pieces: list[str] = []
        finish: str | None = None
        usage: Any = None
        for chunk in stream:
            usage = chunk.usage or usage
            for choice in chunk.choices:
                pieces.append(choice.delta.content or "")
                finish = choice.finish_reason or finish
        text = "".join(pieces)
        self._count(messages, text, usage)
        if finish is None:
            raise ModelError("The model's answer stopped midway (the stream was cut).")
        if finish == "length":
            raise ModelError("The model's answer was cut off (too long for its limit).")
        return text

    def _count(self, messages: Messages, text: str, usage: Any) -> None:
        if usage is not None and usage.prompt_tokens is not None:
            self.usage.add(int(usage.prompt_tokens), int(usage.completion_tokens or 0))
            return
        # No usage reported: about four characters a token.
        sent = sum(len(m["content"]) for m in messages)
        self.usage.add(math.ceil(sent / 4), math.ceil(len(text) / 4), estimated=True)


def _refuses_format(error: openai.APIStatusError) -> bool:
    """A refusal of the request's shape: 400 or 422, or (llama.cpp's server) an error of any
    status that names `response_format`."""
    return error.status_code in {400, 422} or "response_format" in str(error)


def _request(kind: str, messages: Messages, task: Task[Any]) -> tuple[Messages, dict[str, Any]]:
    """The messages and `response_format` of one way to ask for JSON."""
    schema = task.json_schema()
    if kind == "json_schema":
        named = {"name": task.name, "schema": schema, "strict": False}
        return messages, {"type": "json_schema", "json_schema": named}
    with_text = _with_schema_text(messages, task)
    if kind == "json_object_schema":
        return with_text, {"type": "json_object", "schema": schema}
    return with_text, {"type": "json_object"}


def _with_schema_text(messages: Messages, task: Task[Any]) -> Messages:
    """For `json_object` servers: the schema goes into the instructions instead."""
    schema = json.dumps(task.json_schema(), separators=(",", ":"))
    first = messages[0] | {
        "content": f"{messages[0]['content']}\n\nReply with one JSON object matching this JSON "
        f"Schema:\n{schema}"
    }
    return [first, *messages[1:]]


def _validated(task: Task[Answer], text: str) -> tuple[Answer | None, list[str]]:
    """The parsed answer, or the problems to show the model."""
    try:
        data = json.loads(_FENCE.sub("", text))
    except json.JSONDecodeError as error:
        return None, [f"The answer is not valid JSON: {error.msg} at character {error.pos}."]
    try:
        answer = task.answer.model_validate(data)
    except ValidationError as error:
        return None, [
            f"{'/'.join(str(p) for p in problem['loc']) or '(root)'}: {problem['msg']}"
            for problem in error.errors()
        ]
    problems = task.check(answer) if task.check else []
    return (None, problems) if problems else (answer, [])


def _repair_prompt(problems: list[str]) -> str:
    listed = "\n".join(f"- {problem}" for problem in problems[:20])
    return (
        "Your answer did not validate:\n"
        f"{listed}\n"
        "Reply again with the corrected JSON object only, no other text."
    )
