"""Where a webhook may send: http(s) URLs whose every address (after DNS) is a public one.

Loopback, private, link-local, multicast and other non-global addresses are refused unless
`webhook_allow_private` is set (multicast and 0.0.0.0 are refused even then). Delivery connects
to the address checked here, so a DNS answer that changes between check and send cannot sneak a
private address in.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

MAX_URL_LENGTH = 2048
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedUrl(ValueError):
    """The URL is not one fielder sends webhooks to; the message says why."""


@dataclass(frozen=True)
class Target:
    """A checked URL and the address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def parse(url: str) -> SplitResult:
    """The parts of an http(s) URL with a host and no credentials, or RefusedUrl."""
    if len(url) > MAX_URL_LENGTH:
        raise RefusedUrl(f"The URL is longer than {MAX_URL_LENGTH} characters.")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise RefusedUrl("The URL contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError as error:
        raise RefusedUrl(f"The URL is not valid: {error}.") from error
    if parts.scheme not in ("http", "https"):
        raise RefusedUrl("The URL must start with http:// or https://.")
    if not parts.hostname:
        raise RefusedUrl("The URL has no host.")
    if parts.username is not None or parts.password is not None:
        raise RefusedUrl("The URL must not carry a user name or password.")
    return parts


def refusal(address: IPAddress, allow_private: bool) -> str | None:
    """Why fielder will not send to `address`, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_multicast or address.is_unspecified:
        return f"{address} is a multicast or unspecified address"
    if allow_private or address.is_global:
        return None
    kind = (
        "loopback" if address.is_loopback
        else "link-local" if address.is_link_local
        else "private" if address.is_private
        else "non-public"
    )  # fmt: skip
    return f"{address} is a {kind} address (set FIELDER_WEBHOOK_ALLOW_PRIVATE to allow it)"


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses of `host` (an IP literal gives itself); RefusedUrl when DNS has none."""
    literal = _literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as error:
        raise RefusedUrl(f"The host {host} cannot be resolved: {error}.") from error
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    return list(dict.fromkeys(addresses))


def check_addresses(host: str, addresses: list[IPAddress], allow_private: bool) -> None:
    """RefusedUrl when any address of `host` is refused (one bad answer refuses the host)."""
    for address in addresses:
        reason = refusal(address, allow_private)
        if reason is not None:
            raise RefusedUrl(f"The host {host} is not allowed: {reason}.")


def target(url: str, allow_private: bool) -> Target:
    """The checked target of `url`: parsed, resolved, every address allowed (else RefusedUrl)."""
    parts = parse(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = resolve(host, port)
    check_addresses(host, addresses, allow_private)
    return Target(url=url, scheme=parts.scheme, host=host, port=port, address=str(addresses[0]))


def check_on_save(url: str, allow_private: bool) -> None:
    """The check when a webhook is created or changed: the URL's shape and, when the host
    resolves now, its addresses (a host that does not resolve yet fails at delivery instead)."""
    parts = parse(url)
    host = parts.hostname or ""
    try:
        addresses = resolve(host, parts.port or 443)
    except RefusedUrl:
        if _literal(host) is not None:
            raise
        return
    check_addresses(host, addresses, allow_private)
