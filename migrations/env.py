"""Alembic environment: URL from fielder's Settings, batch mode on SQLite, fielder's metadata."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import fielder.models
from fielder.config import Settings, get_settings
from fielder.db.session import make_engine

target_metadata = fielder.models.Base.metadata
config = context.config


def _settings() -> Settings:
    settings = config.attributes.get("fielder_settings")
    return settings if isinstance(settings, Settings) else get_settings()


def _configure(connection: Connection | None = None, url: str | None = None) -> None:
    is_sqlite = (url or "").startswith("sqlite") or (
        connection is not None and connection.dialect.name == "sqlite"
    )
    context.configure(
        connection=connection,
        url=url,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite,
        compare_type=True,
        literal_binds=connection is None,
    )


def run_offline() -> None:
    """Print the SQL instead of running it."""
    _configure(url=_settings().database_url)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the migrations on a connection (one given by the caller, or a new one)."""
    given = config.attributes.get("connection")
    if given is not None:
        _configure(connection=given)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_settings().database_url)
    try:
        with engine.connect() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
