"""Answer sets defined once and named by each question that uses them: a section `Answer set K`
(or `Response list B`, `Scale A`) holds a table or list of coded answers, and a question says
`(set K)` where its answers would be. A Kano study's functional and dysfunctional questions all
share one set this way. The set's section is the team's definition, not a question; each
question naming it gets its answers written out under it."""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_DEFINE_RE = re.compile(
    r"^(?:(?:answer|response|reply)\s+(?:set|list|scale)|scale|code\s*frame)\s+"
    r"(?P<name>[A-Z0-9]{1,3})\s*:?$",
    re.I,
)
_REFER_RE = re.compile(
    r"\s*[(\[]\s*(?:(?:answer|response)\s+)?(?:set|list|scale)\s+(?P<name>[A-Z0-9]{1,3})\s*[)\]]"
)
_ID_RE = re.compile(r"^(?P<id>[A-Za-z]{1,6}\d{1,3}[A-Za-z]{0,2})[.:]?\s+(?=\S)")
_ROW_RE = re.compile(r"^\s*(?P<code>-?\d{1,3})[.)]?\s+(?P<label>\S.*)$")


def _answers(line: Line) -> list[tuple[str, str]]:
    if line.kind == "table":
        rows = [tuple(c.strip() for c in row) for row in line.rows]
        return [(r[0], r[1]) for r in rows if len(r) >= 2 and re.fullmatch(r"-?\d{1,3}", r[0])]
    if line.code and line.text:
        return [(line.code, line.text)]
    row = _ROW_RE.match(line.text) if line.kind == "list_item" or line.numbering else None
    return [(line.numbering.rstrip(".)"), line.text)] if row is None and line.numbering else []


def _sets(lines: list[Line]) -> tuple[dict[str, list[tuple[str, str]]], set[int]]:
    """The sets defined, by name, and the indexes of their sections' lines."""
    sets: dict[str, list[tuple[str, str]]] = {}
    used: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        define = _DEFINE_RE.match(line.text.strip()) if line.kind == "heading" else None
        if define is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not (
            lines[end].kind == "heading" and lines[end].level <= line.level
        ):
            end += 1
        answers = [a for follow in lines[index + 1 : end] for a in _answers(follow)]
        if len(answers) >= 2:
            sets[define["name"]] = answers
            used.update(range(index, end))
        index = end
    return sets, used


def answer_set_lines(lines: list[Line]) -> list[Line]:
    """The lines with set sections left out and each `(set K)` question given its answers."""
    sets, used = _sets(lines)
    if not sets:
        return lines
    out: list[Line] = []
    for index, line in enumerate(lines):
        if index in used:
            continue
        refer = _REFER_RE.search(line.text)
        if refer is None or refer["name"] not in sets:
            out.append(line)
            continue
        text = " ".join((line.text[: refer.start()] + " " + line.text[refer.end() :]).split())
        named = _ID_RE.match(text) if not line.label else None
        if named:  # "K1F (set K) If …": the id before the set's name labels the question
            text = text[named.end() :]
        label = named["id"] if named else line.label
        out.append(replace(line, text=text, spaced=text, label=label))
        out.extend(
            replace(
                line,
                text=label,
                spaced=label,
                raw=label,
                kind="list_item",
                code=code,
                is_option=True,
                label=None,
                numbering=None,
                instructions=[],
            )
            for code, label in sets[refer["name"]]
        )
    return out
