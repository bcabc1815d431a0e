"""Routing-phrasing invariance of the compiler (`python -m bench.routing_variants [FOLDER] [-v]`).

On every blind batch most logic misses are routing the compiler never read: a filter, skip or
screen-out written in words it has not met. `bench.style_variants` varies the LAYOUT of the dev
documents; this bench varies the ROUTING PHRASING, one named phrasing at a time.

From the gold files alone (the dev folders `tests/fixtures/unseen*`, never the blind batches) it
renders a synthetic plain-text questionnaire in one neutral base style (`Q1. text`, answers as
`1. label`, a type cue line such as `(Select all that apply)`), with the gold's own ids, texts,
codes and labels, and the routing written in a CANONICAL form (`[ASK IF Q2 = 1]` above the
question, `(SKIP TO Q5)` / `[TERMINATE]` after an answer, `[IF Q3 = 0, SKIP TO Q9]` /
`[TERMINATE IF Q3 < 18]` under the answers). A document is used only where that canonical render
scores F1, type and logic 1.0 (`bench.accuracy.score_file`, on a temporary copy of the gold).

Each PHRASING (a named function below) then rewrites every logic entry of its kind that it can
express with exactly the gold's meaning (per GOLD_CONVENTIONS), in its placement (a line above
the question, a parenthesis after the question text, a line under the answers, a note after an
answer label, a note over a run of questions with the same filter); the rest stays canonical.
Per phrasing: documents tried, logic entries tried, the share of those read exactly as the gold
(`exact`), and the share of documents whose score did not change at all (`invariance`).
`-v` lists the entries that broke; `--show NAME FILE` prints one variant of one gold file;
`--limit=N` sets the sample size (default 60 golds, chosen deterministically).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.accuracy import figures, score_file
from fielder.ir.expressions import (
    BoolOp,
    Compare,
    Contains,
    ExpressionError,
    In,
    ListLit,
    Not,
    Num,
    Ref,
    Str,
)
from fielder.ir.expressions import parse as parse_expression

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
BLIND = frozenset({"unseen81", "unseen82", "unseen83"})
LIMIT = 60
Gold = dict[str, Any]

CUE = {
    "multi": "(Select all that apply)",
    "number": "(Enter a number)",
    "text": "(Write in: ________)",
    "long_text": "(Please write in your answer below)",
    "email": "(Enter your email address)",
    "date": "(Enter a date)",
    "dropdown": "(Select one from the dropdown list)",
    "ranking": "(Rank in order of preference)",
}
RENDERED_TYPES = frozenset(
    {*CUE, "single", "scale", "display", "grid"}
)  # constant_sum has no neutral cue the compiler reads: such golds are not used


# ---------------------------------------------------------------- conditions


@dataclass
class Cond:
    """A gold condition in a shape a phrasing can write.

    kind: `codes` (== / in on a coded question), `contains` (one or more codes of a multi,
    joined by or), `not` (not == / not in), `num` (a number compare), `and` / `or` (two or more
    simple parts on different questions).
    """

    kind: str
    qid: str = ""
    codes: tuple[str, ...] = ()
    op: str = ""
    number: float = 0.0
    parts: tuple[Cond, ...] = ()


def _simple(node: Any) -> Cond | None:
    if isinstance(node, Compare) and isinstance(node.left, Ref) and not node.left.row:
        if isinstance(node.right, Str) and node.op == "==":
            return Cond("codes", node.left.name, (node.right.value,))
        if isinstance(node.right, Num) and node.op in ("==", ">=", "<=", ">", "<"):
            return Cond("num", node.left.name, op=node.op, number=float(node.right.value))
        return None
    if isinstance(node, In) and isinstance(node.left, Ref) and not node.left.row:
        codes = tuple(i.value for i in node.items.items if isinstance(i, Str))
        if len(codes) != len(node.items.items):
            return None
        return Cond("not" if node.negated else "codes", node.left.name, codes)
    if isinstance(node, Contains) and isinstance(node.left, Ref) and not node.left.row:
        if isinstance(node.right, Str):
            return Cond("contains", node.left.name, (node.right.value,))
        if isinstance(node.right, ListLit):
            return None
        return None
    if isinstance(node, Not):
        inner = _simple(node.operand)
        if inner is not None and inner.kind == "codes":
            return Cond("not", inner.qid, inner.codes)
        return None
    if isinstance(node, BoolOp) and node.op == "or":
        left, right = _simple(node.left), _simple(node.right)
        if (
            left is not None
            and right is not None
            and left.kind == right.kind
            and left.kind in ("codes", "contains")
            and left.qid == right.qid
        ):
            return Cond(left.kind, left.qid, left.codes + right.codes)
    return None


def _flatten(node: Any, op: str) -> list[Any]:
    if isinstance(node, BoolOp) and node.op == op:
        return _flatten(node.left, op) + _flatten(node.right, op)
    return [node]


def classify(expression: str) -> Cond | None:
    """The gold condition as a Cond, or None where no phrasing here writes it."""
    try:
        tree = parse_expression(expression)
    except ExpressionError:
        return None
    simple = _simple(tree)
    if simple is not None:
        return simple
    if isinstance(tree, BoolOp):
        parts = [_simple(n) for n in _flatten(tree, tree.op)]
        if all(p is not None and p.kind != "not" for p in parts):
            found = tuple(p for p in parts if p is not None)
            if len({p.qid for p in found}) == len(found):
                return Cond(tree.op, parts=found)
    return None


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


_SYMBOL = {"==": "=", ">=": ">=", "<=": "<=", ">": ">", "<": "<"}


def canon(cond: Cond) -> str:
    """The canonical spelling: `Q2 = 1 OR 3`, `Q4 ≠ 5`, `Q3 >= 18`, `Q2 = 1 AND Q4 = 2`."""
    if cond.kind in ("codes", "contains"):
        return f"{cond.qid} = {' OR '.join(cond.codes)}"
    if cond.kind == "not":
        return f"{cond.qid} ≠ {' OR '.join(cond.codes)}" if len(cond.codes) == 1 else ""
    if cond.kind == "num":
        return f"{cond.qid} {_SYMBOL[cond.op]} {_num(cond.number)}"
    return f" {cond.kind.upper()} ".join(canon(p) for p in cond.parts)


# ---------------------------------------------------------------- the document and its rendering


@dataclass
class Doc:
    """A gold, read for rendering: its questions by id and each question's labels by code."""

    gold: Gold
    by_id: dict[str, Gold] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id = {str(q["id"]): q for q in self.gold["questions"]}

    def label(self, qid: str, code: str) -> str | None:
        question = self.by_id.get(qid)
        if question is None or question.get("type") == "grid":
            return None
        for option in question.get("options", []):
            if str(option["code"]) == code:
                label = str(option["label"]).strip()
                # a label with quotes, or with its own and/or/nor/only, would make the sentence
                # that names it ambiguous ("PB4 = given a medicine or given advice only only")
                if not label or re.search(r"['\"]|\b(?:or|and|nor|only)\b", label, re.I):
                    return None
                return label
        return None

    def labels(self, cond: Cond) -> list[str] | None:
        found = [self.label(cond.qid, c) for c in cond.codes]
        return None if any(x is None for x in found) else [str(x) for x in found]

    def next_id(self, qid: str) -> str | None:
        ids = list(self.by_id)
        index = ids.index(qid) if qid in ids else -1
        return ids[index + 1] if 0 <= index < len(ids) - 1 else None

    def prev_id(self, qid: str) -> str | None:
        ids = list(self.by_id)
        index = ids.index(qid) if qid in ids else 0
        return ids[index - 1] if index > 0 else None

    def codes_of(self, qid: str) -> list[str]:
        return [str(o["code"]) for o in self.by_id.get(qid, {}).get("options", [])]


