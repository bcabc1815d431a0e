"""The platforms fielder can export to and import from, by name.

Each platform module `fielder.platforms.<name>` defines `EXPORTER` (an `Exporter`
subclass) and `IMPORTER` (an `Importer` subclass, or None when the platform is
export-only). Modules are imported on first use, so one platform's import cost (or
breakage) never reaches another.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from fielder.platforms.base import Exporter, Importer

#: Every platform name the API and CLI accept, in the order they are documented.
PLATFORMS: tuple[str, ...] = (
    "fielder",
    "qualtrics",
    "limesurvey",
    "surveyjs",
    "xlsform",
    "decipher",
)


class UnknownPlatform(ValueError):
    """A platform name fielder does not know, or one that cannot do what was asked."""

    def __init__(self, name: str, reason: str | None = None) -> None:
        message = reason or f"unknown platform {name!r}; known: {', '.join(PLATFORMS)}"
        super().__init__(message)
        self.name = name
        self.reason = message


def _module(name: str) -> ModuleType:
    if name not in PLATFORMS:
        raise UnknownPlatform(name)
    try:
        return importlib.import_module(f"fielder.platforms.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"fielder.platforms.{name}":
            raise
        raise UnknownPlatform(name, f"platform {name!r} is not available yet") from exc


def get_exporter(name: str) -> Exporter:
    """A fresh exporter for platform `name`; raises UnknownPlatform."""
    exporter: type[Exporter] = _module(name).EXPORTER
    return exporter()


def get_importer(name: str) -> Importer:
    """A fresh importer for platform `name`; raises UnknownPlatform (also when export-only)."""
    importer: type[Importer] | None = _module(name).IMPORTER
    if importer is None:
        raise UnknownPlatform(name, f"platform {name!r} can be exported to but not imported from")
    return importer()


def available() -> list[str]:
    """The platforms whose module is installed, in `PLATFORMS` order."""
    found = []
    for name in PLATFORMS:
        try:
            _module(name)
        except UnknownPlatform:
            continue
        found.append(name)
    return found


def can_import(name: str) -> bool:
    """Whether platform `name` exists and has an importer."""
    try:
        return _module(name).IMPORTER is not None
    except UnknownPlatform:
        return False
