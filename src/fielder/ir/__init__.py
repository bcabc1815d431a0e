"""The Survey IR: models, expression language, validation, evaluation and patches.

Pure: imports nothing else of fielder's, no HTTP, no database.
"""

from fielder.ir.models import (
    CHOICE_TYPES,
    QUESTION_TYPES,
    SCHEMA_ID,
    Attention,
    Block,
    Ending,
    Option,
    OptionsFrom,
    PageBreak,
    Question,
    Quota,
    Row,
    ScaleLabels,
    SkipRule,
    SourceSpan,
    Survey,
    Validation,
    Variable,
)

__all__ = [
    "CHOICE_TYPES",
    "QUESTION_TYPES",
    "SCHEMA_ID",
    "Attention",
    "Block",
    "Ending",
    "Option",
    "OptionsFrom",
    "PageBreak",
    "Question",
    "Quota",
    "Row",
    "ScaleLabels",
    "SkipRule",
    "SourceSpan",
    "Survey",
    "Validation",
    "Variable",
]
