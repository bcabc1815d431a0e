"""Dimensions-style mrScript metadata with its routing section → Survey IR.

A market-research script declares each question in a `Metadata(…)` section
(`Age "How old are you?" categorical [1..1] { under18 "Under 18", … };`), shared lists once
(`ParkList define { … };`, reused with `use ParkList`), loops for grids (`loop { rows } fields
( Rating categorical { … }; ) expand grid;`), and asks them in a `Routing(…)` section, where
`If … Then … End If` blocks say who is asked and `IOM.Terminate` screens out. Category keywords:
`exclusive` and `DK` stand alone, `other` takes a typed answer, `na` is a plain answer.
"""

from __future__ import annotations

import re

from fielder.documents.model import Document
from fielder.ir.models import Block, Option, Question, Row, Survey, Validation

_FIELD_RE = re.compile(
    r'^(?P<name>[A-Za-z_]\w*)\s*(?:"(?P<label>(?:[^"]|"")*)")?\s*(?P<rest>.*)$', re.S
)
_RANGE_RE = re.compile(r"\[\s*(-?\d*)\s*\.\.\s*(-?\d*)\s*\]")
_CATEGORY_RE = re.compile(
    r'^(?P<code>[A-Za-z_]\w*)\s*(?:"(?P<label>(?:[^"]|"")*)")?\s*(?P<keys>.*)$', re.S
)


def is_mrscript(document: Document) -> bool:
    """True when the document has an mrScript metadata section with declared questions."""
    text = document.text
    return bool(re.search(r"^\s*Metadata\s*\(", text, re.M)) and (
        re.search(r"\bcategorical\s*\[", text) is not None
    )


