"""The builtin engine's revision commands: plain-English edits → RFC 6902 JSON Patch ops.

Each command is a regular expression and a handler that reads the IR JSON and returns the
ops for one edit. A prompt may hold several commands, one per line or separated by `;`;
they apply in order, each to the survey as the previous ones left it. The table
`COMMANDS` is the documentation: `describe()` lists it for a 422 that says what is
understood.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jsonpatch

Op = dict[str, Any]
Doc = dict[str, Any]

_QUOTE = r"[\"'‘’“”]"
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_TYPE_WORDS: dict[str, str] = {
    "multi-select": "multi",
    "multi select": "multi",
    "multiselect": "multi",
    "multiple choice": "multi",
    "multiple-choice": "multi",
    "multi": "multi",
    "single-select": "single",
    "single select": "single",
    "single choice": "single",
    "single-choice": "single",
    "single": "single",
    "dropdown": "dropdown",
    "drop-down": "dropdown",
    "open text": "text",
    "open-ended": "long_text",
    "open end": "long_text",
    "text": "text",
    "long text": "long_text",
    "numeric": "number",
    "number": "number",
    "scale": "scale",
    "ranking": "ranking",
    "date": "date",
    "email": "email",
    "grid": "grid",
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


class RevisionError(ValueError):
    """A command was understood but cannot be applied (unknown question, clashing code)."""


@dataclass(frozen=True, slots=True)
class Command:
    """One understood edit: its pattern, an example, and what builds its ops."""

    pattern: re.Pattern[str]
    example: str
    build: Callable[[Doc, re.Match[str]], list[Op]]


def _locate(doc: Doc, question_id: str) -> tuple[int, int, Doc]:
    """(block index, item index, question) of `question_id`, exact id first, then any case."""
    found: tuple[int, int, Doc] | None = None
    for b, block in enumerate(doc.get("blocks", [])):
        for i, item in enumerate(block.get("items", [])):
            item_id = item.get("id")
            if item_id == question_id:
                return b, i, item
            if (
                found is None
                and isinstance(item_id, str)
                and item_id.lower() == question_id.lower()
            ):
                found = (b, i, item)
    if found is None:
        raise RevisionError(f"There is no question {question_id} in the survey.")
    return found


def _path(doc: Doc, question_id: str, *field: str | int) -> str:
    b, i, _ = _locate(doc, question_id)
    return "/".join([f"/blocks/{b}/items/{i}", *(str(part) for part in field)])


def _set(doc: Doc, question_id: str, field: str, value: Any) -> Op:
    _, _, question = _locate(doc, question_id)
    op = "replace" if field in question else "add"
    return {"op": op, "path": _path(doc, question_id, field), "value": value}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _make_type(doc: Doc, m: re.Match[str]) -> list[Op]:
    target = _TYPE_WORDS[m["type"].lower()]
    ops = [_set(doc, m["q"], "type", target)]
    _, _, question = _locate(doc, m["q"])
    if target not in {"single", "multi", "dropdown", "scale", "ranking", "grid", "constant_sum"}:
        if question.get("options"):
            ops.append({"op": "remove", "path": _path(doc, m["q"], "options")})
    return ops


def _required(doc: Doc, m: re.Match[str]) -> list[Op]:
    return [_set(doc, m["q"], "required", m["how"].lower() in {"required", "mandatory"})]


def _randomize(doc: Doc, m: re.Match[str]) -> list[Op]:
    _, _, question = _locate(doc, m["q"])
    options = question.get("options", [])
    if not options:
        raise RevisionError(f"{question['id']} has no options to randomise.")
    ops = [_set(doc, m["q"], "randomize_options", True)]
    keep = _count(m["n"]) if m["n"] else (1 if m["last"] else 0)
    if keep > len(options):
        raise RevisionError(f"{question['id']} has only {len(options)} options.")
    for index in range(len(options) - keep, len(options)):
        ops.append(
            {"op": "add", "path": _path(doc, m["q"], "options", index, "fixed"), "value": True}
        )
    return ops


def _add_option(doc: Doc, m: re.Match[str]) -> list[Op]:
    _, _, question = _locate(doc, m["q"])
    codes = {option.get("code") for option in question.get("options", [])}
    code = m["code"] or _next_code(codes)
    if code in codes:
        raise RevisionError(f"{question['id']} already has an option with code {code}.")
    option: Doc = {"code": code, "label": m["label"]}
    if m["exclusive"]:
        option["exclusive"] = True
    if m["exclusive"] or code in {"97", "98", "99"}:
        option["fixed"] = True  # "Don't know"-style answers stay at the bottom when shuffled
    if not question.get("options"):
        return [_set(doc, m["q"], "options", [option])]
    return [{"op": "add", "path": _path(doc, m["q"], "options", "-"), "value": option}]


def _next_code(codes: set[Any]) -> str:
    numbers = [int(code) for code in codes if isinstance(code, str) and code.isdigit()]
    return str(max((n for n in numbers if n < 90), default=0) + 1)


def _option_index(doc: Doc, question_id: str, code: str) -> int:
    _, _, question = _locate(doc, question_id)
    for index, option in enumerate(question.get("options", [])):
        if option.get("code") == code:
            return index
    raise RevisionError(f"{question['id']} has no option with code {code}.")


def _remove_option(doc: Doc, m: re.Match[str]) -> list[Op]:
    index = _option_index(doc, m["q"], m["code"])
    return [{"op": "remove", "path": _path(doc, m["q"], "options", index)}]


def _exclusive_option(doc: Doc, m: re.Match[str]) -> list[Op]:
    index = _option_index(doc, m["q"], m["code"])
    return [{"op": "add", "path": _path(doc, m["q"], "options", index, "exclusive"), "value": True}]


def _codes(text: str) -> list[str]:
    return [part for part in re.split(r"\s*(?:,|\bor\b|\band\b)\s*", text.strip()) if part]


def _condition(doc: Doc, subject: str, relation: str, values: str) -> str:
    """An IR expression for "S2 is 1 or 2", "Q5 is at least 18", "S1 is not 3"."""
    _, _, question = _locate(doc, subject)
    qid = question["id"]
    relation = " ".join(relation.lower().split())
    numeric = question.get("type") == "number"
    comparisons = {
        "is at least": ">=",
        "is at most": "<=",
        "is over": ">",
        "is more than": ">",
        "is greater than": ">",
        "is under": "<",
        "is less than": "<",
        ">=": ">=",
        "<=": "<=",
        ">": ">",
        "<": "<",
    }
    if relation in comparisons:
        return f"{qid} {comparisons[relation]} {values.strip()}"
    codes = [code.strip("'\"") for code in _codes(values)]
    literal = ", ".join(codes) if numeric else ", ".join(f"'{code}'" for code in codes)
    negated = relation in {"is not", "!=", "isn't"}
    if question.get("type") in {"multi", "ranking"}:
        expression = f"{qid} contains any [{literal}]"
        return f"not ({expression})" if negated else expression
    if len(codes) == 1:
        return f"{qid} {'!=' if negated else '=='} {literal}"
    return f"{qid} {'not in' if negated else 'in'} [{literal}]"


_RELATION = (
    r"(?P<rel>is at least|is at most|is over|is more than|is greater than|is under|is less than"
    r"|is not|isn't|is|equals|>=|<=|!=|==|=|>|<|in)"
)


def _normal_relation(relation: str) -> str:
    return "is" if relation.lower() in {"equals", "=", "==", "in"} else relation


def _display_if(doc: Doc, m: re.Match[str]) -> list[Op]:
    expression = _condition(doc, m["subject"], _normal_relation(m["rel"]), m["values"])
    return [_set(doc, m["q"], "display_if", expression)]


def _terminate_if(doc: Doc, m: re.Match[str]) -> list[Op]:
    expression = _condition(doc, m["q"], _normal_relation(m["rel"]), m["values"])
    return [_set(doc, m["q"], "terminate_if", expression)]


def _always_show(doc: Doc, m: re.Match[str]) -> list[Op]:
    _, _, question = _locate(doc, m["q"])
    if "display_if" not in question:
        return []
    return [{"op": "remove", "path": _path(doc, m["q"], "display_if")}]


def _move(doc: Doc, m: re.Match[str]) -> list[Op]:
    source = _path(doc, m["q"])
    b, i, _ = _locate(doc, m["q"])
    after = copy.deepcopy(doc)
    del after["blocks"][b]["items"][i]  # a JSON Patch move indexes the document without the item
    tb, ti, _ = _locate(after, m["anchor"])
    if m["where"].lower() == "after":
        ti += 1
    target = f"/blocks/{tb}/items/{ti}"
    return [] if target == source else [{"op": "move", "from": source, "path": target}]


def _delete(doc: Doc, m: re.Match[str]) -> list[Op]:
    return [{"op": "remove", "path": _path(doc, m["q"])}]


_EXPRESSION_FIELDS = ("display_if", "terminate_if")


def _renamed(text: str, old: str, new: str) -> str:
    return re.sub(rf"(?<![A-Za-z0-9_.']){re.escape(old)}(?![A-Za-z0-9_'])", new, text)


def _rename(doc: Doc, m: re.Match[str]) -> list[Op]:
    _, _, question = _locate(doc, m["q"])
    old, new = question["id"], m["new"]
    if new != old and any(
        item.get("id") == new for block in doc["blocks"] for item in block.get("items", [])
    ):
        raise RevisionError(f"There is already a question {new}.")
    renamed = copy.deepcopy(doc)
    for block in renamed["blocks"]:
        for item in block.get("items", []):
            _rename_in_question(item, old, new)
    for variable in renamed.get("variables", []):
        variable["expression"] = _renamed(variable["expression"], old, new)
    for quota in renamed.get("quotas", []):
        quota["condition"] = _renamed(quota["condition"], old, new)
    return list(jsonpatch.make_patch(doc, renamed))


def _rename_in_question(item: Doc, old: str, new: str) -> None:
    if item.get("id") == old:
        item["id"] = new
    for field in _EXPRESSION_FIELDS:
        if isinstance(item.get(field), str):
            item[field] = _renamed(item[field], old, new)
    for rule in item.get("skip_to", []):
        rule["if"] = _renamed(rule["if"], old, new)
        rule["to"] = new if rule["to"] == old else rule["to"]
    if isinstance(item.get("options_from"), dict) and item["options_from"].get("question") == old:
        item["options_from"]["question"] = new
    for field in ("text", "instructions"):
        if isinstance(item.get(field), str):
            item[field] = item[field].replace("{{" + old + "}}", "{{" + new + "}}")


def _reword(doc: Doc, m: re.Match[str]) -> list[Op]:
    return [_set(doc, m["q"], "text", m["text"])]


def _choice_limit(doc: Doc, m: re.Match[str]) -> list[Op]:
    _, _, question = _locate(doc, m["q"])
    validation = dict(question.get("validation") or {})
    validation["max_choices" if m["bound"].lower() == "most" else "min_choices"] = _count(m["n"])
    return [_set(doc, m["q"], "validation", validation)]


def _number_range(doc: Doc, m: re.Match[str]) -> list[Op]:
    _, _, question = _locate(doc, m["q"])
    validation = dict(question.get("validation") or {})
    validation.update({"min": float(m["low"]), "max": float(m["high"])})
    return [_set(doc, m["q"], "validation", validation)]


def _cmd(pattern: str, example: str, build: Callable[[Doc, re.Match[str]], list[Op]]) -> Command:
    return Command(re.compile(rf"^\s*{pattern}\s*\.?\s*$", re.IGNORECASE), example, build)


_TYPES = "|".join(sorted((re.escape(word) for word in _TYPE_WORDS), key=len, reverse=True))

#: Every command the builtin engine understands, with an example of each.
COMMANDS: tuple[Command, ...] = (
    _cmd(
        rf"(?:make|change|turn|convert)\s+(?P<q>{_NAME})\s+(?:into\s+|to\s+)?"
        rf"(?:an?\s+)?(?P<type>{_TYPES})(?:\s+question)?",
        "make Q3 multi-select",
        _make_type,
    ),
    _cmd(
        rf"make\s+(?P<q>{_NAME})\s+(?P<how>optional|required|mandatory)",
        "make Q10 optional",
        _required,
    ),
    _cmd(
        rf"(?:randomi[sz]e|shuffle)\s+(?:the\s+)?(?:options|answers|choices)\s+(?:of|in|for)\s+"
        rf"(?P<q>{_NAME})(?:\s+(?:except|but\s+not|keeping)\s+(?:for\s+)?the\s+(?P<last>last)"
        r"(?:\s+(?P<n>\d+|one|two|three|four|five|six))?(?:\s+(?:options|answers|ones|one))?"
        r"(?:\s+fixed|\s+in\s+place)?)?",
        "randomize the options of Q5 except the last two",
        _randomize,
    ),
    _cmd(
        rf"add\s+(?:an?\s+)?(?P<exclusive>exclusive\s+)?(?:option\s+)?{_QUOTE}(?P<label>[^\"“”]+?)"
        rf"{_QUOTE}(?:\s*\(\s*(?:code\s+)?(?P<code>[A-Za-z0-9_]+)\s*\))?\s+(?:to|in)\s+"
        rf"(?P<q>{_NAME})",
        "add 'Don't know' (98) to Q7",
        _add_option,
    ),
    _cmd(
        rf"(?:remove|delete|drop)\s+(?:option|code)\s+(?P<code>[A-Za-z0-9_]+)\s+(?:from|of|in)\s+"
        rf"(?P<q>{_NAME})",
        "remove option 98 from Q7",
        _remove_option,
    ),
    _cmd(
        rf"make\s+(?:option|code)\s+(?P<code>[A-Za-z0-9_]+)\s+(?:of|in)\s+(?P<q>{_NAME})\s+"
        r"exclusive",
        "make option 99 of Q3 exclusive",
        _exclusive_option,
    ),
    _cmd(
        rf"(?:ask|show|display)\s+(?P<q>{_NAME})\s+only\s+(?:if|when)\s+"
        rf"(?P<subject>{_NAME})\s+{_RELATION}\s+(?P<values>.+?)",
        "ask Q9 only if S2 is 1 or 2",
        _display_if,
    ),
    _cmd(
        rf"(?:always\s+(?:ask|show)\s+(?P<q>{_NAME}))",
        "always ask Q9",
        _always_show,
    ),
    _cmd(
        rf"(?:terminate|screen\s+out)\s+(?:at\s+|on\s+)?(?:if|when)\s+(?P<q>{_NAME})\s+"
        rf"{_RELATION}\s+(?P<values>.+?)",
        "terminate if S1 is 1",
        _terminate_if,
    ),
    _cmd(
        rf"move\s+(?P<q>{_NAME})\s+(?P<where>after|before)\s+(?P<anchor>{_NAME})",
        "move Q12 after Q4",
        _move,
    ),
    _cmd(
        rf"(?:delete|remove|drop)\s+(?:question\s+)?(?P<q>{_NAME})",
        "delete Q15",
        _delete,
    ),
    _cmd(
        rf"rename\s+(?:question\s+)?(?P<q>{_NAME})\s+(?:to|as)\s+(?P<new>{_NAME})",
        "rename Q3 to Q3a",
        _rename,
    ),
    _cmd(
        rf"(?:change|set|reword)\s+(?:the\s+)?(?:text|wording)\s+of\s+(?P<q>{_NAME})\s+to\s+"
        rf"{_QUOTE}(?P<text>.+){_QUOTE}",
        "change the text of Q2 to 'How often do you drink coffee?'",
        _reword,
    ),
    _cmd(
        rf"allow\s+at\s+(?P<bound>most|least)\s+(?P<n>\d+|one|two|three|four|five|six)\s+"
        rf"(?:answers?|choices?|options?|selections?)\s+(?:in|for|at)\s+(?P<q>{_NAME})",
        "allow at most 3 answers in Q3",
        _choice_limit,
    ),
    _cmd(
        rf"(?:limit|restrict)\s+(?P<q>{_NAME})\s+(?:to\s+)?(?:between\s+)?"
        r"(?P<low>-?\d+(?:\.\d+)?)\s+(?:and|to|-)\s+(?P<high>-?\d+(?:\.\d+)?)",
        "limit Q5 to between 0 and 120",
        _number_range,
    ),
)


def describe() -> list[str]:
    """An example of every command understood, for the 'what can I say' answer."""
    return [command.example for command in COMMANDS]


def split_prompt(prompt: str) -> list[str]:
    """The separate commands of a prompt: one per line, or separated by `;`."""
    return [part.strip() for part in re.split(r"[\n;]+", prompt) if part.strip()]


def match(text: str) -> tuple[Command, re.Match[str]] | None:
    """The first command whose pattern matches the whole of `text`."""
    for command in COMMANDS:
        found = command.pattern.match(text)
        if found is not None:
            return command, found
    return None


def apply_ops(doc: Doc, ops: list[Op]) -> Doc:
    """`doc` after `ops` (a new document; `doc` is unchanged)."""
    result: Doc = jsonpatch.apply_patch(doc, ops, in_place=False)
    return result
