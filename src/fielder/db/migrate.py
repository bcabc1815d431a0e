"""Run the Alembic migrations programmatically (serve, init, tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from fielder.config import Settings, get_settings

# src/fielder/db/migrate.py -> the repository root holds alembic.ini and migrations/.
REPO_ROOT = Path(__file__).resolve().parents[3]
MIGRATIONS_DIR = REPO_ROOT / "migrations"


def alembic_config(settings: Settings | None = None) -> Config:
    """An Alembic Config pointing at the repo's migrations and the settings' database."""
    settings = settings or get_settings()
    config = (
        Config(str(REPO_ROOT / "alembic.ini")) if (REPO_ROOT / "alembic.ini").exists() else Config()
    )
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", settings.database_url.replace("%", "%%"))
    config.attributes["fielder_settings"] = settings
    return config


def upgrade(settings: Settings | None = None, revision: str = "heads") -> None:
    """Bring the database up to `revision` (default: every head)."""
    command.upgrade(alembic_config(settings), revision)


def downgrade(settings: Settings | None = None, revision: str = "base") -> None:
    """Take the database down to `revision` (default: empty)."""
    command.downgrade(alembic_config(settings), revision)