def _split(text: str, sep: str) -> list[str]:
    """`text` cut at `sep` outside quotes, braces and brackets."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == sep and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def _braced(text: str) -> str:
    """The text inside the first `{ … }` of `text` (nested braces kept)."""
    start = text.find("{")
    if start < 0:
        return ""
    depth = 0
    for index in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return text[start + 1 : index]
    return ""


def _label(raw: str | None) -> str:
    return re.sub(r"\s+", " ", (raw or "").replace('""', '"')).strip()


def _categories(body: str, lists: dict[str, list[Option]]) -> list[Option]:
    options: list[Option] = []
    for part in _split(body, ","):
        used = re.fullmatch(r"use\s+(\w+)(?:\s+.*)?", part, re.S)
        if used:
            options.extend(o.model_copy() for o in lists.get(used[1], []))
            continue
        match = _CATEGORY_RE.match(part)
        if match is None:
            continue
        keys = match["keys"].lower().split()
        option = Option(code=match["code"], label=_label(match["label"]) or match["code"])
        option.exclusive = "exclusive" in keys or "dk" in keys
        option.specify = "other" in keys
        options.append(option)
    # a list used twice gives its categories once
    return list({o.code: o for o in reversed(options)}.values())[::-1]


def _scale(options: list[Option]) -> list[Option] | None:
    """`r0 "0 - Not at all likely", r1 "1", …`: numbered points, words at the ends only."""
    numbers = [re.match(r"^(\d{1,2})\b\s*(?:[-–:]\s*(.*))?$", o.label) for o in options]
    if len(options) < 5 or any(n is None for n in numbers):
        return None
    for option, number in zip(options, numbers, strict=True):
        assert number is not None
        option.label = number[2] or number[1]
    return options


def _question(name: str, label: str, rest: str, lists: dict[str, list[Option]]) -> Question:
    kind = re.match(r"(?:style\([^;]*?\)\)\s*)?(\w+)", rest)
    word = kind[1].lower() if kind else ""
    question = Question(id=name, type="display", text=label)
    span = _RANGE_RE.search(rest)
    if word == "categorical":
        options = _categories(_braced(rest), lists)
        most = span[2] if span else ""
        question.type = "single" if most == "1" else "multi"
        if question.type == "multi" and most.isdigit() and int(most) > 1:
            question.validation = Validation(max_choices=int(most))
        if question.type == "single" and (points := _scale(options)) is not None:
            question.type, options = "scale", points
        question.options = options
    elif word == "loop":
        rows = _categories(_braced(rest), lists)
        inner = _braced(rest[rest.find("fields") :]) if "fields" in rest else ""
        question.type, question.multiple = "grid", False
        question.options = _categories(inner, lists)
        question.rows = [Row(id=f"r{i + 1}", label=r.label) for i, r in enumerate(rows)]
    elif word in ("long", "double"):
        question.type = "number"
        if span and span[1] and span[2]:
            question.validation = Validation(min=float(span[1]), max=float(span[2]))
    elif word == "date":
        question.type = "date"
    elif word == "text":
        multiline = re.search(r"MultiLineEdit", rest)
        email = re.search(r"\be-?mail\b", label, re.I) or "@" in rest
        question.type = "long_text" if multiline else "email" if email else "text"
    return question


def _metadata(text: str) -> list[Question]:
    body = re.search(r"^\s*Metadata\s*\([^)]*\)(.*?)^\s*End\s+Metadata", text, re.M | re.S)
    lists: dict[str, list[Option]] = {}
    questions: list[Question] = []
    for field in _split(body[1] if body else "", ";"):
        match = _FIELD_RE.match(field)
        if match is None:
            continue
        rest = match["rest"].strip()
        if rest.startswith("define"):
            lists[match["name"]] = _categories(_braced(rest), lists)
        elif match["label"] is not None:
            questions.append(_question(match["name"], _label(match["label"]), rest, lists))
    return questions


def _condition(raw: str, questions: dict[str, Question]) -> str | None:
    """An mrScript test in the IR's words (`Visits <> {never}` → `not (Visits == 'never')`)."""
    raw = raw.strip()
    negated = re.match(r"^Not\s+(.*)$", raw, re.I)
    if negated:
        inner = _condition(negated[1], questions)
        return f"not ({inner})" if inner else None
    match = re.match(r"^(\w+)\s*(=|<>)\s*\{([^}]*)\}$", raw) or re.match(
        r"^(\w+)\.(ContainsAny|ContainsAll)\(\{([^}]*)\}\)$", raw, re.I
    )
    if match is None or match[1] not in questions:
        return None
    codes = [c.strip() for c in match[3].split(",") if c.strip()]
    multi = questions[match[1]].type == "multi"
    if multi:
        joiner = " and " if match[2].lower() == "containsall" else " or "
        test = joiner.join(f"{match[1]} contains '{c}'" for c in codes)
    elif len(codes) == 1:
        test = f"{match[1]} == '{codes[0]}'"
    else:
        test = f"{match[1]} in [{','.join(repr(c) for c in codes)}]"
    return f"not ({test})" if match[2] == "<>" else test


def _routing(text: str, questions: dict[str, Question]) -> None:
    body = re.search(r"^\s*Routing\s*\([^)]*\)(.*?)^\s*End\s+Routing", text, re.M | re.S)
    stack: list[str | None] = []
    last: Question | None = None
    for line in (body[1] if body else "").splitlines():
        line = line.strip()
        opened = re.match(r"^If\s+(.*?)\s+Then$", line, re.I)
        if opened:
            stack.append(_condition(opened[1], questions))
        elif re.match(r"^End\s+If$", line, re.I) and stack:
            stack.pop()
        elif (asked := re.match(r"^(\w+)\.(?:Ask|Show)\(\)", line)) and asked[1] in questions:
            last = questions[asked[1]]
            shown = [c for c in stack if c]
            if shown:
                last.display_if = " and ".join(shown)
        elif re.search(r"\bIOM\.Terminate\b", line) and last is not None and stack and stack[-1]:
            last.terminate_if = stack[-1]


def read_mrscript(document: Document) -> Survey:
    """The survey an mrScript metadata and routing script declares and asks."""
    text = "\n".join(
        line for line in document.text.splitlines() if not line.lstrip().startswith("'")
    )
    questions = _metadata(text)
    _routing(text, {q.id: q for q in questions})
    return Survey(title=document.name, blocks=[Block(id="block1", items=list(questions))])
