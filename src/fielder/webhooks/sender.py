"""One delivery attempt over HTTP: sign the exact body, POST it to the checked address, read at
most `EXCERPT_BYTES` of the reply, and say what happened. Never raises for the receiver's faults.

Attempts are async and share keep-alive connections through a `Clients` pool: one httpx client
per (scheme, host, port, checked address), so a connection is only ever reused for the host
whose address was checked, and TLS names never mix. The timeout is one deadline for the whole
attempt (connect, send, reply and excerpt), not one per stage.
"""

from __future__ import annotations

import asyncio
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
#: A checked address is used for this long before the host is resolved and checked again.
RESOLVE_TTL_SECONDS = 30.0
#: Connections kept per receiver address (lanes of one webhook are sent in parallel).
MAX_CONNECTIONS = 64


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


ClientKey = tuple[str, str, int, str]


class Clients:
    """Keep-alive httpx clients of one event loop, one per (scheme, host, port, address), and
    the checked targets of URLs for RESOLVE_TTL_SECONDS."""

    def __init__(self) -> None:
        self._clients: dict[ClientKey, httpx.AsyncClient] = {}
        self._targets: dict[tuple[str, bool], tuple[float, urls.Target]] = {}

    async def target(self, url: str, allow_private: bool) -> urls.Target:
        """The checked target of `url` (RefusedUrl when refused); DNS runs off the loop."""
        now = time.monotonic()
        known = self._targets.get((url, allow_private))
        if known is not None and known[0] > now:
            return known[1]
        parts = urls.parse(url)
        if urls._literal(parts.hostname or "") is not None:
            checked = urls.target(url, allow_private)
        else:
            checked = await asyncio.to_thread(urls.target, url, allow_private)
        if len(self._targets) > 10_000:
            self._targets.clear()
        self._targets[(url, allow_private)] = (now + RESOLVE_TTL_SECONDS, checked)
        return checked

    def client(self, target: urls.Target) -> httpx.AsyncClient:
        """The client for `target`'s host and checked address."""
        key = (target.scheme, target.host, target.port, target.address)
        client = self._clients.get(key)
        if client is None:
            limits = httpx.Limits(
                max_connections=MAX_CONNECTIONS, max_keepalive_connections=MAX_CONNECTIONS
            )
            client = httpx.AsyncClient(
                follow_redirects=False, trust_env=False, verify=_tls(), limits=limits,
                timeout=None,  # the attempt's deadline covers every stage
            )  # fmt: skip
            self._clients[key] = client
        return client

    async def aclose(self) -> None:
        """Close every connection."""
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


async def send(
    clients: Clients,
    url: str,
    secret: str,
    message: Message,
    *,
    timeout: float,
    allow_private: bool,
) -> Attempt:
    """POST `message` to `url` once, within `timeout` seconds in all; the outcome, whatever
    the receiver did."""
    started = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        async with asyncio.timeout(timeout):
            target = await clients.target(url, allow_private)
            status, excerpt, location = await _post(clients.client(target), target, secret, message)
    except urls.RefusedUrl as refused:
        return Attempt(None, took(), str(refused), None)
    except (TimeoutError, httpx.TimeoutException):
        return Attempt(None, took(), f"The receiver did not answer within {timeout:g} s.", None)
    except httpx.HTTPError as error:
        return Attempt(None, took(), f"{type(error).__name__}: {error}", None)
    except (OSError, ssl.SSLError) as error:  # raised past httpx by some transports
        return Attempt(None, took(), f"{type(error).__name__}: {error}", None)
    return Attempt(status, took(), _error(status, location), excerpt)


def send_once(
    url: str, secret: str, message: Message, *, timeout: float, allow_private: bool
) -> Attempt:
    """One attempt from synchronous code, on a loop and connection of its own."""

    async def once() -> Attempt:
        clients = Clients()
        try:
            return await send(
                clients, url, secret, message, timeout=timeout, allow_private=allow_private
            )
        finally:
            await clients.aclose()

    return asyncio.run(once())


def _error(status: int, location: str | None) -> str | None:
    if 200 <= status < 300:
        return None
    if 300 <= status < 400:
        return f"HTTP {status}: redirect to {location or '(no Location)'} not followed."
    return f"HTTP {status}."


async def _post(
    client: httpx.AsyncClient, target: urls.Target, secret: str, message: Message
) -> tuple[int, str, str | None]:
    # Connect to the address that was checked, while Host and TLS name stay the URL's host.
    url = httpx.URL(target.url)
    headers = signed_headers(secret, message)
    headers["Host"] = url.netloc.decode("ascii")
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    request = client.build_request(
        "POST", url.copy_with(host=target.address), content=message.body.encode("utf-8"),
        headers=headers, extensions=extensions,
    )  # fmt: skip
    reply = await client.send(request, stream=True)
    try:
        excerpt = await _read_capped(reply)
    finally:
        # A reply read to its end leaves the connection for the next attempt; one cut short
        # (over the cap) closes it.
        await reply.aclose()
    return reply.status_code, excerpt, reply.headers.get("location")


async def _read_capped(reply: httpx.Response) -> str:
    """The first EXCERPT_BYTES of the body as text (the caller's deadline bounds the wait)."""
    received = bytearray()
    async for chunk in reply.aiter_raw(EXCERPT_BYTES):
        received.extend(chunk)
        if len(received) >= EXCERPT_BYTES:
            break
    return bytes(received[:EXCERPT_BYTES]).decode("utf-8", errors="replace")
