"""Where uploaded files' bytes live: a local folder by default, any S3-compatible store by
setting `FIELDER_STORAGE_URL=s3://bucket/prefix` (and `FIELDER_S3_ENDPOINT_URL` for MinIO,
R2, …; credentials come from boto3's usual environment/config chain)."""

from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from pydantic_settings import BaseSettings, SettingsConfigDict

_SAFE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


class StorageSettings(BaseSettings):
    """Storage settings (prefix FIELDER_); an empty `storage_url` means `data_dir/files`."""

    model_config = SettingsConfigDict(env_prefix="FIELDER_", extra="ignore")

    storage_url: str = ""
    s3_endpoint_url: str | None = None


class StorageError(Exception):
    """The store could not keep or hand back an object."""


class Storage(Protocol):
    """Bytes by key: put, get, delete. Keys are relative, slash-separated, safe."""

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key`, replacing any old value."""
        ...

    def get(self, key: str) -> bytes:
        """The bytes stored under `key`; `KeyError` when there are none."""
        ...

    def delete(self, key: str) -> None:
        """Forget `key` (no error when it is not there)."""
        ...


def check_key(key: str) -> str:
    """`key` when it is a safe relative key (no `..`, no leading slash), else ValueError."""
    if not _SAFE_KEY.match(key) or ".." in key.split("/"):
        raise ValueError(f"Unsafe storage key {key!r}.")
    return key


def file_key(org_id: str, file_id: str) -> str:
    """The key of an uploaded file: one folder per org."""
    return check_key(f"{org_id}/{file_id}")


class LocalStorage:
    """Files in a folder; writes go through a temporary file and an atomic rename."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes) -> None:
        """Store `data` under `key` (atomically: a reader never sees half a file)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise StorageError(f"Could not store {key}: {error}") from error

    def get(self, key: str) -> bytes:
        """The bytes under `key`; KeyError when missing."""
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError as error:
            raise KeyError(key) from error

    def delete(self, key: str) -> None:
        """Remove `key` if it is there."""
        self._path(key).unlink(missing_ok=True)


class S3Storage:
    """Objects in an S3-compatible bucket under a prefix, through boto3."""

    def __init__(self, bucket: str, prefix: str = "", endpoint_url: str | None = None) -> None:
        import boto3

        self.bucket = bucket
        self.prefix = prefix.strip("/")
        self.client: Any = boto3.client("s3", endpoint_url=endpoint_url)

    def object_key(self, key: str) -> str:
        """The bucket key of storage key `key` (the prefix, then the key)."""
        check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def put(self, key: str, data: bytes) -> None:
        """Upload `data` as one object."""
        self.client.put_object(Bucket=self.bucket, Key=self.object_key(key), Body=data)

    def get(self, key: str) -> bytes:
        """Download one object; KeyError when it does not exist."""
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self.object_key(key))
        except self.client.exceptions.NoSuchKey as error:
            raise KeyError(key) from error
        body: bytes = answer["Body"].read()
        return body

    def delete(self, key: str) -> None:
        """Delete one object (S3 does not mind when it is absent)."""
        self.client.delete_object(Bucket=self.bucket, Key=self.object_key(key))


def parse_s3_url(url: str) -> tuple[str, str]:
    """(bucket, prefix) of `s3://bucket/prefix`; ValueError for anything else."""
    parsed = urlparse(url)
    if parsed.scheme != "s3" or not parsed.netloc:
        raise ValueError(f"FIELDER_STORAGE_URL must look like s3://bucket/prefix, not {url!r}.")
    return parsed.netloc, parsed.path.strip("/")


def make_storage(data_dir: Path, settings: StorageSettings | None = None) -> Storage:
    """The configured store: S3 when `storage_url` is an s3:// URL, else `data_dir/files`."""
    settings = settings or StorageSettings()
    if settings.storage_url:
        bucket, prefix = parse_s3_url(settings.storage_url)
        return S3Storage(bucket, prefix, settings.s3_endpoint_url)
    return LocalStorage(Path(data_dir) / "files")


@lru_cache(maxsize=8)
def storage_for(data_dir: str) -> Storage:
    """The store for a data dir, made once (an S3 client is worth reusing)."""
    return make_storage(Path(data_dir))
