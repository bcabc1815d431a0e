"""A chat-completions server on 127.0.0.1 that replays scripted replies, in OpenAI's protocol.

Each request to `POST /v1/chat/completions` takes the next reply of the script:
- `{"content": "...", "usage": {...}, "finish_reason": "stop"}`: a completion, sent as one
  JSON body or, when the request asks to stream, as SSE `chat.completion.chunk` events
  (a few characters each, a usage chunk when asked, then `data: [DONE]`);
- `{"truncated": "..."}`: a stream that stops midway (no finish_reason, no [DONE]);
- `{"status": 429, "headers": {"retry-after": "0"}, "error": "..."}`: an error reply;
- `{"sleep": seconds, ...}`: waits first (for timeouts), then replies as above.
When the script is empty the server answers 500. Every request body is kept in `requests`.
Recorded exchanges live in tests/fixtures/llm/*.json as {"description", "replies": [...]}.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "llm"
CHUNK_CHARS = 7


def recorded(name: str) -> list[dict[str, Any]]:
    """The replies of the recorded exchange `tests/fixtures/llm/<name>.json`."""
    data = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    replies: list[dict[str, Any]] = data["replies"]
    return replies


class ReplayServer:
    """The server; `play(replies)` scripts it, `requests` shows what it was sent."""

    def __init__(self) -> None:
        self.replies: deque[dict[str, Any]] = deque()
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def play(self, replies: list[dict[str, Any]]) -> None:
        """Forget what came before; answer the next requests with `replies`, in order."""
        with self.lock:
            self.replies = deque(replies)
            self.requests = []

    def take(self, body: dict[str, Any]) -> dict[str, Any] | None:
        with self.lock:
            self.requests.append(body)
            return self.replies.popleft() if self.replies else None

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler(server: ReplayServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            try:
                self._reply()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first (a timeout test): nothing to tell it

        def _reply(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            reply = server.take(body)
            if reply is None:
                self._json(500, {"error": {"message": "no reply scripted", "type": "server"}})
                return
            if "sleep" in reply:
                time.sleep(float(reply["sleep"]))
            if "status" in reply:
                error = {"message": reply.get("error", "error"), "type": "error", "code": None}
                self._json(int(reply["status"]), {"error": error}, reply.get("headers", {}))
            elif "truncated" in reply:
                self._stream(body, str(reply["truncated"]), None, None, cut=True)
            elif body.get("stream"):
                self._stream(body, reply["content"], reply.get("finish_reason", "stop"), reply)
            else:
                self._json(200, _completion(body, reply))

        def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
            raw = json.dumps(data).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(raw)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(raw)

        def _stream(
            self,
            body: dict[str, Any],
            content: str,
            finish: str | None,
            reply: dict[str, Any] | None,
            cut: bool = False,
        ) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("connection", "close")
            self.end_headers()
            pieces = [content[i : i + CHUNK_CHARS] for i in range(0, len(content), CHUNK_CHARS)]
            for piece in pieces:
                self._event(_chunk(body, {"content": piece}, None))
            if cut:
                self.wfile.flush()
                self.close_connection = True
                return
            self._event(_chunk(body, {}, finish))
            wants_usage = (body.get("stream_options") or {}).get("include_usage")
            if wants_usage and reply is not None and reply.get("usage"):
                usage_chunk = _chunk(body, {}, None) | {"choices": [], "usage": reply["usage"]}
                self._event(usage_chunk)
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

        def _event(self, data: dict[str, Any]) -> None:
            self.wfile.write(b"data: " + json.dumps(data).encode() + b"\n\n")
            self.wfile.flush()

    return Handler


def _chunk(body: dict[str, Any], delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-replay",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": body.get("model", "replay"),
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _completion(body: dict[str, Any], reply: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": "chatcmpl-replay",
        "object": "chat.completion",
        "created": 0,
        "model": body.get("model", "replay"),
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply["content"]},
                "finish_reason": reply.get("finish_reason", "stop"),
            }
        ],
    }
    if reply.get("usage"):
        found["usage"] = reply["usage"]
    return found
