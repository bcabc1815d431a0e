"""The dialect machinery every platform builds on (sqlglot's generator/dialect shape).

An `Exporter` subclass declares what its platform can hold with capability flags, runs
the IR→IR rewrites of `transforms` it needs (`PREPROCESS`), and renders each question
type with a `<type>_export` method or an entry of its `TRANSFORMS` table (merged over the
parent's). Whatever the platform cannot express is reported with `unsupported()` and ends
up in the not-carried report; the base strips it from the working copy so the renderers
only ever see what they can write. An `Importer` reads a native file back into the IR and
reports what the IR cannot hold the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from fielder.ir.expressions import ExpressionError
from fielder.ir.models import QUESTION_TYPES, Question, Survey
from fielder.platforms.logic import LogicRenderer, Untranslatable
from fielder.platforms.result import ExportResult, ImportResult, NotCarried

#: A renderer of one question type: `(exporter, question) -> platform element`.
QuestionTransform = Callable[[Any, Question], Any]

#: An IR→IR rewrite run before output: `(survey, reporter) -> survey` (see `transforms`).
Rewrite = Callable[[Survey, "Reporter"], Survey]

#: The survey-level id used in reports for features that belong to no element.
SURVEY = "survey"

_PIPE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\s*\}\}")
_NOT_IDENT = re.compile(r"[^A-Za-z0-9_]+")


class ImportFailed(Exception):
    """A native file that cannot be read at all (malformed, hostile, not this platform)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Reporter:
    """Collects the not-carried report; shared by exporters, importers and rewrites."""

    def __init__(self) -> None:
        self.not_carried: list[NotCarried] = []

    def unsupported(self, element_id: str, feature: str, reason: str) -> None:
        """Record that `feature` of `element_id` could not be carried across, and why."""
        item = NotCarried(element_id=element_id, feature=feature, reason=reason)
        if item not in self.not_carried:
            self.not_carried.append(item)

    def report(self) -> list[NotCarried]:
        """The collected report in a stable order (element, then feature)."""
        return sorted(self.not_carried, key=lambda n: (n.element_id, n.feature, n.reason))


