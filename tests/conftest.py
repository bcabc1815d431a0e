"""Shared fixtures: settings on a fresh database, the app, a client, a session, orgs with keys,
and a live uvicorn server.

The database is SQLite unless FIELDER_TEST_DATABASE_URL points at PostgreSQL; Redis is used when
FIELDER_TEST_REDIS_URL is set. SQLite: the migrations build one template file per test worker and
each test gets a copy. PostgreSQL: one database per worker (`fielder_test_<worker>`) built by the
migrations, its tables truncated after each test.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.orm import Session

from fielder.app import create_app
from fielder.config import Settings, get_settings
from fielder.db.migrate import upgrade
from fielder.db.session import dispose_engines, get_sessionmaker, session_scope
from fielder.keys import service as keys_service
from fielder.keys.scopes import ALL_SCOPES
from fielder.kit.ratelimit import reset_limiters
from fielder.worker.queue import forget_queues

# CI (.ci/run) runs the property tests on a fixed seed, so that a red run can be replayed and a
# green one means the same examples passed; on a developer's machine they explore.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

PG_URL = os.environ.get("FIELDER_TEST_DATABASE_URL") or None
REDIS_URL = os.environ.get("FIELDER_TEST_REDIS_URL") or None


def _worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def _postgres_database() -> str:
    """Create (afresh) and migrate this worker's PostgreSQL database; give its URL."""
    assert PG_URL is not None
    url = make_url(PG_URL).set(drivername="postgresql+psycopg")
    # The pid keeps concurrent runs (several people, several workers) apart.
    name = f"fielder_test_{_worker_id()}_{os.getpid()}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    test_url = url.set(database=name).render_as_string(hide_password=False)
    upgrade(Settings(database_url=test_url, data_dir=Path("/tmp")))
    return test_url


def _drop_postgres_database(test_url: str) -> None:
    url = make_url(test_url)
    admin = create_engine(
        url.set(database=make_url(PG_URL or "").database), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def _database_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """SQLite: the path of a migrated template file. PostgreSQL: the migrated database URL."""
    if PG_URL:
        test_url = _postgres_database()
        yield test_url
        dispose_engines()
        _drop_postgres_database(test_url)
        return
    path = tmp_path_factory.mktemp("template") / "fielder.db"
    upgrade(Settings(database_url=f"sqlite:///{path}", data_dir=path.parent))
    dispose_engines()
    yield str(path)


def _empty_all_tables(url: str) -> None:
    """Delete every row (DELETE is much faster than TRUNCATE on small tables)."""
    engine = create_engine(url)
    with engine.begin() as connection:
        # Foreign keys are not checked while emptying: every table is emptied anyway.
        connection.execute(text("SET LOCAL session_replication_role = replica"))
        for table in inspect(connection).get_table_names():
            if table != "alembic_version":
                connection.execute(text(f'DELETE FROM "{table}"'))
    engine.dispose()


@pytest.fixture
def settings(
    tmp_path: Path, _database_template: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Settings]:
    """Settings on a fresh, migrated database and a temporary data dir (env vars set to match)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    if PG_URL:
        database_url = _database_template
    else:
        shutil.copyfile(_database_template, data_dir / "fielder.db")
        database_url = f"sqlite:///{data_dir / 'fielder.db'}"
    env = {
        "FIELDER_DATA_DIR": str(data_dir),
        "FIELDER_DATABASE_URL": database_url,
        # A consumer runs in the app on Redis too; queue, counters and channels are the test's own.
        "FIELDER_EMBEDDED_WORKER": "true",
        "FIELDER_NAMESPACE": f"fielder-test-{uuid.uuid4().hex[:12]}",
    }
    if REDIS_URL:
        env["FIELDER_REDIS_URL"] = REDIS_URL
    else:
        monkeypatch.delenv("FIELDER_REDIS_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()
    dispose_engines()
    forget_queues()
    reset_limiters()
    if PG_URL:
        _empty_all_tables(database_url)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    """The fielder app on the test settings."""
    return create_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A TestClient of the app, with its lifespan running."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def session(settings: Settings) -> Iterator[Session]:
    """A session of the test database (commit yourself what the app must see)."""
    db = get_sessionmaker(settings)()
    try:
        yield db
    finally:
        db.rollback()
        db.close()


@dataclass
class OrgContext:
    """An org with one key: its id, the key's secret and id, and the headers to call the API."""

    org_id: str
    api_key: str
    key_id: str
    headers: dict[str, str] = field(default_factory=dict)


MakeOrg = Callable[..., OrgContext]


@pytest.fixture
def make_org(settings: Settings) -> MakeOrg:
    """A factory: `make_org(name="Other", scopes=None)` creates an org and a key (all scopes)."""

    def make(name: str = "Other org", scopes: list[str] | None = None) -> OrgContext:
        with session_scope(settings) as db:
            org = keys_service.create_org(db, name)
            new = keys_service.create_key(db, org.id, "test key", scopes or list(ALL_SCOPES))
            org_id, key_id = org.id, new.key.id
        headers = {"Authorization": f"Bearer {new.secret}", "X-Org-Id": org_id}
        return OrgContext(org_id=org_id, api_key=new.secret, key_id=key_id, headers=headers)

    return make


@pytest.fixture
def org(make_org: MakeOrg) -> OrgContext:
    """The test's org, with an all-scope key."""
    return make_org("Test org")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(app: FastAPI) -> Iterator[str]:
    """A real uvicorn serving the app on 127.0.0.1:<free port>; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
