"""One delivery attempt over HTTP: sign the exact body, POST it to the checked address, read at
most `EXCERPT_BYTES` of the reply, and say what happened. Never raises for the receiver's faults.
"""

from __future__ import annotations

import base64
import secrets
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import certifi
import httpx
from standardwebhooks import Webhook

from fielder.webhooks import urls

#: The reply is read up to this many bytes (the excerpt kept in the log); the rest is dropped.
EXCERPT_BYTES = 1024
USER_AGENT = "fielder-webhooks/1"


@cache
def _tls() -> ssl.SSLContext:
    # Loading the CA bundle takes ~35 ms: once per process, not once per attempt.
    return ssl.create_default_context(cafile=certifi.where())


def new_secret() -> str:
    """A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


@dataclass(frozen=True)
class Message:
    """What to send: the event's id (the `webhook-id`), its name and the exact body text."""

    id: str
    event: str
    body: str


@dataclass(frozen=True)
class Attempt:
    """The outcome of one attempt: the status code (None when no reply), time taken, error
    (None on a 2xx) and the first bytes of the reply as text."""

    status_code: int | None
    duration_ms: int
    error: str | None
    excerpt: str | None

    @property
    def delivered(self) -> bool:
        """True on a 2xx reply."""
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        """True when the receiver answered 410 Gone (the webhook is to be disabled)."""
        return self.status_code == 410


def signed_headers(secret: str, message: Message, now: datetime | None = None) -> dict[str, str]:
    """The Standard Webhooks headers of `message` signed at `now`, plus X-Fielder-Event."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    signature = Webhook(secret).sign(message.id, moment, message.body)
    return {
        "webhook-id": message.id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signature,
        "X-Fielder-Event": message.event,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        # Compressed replies are not wanted: only raw bytes are read, and only a few.
        "Accept-Encoding": "identity",
    }


def send(
    url: str, secret: str, message: Message, *, timeout: float, allow_private: bool
) -> Attempt:
    """POST `message` to `url` once; the outcome, whatever the receiver did."""
    started = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        target = urls.target(url, allow_private)
    except urls.RefusedUrl as refused:
        return Attempt(None, took(), str(refused), None)
    try:
        status, excerpt, location = _post(target, secret, message, timeout, started + timeout)
    except httpx.TimeoutException:
        return Attempt(None, took(), f"The receiver did not answer within {timeout:g} s.", None)
    except httpx.HTTPError as error:
        return Attempt(None, took(), f"{type(error).__name__}: {error}", None)
    return Attempt(status, took(), _error(status, location), excerpt)


def _error(status: int, location: str | None) -> str | None:
    if 200 <= status < 300:
        return None
    if 300 <= status < 400:
        return f"HTTP {status}: redirect to {location or '(no Location)'} not followed."
    return f"HTTP {status}."


def _post(
    target: urls.Target, secret: str, message: Message, timeout: float, deadline: float
) -> tuple[int, str, str | None]:
    # Connect to the address that was checked, while Host and TLS name stay the URL's host.
    pinned = httpx.URL(target.url).copy_with(host=target.address)
    headers = signed_headers(secret, message)
    headers["Host"] = httpx.URL(target.url).netloc.decode("ascii")
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    with httpx.Client(
        timeout=timeout, follow_redirects=False, trust_env=False, verify=_tls()
    ) as client:
        request = client.build_request(
            "POST", pinned, content=message.body.encode("utf-8"), headers=headers,
            extensions=extensions,
        )  # fmt: skip
        reply = client.send(request, stream=True)
        try:
            excerpt = _read_capped(reply, deadline)
        finally:
            reply.close()
    return reply.status_code, excerpt, reply.headers.get("location")


def _read_capped(reply: httpx.Response, deadline: float) -> str:
    """The first EXCERPT_BYTES of the body as text; stops early when the deadline passes."""
    received = bytearray()
    for chunk in reply.iter_raw(EXCERPT_BYTES):
        received.extend(chunk)
        if len(received) >= EXCERPT_BYTES or time.monotonic() > deadline:
            break
    return bytes(received[:EXCERPT_BYTES]).decode("utf-8", errors="replace")