class Exporter(Reporter):
    """Base exporter: walks the IR and dispatches each question to its renderer."""

    NAME: ClassVar[str] = ""
    FILE_EXTENSION: ClassVar[str] = ""
    MEDIA_TYPE: ClassVar[str] = "application/octet-stream"

    # Capability flags: what the platform can hold. Unsupported features are reported
    # and removed before rendering (see `_strip_unsupported`).
    QUESTION_TYPES: ClassVar[frozenset[str]] = frozenset(QUESTION_TYPES)
    SUPPORTS_RANDOMIZE_OPTIONS: ClassVar[bool] = True
    SUPPORTS_RANDOMIZE_BLOCKS: ClassVar[bool] = True
    SUPPORTS_DISPLAY_IF: ClassVar[bool] = True
    SUPPORTS_TERMINATE: ClassVar[bool] = True
    SUPPORTS_SKIP_TO: ClassVar[bool] = True
    SUPPORTS_QUOTAS: ClassVar[bool] = False
    SUPPORTS_PIPING: ClassVar[bool] = True
    SUPPORTS_CARRY_FORWARD: ClassVar[bool] = True
    SUPPORTS_VARIABLES: ClassVar[bool] = True
    SUPPORTS_VALIDATION: ClassVar[bool] = True
    SUPPORTS_SPECIFY: ClassVar[bool] = True
    SUPPORTS_EXCLUSIVE: ClassVar[bool] = True
    SUPPORTS_FIXED_OPTIONS: ClassVar[bool] = True
    SUPPORTS_INSTRUCTIONS: ClassVar[bool] = True
    SUPPORTS_ENDINGS: ClassVar[bool] = True
    SUPPORTS_EXTENSIONS: ClassVar[bool] = False
    #: Why end screens are not carried when `SUPPORTS_ENDINGS` is off (`{name}`: NAME).
    NO_ENDINGS_REASON: ClassVar[str] = "{name} has no custom end screens"

    #: Question type → renderer; merged over the parent's table by `__init_subclass__`.
    TRANSFORMS: ClassVar[dict[str, QuestionTransform]] = {}
    #: IR→IR rewrites run in order before rendering (e.g. `transforms.skip_to_display_if`).
    PREPROCESS: ClassVar[tuple[Rewrite, ...]] = ()
    #: The platform's condition syntax (see `logic`); `self.logic` is built per export.
    LOGIC: ClassVar[type[LogicRenderer]] = LogicRenderer

    logic: LogicRenderer
    current_id: str = SURVEY

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        merged: dict[str, QuestionTransform] = {}
        for klass in reversed(cls.__mro__[1:]):
            merged.update(getattr(klass, "TRANSFORMS", {}))
        merged.update(cls.__dict__.get("TRANSFORMS", {}))
        cls.TRANSFORMS = merged

    def export(self, survey: Survey) -> ExportResult:
        """Render `survey` as this platform's native file, with the not-carried report."""
        self.not_carried = []
        working = survey.model_copy(deep=True)
        for rewrite in self.PREPROCESS:
            working = rewrite(working, self)
        self._strip_unsupported(working)
        self.logic = self.LOGIC(working)
        content = self.generate(working)
        return ExportResult(
            content=content,
            file_name=self.file_name(working),
            media_type=self.MEDIA_TYPE,
            not_carried=self.report(),
        )

    def generate(self, survey: Survey) -> bytes:
        """The native file's bytes for an IR already stripped of what cannot be held."""
        raise NotImplementedError(f"{type(self).__name__} must implement generate()")

    def file_name(self, survey: Survey) -> str:
        """A file name derived from the survey title (ASCII, no spaces), with the extension."""
        stem = _NOT_IDENT.sub("-", survey.title.strip()).strip("-").lower()[:60] or "survey"
        return f"{stem}.{self.FILE_EXTENSION}" if self.FILE_EXTENSION else stem

    def question(self, question: Question) -> Any:
        """Render one question with its type's renderer; unknown types are reported, None."""
        self.current_id = question.id  # for reports from helpers that see only a text
        renderer = self.TRANSFORMS.get(question.type)
        if renderer is not None:
            return renderer(self, question)
        method = getattr(self, f"{question.type}_export", None)
        if method is None or question.type not in self.QUESTION_TYPES:
            self.unsupported(
                question.id, f"type:{question.type}", f"{self.NAME} has no {question.type} question"
            )
            return None
        return method(question)

    def condition(self, element_id: str, feature: str, text: str | None) -> str | None:
        """An IR expression in the platform's syntax; None (and reported) if untranslatable."""
        if not text:
            return None
        try:
            return self.logic.render_text(text)
        except (ExpressionError, Untranslatable) as exc:
            self.unsupported(element_id, feature, f"cannot translate {text!r}: {exc}")
            return None

    def piping(self, text: str, render: Callable[[str], str]) -> str:
        """Replace each `{{Q2}}` in `text` with `render("Q2")` (the platform's own piping).

        A name that is no question or variable of the survey is not piping: left as written.
        """
        known = self.logic.types.keys() | self.logic.variables

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            return render(name) if name.split(".")[0] in known else match.group(0)

        return _PIPE.sub(replace, text)

    def _strip_unsupported(self, survey: Survey) -> None:
        """Report and remove every feature the capability flags say the platform lacks."""
        self._strip_survey_level(survey)
        for block in survey.blocks:
            if block.randomize and not self.SUPPORTS_RANDOMIZE_BLOCKS:
                self.unsupported(block.id, "randomize", f"{self.NAME} cannot randomise questions")
                block.randomize = False
            for question in block.questions():
                self._strip_question(question)

    def _strip_survey_level(self, survey: Survey) -> None:
        if not self.SUPPORTS_QUOTAS:
            for quota in survey.quotas:
                self.unsupported(quota.id, "quota", f"{self.NAME} files carry no quotas")
            survey.quotas = []
        if not self.SUPPORTS_VARIABLES:
            for variable in survey.variables:
                self.unsupported(variable.name, "variable", f"{self.NAME} has no computed values")
            survey.variables = []
        if survey.extensions and not self.SUPPORTS_EXTENSIONS:
            self.unsupported(SURVEY, "extensions", f"{self.NAME} files carry no fielder extensions")
            survey.extensions = {}
        if not self.SUPPORTS_ENDINGS:
            for ending in survey.endings:
                reason = self.NO_ENDINGS_REASON.format(name=self.NAME)
                self.unsupported(ending.id, "ending", reason)
            survey.endings = []

    #: Question field → the capability flag that must be set for the platform to hold it.
    _QUESTION_FEATURES: ClassVar[tuple[tuple[str, str], ...]] = (
        ("randomize_options", "SUPPORTS_RANDOMIZE_OPTIONS"),
        ("display_if", "SUPPORTS_DISPLAY_IF"),
        ("terminate_if", "SUPPORTS_TERMINATE"),
        ("skip_to", "SUPPORTS_SKIP_TO"),
        ("options_from", "SUPPORTS_CARRY_FORWARD"),
        ("validation", "SUPPORTS_VALIDATION"),
        ("instructions", "SUPPORTS_INSTRUCTIONS"),
    )

    def _strip_question(self, q: Question) -> None:
        for feature, flag in self._QUESTION_FEATURES:
            if getattr(q, feature) and not getattr(self, flag):
                self.unsupported(q.id, feature, f"{self.NAME} cannot express {feature}")
                setattr(
                    q,
                    feature,
                    Question.model_fields[feature].get_default(call_default_factory=True),
                )
        self._strip_options(q)
        if not self.SUPPORTS_PIPING and _PIPE.search(q.text):
            self.unsupported(q.id, "piping", f"{self.NAME} cannot insert earlier answers")

    def _strip_options(self, q: Question) -> None:
        for option in q.options:
            for feature, supported in (
                ("specify", self.SUPPORTS_SPECIFY),
                ("exclusive", self.SUPPORTS_EXCLUSIVE),
                ("fixed", self.SUPPORTS_FIXED_OPTIONS),
            ):
                if getattr(option, feature) and not supported:
                    self.unsupported(
                        f"{q.id}.{option.code}", feature, f"{self.NAME} cannot express {feature}"
                    )
                    setattr(option, feature, False)