@dataclass
class Block:
    """One question as lines: notes above, its head, a suffix on the head, answer tails, below."""

    question: Gold
    above: list[str] = field(default_factory=list)
    suffix: str = ""
    tails: dict[str, list[str]] = field(default_factory=dict)
    below: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        q = self.question
        out = [*self.above, f"{q['id']}. {q['text']}{self.suffix}"]
        if q["type"] in CUE:
            out.append(CUE[q["type"]])
        if q["type"] == "grid":
            out.append("Rows:")
            out += [f"{chr(97 + i)}) {r['label']}" for i, r in enumerate(q.get("rows", []))]
            out.append("Columns:")
        for option in q.get("options", []):
            tail = "".join(f"  {t}" for t in self.tails.get(str(option["code"]), []))
            out.append(f"{option['code']}. {option['label']}{tail}")
        return [*out, *self.below, ""]


def _own_codes(cond: Cond | None, question: Gold, doc: Doc) -> bool:
    """A test on the question's own codes, so it can be written after the answers it names."""
    return (
        cond is not None
        and cond.kind in ("codes", "contains")
        and cond.qid == str(question["id"])
        and question.get("type") != "grid"
        and all(c in doc.codes_of(cond.qid) for c in cond.codes)
    )


def canonical_blocks(doc: Doc) -> list[Block] | None:
    """Every question with its routing in the canonical form; None where some cannot be written."""
    blocks = []
    for question in doc.gold["questions"]:
        block = Block(question)
        if question.get("display_if"):
            cond = classify(question["display_if"])
            if cond is None or not canon(cond):
                return None
            block.above.append(f"[ASK IF {canon(cond)}]")
        for skip in question.get("skip_to", []):
            cond = classify(skip["if"])
            if cond is None or not canon(cond):
                return None
            if _own_codes(cond, question, doc):
                for code in cond.codes:
                    block.tails.setdefault(code, []).append(f"(SKIP TO {skip['to']})")
            else:
                block.below.append(f"[IF {canon(cond)}, SKIP TO {skip['to']}]")
        if question.get("terminate_if"):
            cond = classify(question["terminate_if"])
            if cond is None or not canon(cond):
                return None
            if _own_codes(cond, question, doc):
                for code in cond.codes:
                    block.tails.setdefault(code, []).append("[TERMINATE]")
            else:
                block.below.append(f"[TERMINATE IF {canon(cond)}]")
        blocks.append(block)
    return blocks


def render(blocks: list[Block]) -> str:
    return "\n".join(line for block in blocks for line in block.lines())


# ---------------------------------------------------------------- phrasings

# A display phrasing writes one question's filter: (cond, doc) -> note, or None where it cannot
# say exactly that. A run phrasing writes one note over a run: (cond, doc, first id, last id).
# A skip phrasing writes a tail after an answer (target -> text) or a line under the answers
# ((cond, doc, target) -> line). A terminate phrasing likewise (tail text, or (cond, doc) -> line).
DisplayFn = Callable[[Cond, Doc], str | None]
RunFn = Callable[[Cond, Doc, str, str], str | None]
SkipLineFn = Callable[[Cond, Doc, str], str | None]
EndLineFn = Callable[[Cond, Doc], str | None]
DisplayQFn = Callable[[Cond, Doc, str], str | None]  # (cond, doc, the question's own id)


@dataclass
class Phrasing:
    name: str
    logic: str  # display_if, skip_to, terminate_if
    placement: str  # above, after_text, under, run, section, answer, below
    example: str
    display: DisplayFn | None = None
    run: RunFn | None = None
    tail: Callable[[str], str] | None = None
    skip_line: SkipLineFn | None = None
    end_line: EndLineFn | None = None
    display_q: DisplayQFn | None = None  # a display phrasing that names the question itself


def _quoted(labels: list[str], joiner: str = "or") -> str:
    return f" {joiner} ".join(f"'{x}'" for x in labels)


def _codes_words(cond: Cond, doc: Doc, form: Callable[[list[str]], str]) -> str | None:
    if cond.kind != "codes":
        return None
    labels = doc.labels(cond)
    return form(labels) if labels else None


def _qnum(qid: str) -> str | None:
    match = re.fullmatch(r"Q(\d+)", qid)
    return match.group(1) if match else None


