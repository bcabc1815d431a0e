"""Routing drawn as a flowchart (a Mermaid `flowchart` / `graph` block on a wiki page): each
edge `OS3 -->|"2 No"| OS5` sends the answers its label names (codes, `0-6` ranges, or an
answer's words) to the node it points at; an edge without a label is the way on for the rest.
The edges between questions of the survey become their logic as `jump_logic` reads jumps; a
question jumped over by an unlabelled edge (`OS9 --> OS11` over OS10) is shown only to the
answers whose edges lead into it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fielder.compiler.jump_logic import answer_test, apply_jumps
from fielder.documents.model import Document
from fielder.ir.models import Question, Survey

_NODE = r"([A-Za-z_]\w*)(?:\s*(?:\[[^\]]*\]|\{[^}]*\}|\([^)]*\)))?"
_ARROW_RE = re.compile(
    r"\s*(?:--\s*(?P<said>[^->|][^>|]*?)\s*)?(?:-->|==>|-\.->|--->)\s*"
    r"(?:\|\s*\"?(?P<label>[^|\"]*)\"?\s*\|)?\s*"
)
_NODE_RE = re.compile(_NODE)
_RANGE_RE = re.compile(r"\b(\d{1,3})\s*[-–]\s*(\d{1,3})\b")


@dataclass(frozen=True)
class _Edge:
    source: str
    target: str
    label: str


def _edges(line: str) -> list[_Edge]:
    """`A --> B -->|x| C` as its edges; [] for a line that is not a chain of edges."""
    if len(line) > 300 or not re.search(r"-->|==>|-\.->", line):
        return []
    node = _NODE_RE.match(line.strip())
    if node is None:
        return []
    rest, source, edges = line.strip()[node.end() :], node[1], []
    while rest:
        arrow = _ARROW_RE.match(rest)
        following = _NODE_RE.match(rest, arrow.end()) if arrow else None
        if arrow is None or following is None:
            return []
        label = (arrow["label"] or arrow["said"] or "").strip()
        edges.append(_Edge(source, following[1], label))
        source, rest = following[1], rest[following.end() :].strip()
    return edges


def _codes(label: str, question: Question) -> list[str]:
    """The answer codes an edge label names: `1, 2 or 3 (attended)`, `0-6`, `2 No`, `Yes`."""
    codes = [o.code for o in question.options]
    bare = re.sub(r"\([^)]*\)", " ", label)
    named: list[str] = []
    for low, high in _RANGE_RE.findall(bare):
        named += [str(n) for n in range(int(low), int(high) + 1)]
    bare = _RANGE_RE.sub(" ", bare)
    named += re.findall(r"(?<![\w.])\d{1,3}(?![\w.])", bare)
    if not named:
        words = label.strip().lower()
        named = [o.code for o in question.options if o.label.lower() == words]
    return [c for c in codes if c in named]


def flowchart_logic(survey: Survey, document: Document) -> None:
    """Give the survey's questions the logic of the document's flowchart, where it has one
    naming three or more of them."""
    edges = [e for block in document.blocks for e in _edges(block.text)]
    questions = survey.questions()
    ids = [q.id for q in questions]
    if len({e.source for e in edges} & set(ids)) < 3:
        return
    for index, question in enumerate(questions):
        out = [e for e in edges if e.source == question.id]
        if not any(e.label for e in out) or not question.options:
            continue
        plain = next((e.target for e in out if not e.label), None)
        targets: dict[str, str | None] = {o.code: plain for o in question.options}
        for edge in out:
            for code in _codes(edge.label, question) if edge.label else []:
                targets[code] = edge.target
        apply_jumps(questions, index, targets)
    _jumped_over(questions, edges)


def _jumped_over(questions: list[Question], edges: list[_Edge]) -> None:
    ids = [q.id for q in questions]
    by_id = {q.id: q for q in questions}
    for edge in edges:
        if edge.label or edge.source not in by_id or edge.target not in by_id:
            continue
        start, end = ids.index(edge.source), ids.index(edge.target)
        if end != start + 2:
            continue
        skipped = questions[start + 1]
        if any(e.target == skipped.id and not e.label for e in edges):
            continue  # a way in for everyone: not a filter
        tests = [
            answer_test(e.source, codes, by_id[e.source].type == "multi")
            for e in edges
            if e.target == skipped.id and e.label and e.source in by_id
            if (codes := _codes(e.label, by_id[e.source]))
        ]
        if tests and skipped.display_if is None:
            skipped.display_if = " or ".join(tests)
