"""Where webhooks may go: the address rules as a table, and the signed headers."""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook

from fielder.webhooks import urls
from fielder.webhooks.sender import Message, new_secret, signed_headers

# address, refused by default, refused even with allow_private
ADDRESSES = [
    ("8.8.8.8", False, False),
    ("2606:4700:4700::1111", False, False),
    ("127.0.0.1", True, False),
    ("127.255.0.9", True, False),
    ("::1", True, False),
    ("10.0.0.1", True, False),
    ("172.16.5.4", True, False),
    ("192.168.1.1", True, False),
    ("fd00::1", True, False),
    ("169.254.169.254", True, False),
    ("fe80::1", True, False),
    ("100.64.0.1", True, False),
    ("192.0.2.1", True, False),
    ("::ffff:127.0.0.1", True, False),
    ("::ffff:8.8.8.8", False, False),
    ("224.0.0.1", True, True),
    ("ff02::1", True, True),
    ("0.0.0.0", True, True),
    ("::", True, True),
]


@pytest.mark.parametrize(("address", "strict", "relaxed"), ADDRESSES)
def test_address_rules(address: str, strict: bool, relaxed: bool) -> None:
    ip = ipaddress.ip_address(address)
    assert (urls.refusal(ip, allow_private=False) is not None) is strict
    assert (urls.refusal(ip, allow_private=True) is not None) is relaxed


def test_a_host_with_one_refused_address_is_refused() -> None:
    mixed = [ipaddress.ip_address("8.8.8.8"), ipaddress.ip_address("10.0.0.1")]
    with pytest.raises(urls.RefusedUrl, match="10.0.0.1 is a private address"):
        urls.check_addresses("mixed.example", mixed, allow_private=False)


def test_the_target_is_the_checked_address() -> None:
    target = urls.target("https://[::1]:8443/hook?x=1", allow_private=True)
    assert (target.host, target.port, target.address, target.scheme) == (
        "::1",
        8443,
        "::1",
        "https",
    )
    with pytest.raises(urls.RefusedUrl, match="loopback"):
        urls.target("http://localhost:9/hook", allow_private=False)
    with pytest.raises(urls.RefusedUrl, match="cannot be resolved"):
        urls.target("http://hooks.invalid/x", allow_private=True)


def test_the_signature_verifies_with_the_library() -> None:
    secret = new_secret()
    message = Message(id="evt_1", event="survey.created", body='{"a":"\\u00e9"}')
    headers = signed_headers(secret, message, datetime.now(UTC))
    assert headers["X-Fielder-Event"] == "survey.created"
    assert Webhook(secret).verify(message.body.encode(), headers) == {"a": "é"}
    assert headers["webhook-signature"].startswith("v1,")
