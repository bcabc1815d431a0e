"""The model client against the replay server: schema fallback, repair, streams, errors, cost."""

from __future__ import annotations

import json
import threading

import pytest
from pydantic import BaseModel

from fielder.engines.llm.client import (
    ORG_SLOTS,
    ModelBusy,
    ModelClient,
    ModelError,
    ModelInvalid,
    Task,
    Usage,
    cost_cents,
)
from tests.engines.llm.conftest import replay_settings
from tests.engines.llm.replay import ReplayServer


class Pick(BaseModel):
    colour: str
    count: int


def _task() -> Task[Pick]:
    return Task(name="pick", instructions="Pick a colour.", content="{}", answer=Pick)


def _reply(content: object, **extra: object) -> dict[str, object]:
    text = content if isinstance(content, str) else json.dumps(content)
    return {"content": text, "usage": {"prompt_tokens": 100, "completion_tokens": 20}} | extra


GOOD = {"colour": "green", "count": 2}


def test_a_good_answer_is_validated(replay: ReplayServer) -> None:
    replay.play([_reply(GOOD)])
    client = ModelClient(replay_settings(replay))
    assert client.ask(_task()) == Pick(colour="green", count=2)
    request = replay.requests[0]
    assert request["response_format"]["type"] == "json_schema"
    assert request["response_format"]["json_schema"]["schema"]["required"] == ["colour", "count"]
    assert request["messages"][0] == {"role": "system", "content": "Pick a colour."}
    assert request["stream_options"] == {"include_usage": True}
    assert (client.usage.prompt_tokens, client.usage.completion_tokens) == (100, 20)


def test_without_streaming(replay: ReplayServer) -> None:
    replay.play([_reply(GOOD)])
    client = ModelClient(replay_settings(replay, llm_stream=False))
    assert client.ask(_task()).count == 2
    assert "stream" not in replay.requests[0]
    assert client.usage.calls == 1


def test_a_server_without_json_schema_gets_json_object(replay: ReplayServer) -> None:
    refusal = {"status": 400, "error": "response_format json_schema is not supported"}
    replay.play([refusal, _reply(GOOD), _reply(GOOD)])
    settings = replay_settings(replay, llm_model="json-object-only")
    assert ModelClient(settings).ask(_task()).colour == "green"
    fallback = replay.requests[1]
    assert fallback["response_format"]["type"] == "json_object"
    assert fallback["response_format"]["schema"]["required"] == ["colour", "count"]
    assert '"colour"' in fallback["messages"][0]["content"]  # the schema, in the instructions
    # Remembered: the next call goes straight to json_object.
    ModelClient(settings).ask(_task())
    assert replay.requests[2]["response_format"]["type"] == "json_object"


def test_a_server_with_plain_json_object_only(replay: ReplayServer) -> None:
    refusal = {"status": 422, "error": "extra fields not permitted"}
    replay.play([refusal, refusal, _reply(GOOD), {"status": 400, "error": "bad request"}])
    settings = replay_settings(replay, llm_model="plain-json-object")
    assert ModelClient(settings).ask(_task()).colour == "green"
    assert replay.requests[2]["response_format"] == {"type": "json_object"}
    # Refused even so: a model error, not another fallback.
    with pytest.raises(ModelError, match="refused the request"):
        ModelClient(settings).ask(_task())


def test_malformed_json_is_repaired_once(replay: ReplayServer) -> None:
    replay.play([_reply('{"colour": "green", "count": '), _reply(GOOD)])
    client = ModelClient(replay_settings(replay))
    assert client.ask(_task()).count == 2
    repair = replay.requests[1]["messages"]
    assert [m["role"] for m in repair] == ["system", "user", "assistant", "user"]
    assert repair[2]["content"] == '{"colour": "green", "count": '
    assert "not valid JSON" in repair[3]["content"]
    assert client.usage.calls == 2


def test_validation_errors_are_shown_then_refused(replay: ReplayServer) -> None:
    wrong = _reply({"colour": "green", "count": "many"})
    replay.play([wrong, wrong])
    with pytest.raises(ModelInvalid) as caught:
        ModelClient(replay_settings(replay)).ask(_task())
    assert "count" in replay.requests[1]["messages"][-1]["content"]
    assert any("count" in problem for problem in caught.value.problems)


