"""CAPI designer specifications → Survey IR.

Tools such as Survey Solutions export (or teams hand-write) a spec where every question is a
heading `WB3 · wb_age · Numeric (integer)`: its number, its variable name and its designer type.
Below it come the read-out text (a quote), a `Code | Category` table and bullets keyed by the
designer's fields: `Enabling condition:`, `Validation:`, `On answer:`, `Categories:` (a linked
question), `Instruction:`. Conditions are written in the designer's C# (`a == 1 && !b.Contains(98)`,
`self >= 15 && self <= 49`). The keys say everything, so the blocks are read by their keys; the
variable names are the ids, since every condition names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Block as DocBlock
from fielder.documents.model import Document
from fielder.ir.models import (
    Attention,
    Block,
    Option,
    OptionsFrom,
    Question,
    Row,
    SkipRule,
    Survey,
    Validation,
)

# The designer's question types, as they open the third part of a heading.
_TYPE_WORDS = (
    r"static\s+text|text|single[\s-]*select|multi(?:ple)?[\s-]*select|categorical|numeric|"
    r"integer|decimal|date|list|combo\s*box|drop[\s-]*down|gps|barcode|qr|picture|audio|"
    r"multi[\s-]*line|yes\s*/\s*no|area|variable"
)
_HEAD_RE = re.compile(
    r"^(?P<number>[A-Za-z]{0,6}\d{1,4}[a-z]?)\s*[·•|—]\s*(?P<var>[a-z][a-z0-9]*_[a-z0-9_]+|"
    # ("S1 · Single · variable: s1_age" is a script spec's head: its type, then the name keyed)
    r"[a-z][a-z0-9_]{2,})\s*[·•|—]\s*(?!variable\s*:)(?P<kind>(?:" + _TYPE_WORDS + r")\b.*)$",
    re.I,
)
_KEY_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{2,30}?)\s*:\s*(?P<value>.+)$", re.S)
_CLAUSE_RE = re.compile(
    r"^(?P<neg>!)?\s*(?P<var>[A-Za-z_]\w*)\s*(?:\.Contains\((?P<code>-?\d+)\)|"
    r"(?P<op>==|!=|>=|<=|>|<)\s*(?P<value>-?\d+(?:\.\d+)?))$"
)
_SELF_BOUND_RE = re.compile(r"\bself\s*(?P<op>>=|<=|>|<)\s*(?P<value>-?\d+(?:\.\d+)?)")
_EXCLUSIVE_RE = re.compile(r"!\(\s*self\.Contains\((?P<code>-?\d+)\)\s*&&\s*self\.(?:Length|Count)")
_ENABLED_WHEN_RE = re.compile(
    r"\benabled\s+(?:when|if)\s+(?P<var>[A-Za-z_]\w*)\.Contains\((?P<code>-?\d+)\)", re.I
)
_LINKED_RE = re.compile(r"\b(?:categories\s+of|linked\s+to)\s+(?P<var>[A-Za-z_]\w*)", re.I)
_TERMINATE_RE = re.compile(
    r"\b(?:complete|end|close|terminate|finish)\s+(?:the\s+)?(?:interview|questionnaire|survey)\b",
    re.I,
)
_GOTO_RE = re.compile(r"\b(?:go|skip|jump)\s+to\s+(?P<to>[A-Za-z_]\w*)", re.I)
_SPECIFY_RE = re.compile(r"\bspecify\b", re.I)
# "(specify in fp_heard_oth)": a pointer to the type-in variable, not words of the answer
_SPECIFY_IN_RE = re.compile(r"\s*\(\s*specify\s+(?:in|as)\s+[A-Za-z_]\w*\s*\)", re.I)
_YES_NO_CODES_RE = re.compile(r"(?P<yes>\d+)\s*=\s*Yes\b.*?(?P<no>\d+)\s*=\s*No\b", re.I | re.S)


@dataclass
class _Item:
    """One heading of the spec and the blocks under it."""

    number: str
    var: str
    kind: str
    text: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)


def is_designer_spec(document: Document) -> bool:
    """Three or more headings written `number · variable · designer type`."""
    heads = sum(1 for block in document.blocks if _head(block))
    return heads >= 3


def _head(block: DocBlock) -> re.Match[str] | None:
    if block.kind not in ("heading", "paragraph") or len(block.text) > 160:
        return None
    return _HEAD_RE.match(collapse(block.text))


def _items(document: Document) -> list[tuple[str | None, _Item]]:
    """Each spec item with the title of the module heading above it."""
    items: list[tuple[str | None, _Item]] = []
    module: str | None = None
    current: _Item | None = None
    for block in document.blocks:
        match = _head(block)
        if match:
            current = _Item(match["number"], match["var"], collapse(match["kind"]))
            items.append((module, current))
        elif block.kind == "heading":
            module, current = collapse(block.text), None
        elif current is None:
            continue
        elif block.kind == "table":
            current.codes.extend(_code_rows(block))
        elif block.kind == "list_item":
            current.bullets.append(collapse(block.text))
        elif block.style == "Quote":
            current.text.append(collapse(block.text))
        elif block.text.strip():
            current.plain.append(collapse(block.text))
    return items


def _code_rows(block: DocBlock) -> list[tuple[str, str]]:
    """`Code | Category` rows as (code, label); other tables give nothing."""
    rows = [[cell.text.strip() for cell in row] for row in block.rows]
    if not rows or not rows[0] or rows[0][0].lower() not in ("code", "value", "#"):
        return []
    return [
        (row[0], collapse(row[1]) if len(row) > 1 else "")
        for row in rows[1:]
        if row and re.fullmatch(r"-?\d+", row[0])
    ]


def read_designer_spec(document: Document) -> Survey:
    """The survey a designer spec describes: one question per heading, in order."""
    questions: dict[str, Question] = {}
    blocks: list[Block] = []
    for module, item in _items(document):
        question = _question(item, questions)
        if question.type in ("single", "multi", "dropdown", "scale", "grid") and not (
            question.options and (question.rows or question.type != "grid")
        ):
            question.type, question.options, question.rows = "text", [], []  # no categories
            question.options_from = None
        while question.id in questions:  # a variable written twice keeps both
            question.id += "_2"
        questions[question.id] = question
        if not blocks or blocks[-1].title != module:
            blocks.append(Block(id=f"block{len(blocks) + 1}", title=module, items=[]))
        blocks[-1].items.append(question)
    return Survey(title=document.name, blocks=blocks)


def _question(item: _Item, earlier: dict[str, Question]) -> Question:
    text = " ".join(item.text) or " ".join(item.plain[:1])
    question = Question(id=clean_id(item.var), type="single", text=text)
    _typed(question, item, earlier)
    unread: list[str] = []
    for bullet in item.bullets:
        if not _apply_bullet(question, bullet, earlier):
            unread.append(bullet)
    instructions = [_value(b) for b in item.bullets if _key(b) == "instruction"]
    question.instructions = " ".join(instructions) or None
    if unread:
        question.attention = Attention(
            reason=f"{question.id}: {'; '.join(unread)} could not be read as logic; check it."
        )
    return question


def _key(bullet: str) -> str:
    match = _KEY_RE.match(bullet)
    return match["key"].strip().lower() if match else ""


def _value(bullet: str) -> str:
    match = _KEY_RE.match(bullet)
    return match["value"].strip() if match else bullet


def _typed(question: Question, item: _Item, earlier: dict[str, Question]) -> None:
    kind = item.kind.lower()
    options = _options(item.codes)
    if re.match(r"static\s+text", kind):
        question.type = "display"
    elif re.search(r"yes\s*/\s*no", kind) and re.match(r"multi", kind) and item.codes:
        yes, no = _yes_no_codes(item)
        question.type = "grid"
        question.options = [Option(code=yes, label="Yes"), Option(code=no, label="No")]
        question.rows = [Row(id=f"r{i}", label=o.label) for i, o in enumerate(options, 1)]
    elif re.match(r"multi(?:ple)?[\s-]*select", kind):
        question.type = "multi"
        question.options = options
    elif re.match(r"single|categorical|combo|drop|list", kind):
        linked = _LINKED_RE.search(item.kind + " " + " ".join(item.bullets))
        source = earlier.get(linked["var"]) if linked else None
        if not options and source is not None and source.options:
            options = _carried(source)
            question.options_from = OptionsFrom(question=source.id)
        points = _scale_points(options) if "scale" in kind or _has_blank_middle(options) else None
        question.type = (
            "scale" if points else "dropdown" if re.match(r"combo|drop", kind) else "single"
        )
        question.options = points or options
    elif re.match(r"numeric|integer|decimal", kind):
        question.type = "number"
    elif kind.startswith("date"):
        question.type = "date"
    elif re.match(r"multi[\s-]*line", kind):
        question.type = "long_text"
    else:
        question.type = "text"


def _options(codes: list[tuple[str, str]]) -> list[Option]:
    options = []
    for code, raw in codes:
        specify = bool(_SPECIFY_RE.search(raw))
        options.append(Option(code=code, label=_SPECIFY_IN_RE.sub("", raw), specify=specify))
    return options


def _carried(source: Question) -> list[Option]:
    """A linked question offers its source's categories, without the exclusive 'none' ones;
    a carried 'other' is no type-in of its own."""
    return [Option(code=o.code, label=o.label) for o in source.options if not o.exclusive]


def _has_blank_middle(options: list[Option]) -> bool:
    return (
        len(options) >= 3
        and bool(options[0].label and options[-1].label)
        and not any(o.label for o in options[1:-1])
    )


def _scale_points(options: list[Option]) -> list[Option] | None:
    """Points with words at the ends only: every point labelled, by its number where blank."""
    if len(options) < 3 or not all(o.code.lstrip("-").isdigit() for o in options):
        return None
    return [Option(code=o.code, label=o.label or o.code) for o in options]


def _yes_no_codes(item: _Item) -> tuple[str, str]:
    for bullet in item.bullets:
        match = _YES_NO_CODES_RE.search(bullet)
        if match:
            return match["yes"], match["no"]
    return "1", "0"


def _apply_bullet(question: Question, bullet: str, earlier: dict[str, Question]) -> bool:
    """Apply one keyed bullet; False when it names logic that could not be read."""
    key, value = _key(bullet), _value(bullet)
    enabled = _ENABLED_WHEN_RE.search(bullet)
    if enabled:  # a type-in variable enabled on one code marks that code's specify
        owner = question if enabled["var"] == question.id else earlier.get(enabled["var"])
        for option in owner.options if owner else []:
            option.specify = option.specify or option.code == enabled["code"]
        return True
    if key in ("enabling condition", "condition", "enabled if", "enabled when"):
        question.display_if = csharp_condition(value, earlier)
        return question.display_if is not None
    if key == "validation":
        _validation(question, value)
        return True
    if key == "on answer":
        return _on_answer(question, value, earlier)
    return True


def _validation(question: Question, value: str) -> None:
    exclusive = _EXCLUSIVE_RE.search(value)
    if exclusive:
        for option in question.options:
            option.exclusive = option.exclusive or option.code == exclusive["code"]
        return
    if question.type != "number":
        return
    bounds: dict[str, float] = {}
    for match in _SELF_BOUND_RE.finditer(value.split("—")[0].split(";")[0]):
        number = float(match["value"])
        if match["op"] in (">=", ">"):
            bounds["min"] = number + (1 if match["op"] == ">" else 0)
        else:
            bounds["max"] = number - (1 if match["op"] == "<" else 0)
    if bounds:
        question.validation = Validation(**bounds)


def _on_answer(question: Question, value: str, earlier: dict[str, Question]) -> bool:
    condition, _, action = value.partition("→")
    if not action:
        condition, _, action = value.partition("->")
    known = {**earlier, question.id: question}
    test = csharp_condition(condition, known)
    goto = _GOTO_RE.search(action)
    if test is None:
        return False
    if _TERMINATE_RE.search(action):
        question.terminate_if = test
    elif goto:
        question.skip_to.append(SkipRule.model_validate({"if": test, "to": clean_id(goto["to"])}))
    else:
        return False
    return True


def csharp_condition(text: str, questions: dict[str, Question]) -> str | None:
    """A designer's C# condition as an IR expression, or None when a part cannot be read:
    `a == 1 && !b.Contains(98)` → `a == '1' and not (b contains '98')`; a comparison of
    codes (`m > 2`) becomes the list of the question's codes it keeps."""
    parts = re.split(r"\s*(&&|\|\|)\s*", text.strip().strip("`").strip())
    out: list[str] = []
    for part in parts:
        if part in ("&&", "||"):
            out.append("and" if part == "&&" else "or")
            continue
        test = _clause(part.strip().strip("`"), questions)
        if test is None:
            return None
        out.append(test)
    return " ".join(out) or None


def _clause(part: str, questions: dict[str, Question]) -> str | None:
    match = _CLAUSE_RE.match(part)
    question = questions.get(clean_id(match["var"])) if match else None
    if match is None or question is None:
        return None
    var = question.id
    if match["code"] is not None:
        test = f"{var} contains '{match['code']}'"
        return f"not ({test})" if match["neg"] else test
    op, value = match["op"], match["value"]
    if question.type == "number":
        test = f"{var} {op} {value}"
    elif op in ("==", "!="):
        test = f"{var} {op} '{value}'"
    else:
        keep = [o.code for o in question.options if _compare(float(o.code), op, float(value))]
        if not keep or not all(re.fullmatch(r"-?\d+", o.code) for o in question.options):
            return None
        test = f"{var} in [{','.join(repr(c) for c in keep)}]"
    return f"not ({test})" if match["neg"] else test


def _compare(left: float, op: str, right: float) -> bool:
    return {
        ">": left > right,
        ">=": left >= right,
        "<": left < right,
        "<=": left <= right,
    }[op]
