"""The team's responses API: list, get, delete, analytics, exports, respondents."""

from __future__ import annotations

import csv
import io
from typing import Any

import openpyxl
import pyreadstat
from fastapi.testclient import TestClient

from fielder.config import Settings
from tests.conftest import MakeOrg
from tests.responses.conftest import Live, MakeLive


def _respond(
    client: TestClient, live: Live, answers: dict[str, Any], *, complete: bool = True
) -> str:
    rid: str = client.post(f"{live.public}/responses", json={}).json()["data"]["id"]
    assert (
        client.patch(f"{live.public}/responses/{rid}", json={"answers": answers}).status_code == 200
    )
    if complete:
        assert client.post(f"{live.public}/responses/{rid}/complete").status_code == 200
    return rid


def test_list_filters_and_pages(client: TestClient, live: Live) -> None:
    done = [_respond(client, live, {"S1": "2", "S2": "1"}) for _ in range(3)]
    _respond(client, live, {"S1": "2"}, complete=False)
    headers = live.org.headers
    page = client.get(f"{live.team}/responses", params={"per_page": 2}, headers=headers).json()
    assert page["pagination"] == {"page": 1, "per_page": 2, "total": 4, "total_pages": 2}
    completed = client.get(
        f"{live.team}/responses", params={"status": "completed"}, headers=headers
    ).json()
    assert sorted(r["id"] for r in completed["data"]) == sorted(done)
    synced = client.get(
        f"{live.team}/responses",
        params={"order": "updated_at", "updated_after": "2000-01-01T00:00:00Z"},
        headers=headers,
    ).json()["data"]
    stamps = [r["updated_at"] for r in synced]
    assert stamps == sorted(stamps)
    assert len(stamps) == 4
    bad = client.get(
        f"{live.team}/responses", params={"updated_after": "yesterday"}, headers=headers
    )
    assert bad.status_code == 422
    assert (
        client.get(f"{live.team}/responses", params={"status": "x"}, headers=headers).status_code
        == 422
    )


def test_get_and_other_org_404(
    client: TestClient, live: Live, make_org: MakeOrg, make_live: MakeLive
) -> None:
    rid = _respond(client, live, {"S1": "2", "S2": "1"})
    got = client.get(f"{live.team}/responses/{rid}", headers=live.org.headers)
    assert got.status_code == 200
    assert got.json()["data"]["answers"] == {"S1": "2", "S2": "1"}
    other = make_org()
    assert client.get(f"{live.team}/responses/{rid}", headers=other.headers).status_code == 404
    assert client.get(f"{live.team}/responses", headers=other.headers).status_code == 404
    sibling = make_live()
    assert (
        client.get(f"{sibling.team}/responses/{rid}", headers=live.org.headers).status_code == 404
    )
    assert client.get(f"{live.team}/responses").status_code in {400, 401}


def test_delete_decrements_the_count(client: TestClient, live: Live, settings: Settings) -> None:
    from fielder.db.session import session_scope
    from fielder.models.survey import Survey

    rid = _respond(client, live, {"S1": "2", "S2": "1"})
    _respond(client, live, {"S1": "2", "S2": "1"})
    with session_scope(settings) as session:
        assert session.get(Survey, live.survey_id).response_count == 2  # type: ignore[union-attr]
    reply = client.delete(f"{live.team}/responses/{rid}", headers=live.org.headers)
    assert reply.status_code == 204
    assert client.get(f"{live.team}/responses/{rid}", headers=live.org.headers).status_code == 404
    assert (
        client.delete(f"{live.team}/responses/{rid}", headers=live.org.headers).status_code == 404
    )
    with session_scope(settings) as session:
        assert session.get(Survey, live.survey_id).response_count == 1  # type: ignore[union-attr]


def test_analytics(client: TestClient, live: Live) -> None:
    _respond(client, live, {"S1": "2", "S2": "1", "Q4": 2})
    _respond(client, live, {"S1": "3", "S2": "2", "Q3": "great taste", "Q4": 4})
    _respond(client, live, {"S1": "1"})
    _respond(client, live, {"S1": "2"}, complete=False)
    data = client.get(f"{live.team}/analytics", headers=live.org.headers).json()["data"]
    assert data["total_responses"] == 4
    assert data["completed"] == 3
    assert data["in_progress"] == 1
    assert data["screened_out"] == 1
    assert data["completion_rate"] == 0.75
    assert data["avg_duration_seconds"] is not None
    s1 = data["questions"]["S1"]
    assert s1["options"]["2"] == {"count": 1, "percentage": 33.33}
    assert data["questions"]["Q4"]["mean"] == 3.0
    assert (data["questions"]["Q4"]["min"], data["questions"]["Q4"]["max"]) == (2, 4)
    assert data["questions"]["Q3"] == {"type": "text", "count": 1}


