"""LimeSurvey: survey structure files (.lss) exported from the IR and imported back.

`export` writes the file, `import_` reads it (ours, LimeSurvey 4+ and older files),
`expression` translates conditions to and from ExpressionScript.
"""

from fielder.platforms.limesurvey.export import LimeSurveyExporter
from fielder.platforms.limesurvey.import_ import LimeSurveyImporter

EXPORTER = LimeSurveyExporter
IMPORTER = LimeSurveyImporter

__all__ = ["EXPORTER", "IMPORTER", "LimeSurveyExporter", "LimeSurveyImporter"]
