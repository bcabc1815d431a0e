"""Exporters and importers between the Survey IR and each platform's native file.

`registry.get_exporter(name).export(survey)` and `registry.get_importer(name).import_(data)`;
see `base` for the dialect machinery shared by every platform.
"""

from fielder.platforms.base import Exporter, Importer, ImportFailed
from fielder.platforms.registry import PLATFORMS, UnknownPlatform, get_exporter, get_importer
from fielder.platforms.result import ExportResult, ImportResult, NotCarried

__all__ = [
    "PLATFORMS",
    "ExportResult",
    "Exporter",
    "ImportFailed",
    "ImportResult",
    "Importer",
    "NotCarried",
    "UnknownPlatform",
    "get_exporter",
    "get_importer",
]
