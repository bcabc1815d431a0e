"""Integrations (API.md § 8): built-in ones per org, API connections, platform surveys."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.models.integration import Integration
from tests.conftest import MakeOrg, OrgContext
from tests.responses.conftest import Live


def _integrations(client: TestClient, org: OrgContext) -> list[dict[str, object]]:
    reply = client.get("/api/v1/integrations", headers=org.headers)
    assert reply.status_code == 200, reply.text
    data: list[dict[str, object]] = reply.json()["data"]
    return data


def test_every_org_has_hosted_and_file_integrations(client: TestClient, org: OrgContext) -> None:
    found = _integrations(client, org)
    kinds = {(item["platform"], item["kind"]) for item in found}
    assert ("fielder", "hosted") in kinds
    assert {"qualtrics", "limesurvey", "surveyjs", "xlsform"} <= {
        p for p, k in kinds if k == "file"
    }
    assert len(_integrations(client, org)) == len(found)  # made once


def test_get_one_and_other_org_404(client: TestClient, org: OrgContext, make_org: MakeOrg) -> None:
    first = _integrations(client, org)[0]
    got = client.get(f"/api/v1/integrations/{first['id']}", headers=org.headers)
    assert got.status_code == 200
    assert got.json()["data"]["id"] == first["id"]
    other = make_org()
    assert (
        client.get(f"/api/v1/integrations/{first['id']}", headers=other.headers).status_code == 404
    )
    assert client.get("/api/v1/integrations/nope", headers=org.headers).status_code == 404


def test_api_connection_credentials_encrypted(
    client: TestClient, org: OrgContext, settings: Settings
) -> None:
    body = {"platform": "qualtrics", "name": "Our brand", "credentials": {"token": "s3cr3t-token"}}
    reply = client.post("/api/v1/integrations", json=body, headers=org.headers)
    assert reply.status_code == 201, reply.text
    data = reply.json()["data"]
    assert data["kind"] == "api"
    assert "credentials" not in data
    assert "s3cr3t" not in reply.text
    with session_scope(settings) as session:
        stored = session.scalars(select(Integration).where(Integration.id == data["id"])).one()
        assert stored.credentials_encrypted
        assert "s3cr3t" not in stored.credentials_encrypted
    bad = client.post(
        "/api/v1/integrations", json={**body, "platform": "nowhere"}, headers=org.headers
    )
    assert bad.status_code == 422
    assert (
        client.post("/api/v1/integrations", json={"name": "x"}, headers=org.headers).status_code
        == 422
    )


def test_hosted_surveys_list_live_ones(client: TestClient, live: Live) -> None:
    hosted = next(i for i in _integrations(client, live.org) if i["kind"] == "hosted")
    reply = client.get(f"/api/v1/integrations/{hosted['id']}/surveys", headers=live.org.headers)
    assert reply.status_code == 200
    surveys = reply.json()["data"]
    assert [s["survey_id"] for s in surveys] == [live.survey_id]
    assert surveys[0]["url"].endswith(f"/s/{live.slug}")
    assert surveys[0]["last_pushed_at"]


def test_sources_of_another_orgs_survey_404(
    client: TestClient, live: Live, make_org: MakeOrg
) -> None:
    other = make_org()
    hosted = next(i for i in _integrations(client, other) if i["kind"] == "hosted")
    reply = client.post(
        f"/api/v1/integrations/{hosted['id']}/surveys/{live.survey_id}/sources",
        json={"name": "x"},
        headers=other.headers,
    )
    assert reply.status_code == 404
