"""Questionnaires delivered as a data codebook → Survey IR.

Data teams often send the questionnaire as its codebook: one block per variable with keyed
lines (`VARIABLE q5_commute`, `LABEL …`, `QUESTION TEXT …`, `TYPE numeric range 15-110`,
`VALUES 1 "Yes"`, `MISSING 9`, `UNIVERSE q4_work = 1, 2 or 3`, `ACTION q1 = 2: TERMINATE`).
The keys say everything, so the blocks are read by their keys rather than by the layout rules.
Variables with no question text (system, derived, verbatim companions) are not questions;
items of a battery header (`q7a` … under `q7`) are its rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Document
from fielder.ir.models import (
    Attention,
    Block,
    Option,
    Question,
    Row,
    SkipRule,
    Survey,
    Validation,
)

# Each key in the spellings codebooks use; the canonical name first.
_KEYS: dict[str, tuple[str, ...]] = {
    "variable": ("VARIABLE", "VARIABLE NAME", "VAR", "VARNAME"),
    "label": ("LABEL", "VARIABLE LABEL", "VAR LABEL", "DESCRIPTION"),
    "text": ("QUESTION TEXT", "QUESTION", "WORDING", "QUESTION WORDING", "ITEM TEXT"),
    "type": ("TYPE", "FORMAT", "MEASURE", "RESPONSE TYPE"),
    "values": ("VALUES", "VALUE LABELS", "CODES", "CATEGORIES", "RESPONSES"),
    "missing": ("MISSING", "MISSING VALUES"),
    "universe": ("UNIVERSE", "BASE", "ASKED OF", "FILTER", "ASK IF"),
    "action": ("ACTION", "ROUTING", "SKIP", "SKIP PATTERN"),
}
_KEY_OF = {spelling: key for key, spellings in _KEYS.items() for spelling in spellings}
_KEY_RE = re.compile(
    r"^(?P<key>"
    + "|".join(sorted((re.escape(s) for s in _KEY_OF), key=len, reverse=True))
    + r")(?:\s*:\s*|\s{2,}|\t+)(?P<value>\S.*)?$",
    re.I,
)
_RULE_RE = re.compile(r"^[=\-_*#~]{10,}$")
_OPTIONS_KEY_RE = re.compile(
    r"^(?:answer\s+|response\s+)?(?:options|choices|answers|opzioni|opciones|réponses)\s*:", re.I
)
_VALUE_RE = re.compile(
    r"(?P<code>-?\d+)\s*(?:=\s*|\s+)(?:\"(?P<q2>[^\"]*)\"|'(?P<q1>[^']*)'|(?P<bare>[^\"'\d=].*))"
)
_QUOTED_VALUES_RE = re.compile(r"(-?\d+)\s*=?\s*[\"“]([^\"”]*)[\"”]")
_RANGE_RE = re.compile(r"(-?\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(-?\d+(?:\.\d+)?)")
_WIDTH_RE = re.compile(r"\bA\s?(\d+)\b")
_NOTE_RE = re.compile(r"\s*\[(?!\s*(?:INSERT|PIPE|NAME)\b)[^\[\]]*\]")
_EXCLUSIVE_NOTE_RE = re.compile(r"\b(?:single\s+code|exclusive|only)\b", re.I)
_NONE_RE = re.compile(r"^(?:none|nothing|no\s+one|neither)\b", re.I)
_SPECIFY_RE = re.compile(r"\b(?:specify|please\s+say|write\s+in)\b", re.I)
_NOT_ASKED_RE = re.compile(r"\b(?:system|derived|not\s+asked|computed|calculated)\b", re.I)
_CLAUSE_RE = re.compile(
    r"^(?P<var>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<op>=|==|<>|!=|>=|<=|>|<)\s*(?P<values>.+)$"
)
_ACTION_RE = re.compile(r"^(?P<cond>[^:]+):\s*(?P<what>.+)$")
_GOTO_RE = re.compile(r"\b(?:GO\s*TO|SKIP\s+TO|JUMP\s+TO|CONTINUE\s+(?:AT|WITH))\s+(\w+)", re.I)
_TERMINATE_RE = re.compile(r"\b(?:TERMINATE|SCREEN\s*OUT|END\s+(?:THE\s+)?INTERVIEW|CLOSE)\b", re.I)


@dataclass
class _Variable:
    fields: dict[str, list[str]] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return collapse(" ".join(self.fields.get(key, [])))

    @property
    def name(self) -> str:
        return self.get("variable").split(" ")[0] if self.get("variable") else ""


def is_codebook(document: Document) -> bool:
    """True when the document is a codebook: several blocks that each open with a variable
    name, with question text in them. A keyed spec listing answer options (`Options:`) is
    not one: the layout rules read those."""
    counts = {"variable": 0, "text": 0}
    opened = False
    for block in document.blocks:
        text = block.text.strip()
        if _OPTIONS_KEY_RE.match(text):
            return False
        match = _KEY_RE.match(text)
        key = _KEY_OF[match["key"].upper()] if match else None
        if key == "variable" and match and match["value"]:
            counts["variable"] += 1
            opened = True
        elif key == "text" and match and match["value"]:
            if not opened:
                return False  # question text outside a variable's block
            counts["text"] += 1
    return counts["variable"] >= 3 and counts["text"] >= 2


def _variables(document: Document) -> list[_Variable]:
    variables: list[_Variable] = []
    key: str | None = None
    for block in document.blocks:
        text = block.text.strip()
        if not text or _RULE_RE.match(text):
            key = None if _RULE_RE.match(text or "-" * 10) else key
            continue
        match = _KEY_RE.match(text)
        if match:
            key = _KEY_OF[match["key"].upper()]
            if key == "variable":
                variables.append(_Variable())
            if variables:
                variables[-1].fields.setdefault(key, []).append(match["value"] or "")
        elif key and variables:
            variables[-1].fields[key].append(text)
    return [v for v in variables if v.name]


def _values(variable: _Variable) -> list[tuple[str, str]]:
    lines = variable.fields.get("values", [])
    values: list[tuple[str, str]] = []
    for line in lines:
        quoted = _QUOTED_VALUES_RE.findall(line)
        if quoted:
            values.extend((code, collapse(label)) for code, label in quoted)
            continue
        # "1 = Yes   2 = No": several unquoted values on a line, a wide gap apart
        for piece in re.split(r"\s{2,}(?=-?\d+\s*=)", line.strip()):
            match = _VALUE_RE.match(piece)
            if match:
                label = match["q2"] or match["q1"] or match["bare"] or ""
                values.append((match["code"], collapse(label)))
    # a value written twice (a line repeated) is one answer: the IR's codes are unique
    first: dict[str, str] = {}
    for code, label in values:
        first.setdefault(code, label)
    return list(first.items())


def _options(values: list[tuple[str, str]], multi: bool) -> list[Option]:
    options = []
    for code, raw in values:
        notes = " ".join(re.findall(r"\[([^\[\]]*)\]", raw))
        label = collapse(_NOTE_RE.sub("", raw))
        exclusive = bool(notes and _EXCLUSIVE_NOTE_RE.search(notes)) or (
            multi and bool(_NONE_RE.match(label))
        )
        specify = bool(_SPECIFY_RE.search(label))
        options.append(Option(code=code, label=label, exclusive=exclusive, specify=specify))
    return options


def _scale_points(options: list[Option], low: int, high: int) -> list[Option] | None:
    """`numeric 0-10` with words at some points only: every point, numbers as labels."""
    by_code = {o.code: o for o in options}
    inside = [o for o in options if o.code.lstrip("-").isdigit() and low <= int(o.code) <= high]
    if high - low < 2 or high - low > 20 or len(inside) >= high - low + 1:
        return None
    points = [
        by_code.get(str(n)) or Option(code=str(n), label=str(n)) for n in range(low, high + 1)
    ]
    return points + [o for o in options if o not in inside]


def _typed(question: Question, variable: _Variable, values: list[tuple[str, str]]) -> None:
    kind = variable.get("type").lower()
    span = _RANGE_RE.search(kind)
    if re.search(r"\b(?:screen|no\s+data|display|info(?:rmation)?|statement)\b", kind):
        question.type = "display"
    elif re.search(r"\b(?:battery|grid|matrix)\b", kind):
        question.type = "grid"
        question.options = _options(values, False)
    elif re.search(r"\bmulti(?:ple)?\b", kind):
        question.type = "multi"
        question.options = _options(values, True)
    elif re.search(r"\b(?:string|text|verbatim|open|alpha)\b", kind):
        width = _WIDTH_RE.search(variable.get("type"))
        if "email" in kind:
            question.type = "email"
        elif re.search(r"\bverbatim|open\b", kind) or (width and int(width[1]) >= 200):
            question.type = "long_text"
        else:
            question.type = "text"
    elif "date" in kind:
        question.type = "date"
    elif values:
        options = _options(values, False)
        points = _scale_points(options, int(span[1]), int(span[2])) if span else None
        question.type = "scale" if points else "dropdown" if "drop" in kind else "single"
        question.options = points or options
    else:
        question.type = "number"
        if span:
            question.validation = Validation(min=float(span[1]), max=float(span[2]))


def _condition(text: str, types: dict[str, str]) -> str | None:
    """`q4_work = 1, 2 or 3` → `q4_work in ['1','2','3']`; `q2_age < 18` stays a number test."""
    parts = re.split(r"\s+(AND|OR)\s+(?=[A-Za-z_][A-Za-z0-9_]*\s*(?:=|<|>|!))", text.strip())
    tests: list[str] = []
    for part in parts:
        if part.upper() in ("AND", "OR"):
            tests.append(part.lower())
            continue
        match = _CLAUSE_RE.match(part.strip())
        if match is None or match["var"] not in types:
            return None
        test = _clause(match["var"], match["op"], match["values"], types[match["var"]])
        if test is None:
            return None
        tests.append(test)
    return " ".join(tests) or None


def _clause(var: str, op: str, raw: str, kind: str) -> str | None:
    codes: list[str] = []
    for piece in re.split(r"\s*(?:,|\bor\b|/)\s*", raw.strip(), flags=re.I):
        span = re.fullmatch(r"(\d+)\s*(?:-|–|to)\s*(\d+)", piece)
        if span:
            codes.extend(str(n) for n in range(int(span[1]), int(span[2]) + 1))
        elif re.fullmatch(r"-?\d+(?:\.\d+)?", piece):
            codes.append(piece)
        elif piece:
            return None
    if not codes:
        return None
    if kind == "number":
        ops = {"=": "==", "<>": "!=", "!=": "!="}
        return f"{var} {ops.get(op, op)} {codes[0]}" if len(codes) == 1 else None
    negated = op in ("<>", "!=")
    if op not in ("=", "==") and not negated:
        return None
    if kind == "multi":
        test = " or ".join(f"{var} contains '{c}'" for c in codes)
        return f"not ({test})" if negated else test
    listed = f"{var} == '{codes[0]}'" if len(codes) == 1 else f"{var} in [{_quoted(codes)}]"
    return f"not ({listed})" if negated else listed


def _quoted(codes: list[str]) -> str:
    return ",".join(f"'{c}'" for c in codes)


def _apply_action(question: Question, action: str, types: dict[str, str]) -> bool:
    """Apply `cond: TERMINATE` / `cond: GO TO var`; False when the rule cannot be read."""
    match = _ACTION_RE.match(action)
    test = _condition(match["cond"], types) if match else None
    if match is None or test is None:
        return False
    goto = _GOTO_RE.search(match["what"])
    if _TERMINATE_RE.search(match["what"]):
        question.terminate_if = test
    elif goto:
        question.skip_to.append(SkipRule.model_validate({"if": test, "to": clean_id(goto[1])}))
    else:
        return False
    return True


def _is_question(variable: _Variable) -> bool:
    if not variable.get("text"):
        return False
    return not _NOT_ASKED_RE.search(variable.get("type")) or bool(variable.get("values"))


def read_codebook(document: Document) -> Survey:
    """The survey a codebook describes: one question per asked variable, in order."""
    variables = _variables(document)
    questions: list[Question] = []
    types: dict[str, str] = {}
    header: Question | None = None
    for variable in variables:
        name = clean_id(variable.name)
        if header is not None and _is_item(name, header.id, variable):
            header.rows.append(Row(id=f"r{len(header.rows) + 1}", label=_text(variable)))
            continue
        header = None
        if not _is_question(variable):
            _mark_companion(variable, questions, types)
            continue
        question = Question(id=name, type="single", text=_text(variable))
        _typed(question, variable, _values(variable))
        types[name] = question.type
        unread: list[str] = []
        if variable.get("universe"):
            question.display_if = _condition(variable.get("universe"), types)
            if question.display_if is None:
                unread.append(f"UNIVERSE '{variable.get('universe')}'")
        for action in variable.fields.get("action", []):
            if not _apply_action(question, action, types):
                unread.append(f"ACTION '{collapse(action)}'")
        if unread:
            question.attention = Attention(
                reason=f"{name}: {' and '.join(unread)} could not be read as logic; check it."
            )
        questions.append(question)
        header = question if question.type == "grid" else None
    for question in questions:
        if question.type == "grid" and not question.rows:
            question.type = "single"
        if question.type in ("single", "multi", "dropdown", "grid") and not question.options:
            question.type = "display"  # a header cut off before its values: nothing to choose
    block = Block(id="block1", items=list(questions))
    return Survey(title=document.name, blocks=[block] if questions else [])


def _text(variable: _Variable) -> str:
    return collapse(_NOTE_RE.sub("", variable.get("text")))


def _is_item(name: str, header: str, variable: _Variable) -> bool:
    """A battery item: the header's name plus a letter or number, with no answers of its own."""
    return bool(re.fullmatch(re.escape(header) + r"_?(?:[a-z]|\d{1,2}|r\d{1,2})", name, re.I)) and (
        not variable.get("values")
    )


def _mark_companion(variable: _Variable, questions: list[Question], types: dict[str, str]) -> None:
    """A verbatim variable asked on one code (`UNIVERSE q5 = 7`) is that code's specify box."""
    match = _CLAUSE_RE.match(variable.get("universe"))
    if match is None or not re.search(r"\b(?:string|text|verbatim)\b", variable.get("type"), re.I):
        return
    for question in questions:
        if question.id == match["var"]:
            for option in question.options:
                if option.code == match["values"].strip():
                    option.specify = True