def _consecutive(codes: tuple[str, ...]) -> bool:
    if len(codes) < 2 or not all(c.isdigit() for c in codes):
        return False
    numbers = [int(c) for c in codes]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


_NUM_WORDS = {
    ">=": "{n} or more",
    ">": "more than {n}",
    "<=": "{n} or less",
    "<": "less than {n}",
    "==": "{n}",
}


def _num_words(cond: Cond) -> str | None:
    if cond.kind != "num":
        return None
    return _NUM_WORDS[cond.op].format(n=_num(cond.number))


def _part_words(cond: Cond, doc: Doc) -> str | None:
    """One part of a compound condition in words: `'Yes' at Q2`, `Q3 is 18 or more` (one code a
    part: `'A' or 'B' at Q2 and 'C' at Q4` would leave the reader to guess the grouping)."""
    if cond.kind in ("codes", "contains") and len(cond.codes) == 1:
        labels = doc.labels(cond)
        return f"{_quoted(labels)} at {cond.qid}" if labels else None
    if cond.kind == "num":
        return f"{cond.qid} is {_num_words(cond)}"
    return None


def _compound_words(cond: Cond, doc: Doc) -> str | None:
    if cond.kind not in ("and", "or"):
        return None
    parts = [_part_words(p, doc) for p in cond.parts]
    if any(p is None for p in parts):
        return None
    return f" {cond.kind} ".join(str(p) for p in parts)


def _eqs(cond: Cond) -> str | None:
    """A compound in bare `Q2=1` spelling, each part a single code or a number compare."""
    parts = []
    for part in cond.parts:
        if part.kind in ("codes", "contains") and len(part.codes) == 1:
            parts.append(f"{part.qid}={part.codes[0]}")
        elif part.kind == "num":
            parts.append(f"{part.qid}{_SYMBOL[part.op]}{_num(part.number)}")
        else:
            return None
    return parts and f" {cond.kind.upper()} ".join(parts) or None


def _d(name: str, placement: str, example: str, fn: DisplayFn) -> Phrasing:
    return Phrasing(name, "display_if", placement, example, display=fn)


def _codes_only(fn: Callable[[Cond, Doc], str | None]) -> DisplayFn:
    return lambda c, d: fn(c, d) if c.kind == "codes" else None


def _contains_only(fn: Callable[[Cond, Doc], str | None]) -> DisplayFn:
    return lambda c, d: fn(c, d) if c.kind == "contains" else None