class Importer(Reporter):
    """Base importer: `import_(data)` reads a native file into the IR, or raises ImportFailed."""

    NAME: ClassVar[str] = ""
    #: Larger files are refused before parsing (a survey file is kilobytes, not gigabytes).
    MAX_BYTES: ClassVar[int] = 20 * 1024 * 1024

    def import_(self, data: bytes) -> ImportResult:
        """Read `data` as this platform's file; what the IR cannot hold is reported."""
        self.not_carried = []
        if len(data) > self.MAX_BYTES:
            raise ImportFailed(f"file is larger than {self.MAX_BYTES} bytes")
        if not data.strip():
            raise ImportFailed("file is empty")
        survey = self.read(data)
        return ImportResult(survey=survey, not_carried=self.report())

    def read(self, data: bytes) -> Survey:
        """Parse the bytes into a Survey; raise ImportFailed when they cannot be read."""
        raise NotImplementedError(f"{type(self).__name__} must implement read()")


def make_identifier(raw: str, taken: set[str], prefix: str = "Q") -> str:
    """An unused IR identifier for a platform's name (`"1. Age"` → `Q1_Age`), added to `taken`.

    Clashing names get `_2`, `_3`… so imported files with duplicate names still load.
    """
    base = _NOT_IDENT.sub("_", raw.strip()).strip("_") or prefix
    if not re.match(r"[A-Za-z_]", base):
        base = f"{prefix}{base}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    taken.add(candidate)
    return candidate


def unique_codes(codes: Iterable[str]) -> list[str]:
    """Option codes made unique within a question (`1, 1, 2` → `1, 1_2, 2`), order kept."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in codes:
        code = raw or "1"
        candidate, n = code, 1
        while candidate in seen:
            n += 1
            candidate = f"{code}_{n}"
        seen.add(candidate)
        result.append(candidate)
    return result
