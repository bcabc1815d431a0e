"""No input to the key endpoints gives a 500: random headers, bodies and ids."""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import OrgContext

URL = "/api/v1/api-keys"
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=10,
)
BODIES = JSON_VALUES | st.fixed_dictionaries(
    {"name": st.text(max_size=250)},
    optional={
        "scopes": st.lists(st.sampled_from(["surveys:read", "keys:write", "x", ""]), max_size=5),
        "expires_at": st.text(max_size=30) | st.just("2999-01-01T00:00:00+05:00"),
    },
)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(authorization=HEADER_TEXT, org_id=HEADER_TEXT)
def test_any_headers(client: TestClient, org: OrgContext, authorization: str, org_id: str) -> None:
    for value in (authorization, f"Bearer {authorization}"):
        response = client.get(URL, headers={"Authorization": value, "X-Org-Id": org_id})
        assert response.status_code in {400, 401, 403}
        assert "error" in response.json()


@FUZZ
@given(body=BODIES)
def test_any_body(client: TestClient, org: OrgContext, body: object) -> None:
    response = client.post(URL, headers=org.headers, json=body)
    assert response.status_code in {201, 422}, response.text


@FUZZ
@given(raw=st.binary(max_size=200))
def test_any_bytes(client: TestClient, org: OrgContext, raw: bytes) -> None:
    headers = {**org.headers, "Content-Type": "application/json"}
    response = client.post(URL, headers=headers, content=raw)
    try:
        json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        # No body at all is a missing field (422); bytes that are not JSON are malformed (400).
        assert response.status_code == (422 if raw == b"" else 400)
    else:
        assert response.status_code in {201, 422}


@FUZZ
@given(
    key_id=st.text(min_size=1, max_size=100).filter(lambda s: "/" not in s and s not in {".", ".."})
)
def test_any_key_id(client: TestClient, org: OrgContext, key_id: str) -> None:
    for method in ("GET", "DELETE"):
        response = client.request(method, f"{URL}/{quote(key_id, safe='')}", headers=org.headers)
        assert response.status_code in {404, 405}, (key_id, response.text)
