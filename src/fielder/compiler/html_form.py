"""Web forms (`<form>` with a `<fieldset>` and `<legend>` per question) → Survey IR.

A live form says what a printout cannot: each control's `name` (the field's id), each answer's
`value` (its code), the control's type (radio, checkbox, select, number with min/max, date,
email, textarea) and the page's show-if rules in data attributes (`data-show-if="f1!=5"`).
So a form whose questions are fieldsets is read from its markup; hidden inputs are not
questions, a text box right after a choice is that choice's specify box, and a choice with an
exclusive class (`exclusive`, `exklusiv`, `none`) clears the others.
"""

from __future__ import annotations

import os
import re

from bs4 import BeautifulSoup
from bs4.element import Tag

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Document
from fielder.ir.models import Attention, Block, Option, Question, Row, Survey, Validation

# "3.", "Q3)", "F2:", "A." before a legend's words: the printed number, not the id
_LEGEND_NUMBER_RE = re.compile(
    r"^\s*(?:[A-Za-z]{0,3}\d{1,3}[a-z]?[.):]|\d{1,3}\s|[A-Z][.)](?=\s))\s*"
)
_REQUIRED_RE = re.compile(r"\s*\*\s*$")
_EXCLUSIVE_CLASS_RE = re.compile(r"exclusi|exklusiv|esclusiv|exclusiv|\bnone\b|\bsingle\b", re.I)
_CONDITION_ATTRS = (
    "data-show-if",
    "data-showif",
    "data-visible-if",
    "data-condition",
    "data-relevant",
)
_RULE_RE = re.compile(
    r"^\s*(?P<name>[\w.-]+)\s*(?P<op>==|=|!=|<>|<=|>=|<|>)\s*['\"]?(?P<value>[^'\"]+?)['\"]?\s*$"
)
_BOX_TYPES = {
    "date": "date",
    "email": "email",
    "number": "number",
    "range": "number",  # a slider: a number within its min and max
    "tel": "text",
    "url": "text",
}


def is_html_form(document: Document) -> bool:
    """True for an HTML page whose form puts its questions in fieldsets with legends (or in
    labelled `role="radiogroup"` / `role="group"` elements)."""
    source = document.source.lower()
    if not any(mark in source for mark in ("<fieldset", 'role="radiogroup"', 'role="group"')):
        return False
    soup = BeautifulSoup(document.source, "lxml")
    return len(_fieldsets(soup)) >= 3


def _fieldsets(soup: BeautifulSoup) -> list[Tag]:
    """Fieldsets (or labelled groups) with a named control of their own, in page order."""
    kept = []
    for group in soup.find_all(_is_group):
        if group.find(_is_group) is not None or not _legend(group):
            continue
        controls = group.find_all(["input", "select", "textarea"])
        if any(_visible(c) and c.get("name") for c in controls):
            kept.append(group)
    return kept


def _is_group(tag: Tag) -> bool:
    if tag.name == "fieldset":
        return tag.find("legend") is not None
    role = str(tag.get("role", "")).lower()
    labelled = tag.get("aria-label") or tag.get("aria-labelledby")
    return role in ("radiogroup", "group") and bool(labelled)


def _visible(control: Tag) -> bool:
    return str(control.get("type", "")).lower() not in ("hidden", "submit", "reset", "button")


def _text(tag: Tag) -> str:
    return collapse(tag.get_text(" "))


def _legend(fieldset: Tag) -> str:
    """The group's question: its legend, `aria-label`, or the element `aria-labelledby` names."""
    legend = fieldset.find("legend") if fieldset.name == "fieldset" else None
    text = _text(legend) if isinstance(legend, Tag) else str(fieldset.get("aria-label") or "")
    labelled = str(fieldset.get("aria-labelledby") or "").split()
    if not text and labelled:
        root = list(fieldset.parents)[-1]
        named = root.find(id=labelled[0])
        text = _text(named) if isinstance(named, Tag) else ""
    return _REQUIRED_RE.sub("", _LEGEND_NUMBER_RE.sub("", text, count=1))


