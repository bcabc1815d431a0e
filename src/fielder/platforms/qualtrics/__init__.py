"""Qualtrics: survey files (QSF) exported from the IR and imported back.

`export` writes the file, `import_` reads it (ours and Qualtrics' own), `logic` turns IR
conditions into Qualtrics logic objects and back.
"""

from fielder.platforms.qualtrics.export import QualtricsExporter
from fielder.platforms.qualtrics.import_ import QualtricsImporter

EXPORTER = QualtricsExporter
IMPORTER = QualtricsImporter

__all__ = ["EXPORTER", "IMPORTER", "QualtricsExporter", "QualtricsImporter"]
