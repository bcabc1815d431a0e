"""One delivery attempt over HTTP: sign the exact body, POST it to the checked address, read at
most `EXCERPT_BYTES` of the reply, and say what happened. Never raises for the receiver's faults.

Attempts are async and reuse keep-alive connections through `Clients`: connections are kept
per (scheme, host, port, checked address), so a connection is only ever reused for the host
whose address was checked, and TLS names never mix. The timeout is one deadline for the whole
attempt (connect, send, reply and excerpt), not one per stage.
"""

from __future__ import annotations

import asyncio
import base64
import secrets
import socket
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
#: An idle connection unused this long is closed (receivers drop theirs after a while too).
IDLE_SECONDS = 30.0


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
#: Headers and body go out in separate writes: without this, Nagle's algorithm holds the body
#: back until the receiver ACKs the headers, up to 40 ms per request on a kept-alive connection.
_NO_DELAY = [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)]


class Clients:
    """Keep-alive connections of one event loop, free lists of one-connection httpx clients per
    (scheme, host, port, checked address), and the checked targets of URLs for
    RESOLVE_TTL_SECONDS."""

    def __init__(self) -> None:
        self._clients: dict[ClientKey, list[tuple[float, httpx.AsyncClient]]] = {}
        self._closed_idle_at = time.monotonic()
        self._tasks: set[asyncio.Task[None]] = set()
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

    def take(self, target: urls.Target) -> tuple[ClientKey, httpx.AsyncClient]:
        """An idle client (one keep-alive connection) for `target`'s host and checked address;
        give it back with `give_back` once the reply is closed."""
        key = (target.scheme, target.host, target.port, target.address)
        self._close_idle()
        idle = self._clients.setdefault(key, [])
        if idle:
            return key, idle.pop()[1]
        # One connection per client: httpcore's pool costs O(connections × requests) per
        # request, several ms of CPU with dozens of lanes; a free list of one-connection
        # clients costs nothing.
        transport = httpx.AsyncHTTPTransport(
            verify=_tls(), trust_env=False, socket_options=_NO_DELAY,
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
        )  # fmt: skip
        client = httpx.AsyncClient(
            transport=transport, follow_redirects=False, trust_env=False,
            timeout=None,  # the attempt's deadline covers every stage
        )  # fmt: skip
        return key, client

    def give_back(self, key: ClientKey, client: httpx.AsyncClient) -> None:
        """Make `client` available again (its connection is kept alive if the reply allowed)."""
        self._clients.setdefault(key, []).append((time.monotonic(), client))

    def _close_idle(self) -> None:
        now = time.monotonic()
        if now - self._closed_idle_at < IDLE_SECONDS:
            return
        self._closed_idle_at = now
        for key, idle in list(self._clients.items()):
            fresh = [(at, client) for at, client in idle if now - at < IDLE_SECONDS]
            for _, client in idle[: len(idle) - len(fresh)]:
                self._tasks.add(task := asyncio.create_task(client.aclose()))
                task.add_done_callback(self._tasks.discard)
            if fresh:
                self._clients[key] = fresh
            else:
                del self._clients[key]

    async def aclose(self) -> None:
        """Close every connection."""
        clients = [client for idle in self._clients.values() for _, client in idle]
        self._clients = {}
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
    """POST `message` to `url` once, within `timeout` seconds in all (DNS, connect, request,
    reply); the outcome, whatever the receiver did. A status that came in time counts even when
    the rest of the reply is slower (the excerpt is then what came by the deadline)."""
    started = time.monotonic()
    deadline = asyncio.get_running_loop().time() + timeout

    def took() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        target = await asyncio.wait_for(clients.target(url, allow_private), timeout)
    except urls.RefusedUrl as refused:
        return Attempt(None, took(), str(refused), None)
    except TimeoutError:
        return Attempt(None, took(), f"The receiver did not answer within {timeout:g} s.", None)
    key, client = clients.take(target)
    try:
        try:
            async with asyncio.timeout_at(deadline):
                reply = await _post(client, target, secret, message)
        except (TimeoutError, httpx.TimeoutException):
            error = f"The receiver did not answer within {timeout:g} s."
            return Attempt(None, took(), error, None)
        except (httpx.HTTPError, OSError, ssl.SSLError) as failure:
            return Attempt(None, took(), f"{type(failure).__name__}: {failure}", None)
        try:
            excerpt = await _read_capped(reply, deadline)
        finally:
            # A reply read to its end leaves the connection for the next attempt; one cut
            # short (over the cap, or past the deadline) closes it.
            await reply.aclose()
    finally:
        clients.give_back(key, client)
    status = reply.status_code
    return Attempt(status, took(), _error(status, reply.headers.get("location")), excerpt)


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
) -> httpx.Response:
    # Connect to the address that was checked, while Host and TLS name stay the URL's host.
    url = httpx.URL(target.url)
    headers = signed_headers(secret, message)
    headers["Host"] = url.netloc.decode("ascii")
    extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
    request = client.build_request(
        "POST", url.copy_with(host=target.address), content=message.body.encode("utf-8"),
        headers=headers, extensions=extensions,
    )  # fmt: skip
    return await client.send(request, stream=True)


async def _read_capped(reply: httpx.Response, deadline: float) -> str:
    """The first EXCERPT_BYTES of the body as text, or what came of them by `deadline`."""
    received = bytearray()
    try:
        async with asyncio.timeout_at(deadline):
            async for chunk in reply.aiter_raw():  # as it comes: a chunker would hold bytes back
                received.extend(chunk)
                if len(received) >= EXCERPT_BYTES:
                    break
    except (TimeoutError, httpx.HTTPError, OSError):
        pass  # the status came in time: a reply cut short still counts, with what came
    return bytes(received[:EXCERPT_BYTES]).decode("utf-8", errors="replace")