def _choice_label(control: Tag) -> str:
    """The words of a radio button or check box: its `<label>`, or the text right after it."""
    label = control.find_parent("label")
    if isinstance(label, Tag):
        return _text(label)
    ident = control.get("id")
    if ident:
        found = control.find_parent("fieldset")
        tag = found.find("label", attrs={"for": ident}) if isinstance(found, Tag) else None
        if isinstance(tag, Tag):
            return _text(tag)
    sibling = control.next_sibling
    return collapse(str(sibling)) if sibling is not None and isinstance(sibling, str) else ""


def _options(controls: list[Tag]) -> list[Option]:
    options: list[Option] = []
    for index, control in enumerate(controls, start=1):
        value = str(control.get("value", "")).strip() or str(index)
        classes = " ".join(control.get("class") or [])
        label = re.sub(r"\s*[:：]\s*$", "", _choice_label(control))
        options.append(
            Option(
                code=value,
                label=label or value,
                exclusive=bool(_EXCLUSIVE_CLASS_RE.search(classes)),
                specify=_has_text_box(control),
            )
        )
    return options


def _has_text_box(control: Tag) -> bool:
    """A text box straight after the choice (before the next choice) is its specify box."""
    anchor = control.find_parent("label") or control
    following = anchor.find_all_next(["input", "textarea", "label", "fieldset"], limit=6)
    for element in [e for e in following if anchor not in e.parents][:3]:
        if element.name == "fieldset" or element.name == "label":
            return False
        kind = str(element.get("type", "text")).lower()
        if element.name == "textarea" or kind == "text":
            return True
        if kind in ("radio", "checkbox"):
            return False
    return False


def _scale(fieldset: Tag, options: list[Option]) -> list[Option] | None:
    """Radio buttons labelled only by their numbers, with words beside the ends, are a scale."""
    if len(options) < 4 or not all(o.label == o.code and o.code.isdigit() for o in options):
        return None
    words = [
        _text(t)
        for t in fieldset.find_all(["span", "small", "div", "p"], recursive=True)
        if not t.find(["input", "label"]) and _text(t) and not _text(t).isdigit()
    ]
    if len(words) >= 2:
        options[0].label, options[-1].label = words[0], words[-1]
    return options


def _grid(fieldset: Tag, table: Tag) -> Question | None:
    """A table whose rows each hold their own set of radio buttons (or boxes) is a grid."""
    rows: list[Row] = []
    columns: list[str] = []
    codes: list[str] = []
    multiple = False
    for tr in table.find_all("tr"):
        controls = [
            c
            for c in tr.find_all("input")
            if str(c.get("type", "")).lower() in ("radio", "checkbox")
        ]
        cells = tr.find_all(["th", "td"])
        if not controls:
            columns = [_text(c) for c in cells if _text(c)] or columns
            continue
        multiple = multiple or str(controls[0].get("type", "")).lower() == "checkbox"
        rows.append(Row(id=f"r{len(rows) + 1}", label=_text(cells[0]) if cells else ""))
        codes = codes or [str(c.get("value") or i + 1) for i, c in enumerate(controls)]
    if not rows or len(columns) != len(codes):
        return None
    question = Question(id="Q", type="grid", text=_legend(fieldset), rows=rows, multiple=multiple)
    question.options = [
        Option(code=c, label=label) for c, label in zip(codes, columns, strict=True)
    ]
    return question


