"""kit.storage: the local store for real; the S3 store only for its key building (no live
S3 in the test environment, and no home-made fake of boto3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielder.kit.storage import (
    LocalStorage,
    S3Storage,
    StorageSettings,
    check_key,
    file_key,
    make_storage,
    parse_s3_url,
)


def test_local_round_trip(tmp_path: Path) -> None:
    store = LocalStorage(tmp_path)
    store.put("org/a", b"hello")
    store.put("org/a", b"bye")
    assert store.get("org/a") == b"bye"
    store.delete("org/a")
    store.delete("org/a")
    with pytest.raises(KeyError):
        store.get("org/a")
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".upload-")]


@pytest.mark.parametrize("key", ["../etc/passwd", "/abs", "a/../b", "", "a//b", ".hidden"])
def test_unsafe_keys_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="Unsafe"):
        LocalStorage(tmp_path).put(key, b"x")
    with pytest.raises(ValueError, match="Unsafe"):
        check_key(key)


def test_file_key() -> None:
    assert file_key("org-1", "f-2") == "org-1/f-2"


def test_s3_url_and_keys() -> None:
    assert parse_s3_url("s3://bucket/some/prefix/") == ("bucket", "some/prefix")
    assert parse_s3_url("s3://bucket") == ("bucket", "")
    with pytest.raises(ValueError, match="s3://"):
        parse_s3_url("https://bucket/x")
    store = S3Storage("bucket", "/uploads/", endpoint_url="http://127.0.0.1:9")
    assert store.object_key("org/file") == "uploads/org/file"
    assert S3Storage("bucket").object_key("org/file") == "org/file"


def test_make_storage_picks_by_setting(tmp_path: Path) -> None:
    local = make_storage(tmp_path, StorageSettings(storage_url=""))
    assert isinstance(local, LocalStorage)
    assert local.root == tmp_path / "files"
    remote = make_storage(tmp_path, StorageSettings(storage_url="s3://b/p"))
    assert isinstance(remote, S3Storage)
    assert remote.bucket == "b"
