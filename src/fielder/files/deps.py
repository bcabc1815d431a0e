"""FastAPI dependencies shared by the domains that take uploads: settings and the file store."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from fielder.config import Settings, get_settings
from fielder.kit.storage import Storage, storage_for


def request_settings(request: Request) -> Settings:
    """The app's settings (those it was created with), else the process's."""
    settings = getattr(request.app.state, "settings", None)
    return settings if isinstance(settings, Settings) else get_settings()


def get_storage(request: Request) -> Storage:
    """The file store of the app's settings."""
    return storage_for(str(request_settings(request).data_dir))


AppSettings = Annotated[Settings, Depends(request_settings)]
Store = Annotated[Storage, Depends(get_storage)]