PHRASINGS: list[Phrasing] = [
    # ---- display_if, one test on codes
    _d(
        "ask_if_plain",
        "above",
        "Ask if Q2 = 1",
        _codes_only(lambda c, d: f"Ask if {c.qid} = {' or '.join(c.codes)}"),
    ),
    _d(
        "ask_all_who_said",
        "above",
        "ASK ALL WHO SAID YES AT Q2",
        lambda c, d: _codes_words(
            c, d, lambda ls: f"ASK ALL WHO SAID {' OR '.join(ls).upper()} AT {c.qid}"
        ),
    ),
    _d(
        "only_answer_if_you_said",
        "above",
        "Only answer this if you said 'Yes' at Q2",
        lambda c, d: _codes_words(
            c, d, lambda ls: f"Only answer this if you said {_quoted(ls)} at {c.qid}"
        ),
    ),
    _d(
        "label_only",
        "above",
        "Q2 = Yes only",
        lambda c, d: _codes_words(c, d, lambda ls: f"{c.qid} = {' or '.join(ls)} only"),
    ),
    _d(
        "filter_slash",
        "above",
        "Filter: Q2/1",
        _codes_only(lambda c, d: f"Filter: {c.qid}/{','.join(c.codes)}"),
    ),
    _d(
        "base_those_who",
        "above",
        "Base: those who answered 'Yes' at Q2",
        lambda c, d: _codes_words(
            c, d, lambda ls: f"Base: those who answered {_quoted(ls)} at {c.qid}"
        ),
    ),
    _d(
        "if_label_colon",
        "above",
        "If yes at Q2:",
        lambda c, d: _codes_words(c, d, lambda ls: f"If {' or '.join(ls).lower()} at {c.qid}:"),
    ),
    _d(
        "paren_only_if",
        "after_text",
        "Q5. text (Only if 'Yes' at Q2)",
        lambda c, d: _codes_words(c, d, lambda ls: f"(Only if {_quoted(ls)} at {c.qid})"),
    ),
    _d(
        "ask_if_after_text",
        "after_text",
        "Q5. text [ASK IF Q2 = 1]",
        _codes_only(lambda c, d: f"[ASK IF {canon(c)}]"),
    ),
    _d(
        "code_in_question_n",
        "above",
        "Those who answered code 1 or 2 in question 2",
        _codes_only(
            lambda c, d: (
                f"Those who answered code {' or '.join(c.codes)} in question {_qnum(c.qid)}"
                if _qnum(c.qid)
                else None
            )
        ),
    ),
    _d(
        "asked_to_range",
        "above",
        "Asked to respondents with Q2 = 1-3",
        _codes_only(
            lambda c, d: (
                f"Asked to respondents with {c.qid} = {c.codes[0]}-{c.codes[-1]}"
                if _consecutive(c.codes)
                else None
            )
        ),
    ),
    # ---- display_if on a multi
    _d(
        "contains_selected",
        "above",
        "Ask all who selected 'Roses' at Q4",
        _contains_only(
            lambda c, d: (
                f"Ask all who selected {_quoted(ls)} at {c.qid}"
                if (ls := d.labels(c)) is not None
                else None
            )
        ),
    ),
    _d(
        "contains_code_mentioned",
        "above",
        "ASK IF CODE 3 MENTIONED AT Q4",
        _contains_only(lambda c, d: f"ASK IF CODE {' OR '.join(c.codes)} MENTIONED AT {c.qid}"),
    ),
    # ---- display_if, negated
    _d(
        "not_for_those",
        "above",
        "Not for those who said 'Never' at Q4",
        lambda c, d: (
            f"Not for those who said {_quoted(ls)} at {c.qid}"
            if c.kind == "not" and (ls := d.labels(c)) is not None
            else None
        ),
    ),
    _d(
        "everyone_except_code",
        "above",
        "For everyone except code 5 at Q6",
        lambda c, d: (
            f"For everyone except code {' or '.join(c.codes)} at {c.qid}"
            if c.kind == "not"
            else None
        ),
    ),
    _d(
        "ask_if_not_equal_ascii",
        "above",
        "ASK IF Q6 <> 5",
        lambda c, d: (
            f"ASK IF {c.qid} <> {c.codes[0]}" if c.kind == "not" and len(c.codes) == 1 else None
        ),
    ),
    # ---- display_if, number
    _d(
        "if_number_words",
        "above",
        "If Q3 is 18 or more",
        lambda c, d: f"If {c.qid} is {w}" if (w := _num_words(c)) else None,
    ),
    _d(
        "paren_only_if_number",
        "after_text",
        "Q5. text (Only if Q3 is 18 or more)",
        lambda c, d: f"(Only if {c.qid} is {w})" if (w := _num_words(c)) else None,
    ),
    # ---- display_if, compound
    _d(
        "only_if_and",
        "above",
        "Only if Q2=1 AND Q4=2",
        lambda c, d: f"Only if {e}" if c.kind == "and" and (e := _eqs(c)) else None,
    ),
    _d(
        "bare_or",
        "above",
        "Q2=1 OR Q3=1",
        lambda c, d: e if c.kind == "or" and (e := _eqs(c)) else None,
    ),
    _d(
        "ask_those_compound_words",
        "above",
        "Ask those who said 'Yes' at Q2 and 'Daily' at Q4",
        lambda c, d: f"Ask those who said {w}" if (w := _compound_words(c, d)) else None,
    ),
    # ---- runs of questions with one filter
    Phrasing(
        "run_questions_to",
        "display_if",
        "run",
        "Questions 5 to 8 only for those who said 'Yes' at Q2",
        run=lambda c, d, a, b: (
            f"Questions {_qnum(a)} to {_qnum(b)} only for those who said {_quoted(ls)} at {c.qid}"
            if _qnum(a) and _qnum(b) and c.kind == "codes" and (ls := d.labels(c)) is not None
            else None
        ),
    ),
    Phrasing(
        "run_ask_range_if",
        "display_if",
        "run",
        "ASK Q5-Q8 IF Q2 = 1",
        run=lambda c, d, a, b: f"ASK {a}-{b} IF {canon(c)}" if c.kind != "not" else None,
    ),
    Phrasing(
        "run_section_only_if",
        "display_if",
        "section",
        "SECTION B: ONLY IF Q2 = 1  (then SECTION C)",
        run=lambda c, d, a, b: f"SECTION B: ONLY IF {canon(c)}" if c.kind != "not" else None,
    ),
    # ---- skip_to after an answer
    Phrasing(
        "skip_arrow_goto", "skip_to", "answer", "2. No  → Go to Q5", tail=lambda t: f"→ Go to {t}"
    ),
    Phrasing("skip_ascii_arrow", "skip_to", "answer", "2. No  -> Q5", tail=lambda t: f"-> {t}"),
    Phrasing(
        "skip_paren_mixed",
        "skip_to",
        "answer",
        "2. No  (Skip to Q5)",
        tail=lambda t: f"(Skip to {t})",
    ),
    Phrasing("skip_caps_goto", "skip_to", "answer", "2. No  GO TO Q5", tail=lambda t: f"GO TO {t}"),
    Phrasing(
        "skip_jump_question_n",
        "skip_to",
        "answer",
        "2. No  Jump to question 5",
        tail=lambda t: f"Jump to question {_qnum(t)}" if _qnum(t) else "",
    ),
    Phrasing(
        "skip_continue_at",
        "skip_to",
        "answer",
        "2. No  (please continue at Q5)",
        tail=lambda t: f"(please continue at {t})",
    ),
    Phrasing(
        "skip_pass_to", "skip_to", "answer", "2. No  pass to Q5", tail=lambda t: f"pass to {t}"
    ),
    Phrasing(
        "skip_goto_question_n",
        "skip_to",
        "answer",
        "2. No  Go to question 5",
        tail=lambda t: f"Go to question {_qnum(t)}" if _qnum(t) else "",
    ),
    # ---- skip_to under the answers
    Phrasing(
        "skip_if_label_goto",
        "skip_to",
        "below",
        "If No, go to Q5",
        skip_line=lambda c, d, t: (
            f"If {' or '.join(ls)}, go to {t}."
            if c.kind == "codes" and (ls := d.labels(c)) is not None
            else None
        ),
    ),
    Phrasing(
        "skip_if_eq_caps",
        "skip_to",
        "below",
        "IF Q2 = 2, SKIP TO Q5",
        skip_line=lambda c, d, t: (
            f"IF {c.qid} = {' OR '.join(c.codes)}, SKIP TO {t}" if c.kind == "codes" else None
        ),
    ),
    # ---- terminate_if after an answer
    Phrasing(
        "end_terminate_bare",
        "terminate_if",
        "answer",
        "2. No  TERMINATE",
        tail=lambda t: "TERMINATE",
    ),
    Phrasing(
        "end_arrow_close",
        "terminate_if",
        "answer",
        "2. No  → Close interview",
        tail=lambda t: "→ Close interview",
    ),
    Phrasing(
        "end_thank_and_end",
        "terminate_if",
        "answer",
        "2. No  Thank and end",
        tail=lambda t: "Thank and end",
    ),
    Phrasing(
        "end_screen_out", "terminate_if", "answer", "2. No  SCREEN OUT", tail=lambda t: "SCREEN OUT"
    ),
    Phrasing(
        "end_politely",
        "terminate_if",
        "answer",
        "2. No  (end the interview politely)",
        tail=lambda t: "(end the interview politely)",
    ),
    Phrasing("end_close_caps", "terminate_if", "answer", "2. No  CLOSE", tail=lambda t: "CLOSE"),
    # ---- terminate_if under the answers
    Phrasing(
        "end_if_code_survey",
        "terminate_if",
        "below",
        "If 2, end the survey",
        end_line=lambda c, d: (
            f"If {' or '.join(c.codes)}, end the survey." if c.kind == "codes" else None
        ),
    ),
    Phrasing(
        "end_if_number_words",
        "terminate_if",
        "below",
        "If less than 18, thank and close",
        end_line=lambda c, d: f"If {w}, thank and close." if (w := _num_words(c)) else None,
    ),
]
# ---------------------------------------------------------------- new phrasings (end of session 24)
# Harvested from the "how routing is written" sections of the dev READMEs (unseen40-77) and
# samples/README.md; each states exactly the gold's logic under GOLD_CONVENTIONS or is not used.