def test_analytics_of_lists(client: TestClient, every_type_live: Live) -> None:
    from tests.responses.ir_samples import full_answers

    _respond(client, every_type_live, full_answers())
    data = client.get(f"{every_type_live.team}/analytics", headers=every_type_live.org.headers)
    q2 = data.json()["data"]["questions"]["Q2"]
    assert q2["answered"] == 1
    assert q2["options"]["97"]["count"] == 1
    assert q2["options"]["1"]["percentage"] == 100.0
    assert data.json()["data"]["questions"]["Q3"]["rows"]["r1"]["options"]["5"]["count"] == 1


def test_csv_export(client: TestClient, live: Live) -> None:
    _respond(client, live, {"S1": "3", "S2": "2", "Q3": "=cmd|' /C calc'!A0"})
    reply = client.post(
        f"{live.team}/responses/export",
        params={"bom": 1},
        json={"format": "csv"},
        headers=live.org.headers,
    )
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/csv")
    assert (
        reply.headers["content-disposition"] == f'attachment; filename="{live.slug}-responses.csv"'
    )
    assert reply.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(reply.content.decode("utf-8-sig"))))
    assert rows[0]["answer:Q3"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["status"] == "completed"


def test_json_xlsx_sav_exports(client: TestClient, every_type_live: Live) -> None:
    from tests.responses.ir_samples import full_answers

    live = every_type_live
    _respond(client, live, full_answers())
    headers = live.org.headers
    as_json = client.post(f"{live.team}/responses/export", json={}, headers=headers)
    assert as_json.status_code == 200
    assert as_json.json()[0]["answers"]["Q4"] == 3
    xlsx = client.post(f"{live.team}/responses/export", json={"format": "xlsx"}, headers=headers)
    assert xlsx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True)
    assert list(book["responses"].iter_rows(values_only=True))[1][0]
    sav = client.post(f"{live.team}/responses/export", json={"format": "sav"}, headers=headers)
    assert sav.status_code == 200
    assert 'filename="' in sav.headers["content-disposition"]
    path = io.BytesIO(sav.content)
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".sav") as file:
        file.write(path.getvalue())
        file.flush()
        data, meta = pyreadstat.read_sav(file.name, output_format="dict")
    assert data["Q4"] == [3.0]
    assert meta.column_labels[meta.column_names.index("S1")] == "How old are you?"
    bad = client.post(f"{live.team}/responses/export", json={"format": "pdf"}, headers=headers)
    assert bad.status_code == 422


def test_respondents_invite_and_token_flow(client: TestClient, live: Live) -> None:
    headers = live.org.headers
    made = client.post(
        f"{live.team}/respondents", json={"email": "ann@example.org"}, headers=headers
    )
    assert made.status_code == 201, made.text
    respondent = made.json()["data"]
    assert respondent["status"] == "invited"
    assert respondent["url"].endswith(f"/s/{live.slug}/{respondent['token']}")
    started = client.post(
        f"{live.public}/responses", json={"respondent_token": respondent["token"]}
    )
    rid = started.json()["data"]["id"]
    listed = client.get(f"{live.team}/respondents", headers=headers).json()["data"]
    assert (listed[0]["status"], listed[0]["response_id"]) == ("opened", rid)
    client.patch(f"{live.public}/responses/{rid}", json={"answers": {"S1": "2", "S2": "1"}})
    client.post(f"{live.public}/responses/{rid}/complete")
    listed = client.get(f"{live.team}/respondents", headers=headers).json()["data"]
    assert listed[0]["status"] == "completed"
    bad = client.post(f"{live.team}/respondents", json={"email": "nope"}, headers=headers)
    assert bad.status_code == 422


def test_other_orgs_cannot_read_exports_or_analytics(
    client: TestClient, live: Live, make_org: MakeOrg
) -> None:
    other = make_org()
    export = client.post(
        f"{live.team}/responses/export", json={"format": "csv"}, headers=other.headers
    )
    assert export.status_code == 404
    assert client.get(f"{live.team}/analytics", headers=other.headers).status_code == 404
    assert (
        client.post(f"{live.team}/respondents", json={"email": "a@b.c"}, headers=other.headers)
    ).status_code == 404
    reader = make_org(scopes=["surveys:read"])
    assert client.get(f"{live.team}/responses", headers=reader.headers).status_code == 404
