"""POST/GET /api/v1/files and survey creation by upload (API.md §§ 3–4)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from fielder.config import Settings


def _stored_files(settings: Settings) -> list[Path]:
    root = Path(settings.data_dir) / "files"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_upload_and_download(client: TestClient, org: Any, questionnaire: bytes) -> None:
    answer = client.post(
        "/api/v1/files",
        files={"file": ("coffee.txt", questionnaire, "text/plain")},
        headers=org.headers,
    )
    assert answer.status_code == 201, answer.text
    meta = answer.json()["data"]
    assert set(meta) == {"id", "name", "mime_type", "size", "sha256", "survey_id", "created_at"}
    assert meta["name"] == "coffee.txt"
    assert meta["size"] == len(questionnaire)
    assert meta["sha256"] == hashlib.sha256(questionnaire).hexdigest()
    assert meta["mime_type"] == "text/plain"
    got = client.get(f"/api/v1/files/{meta['id']}", headers=org.headers)
    assert got.json()["data"] == meta
    content = client.get(f"/api/v1/files/{meta['id']}/content", headers=org.headers)
    assert content.status_code == 200
    assert content.content == questionnaire
    assert content.headers["content-disposition"].startswith('attachment; filename="coffee.txt"')


def test_upload_docx_sample(client: TestClient, org: Any, sample_docx: bytes) -> None:
    answer = client.post(
        "/api/v1/files", files={"file": ("brand.docx", sample_docx)}, headers=org.headers
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["data"]["mime_type"].endswith("wordprocessingml.document")


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("virus.exe", b"MZ...", 415, "unsupported_file"),
        ("noextension", b"hello", 415, "unsupported_file"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100, 415, "unsupported_file"),
        ("fake.docx", b"this is not a zip at all", 422, "unreadable_file"),
        ("fake.pdf", b"hello there", 422, "unreadable_file"),
        ("empty.txt", b"", 422, "unreadable_file"),
        ("bomb.docx", None, 422, "unreadable_file"),
    ],
)
def test_refused_uploads_store_nothing(
    client: TestClient,
    org: Any,
    settings: Settings,
    name: str,
    data: bytes | None,
    status: int,
    code: str,
) -> None:
    payload = _zip_bomb() if data is None else data
    answer = client.post("/api/v1/files", files={"file": (name, payload)}, headers=org.headers)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code
    if status == 422:
        assert answer.json()["error"]["details"][0]["reason"]
    assert _stored_files(settings) == []


def test_too_large(client: TestClient, org: Any, settings: Settings) -> None:
    big = b"a" * (settings.max_upload_bytes + 10)
    answer = client.post("/api/v1/files", files={"file": ("big.txt", big)}, headers=org.headers)
    assert answer.status_code == 413
    assert _stored_files(settings) == []


def test_not_multipart_and_missing_file(client: TestClient, org: Any) -> None:
    answer = client.post("/api/v1/files", json={"file": "x"}, headers=org.headers)
    assert answer.status_code == 415
    answer = client.post("/api/v1/files", data={"survey_id": "x"}, headers=org.headers)
    assert answer.status_code in {415, 422}


def test_other_org_cannot_see_file(
    client: TestClient, org: Any, make_org: Any, questionnaire: bytes
) -> None:
    meta = client.post(
        "/api/v1/files", files={"file": ("q.txt", questionnaire)}, headers=org.headers
    ).json()["data"]
    other = make_org()
    for path in (f"/api/v1/files/{meta['id']}", f"/api/v1/files/{meta['id']}/content"):
        answer = client.get(path, headers=other.headers)
        assert answer.status_code == 404
        assert answer.json()["error"]["code"] == "file_not_found"


def test_upload_for_unknown_survey(client: TestClient, org: Any, questionnaire: bytes) -> None:
    answer = client.post(
        "/api/v1/files",
        files={"file": ("q.txt", questionnaire)},
        data={"survey_id": "nope"},
        headers=org.headers,
    )
    assert answer.status_code == 404


def test_create_survey_by_upload(client: TestClient, org: Any, questionnaire: bytes) -> None:
    answer = client.post(
        "/api/v1/surveys",
        files={"file": ("Coffee Habits.txt", questionnaire, "text/plain")},
        data={"slug": "coffee-upload", "engine": "builtin"},
        headers=org.headers,
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert body["survey_id"] == body["data"]["id"]
    assert body["file_id"] == body["data"]["file_id"] is not None
    assert body["data"]["name"] == "Coffee Habits"
    assert body["data"]["slug"] == "coffee-upload"
    assert body["data"]["status"] == "pending"
    meta = client.get(f"/api/v1/files/{body['file_id']}", headers=org.headers).json()["data"]
    assert meta["survey_id"] == body["survey_id"]


def test_create_survey_by_bad_upload(client: TestClient, org: Any, settings: Settings) -> None:
    answer = client.post(
        "/api/v1/surveys", files={"file": ("x.docx", b"not a zip")}, headers=org.headers
    )
    assert answer.status_code == 422
    assert client.get("/api/v1/surveys", headers=org.headers).json()["pagination"]["total"] == 0
    answer = client.post(
        "/api/v1/surveys",
        files={"file": ("x.txt", b"Q1. Hi?")},
        data={"mode": "robot"},
        headers=org.headers,
    )
    assert answer.status_code == 422
    assert _stored_files(settings) == []