def _dq(name: str, placement: str, example: str, fn: DisplayQFn) -> Phrasing:
    return Phrasing(name, "display_if", placement, example, display_q=fn)


def _eq_codes(cond: Cond, spaced: bool = True) -> str | None:
    """`Q2 = 1` / `Q2 = 1 OR Q2 = 3` for a test on codes (no grouping left to guess)."""
    if cond.kind != "codes":
        return None
    eq = " = " if spaced else "="
    return " OR ".join(f"{cond.qid}{eq}{code}" for code in cond.codes)


def _part_is(cond: Cond) -> str | None:
    """One part of an or/and as `Q2 is 1` / `Q3 is 18 or more` (one code a part)."""
    if cond.kind in ("codes", "contains") and len(cond.codes) == 1:
        return f"{cond.qid} is {cond.codes[0]}"
    if cond.kind == "num":
        return f"{cond.qid} is {_num_words(cond)}"
    return None


def _either_or(cond: Cond, doc: Doc) -> str | None:
    if cond.kind != "or" or len(cond.parts) != 2:
        return None
    parts = [_part_is(p) for p in cond.parts]
    if any(p is None for p in parts):
        return None
    return f"Filter: asked where either {parts[0]} or {parts[1]}"


def _branch(cond: Cond, doc: Doc, qid: str) -> str | None:
    """`IF Q2 = 1 → Q3 ELSE → Q4`: both branches of the question above (GOLD_CONVENTIONS: the
    next question's display_if), only where the test is on the question right above."""
    after = doc.next_id(qid)
    if cond.kind != "codes" or cond.qid != doc.prev_id(qid) or after is None:
        return None
    return f"IF {cond.qid} = {' OR '.join(cond.codes)} → {qid} ELSE → {after}"


def _skip_else(cond: Cond, doc: Doc, target: str) -> str | None:
    after = doc.next_id(cond.qid)
    if after is None or after == target:
        return None
    return f"IF {cond.qid} = {' OR '.join(cond.codes)} → {target} ELSE → {after}"


def _codes_go(cond: Cond, doc: Doc, target: str) -> str:
    if len(cond.codes) == 1:
        return f"Code {cond.codes[0]} goes to {target}."
    return f"Codes {', '.join(cond.codes[:-1])} and {cond.codes[-1]} go to {target}."


def _num_caps(cond: Cond, qid: str) -> str | None:
    if cond.kind != "num" or cond.op == "==":
        return None
    return f"[ASK {qid} ONLY IF {str(_num_words(cond)).upper()} AT {cond.qid}]"