def _question(fieldset: Tag) -> Question | None:
    controls = [
        c
        for c in fieldset.find_all(["input", "select", "textarea"])
        if _visible(c) and c.get("name")
    ]
    first = controls[0]
    table = fieldset.find("table")
    if isinstance(table, Tag) and (grid := _grid(fieldset, table)) is not None:
        names = [str(c["name"]) for c in controls]
        stem = os.path.commonprefix(names).rstrip("_-.[") if len(set(names)) > 1 else ""
        grid.id = clean_id(str(fieldset.get("id") or stem or first["name"]))
        return grid
    name = str(first["name"])
    question = Question(id=clean_id(name), type="text", text=_legend(fieldset))
    kind = str(first.get("type", "text")).lower() if first.name == "input" else first.name
    same = [c for c in controls if c.get("name") == name]
    if kind in ("radio", "checkbox"):
        options = _options(same)
        points = _scale(fieldset, options) if kind == "radio" else None
        question.type = "scale" if points else "single" if kind == "radio" else "multi"
        question.options = points or options
    elif kind == "select":
        question.type = "multi" if first.has_attr("multiple") else "dropdown"
        question.options = [
            Option(code=str(o.get("value")), label=_text(o))
            for o in first.find_all("option")
            if str(o.get("value", "")).strip() and _text(o)
        ]
    elif kind == "textarea":
        question.type = "long_text"
    else:
        question.type = _BOX_TYPES.get(kind, "text")  # type: ignore[assignment]
        low, high = first.get("min"), first.get("max")
        if kind in ("number", "range") and (low or high):
            question.validation = Validation(
                min=float(str(low)) if low else None, max=float(str(high)) if high else None
            )
    return question


def _condition(rule: str, questions: dict[str, Question]) -> str | None:
    """`f1!=5`, `f4=1`, `f8<=6` read against the named question's answers."""
    parts = re.split(r"\s*(&&|\|\||\band\b|\bor\b)\s*", rule.strip())
    tests: list[str] = []
    for part in parts:
        if part in ("&&", "||", "and", "or"):
            tests.append("and" if part in ("&&", "and") else "or")
            continue
        match = _RULE_RE.match(part)
        question = questions.get(clean_id(match["name"])) if match else None
        if match is None or question is None:
            return None
        test = _test(question, match["op"], match["value"])
        if test is None:
            return None
        tests.append(test)
    return " ".join(tests)


def _test(question: Question, op: str, value: str) -> str | None:
    qid = question.id
    if question.type == "number":
        return f"{qid} {'==' if op == '=' else '!=' if op == '<>' else op} {value}"
    codes = [o.code for o in question.options]
    if op in ("<", "<=", ">", ">=") and value.lstrip("-").isdigit():
        limit = int(value)
        chosen = [c for c in codes if c.lstrip("-").isdigit() and _holds(int(c), op, limit)]
        return f"{qid} in [{','.join(repr(c) for c in chosen)}]" if chosen else None
    # "f3=1,2" / "f3=1|2": one of several answers; a value the question does not have is unread
    values = [v.strip() for v in re.split(r"[,|]", value) if v.strip()]
    if not values or any(v not in codes for v in values) or op not in ("=", "==", "!=", "<>"):
        return None
    if question.type == "multi":
        test = " or ".join(f"{qid} contains '{v}'" for v in values)
    elif len(values) > 1:
        test = f"{qid} in [{','.join(repr(v) for v in values)}]"
    else:
        test = f"{qid} == '{values[0]}'"
    return f"not ({test})" if op in ("!=", "<>") else test


def _holds(code: int, op: str, limit: int) -> bool:
    return {"<": code < limit, "<=": code <= limit, ">": code > limit, ">=": code >= limit}[op]


def read_html_form(document: Document) -> Survey:
    """One question per fieldset, with its show-if rule as `display_if`."""
    soup = BeautifulSoup(document.source, "lxml")
    questions: dict[str, Question] = {}
    for fieldset in _fieldsets(soup):
        question = _question(fieldset)
        if question is None or question.id in questions:
            continue
        rule = next((str(fieldset[a]) for a in _CONDITION_ATTRS if fieldset.has_attr(a)), None)
        if rule:
            question.display_if = _condition(rule, questions)
            if question.display_if is None:
                question.attention = Attention(
                    reason=f"{question.id}: the show-if rule '{rule}' could not be read; "
                    "the question is shown to everyone for now."
                )
        questions[question.id] = question
    items = list(questions.values())
    title = soup.title.get_text(strip=True) if soup.title else document.name
    return Survey(title=title, blocks=[Block(id="block1", items=list(items))] if items else [])
