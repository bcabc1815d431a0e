"""Items listed for ranking, and a later grid over "the same items".

A spec often asks for a ranking as a section: a heading or a note that says so ("Ranking",
"Drag & Drop", "rank in order of importance", "Trascina … per ordinarli", "classez",
"ordnen"), then the items as a numbered list of short titles, each maybe with a longer wording
under it. Those titles are one ranking question's answers, not questions. A later section
that rates "the same 8 factors" ("Stessi 8 fattori", "los mismos", "les mêmes") on a scale
(`Scala: 1: Poor | 2: Fair | …`, or `(1 = Poor, 5 = Excellent)`) is a grid whose rows are
those items. Both are rewritten into the spec keys the parser reads (`Question:`, `Type:`,
`Options:`, `Rows:`, `Columns:`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_RANK_RE = re.compile(
    r"\b(?:rank(?:ing|ed)?|drag\s*(?:&|and|e|y|et|und)\s*drop|in\s+order\s+of|"
    r"order\s+(?:the|these|them)|ordina\w*|ordena\w*|ordne\w*|class(?:er|ez|ement)|classifica|"
    r"rangfolge|reihenfolge)\b",
    re.I,
)
_SAME_ITEMS_RE = re.compile(
    r"\b(?:(?:the\s+)?same|stess[ie]|mism[oa]s|m[êe]mes|gleichen|selben)\s+(?:\d+\s+)?\w+", re.I
)
# "Istruzione:", "Instructions:": the key before a note's words
_NOTE_KEY_RE = re.compile(
    r"^(?:istruzion[ei]|instructions?|consignes?|anweisung(?:en)?|instrucci[oó]n(?:es)?|"
    r"hinweis|note)\s*:\s*",
    re.I,
)
# "Scala: 1: Poor | 2: Fair | …": the scale's points, code and words
_SCALE_KEY_RE = re.compile(r"^(?:scal[ae]|escala|échelle|skala)\s*:\s*(?P<points>.+)$", re.I)
_POINT_RE = re.compile(r"^\s*\d{1,2}\s*[:=.)-]\s*(?P<label>.+?)\s*$")
_ITEM_NUMBER_RE = re.compile(r"^\d{1,2}[.)]$")


def ranked_lines(lines: list[Line]) -> list[Line]:
    """The lines with ranking sections and "same items" grids rewritten as spec keys."""
    out: list[Line] = []
    items: list[str] = []
    index = 0
    while index < len(lines):
        found = _ranking_at(lines, index)
        if found is not None:
            ask, items, used = found
            out.extend(_keyed(lines[index], ask, "Ranking", "Options:", items, []))
            index += used
            continue
        grid = _same_items_grid(lines, index) if items else None
        if grid is not None:
            ask, columns, used = grid
            out.extend(_keyed(lines[index], ask, "Grid", "Rows:", items, columns))
            index += used
            continue
        out.append(lines[index])
        index += 1
    return out


def _ranking_at(lines: list[Line], index: int) -> tuple[str, list[str], int] | None:
    """A heading or note asking for a ranking, the notes after it, then a numbered list of
    short titles: (the ask, the titles, how many lines were read)."""
    head = lines[index]
    if head.kind not in ("heading", "paragraph") or not _RANK_RE.search(head.text):
        return None
    if find_label(head) is not None:
        return None  # "Q7. Please rank …": a labelled question reads its own answers
    ask = _NOTE_KEY_RE.sub("", head.text) if head.kind == "paragraph" else ""
    place = index + 1
    while place < len(lines) and lines[place].kind == "paragraph" and lines[place].level == 0:
        ask = _NOTE_KEY_RE.sub("", lines[place].text) or ask
        place += 1
    items: list[str] = []
    while place < len(lines):
        line = lines[place]
        if line.kind == "list_item" and line.level > 0 and items:
            place += 1  # a title's longer wording under it
            continue
        number = line.numbering or ""
        if line.kind != "list_item" or line.level or not _ITEM_NUMBER_RE.match(number):
            break
        if "?" in line.text or len(line.text.split()) > 10 or int(number[:-1]) != len(items) + 1:
            return None
        items.append(line.text)
        place += 1
    if len(items) < 3:
        return None
    return (ask or head.text, items, place - index)


def _same_items_grid(lines: list[Line], index: int) -> tuple[str, list[str], int] | None:
    """A heading, a note asking to rate, a scale key and "the same N items": (the ask, the
    scale's points, how many lines were read)."""
    if lines[index].kind != "heading":
        return None
    ask, columns, same = "", [], False
    place = index + 1
    while place < len(lines) and lines[place].kind != "heading":
        text = lines[place].text
        scale = _SCALE_KEY_RE.match(text)
        if scale:
            points = [_POINT_RE.match(p) for p in re.split(r"\s*\|\s*", scale["points"])]
            columns = [p["label"] for p in points if p]
        elif _SAME_ITEMS_RE.search(text):
            same = True
        elif lines[place].kind == "paragraph" and not ask:
            ask = _NOTE_KEY_RE.sub("", text)
        else:
            return None
        place += 1
    if not (same and ask and len(columns) >= 2):
        return None
    return (ask, columns, place - index)


def _keyed(
    at: Line, ask: str, kind: str, opener: str, items: list[str], columns: list[str]
) -> list[Line]:
    """The spec keys for a question: its words, its type, its answers or rows (and columns)."""

    def line(text: str, kind: str = "paragraph", level: int = 0) -> Line:
        numbering = "-" if kind == "list_item" else None
        return replace(
            at, text=text, spaced=text, raw=text, kind=kind, level=level, numbering=numbering,
            instructions=[], label=None, is_option=False, code=None,
        )  # fmt: skip

    keyed = [line(f"Question: {ask}"), line(f"Type: {kind}")]
    keyed.append(line(opener, "heading" if opener == "Rows:" else "paragraph", 6))
    keyed.extend(line(item, "list_item", 1) for item in items)
    if columns:
        keyed.append(line("Columns:", "heading", 6))
        keyed.extend(line(column, "list_item", 1) for column in columns)
    return [at, *keyed] if at.kind == "heading" else keyed
