"""The Survey IR: models, expression language, validation, evaluation and patches.

Pure: imports nothing else of fielder's, no HTTP, no database.
"""

from fielder.ir.evaluate import AnswerError, Evaluator
from fielder.ir.expressions import ExpressionError, parse, print_expr, references
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
from fielder.ir.patch import (
    PatchError,
    apply_json_patch,
    apply_merge_patch,
    bump_versions,
    canonical_json,
    checksum,
    diff,
    question_changes,
)
from fielder.ir.validate import InvalidSurvey, Problem, is_valid, load_survey, validate

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
    "AnswerError",
    "Evaluator",
    "ExpressionError",
    "InvalidSurvey",
    "PatchError",
    "Problem",
    "apply_json_patch",
    "apply_merge_patch",
    "bump_versions",
    "canonical_json",
    "checksum",
    "diff",
    "is_valid",
    "load_survey",
    "parse",
    "print_expr",
    "question_changes",
    "references",
    "validate",
]
