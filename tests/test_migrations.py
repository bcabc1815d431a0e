"""Migrations: up, down and up again on SQLite and PostgreSQL, and models == migrations."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, make_url, text

import fielder.models
from fielder.config import Settings
from fielder.db.migrate import alembic_config, downgrade, upgrade
from fielder.db.session import dispose_engines

PG_URL = os.environ.get("FIELDER_TEST_DATABASE_URL") or None


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Iterator[Settings]:
    yield Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'm.db'}")
    dispose_engines()


@pytest.fixture
def postgres_settings(tmp_path: Path) -> Iterator[Settings]:
    if not PG_URL:
        pytest.skip("FIELDER_TEST_DATABASE_URL is not set")
    url = make_url(PG_URL).set(drivername="postgresql+psycopg")
    name = f"fielder_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        database_url = url.set(database=name).render_as_string(hide_password=False)
        yield Settings(data_dir=tmp_path, database_url=database_url)
    finally:
        dispose_engines()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _tables(settings: Settings) -> set[str]:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def _differences(settings: Settings) -> list[object]:
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, fielder.models.Base.metadata))
    finally:
        engine.dispose()


def _round_trip(settings: Settings) -> None:
    upgrade(settings)
    assert _tables(settings) == set(fielder.models.Base.metadata.tables)
    assert _differences(settings) == []
    downgrade(settings)
    assert _tables(settings) == set()
    upgrade(settings)
    assert _differences(settings) == []


def test_sqlite_up_down_up_and_models_match(sqlite_settings: Settings) -> None:
    _round_trip(sqlite_settings)


@pytest.mark.postgres
def test_postgres_up_down_up_and_models_match(postgres_settings: Settings) -> None:
    _round_trip(postgres_settings)


def test_revisions_hang_from_the_foundation() -> None:
    script = ScriptDirectory.from_config(alembic_config(Settings()))
    bases = script.get_bases()
    assert bases == ["0001_foundation"]
    for revision in script.walk_revisions():
        assert revision.module.__doc__, f"{revision.revision} has no description"