NEW_PHRASINGS: list[Phrasing] = [
    # ---- display_if, one test on codes
    _dq(
        "only_answer_qid_if_ticked",
        "above",
        "Only answer Q5 if you ticked 'Yes' at Q2",
        lambda c, d, q: _codes_words(
            c, d, lambda ls: f"Only answer {q} if you ticked {_quoted(ls)} at {c.qid}"
        ),
    ),
    _d(
        "if_you_ticked_please_answer",
        "above",
        "If you ticked 'Yes' at Q2, please answer this question.",
        lambda c, d: _codes_words(
            c, d, lambda ls: f"If you ticked {_quoted(ls)} at {c.qid}, please answer this question."
        ),
    ),
    _d(
        "paren_only_if_at_number",
        "after_text",
        "Q5. text (only if Yes at 2)",
        lambda c, d: (
            _codes_words(c, d, lambda ls: f"(only if {' or '.join(ls)} at {_qnum(c.qid)})")
            if _qnum(c.qid)
            else None
        ),
    ),
    _dq(
        "q_is_for_those",
        "above",
        "Q5 is for those who said 'Yes' at Q2.",
        lambda c, d, q: _codes_words(
            c, d, lambda ls: f"{q} is for those who said {_quoted(ls)} at {c.qid}."
        ),
    ),
    _d(
        "filter_only_who_responded",
        "above",
        "Filter: only who responded code 1 in Q2",
        _codes_only(
            lambda c, d: f"Filter: only who responded code {' or '.join(c.codes)} in {c.qid}"
        ),
    ),
    _d(
        "universe_eq",
        "above",
        "Universe: Q2 = 1 (also Q2 = 1 AND Q4 = 2, Q3 >= 18)",
        lambda c, d: f"Universe: {canon(c)}" if c.kind != "not" and canon(c) else None,
    ),
    _d(
        "asked_of_label",
        "above",
        "Asked of: those who said 'Yes' at Q2",
        lambda c, d: _codes_words(
            c, d, lambda ls: f"Asked of: those who said {_quoted(ls)} at {c.qid}"
        ),
    ),
    _d(
        "who_colon",
        "above",
        "Who: those with Q2 = 1",
        _codes_only(lambda c, d: f"Who: those with {c.qid} = {' or '.join(c.codes)}"),
    ),
    _dq(
        "routing_q_if",
        "above",
        "Routing: Q5 if Q2 = 1",
        lambda c, d, q: (
            f"Routing: {q} if {c.qid} = {' or '.join(c.codes)}" if c.kind == "codes" else None
        ),
    ),
    _d(
        "bracket_bare_eq",
        "above",
        "[Q2=1]",
        lambda c, d: f"[{e}]" if (e := _eq_codes(c, spaced=False)) else None,
    ),
    _d(
        "angle_bare_eq",
        "above",
        "<Q2 = 1>",
        lambda c, d: f"<{e}>" if (e := _eq_codes(c)) else None,
    ),
    _d(
        "paren_bare_after_text",
        "after_text",
        "Q5. text (Q2=1)",
        lambda c, d: f"({e})" if (e := _eq_codes(c, spaced=False)) else None,
    ),
    _dq(
        "if_else_branch", "above", "IF Q4 = 1 → Q5 ELSE → Q6 (test on the question above)", _branch
    ),
    # ---- display_if, negated
    _d(
        "not_asked_if",
        "above",
        "Not asked if Q4 = 1",
        lambda c, d: f"Not asked if {c.qid} = {' or '.join(c.codes)}" if c.kind == "not" else None,
    ),
    _d(
        "leave_blank_if_label",
        "under",
        "(under the answers) Leave this blank if you said 'Daily' at Q4.",
        lambda c, d: (
            f"Leave this blank if you said {_quoted(ls)} at {c.qid}."
            if c.kind == "not" and (ls := d.labels(c)) is not None
            else None
        ),
    ),
    # ---- display_if on a multi
    _d(
        "show_if_includes",
        "above",
        "SHOW IF Q3 INCLUDES 1",
        _contains_only(lambda c, d: f"SHOW IF {c.qid} INCLUDES {' OR '.join(c.codes)}"),
    ),
    _d(
        "paren_ticked_at",
        "after_text",
        "Q5. text (only if you ticked 'Roses' at Q3)",
        _contains_only(
            lambda c, d: (
                f"(only if you ticked {_quoted(ls)} at {c.qid})"
                if (ls := d.labels(c)) is not None
                else None
            )
        ),
    ),
    # ---- display_if, number
    _d(
        "under_only_if_number",
        "under",
        "(under the answers) (Only if Q3 is 18 or more.)",
        lambda c, d: f"(Only if {c.qid} is {w}.)" if (w := _num_words(c)) else None,
    ),
    _dq(
        "ask_q_only_if_number",
        "above",
        "[ASK Q5 ONLY IF 18 OR MORE AT Q3]",
        lambda c, d, q: _num_caps(c, q),
    ),
    # ---- display_if, compound
    _d("filter_either_or", "above", "Filter: asked where either Q2 is 1 or Q3 is 3", _either_or),
    # ---- runs of questions with one filter
    Phrasing(
        "run_colon_range",
        "display_if",
        "run",
        "Q5–Q8: only if Q2 = 1.",
        run=lambda c, d, a, b: (
            f"{a}–{b}: only if {c.qid} = {' or '.join(c.codes)}." if c.kind == "codes" else None
        ),
    ),
    Phrasing(
        "run_are_for_else",
        "display_if",
        "run",
        "Q5 to Q8 are for those who answered 1 at Q2. Everyone else go to Q9.",
        run=lambda c, d, a, b: (
            f"{a} to {b} are for those who answered {' or '.join(c.codes)} at {c.qid}. "
            f"Everyone else go to {after}."
            if c.kind == "codes" and (after := d.next_id(b))
            else None
        ),
    ),
    Phrasing(
        "run_section_whole",
        "display_if",
        "section",
        "SECTION B – WHOLE SECTION: ASK IF Q2 = 1  (then SECTION C)",
        run=lambda c, d, a, b: (
            f"SECTION B – WHOLE SECTION: ASK IF {canon(c)}"
            if c.kind in ("codes", "contains") and canon(c)
            else None
        ),
    ),
    # ---- skip_to after an answer
    Phrasing(
        "skip_jump_ahead",
        "skip_to",
        "answer",
        "2. No  → jump ahead to Q5",
        tail=lambda t: f"→ jump ahead to {t}",
    ),
    Phrasing(
        "skip_go_straight",
        "skip_to",
        "answer",
        "2. No  >> go straight to Q5",
        tail=lambda t: f">> go straight to {t}",
    ),
    # ---- skip_to under the answers
    Phrasing(
        "skip_routing_line",
        "skip_to",
        "below",
        "ROUTING: IF Q4 = 2 GO TO Q9.",
        skip_line=lambda c, d, t: f"ROUTING: IF {c.qid} = {' OR '.join(c.codes)} GO TO {t}.",
    ),
    Phrasing(
        "skip_codes_go_to",
        "skip_to",
        "below",
        "Codes 2 and 3 go to Q9.",
        skip_line=_codes_go,
    ),
    Phrasing(
        "skip_if_else_arrow",
        "skip_to",
        "below",
        "IF Q4 = 2 → Q9 ELSE → Q5",
        skip_line=_skip_else,
    ),
    # ---- terminate_if after an answer / under the answers
    Phrasing(
        "end_no_need_rest",
        "terminate_if",
        "answer",
        "2. No  – thank you, you don't need to fill in the rest",
        tail=lambda t: "– thank you, you don't need to fill in the rest",
    ),
    Phrasing(
        "end_pn_screen_out",
        "terminate_if",
        "below",
        "PN: SCREEN OUT IF CODE 2 AT Q1.",
        end_line=lambda c, d: (
            f"PN: SCREEN OUT IF CODE {' OR '.join(c.codes)} AT {c.qid}."
            if c.kind == "codes"
            else None
        ),
    ),
    Phrasing(
        "end_close_if_number",
        "terminate_if",
        "below",
        "Close if less than 18.",
        end_line=lambda c, d: f"Close if {w}." if (w := _num_words(c)) else None,
    ),
]
PHRASINGS += NEW_PHRASINGS
BY_NAME = {p.name: p for p in PHRASINGS}


# ---------------------------------------------------------------- applying a phrasing


def _runs(doc: Doc) -> list[list[int]]:
    """Runs of two or more consecutive questions with the same display_if."""
    questions = doc.gold["questions"]
    runs: list[list[int]] = []
    for index, question in enumerate(questions):
        cond = question.get("display_if")
        if (
            cond
            and runs
            and runs[-1][-1] == index - 1
            and questions[index - 1].get("display_if") == cond
        ):
            runs[-1].append(index)
        elif cond:
            runs.append([index])
    return [r for r in runs if len(r) >= 2]


