"""Compiler accuracy on the questionnaires with gold answers (`python -m bench.accuracy [DIR]`).

Per file and overall: question detection precision/recall/F1 (same id and the same text),
type accuracy, options exactly right (codes and labels), logic right (the same questions
and codes named in display/terminate/skip conditions, and the same skip targets).
Ids are matched folded (INTRODUCCIÓN is INTRODUCCION, D-INTRO is D_INTRO): the IR's ids are ASCII
identifiers, so a gold id written with accents or a hyphen can only ever be met in folded form.
Prints one JSON line per file and per overall figure, then a readable table.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from fielder.compiler import compile_document
from fielder.documents import read_path
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

SAMPLES = Path("/work/shared/samples")
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_LOGIC = ("display_if", "terminate_if", "skip_to")
_CMP_RE = re.compile(
    r"([A-Za-z_][A-Za-z0-9_.]*)\s*(not\s+in|in|contains|==|!=|>=|<=|>|<)\s*(\[[^\]]*\]|'[^']*'|-?\d+(?:\.\d+)?)"
)


def norm(text: str) -> str:
    """Text folded for comparison: quotes and dashes folded, whitespace collapsed."""
    return re.sub(r"\s+", " ", (text or "").translate(_FOLD)).strip()


def id_key(qid: str) -> str:
    """A question id in the form an IR id can take: accents folded, other marks as `_`."""
    return re.sub(r"[^A-Za-z0-9_]", "_", _ascii(qid))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def same_text(a: str, b: str) -> bool:
    """True when two question texts are the same text (allowing tiny differences)."""
    a, b = norm(a).lower(), norm(b).lower()
    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.9


def refs(expression: str | None) -> frozenset[tuple[str, str, str]]:
    """What a condition names: (question, test, code or number), folded by meaning.

    Read with the IR's own parser, so that a `not (…)` turns only what it encloses: `A == '1'
    and not (B == '2')` names A as held and B as denied, the same as `A == '1' and B != '2'`.
    A number test under a `not` is turned too (`not (Q5 > 3)` is `Q5 <= 3`). An expression
    the parser refuses is read the old way, by its comparisons alone.
    """
    if not expression:
        return frozenset()
    expression = _ascii(expression)  # accents folded on both sides, as ids are matched
    try:
        tree = parse_expression(expression)
    except ExpressionError:
        return _refs_by_pattern(expression)
    found: set[tuple[str, str, str]] = set()
    _collect(tree, False, found)
    return frozenset(found)


_TURNED = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}


def _value_key(item: Any) -> str | None:
    if isinstance(item, Str):
        return item.value
    if isinstance(item, Num):
        return str(float(item.value))
    return None


def _collect(node: Any, negated: bool, found: set[tuple[str, str, str]]) -> None:
    """Add what one part of a parsed condition names, `negated` under an odd number of `not`s."""
    held, denied = ("neg", "is") if negated else ("is", "neg")
    if isinstance(node, Not):
        _collect(node.operand, not negated, found)
    elif isinstance(node, BoolOp):
        _collect(node.left, negated, found)
        _collect(node.right, negated, found)
    elif isinstance(node, (Compare, In, Contains)) and isinstance(node.left, Ref):
        qid = node.left.name + (f".{node.left.row}" if node.left.row else "")
        if isinstance(node, Compare):
            value = _value_key(node.right)
            if isinstance(node.right, Str) or node.op in ("==", "!="):
                test = held if node.op != "!=" else denied
                if value is not None:
                    found.add((qid, test, value))
            elif value is not None:
                found.add((qid, _TURNED[node.op] if negated else node.op, value))
        elif isinstance(node, In):
            for item in node.items.items:
                if (value := _value_key(item)) is not None:
                    found.add((qid, denied if node.negated else held, value))
        else:
            right: tuple[Any, ...] = (
                node.right.items if isinstance(node.right, ListLit) else (node.right,)
            )
            for thing in right:
                if (value := _value_key(thing)) is not None:
                    found.add((qid, held, value))


def _refs_by_pattern(expression: str) -> frozenset[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    negated = "not" in re.sub(r"not\s+in", "", expression)
    for qid, op, value in _CMP_RE.findall(expression):
        values = re.findall(r"'([^']*)'|(-?\d+(?:\.\d+)?)", value)
        for quoted, number in values:
            if quoted:
                test = "neg" if (op in ("!=", "not in") or negated) else "is"
                found.add((qid, test, quoted))
            else:
                found.add((qid, op, str(float(number))))
    return frozenset(found)


def logic_of(question: dict[str, Any]) -> tuple[Any, ...]:
    """A question's routing as comparable sets."""
    skips = frozenset((id_key(s["to"]), refs(s["if"])) for s in question.get("skip_to", []))
    return (refs(question.get("display_if")), refs(question.get("terminate_if")), skips)


def details_of(question: dict[str, Any]) -> tuple[Any, ...]:
    """Exclusive and specify codes, validation, grid rows and `multiple`, in the gold's terms."""
    options = question.get("options", [])
    if "exclusive" in question or "specify" in question:  # gold shape
        exclusive, specify = question.get("exclusive", []), question.get("specify", [])
    else:  # IR shape
        exclusive = [o["code"] for o in options if o.get("exclusive")]
        specify = [o["code"] for o in options if o.get("specify")]
    validation = dict(question.get("validation") or {})
    if "max_choices" in validation:
        validation["max"] = validation.pop("max_choices")
    if "min_choices" in validation:  # a multi's least number of answers, the gold's "min"
        validation["min"] = validation.pop("min_choices")
    validation.pop("integer", None)
    if "total" in question:
        validation["total"] = question["total"]
    rows = [norm(r["label"]) for r in question.get("rows", [])]
    multiple = question.get("multiple", False) if question.get("type") == "grid" else None
    # the gold format's validation is numeric (min/max/total); a text pattern has no gold form,
    # nor has a ranking's count ("RANK TOP 3": the IR keeps it for the platforms)
    numbers = {k: float(v) for k, v in validation.items() if not isinstance(v, str)}
    if question.get("type") == "ranking":
        numbers = {}
    return (exclusive, specify, numbers, rows, multiple)


def _options(question: dict[str, Any]) -> list[tuple[str, str]]:
    # "Other:" and "Other" are one label: the gold batches disagree on keeping a write-in
    # label's trailing colon (one batch keeps it, nine drop it), so neither side is scored on it
    return [
        (str(o["code"]), norm(o["label"]).removesuffix(":").rstrip())
        for o in question.get("options", [])
    ]


def score_file(gold_path: Path) -> dict[str, Any]:
    """Compile the file a gold file names and score it."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    result = compile_document(read_path(gold_path.parent / gold["file"]))
    seconds = time.perf_counter() - started
    predicted = {
        id_key(q.id): q.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        for q in result.survey.questions()
    }
    counts = {
        "gold": len(gold["questions"]),
        "predicted": len(predicted),
        "matched": 0,
        "type_ok": 0,
        "details_ok": 0,
        "options_total": 0,
        "options_ok": 0,
        "logic_total": 0,
        "logic_ok": 0,
    }
    misses: list[str] = []
    for expected in gold["questions"]:
        got = predicted.get(id_key(expected["id"]))
        if got is None or not same_text(got.get("text", ""), expected["text"]):
            misses.append(f"{expected['id']}: not found")
            continue
        counts["matched"] += 1
        counts["type_ok"] += got["type"] == expected["type"]
        if got["type"] != expected["type"]:
            misses.append(f"{expected['id']}: type {got['type']} != {expected['type']}")
        if expected.get("options"):
            counts["options_total"] += 1
            ok = _options(got) == _options(expected)
            counts["options_ok"] += ok
            if not ok:
                misses.append(
                    f"{expected['id']}: options {_options(got)[:4]}… != {_options(expected)[:4]}…"
                )
        counts["details_ok"] += details_of(got) == details_of(expected)
        if details_of(got) != details_of(expected):
            misses.append(f"{expected['id']}: details {details_of(got)} != {details_of(expected)}")
        if any(k in expected or k in got for k in ("display_if", "terminate_if", "skip_to")):
            counts["logic_total"] += 1
            ok = logic_of(got) == logic_of(expected)
            counts["logic_ok"] += ok
            if not ok:
                misses.append(
                    f"{expected['id']}: logic {[got.get(k) for k in _LOGIC]} != "
                    f"{[expected.get(k) for k in _LOGIC]}"
                )
    return {"file": gold["file"], "seconds": round(seconds, 3), **counts, "misses": misses}


def figures(counts: dict[str, Any]) -> dict[str, float]:
    """Precision, recall, F1 and the three accuracies from raw counts."""
    precision = counts["matched"] / counts["predicted"] if counts["predicted"] else 0.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def ratio(a: str, b: str) -> float:
        return counts[a] / counts[b] if counts[b] else 1.0

    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "type": round(ratio("type_ok", "matched"), 4),
        "options": round(ratio("options_ok", "options_total"), 4),
        "logic": round(ratio("logic_ok", "logic_total"), 4),
        "details": round(ratio("details_ok", "matched"), 4),
    }


def main(folder: Path = SAMPLES, verbose: bool = False) -> dict[str, float]:
    """Score every gold file in the folder; print JSON lines and a table; return overall figures."""
    if not folder.exists():
        print(json.dumps({"figure": "accuracy", "skipped": f"{folder} is absent"}))
        return {}
    results = [score_file(path) for path in sorted(folder.glob("*.gold.json"))]
    total: dict[str, Any] = {
        k: sum(r[k] for r in results)
        for k in (
            "gold",
            "predicted",
            "matched",
            "type_ok",
            "details_ok",
            "options_total",
            "options_ok",
            "logic_total",
            "logic_ok",
        )
    }
    rows = []
    for result in results:
        figs = figures(result)
        rows.append((result["file"], figs))
        print(
            json.dumps(
                {
                    "figure": "accuracy",
                    "file": result["file"],
                    **figs,
                    "seconds": result["seconds"],
                }
            )
        )
    overall = figures(total)
    for name, value in overall.items():
        print(json.dumps({"figure": f"accuracy_{name}", "value": value, "unit": "ratio"}))
    names = ("P", "R", "F1", "type", "opts", "logic", "detail")
    header = f"{'file':34} " + " ".join(f"{n:>6}" for n in names)
    print(header)
    for name, figs in [*rows, ("OVERALL", overall)]:
        print(
            f"{name:34} {figs['precision']:6.3f} {figs['recall']:6.3f} {figs['f1']:6.3f} "
            f"{figs['type']:6.3f} {figs['options']:6.3f} {figs['logic']:6.3f} "
            f"{figs['details']:6.3f}"
        )
    if verbose:
        for result in results:
            for miss in result["misses"]:
                print(f"  {result['file']}: {miss}")
    return overall


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else SAMPLES, verbose="-v" in sys.argv)
