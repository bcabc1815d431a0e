"""The Survey IR (`fielder/ir@1`) as pydantic models: the single source of truth.

Every part of fielder reads or writes these models. They check the *shape* of a
document (types, required fields, unknown fields); the *meaning* (references,
cycles, contradictions) is checked by `fielder.ir.validate`.
"""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

SCHEMA_ID: Final = "fielder/ir@1"

QuestionType = Literal[
    "display",
    "single",
    "multi",
    "dropdown",
    "scale",
    "grid",
    "text",
    "long_text",
    "number",
    "constant_sum",
    "ranking",
    "date",
    "email",
    "hidden",
]

QUESTION_TYPES: tuple[str, ...] = QuestionType.__args__  # type: ignore[attr-defined]

#: Types whose answer is chosen from `options`.
CHOICE_TYPES = frozenset({"single", "multi", "dropdown", "scale", "ranking", "constant_sum"})

#: Question ids, row ids and variable names: `Q3a`, `S1`, `INTRO`, `r2`.
IDENTIFIER = r"^[A-Za-z_][A-Za-z0-9_]*$"


class _Strict(BaseModel):
    """Base of every IR element: unknown fields are an error, names are snake_case."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, allow_inf_nan=False)


class SourceSpan(_Strict):
    """The words of the questionnaire an element came from."""

    file_id: str | None = None
    page: int | None = Field(default=None, ge=1)
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    excerpt: str | None = None


class Attention(_Strict):
    """A note that fielder was unsure; a person should look at this element."""

    reason: str
    dismissed: bool = False


class Option(_Strict):
    """One answer of a choice question (or one column of a grid)."""

    code: str = Field(min_length=1)
    label: str
    exclusive: bool = False
    specify: bool = False
    fixed: bool = False


class Row(_Strict):
    """One statement (row) of a grid."""

    id: str = Field(pattern=IDENTIFIER)
    label: str


class OptionsFrom(_Strict):
    """Carry-forward: offer the options of another question (those selected, or not)."""

    question: str
    selected: bool = True


class SkipRule(_Strict):
    """After answering, go to `to` (a question id, a block id or `end`) when `if_` holds."""

    if_: str = Field(alias="if")
    to: str


class Validation(_Strict):
    """Limits on an answer: numeric range, choice counts, text shape."""

    min: float | None = None
    max: float | None = None
    integer: bool | None = None
    min_choices: int | None = Field(default=None, ge=0)
    max_choices: int | None = Field(default=None, ge=0)
    pattern: str | None = None
    max_length: int | None = Field(default=None, ge=1)


class ScaleLabels(_Strict):
    """Words at the ends of a numeric scale."""

    min_label: str | None = None
    max_label: str | None = None


class Question(_Strict):
    """One question (or information screen) of the survey."""

    id: str = Field(pattern=IDENTIFIER)
    type: QuestionType
    text: str = ""
    instructions: str | None = None
    required: bool = True
    options: list[Option] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    multiple: bool = False
    total: float | None = None
    options_from: OptionsFrom | None = None
    randomize_options: bool = False
    display_if: str | None = None
    terminate_if: str | None = None
    skip_to: list[SkipRule] = Field(default_factory=list)
    validation: Validation | None = None
    scale: ScaleLabels | None = None
    source: SourceSpan | None = None
    attention: Attention | None = None
    version: int = Field(default=1, ge=1)


class PageBreak(_Strict):
    """A page break between questions of a block."""

    type: Literal["page_break"]


def _item_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "page_break" if kind == "page_break" else "question"


Item = Annotated[
    Annotated[Question, Tag("question")] | Annotated[PageBreak, Tag("page_break")],
    Discriminator(_item_kind),
]


class Block(_Strict):
    """A section of the survey: an ordered list of questions and page breaks."""

    id: str = Field(pattern=IDENTIFIER)
    title: str | None = None
    randomize: bool = False
    items: list[Item] = Field(default_factory=list)

    def questions(self) -> list[Question]:
        """The questions of this block, in order, without page breaks."""
        return [item for item in self.items if isinstance(item, Question)]


class Variable(_Strict):
    """A computed value other expressions can refer to by name."""

    name: str = Field(pattern=IDENTIFIER)
    expression: str


class Quota(_Strict):
    """A count of respondents meeting `condition`; past `limit`, `action` applies."""

    id: str = Field(pattern=IDENTIFIER)
    name: str
    condition: str
    limit: int = Field(ge=0)
    action: Literal["over_quota", "screened_out"] = "over_quota"


class Ending(_Strict):
    """A closing screen: `complete`, `screened_out`, `over_quota` or one of the survey's own."""

    id: str = Field(pattern=IDENTIFIER)
    text: str


class Survey(_Strict):
    """A whole survey document."""

    schema_: Literal["fielder/ir@1"] = Field(default=SCHEMA_ID, alias="schema")
    title: str = ""
    platform: str | None = None
    languages: list[str] = Field(default_factory=lambda: ["en"])
    blocks: list[Block] = Field(default_factory=list)
    variables: list[Variable] = Field(default_factory=list)
    quotas: list[Quota] = Field(default_factory=list)
    endings: list[Ending] = Field(default_factory=list)
    extensions: dict[str, Any] = Field(default_factory=dict)

    def questions(self) -> list[Question]:
        """Every question of the survey in document order."""
        return [q for block in self.blocks for q in block.questions()]

    def question_map(self) -> dict[str, Question]:
        """Questions by id (the first one wins where ids clash; validation reports clashes)."""
        found: dict[str, Question] = {}
        for question in self.questions():
            found.setdefault(question.id, question)
        return found

    def to_json(self) -> dict[str, Any]:
        """The document as plain JSON, with defaults left out and field aliases applied."""
        return {"schema": SCHEMA_ID} | self.model_dump(
            mode="json", by_alias=True, exclude_defaults=True
        )