def variant(doc: Doc, phrasing: Phrasing) -> tuple[str, list[str]] | None:
    """The document with every entry the phrasing can write so written, and the ids it touched."""
    blocks = canonical_blocks(doc)
    if blocks is None:
        return None
    touched: list[str] = []
    questions = doc.gold["questions"]
    if phrasing.run is not None:
        for run in _runs(doc):
            first, last = questions[run[0]], questions[run[-1]]
            cond = classify(first["display_if"])
            note = cond and phrasing.run(cond, doc, str(first["id"]), str(last["id"]))
            if not note:
                continue
            for index in run:
                blocks[index].above = []
                touched.append(str(questions[index]["id"]))
            blocks[run[0]].above = [note, ""]
            if phrasing.placement == "section":
                blocks[run[0]].above = ["", note, ""]
                if run[-1] + 1 < len(blocks):
                    blocks[run[-1] + 1].above[:0] = ["SECTION C", ""]
                else:
                    return None
        return (render(blocks), touched) if touched else None
    for block in blocks:
        question = block.question
        qid = str(question["id"])
        if (phrasing.display or phrasing.display_q) and question.get("display_if"):
            cond = classify(question["display_if"])
            note = cond and (
                phrasing.display(cond, doc)
                if phrasing.display is not None
                else phrasing.display_q(cond, doc, qid)
                if phrasing.display_q is not None
                else None
            )
            if note:
                block.above = [note] if phrasing.placement == "above" else []
                if phrasing.placement == "after_text":
                    block.suffix = " " + note
                if phrasing.placement == "under":
                    block.below.insert(0, note)
                touched.append(qid)
        if phrasing.logic in ("skip_to", "terminate_if") and (
            question.get("skip_to") if phrasing.logic == "skip_to" else question.get("terminate_if")
        ):
            if _rephrase_routes(block, doc, phrasing):
                touched.append(qid)
    return (render(blocks), touched) if touched else None


def _rephrase_routes(block: Block, doc: Doc, phrasing: Phrasing) -> bool:
    """Rewrite the question's skips (or screen-out) the phrasing can say; True if any."""
    question = block.question
    if phrasing.logic == "skip_to":
        entries = [(classify(s["if"]), str(s["to"])) for s in question["skip_to"]]
    else:
        entries = [(classify(question["terminate_if"]), "")]

    def canonical(target: str) -> str:
        return f"(SKIP TO {target})" if phrasing.logic == "skip_to" else "[TERMINATE]"

    done = False
    for cond, target in entries:
        if cond is None or not _own_codes(cond, question, doc):
            continue  # the tail and under-answer phrasings here name the question's own codes
        if phrasing.tail is not None:
            text = phrasing.tail(target)
            if not text:
                continue
            for code in cond.codes:
                tails = block.tails[code]
                tails[tails.index(canonical(target))] = text
            done = True
        else:
            line = (
                phrasing.skip_line(cond, doc, target)
                if phrasing.skip_line is not None
                else phrasing.end_line(cond, doc)
                if phrasing.end_line is not None
                else None
            )
            if not line:
                continue
            for code in cond.codes:
                block.tails[code].remove(canonical(target))
            block.below.append(line)
            done = True
    if phrasing.end_line is not None and not done and question.get("terminate_if"):
        cond = classify(question["terminate_if"])
        if cond is not None and cond.kind == "num" and cond.qid == str(question["id"]):
            line = phrasing.end_line(cond, doc)
            if line:
                block.below = [x for x in block.below if not x.startswith("[TERMINATE IF")]
                block.below.append(line)
                done = True
    return done


# ---------------------------------------------------------------- scoring


def gold_words(gold: Gold) -> list[str]:
    """Every text and label of the gold (the render must keep each word for word)."""
    words = [str(q.get("text", "")) for q in gold["questions"]]
    words += [str(o["label"]) for q in gold["questions"] for o in q.get("options", [])]
    words += [str(r["label"]) for q in gold["questions"] for r in q.get("rows", [])]
    return [w for w in words if w.strip()]


def _score_text(gold: Gold, text: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "variant.txt").write_text(text, encoding="utf-8")
        target = Path(folder) / "variant.gold.json"
        target.write_text(json.dumps(dict(gold, file="variant.txt")), encoding="utf-8")
        return score_file(target)


@dataclass
class Outcome:
    phrasing: str
    folder: str
    file: str
    tried: list[str]
    broke: list[str]  # the misses on the touched questions
    collateral: list[str]  # new misses elsewhere


def usable(gold: Gold) -> bool:
    """A gold this bench can render: known types, routing the canonical form writes."""
    questions = gold["questions"]
    if not any(k in q for q in questions for k in ("display_if", "terminate_if", "skip_to")):
        return False
    if any(q.get("type") not in RENDERED_TYPES for q in questions):
        return False
    if any("\n" in str(q.get("text", "")) for q in questions):
        return False
    return canonical_blocks(Doc(gold)) is not None