def test_a_fenced_answer_is_accepted(replay: ReplayServer) -> None:
    replay.play([_reply("```json\n" + json.dumps(GOOD) + "\n```")])
    assert ModelClient(replay_settings(replay)).ask(_task()).colour == "green"


def test_a_truncated_stream_is_a_model_error(replay: ReplayServer) -> None:
    replay.play([{"truncated": '{"colour": "gr'}])
    with pytest.raises(ModelError, match="stopped midway"):
        ModelClient(replay_settings(replay)).ask(_task())


def test_an_answer_cut_by_length_is_a_model_error(replay: ReplayServer) -> None:
    replay.play([_reply('{"colour": "green"', finish_reason="length")])
    with pytest.raises(ModelError, match="cut off"):
        ModelClient(replay_settings(replay)).ask(_task())


def test_rate_limit_is_retried_after_retry_after(replay: ReplayServer) -> None:
    limited = {"status": 429, "headers": {"retry-after": "0"}, "error": "Rate limit reached"}
    replay.play([limited, _reply(GOOD)])
    client = ModelClient(replay_settings(replay, llm_max_retries=1))
    assert client.ask(_task()).count == 2
    assert len(replay.requests) == 2


def test_persistent_rate_limit_is_a_model_error(replay: ReplayServer) -> None:
    limited = {"status": 429, "headers": {"retry-after": "0"}, "error": "Rate limit reached"}
    replay.play([limited, limited])
    with pytest.raises(ModelError, match="rate limiting"):
        ModelClient(replay_settings(replay, llm_max_retries=1)).ask(_task())


def test_a_slow_model_times_out(replay: ReplayServer) -> None:
    replay.play([_reply(GOOD, sleep=2)])
    with pytest.raises(ModelError, match="in time"):
        ModelClient(replay_settings(replay, llm_timeout_seconds=0.5)).ask(_task())


def test_server_errors_are_model_errors(replay: ReplayServer) -> None:
    replay.play([{"status": 503, "error": "overloaded"}])
    with pytest.raises(ModelError, match="503"):
        ModelClient(replay_settings(replay)).ask(_task())


def test_an_unreachable_server_is_a_model_error(replay: ReplayServer) -> None:
    settings = replay_settings(replay, llm_base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ModelError, match="could not be used"):
        ModelClient(settings).ask(_task())


def test_usage_is_estimated_when_the_server_reports_none(replay: ReplayServer) -> None:
    replay.play([{"content": json.dumps(GOOD)}])
    client = ModelClient(replay_settings(replay))
    client.ask(_task())
    assert client.usage.estimated
    assert client.usage.completion_tokens == len(json.dumps(GOOD)) // 4 + 1


def test_cost_from_the_price_table() -> None:
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=500_000)
    prices = {"m": {"input": 15.0, "output": 60.0}}
    assert cost_cents(usage, "m", prices) == 45.0
    assert cost_cents(usage, "unpriced", prices) == 0.0


def test_the_org_cap_refuses_a_call_beyond_it(replay: ReplayServer) -> None:
    settings = replay_settings(replay, llm_max_concurrent_per_org=1, llm_slot_wait_seconds=0)
    held = threading.Event()
    release = threading.Event()

    def hold_the_slot() -> None:
        with ORG_SLOTS.hold("org-busy", 1, 0):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_slot)
    holder.start()
    try:
        held.wait(10)
        with pytest.raises(ModelBusy):
            ModelClient(settings, "org-busy").ask(_task())
        # Another org is not held back.
        replay.play([_reply(GOOD)])
        assert ModelClient(settings, "org-free").ask(_task()).count == 2
    finally:
        release.set()
        holder.join()
    replay.play([_reply(GOOD)])
    assert ModelClient(settings, "org-busy").ask(_task()).count == 2


def test_a_500_naming_response_format_is_a_refusal(replay: ReplayServer) -> None:
    # llama.cpp's server answers json_schema with a 500 naming response_format.
    refusal = {"status": 500, "error": "body.response_format.type: Input should be 'text'"}
    replay.play([refusal, _reply(GOOD)])
    settings = replay_settings(replay, llm_model="llama-cpp-like")
    assert ModelClient(settings).ask(_task()).count == 2
    assert replay.requests[1]["response_format"]["type"] == "json_object"
