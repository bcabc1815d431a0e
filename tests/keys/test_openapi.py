"""The API-key schemes in OpenAPI: on every operation that takes a key, not elsewhere."""

from __future__ import annotations

from starlette.testclient import TestClient


def test_key_schemes_on_authenticated_operations_only(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["HTTPBearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key: `fk_live_…`",
    }
    assert schemes["APIKeyHeader"]["name"] == "X-Org-Id"
    assert schemes["APIKeyHeader"]["in"] == "header"
    both = [{"HTTPBearer": []}, {"APIKeyHeader": []}]
    paths = schema["paths"]
    assert paths["/api/v1/surveys"]["get"]["security"] == both
    assert paths["/api/v1/surveys"]["post"]["security"] == both
    assert paths["/api/v1/api-keys"]["get"]["security"] == both
    assert "security" not in paths["/healthz"]["get"]
    secured = [op for ops in paths.values() for op in ops.values() if "security" in op]
    assert len(secured) > 30  # every domain's operations, not a few