def run_document(gold_path: Path, names: list[str]) -> tuple[str, list[Outcome]]:
    """Score the canonical render, then each phrasing's variant ('why' is why a doc is not used)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = Doc(gold)
    blocks = canonical_blocks(doc)
    if blocks is None:
        return "unrenderable", []
    base = _score_text(gold, render(blocks))
    figs = figures(base)
    if not (figs["f1"] == figs["type"] == figs["logic"] == 1.0):
        return "base below 1.0: " + "; ".join(base["misses"][:2]), []
    old = set(base["misses"])
    outcomes = []
    for name in names:
        made = variant(doc, BY_NAME[name])
        if made is None:
            continue
        text, touched = made
        result = _score_text(gold, text)
        new = [m for m in result["misses"] if m not in old]
        # an entry breaks where its logic is read otherwise or its question is lost; a label
        # that swallowed the routing words, or a miss on another question, is collateral
        mine = [
            m
            for m in new
            if m.split(":", 1)[0] in touched and re.match(r"[^:]+: (logic|not found)", m)
        ]
        other = [m for m in new if m not in mine and "details" not in m]
        outcomes.append(Outcome(name, gold_path.parent.name, gold_path.name, touched, mine, other))
    return "", outcomes


def dev_golds(folders: Iterable[Path] | None = None) -> list[Path]:
    if folders is None:
        folders = sorted(p for p in FIXTURES.glob("unseen*") if p.is_dir())
    found = []
    for folder in folders:
        if folder.name in BLIND:
            continue
        found += sorted(folder.glob("*.gold.json"))
    return found


def _kinds(gold: Gold) -> set[str]:
    kinds = set()
    doc = Doc(gold)
    for question in gold["questions"]:
        if question.get("display_if"):
            cond = classify(question["display_if"])
            kinds.add(f"d_{cond.kind if cond else '?'}")
        if question.get("skip_to"):
            kinds.add("skip")
            if any(_own_codes(classify(s["if"]), question, doc) for s in question["skip_to"]):
                kinds.add("skip_own")
        if question.get("terminate_if"):
            cond = classify(question["terminate_if"])
            kinds.add("end_own" if _own_codes(cond, question, doc) else "end")
    if _runs(doc):
        kinds.add("run")
    return kinds


def sample(paths: list[Path], limit: int) -> list[Path]:
    """A fixed sample: by a hash of the path, half in that order, then the rest so that every
    kind of logic (negations, numbers, compounds, multis, runs, skips, screen-outs) is met."""
    usable_paths = []
    kinds: dict[Path, set[str]] = {}
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if usable(gold):
            usable_paths.append(path)
            kinds[path] = _kinds(gold)
    ordered = sorted(
        usable_paths, key=lambda p: hashlib.sha1(f"{p.parent.name}/{p.name}".encode()).hexdigest()
    )
    chosen = ordered[: limit // 2]
    wanted = ["d_not", "d_num", "d_and", "d_or", "d_contains", "run", "skip_own", "end_own", "end"]
    for round_ in range(limit):
        for kind in wanted:
            if len(chosen) >= limit:
                return chosen
            if sum(kind in kinds[p] for p in chosen) > round_:
                continue
            extra = next((p for p in ordered if p not in chosen and kind in kinds[p]), None)
            if extra is not None:
                chosen.append(extra)
        if all(not any(p not in chosen and k in kinds[p] for p in ordered) for k in wanted):
            break
    return chosen[:limit]


def summarise(outcomes: list[Outcome], names: list[str]) -> list[dict[str, Any]]:
    rows = []
    for name in [*names, "ALL"]:
        mine = [o for o in outcomes if name in ("ALL", o.phrasing)]
        entries = sum(len(o.tried) for o in mine)
        broke = sum(len({m.split(":", 1)[0] for m in o.broke}) for o in mine)
        kept = [not o.broke and not o.collateral for o in mine]
        rows.append(
            {
                "figure": f"routing_exact_{name}" if name != "ALL" else "routing_exact",
                "value": round((entries - broke) / entries, 4) if entries else None,
                "unit": "ratio",
                "docs": len(mine),
                "entries": entries,
                "broke": broke,
                "invariance": round(sum(kept) / len(kept), 4) if kept else None,
                "example": BY_NAME[name].example if name != "ALL" else "",
            }
        )
    return rows


def _show(name: str, path: Path) -> None:
    gold_path = path if path.name.endswith(".gold.json") else path.with_suffix(".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = Doc(gold)
    if name == "canonical":
        blocks = canonical_blocks(doc)
        print(render(blocks) if blocks is not None else "cannot be rendered")
        return
    made = variant(doc, BY_NAME[name])
    print(made[0] if made else f"{name} does not apply")


def main(argv: list[str]) -> list[dict[str, Any]]:
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    if "--show" in argv:
        _show(args[0], Path(args[1]))
        return []
    only = [a.split("=", 1)[1] for a in argv if a.startswith("--only=")]
    limits = [int(a.split("=", 1)[1]) for a in argv if a.startswith("--limit=")]
    names = [p.name for p in PHRASINGS if not only or p.name in only[0].split(",")]
    folders = [Path(a) for a in args] or None
    if folders and any(f.name in BLIND for f in folders):
        print(json.dumps({"figure": "routing_exact", "skipped": "blind folders are not read"}))
    paths = sample(dev_golds(folders), limits[0] if limits else LIMIT)
    outcomes: list[Outcome] = []
    dropped: list[str] = []
    with ProcessPoolExecutor(max_workers=2) as pool:
        for path, (why, found) in zip(
            paths, pool.map(run_document, paths, [names] * len(paths)), strict=True
        ):
            outcomes.extend(found)
            if why:
                dropped.append(f"{path.parent.name}/{path.name}: {why}")
    summary = summarise(outcomes, names)
    for row in summary:
        print(json.dumps(row))
    print(f"sample: {len(paths)} golds, {len(paths) - len(dropped)} used (canonical render 1.0)")
    print(f"{'phrasing':28} {'docs':>4} {'entries':>7} {'exact':>6} {'inv':>6}  example")
    ordered = sorted(summary[:-1], key=lambda r: r["value"] if r["value"] is not None else 2)
    for row in [*ordered, summary[-1]]:
        value = f"{row['value']:6.3f}" if row["value"] is not None else "     -"
        inv = f"{row['invariance']:6.3f}" if row["invariance"] is not None else "     -"
        print(
            f"{row['figure'].removeprefix('routing_exact_'):28} {row['docs']:4d} "
            f"{row['entries']:7d} {value} {inv}  {row['example']}"
        )
    if verbose:
        for line in dropped:
            print(f"  not used: {line}")
        for outcome in outcomes:
            for miss in outcome.broke:
                print(f"  {outcome.phrasing}: {outcome.folder}/{outcome.file}: {miss}")
            for miss in outcome.collateral[:3]:
                print(f"  {outcome.phrasing}: {outcome.folder}/{outcome.file}: (elsewhere) {miss}")
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
