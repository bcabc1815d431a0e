"""Style invariance of the compiler (`python -m bench.style_variants [FOLDER...] [-v]`).

Every session's blind batch is written by a new author, who writes the same ideas (coded answers,
numbered questions, jumps, instructions, lists) in a slightly different style. A rule fixed on one
folder reads that folder's style; this bench asks whether the compiler reads the SAME document the
same way when only its style changes.

It takes the plain-text gold documents (.txt, .md) of the development folders, rewrites each with
small meaning-preserving transforms (each a named function below; a transform that does not apply
to a document leaves it alone and the document is not tried), scores the variant against the SAME
gold (`bench.accuracy.score_file`, the variant written to a temporary folder with a copy of the
gold naming it), and reports per transform: documents tried, and the share whose figures that
were 1.0 on the original stay 1.0 (the invariance figure). `-v` lists the entries that broke.
`--show TRANSFORM FILE` prints one variant, to check by eye that it means the same.

Transforms are conservative: they find answer lines and question heads through the gold (an
answer line is a code and a label the gold gives that question family), and a variant that loses
any gold text or label the original held word for word is not tried (`_keeps_gold_words`).
The session's blind folders (unseen81-83, the transfer figure) are never read.
"""

from __future__ import annotations

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

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
BLIND = frozenset({"unseen81", "unseen82", "unseen83"})
FIGURES = ("f1", "type", "options", "logic", "details")
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})

Gold = dict[str, Any]
Transform = Callable[[str, Gold], str]


# ---------------------------------------------------------------- reading lines through the gold


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _labels_by_code(gold: Gold) -> dict[str, list[str]]:
    """Every gold answer label by its code, longest first."""
    found: dict[str, set[str]] = {}
    for question in gold["questions"]:
        for option in question.get("options", []):
            label = _fold(re.sub(r"\s+", " ", str(option["label"]))).strip()
            if label:
                found.setdefault(str(option["code"]), set()).add(label)
    return {code: sorted(labels, key=len, reverse=True) for code, labels in found.items()}


def _all_labels(gold: Gold) -> set[str]:
    return {label for labels in _labels_by_code(gold).values() for label in labels}


_BULLET = r"(?:[-*•·]\s+)?"
# code-first forms: `1. Yes`, `1) Yes`, `[1] Yes`, `(1) Yes`
_CODE_FIRST = {
    "dot": re.compile(r"(\d{1,3})\.[ \t]+(.+)"),
    "paren": re.compile(r"(\d{1,3})\)[ \t]+(.+)"),
    "bracket": re.compile(r"\[(\d{1,3})\][ \t]+(.+)"),
    "pcode": re.compile(r"\((\d{1,3})\)[ \t]+(.+)"),
    "spaced": re.compile(r"(\d{1,3})(?:\t+| {2,})(.+)"),
}
# label-first forms: `Yes (1)`, `Yes ..... 1`, `Yes<TAB>1`
_LABEL_FIRST = {
    "after": re.compile(r"(.+?)[ \t]+\((\d{1,3})\)(.*)"),
    "leader": re.compile(r"(.+?)[ \t]*\.{3,}[ \t]*(\d{1,3})\b(.*)"),
    "gap": re.compile(r"(.+?)(?:\t+| {3,})(\d{1,3})\b(.*)"),
}
_CODE_TOKEN = {
    "dot": r"\b\d{1,3}\.\s",
    "paren": r"(?<![(\w])\d{1,3}\)\s",
    "bracket": r"\[\d{1,3}\]",
    "pcode": r"\(\d{1,3}\)",
    "spaced": r"^\s*\d{1,3}(?:\t| {2,})",
    "after": r"\(\d{1,3}\)",
    "leader": r"\.{3,}\s*\d",
    "gap": r"(?:\t| {3,})\d{1,3}\b",
}


@dataclass
class Answer:
    """One coded answer line read through the gold."""

    index: int
    indent: str
    bullet: str
    form: str
    code: str
    label: str
    tail: str


def _safe_tail(tail: str, form: str) -> bool:
    """A tail after the label is a note or a jump, never a second answer on the line."""
    if not tail.strip():
        return True
    if re.search(_CODE_TOKEN[form], tail) or re.search(r"\s\d{1,3}[.)]\s", tail):
        return False
    return len(tail.strip()) <= 60


def _match_label(rest: str, labels: list[str]) -> tuple[str, str] | None:
    folded = _fold(rest)
    for label in labels:
        if folded.startswith(label) and (
            len(folded) == len(label) or not folded[len(label)].isalnum()
        ):
            return rest[: len(label)], rest[len(label) :]
    return None


def coded_answers(text: str, gold: Gold) -> list[Answer]:
    """The lines that hold one gold answer each: a code and that code's gold label."""
    labels = _labels_by_code(gold)
    answers = []
    for index, line in enumerate(text.split("\n")):
        head = re.match(r"([ \t]*)(" + _BULLET + r")(.*?)\s*$", line)
        assert head is not None
        indent, bullet, body = head.groups()
        found = None
        for form, pattern in _CODE_FIRST.items():
            match = pattern.fullmatch(body)
            if match and match.group(1) in labels:
                split = _match_label(match.group(2), labels[match.group(1)])
                if split and _safe_tail(split[1], form):
                    found = Answer(index, indent, bullet, form, match.group(1), *split)
                    break
        if found is None:
            for form, pattern in _LABEL_FIRST.items():
                match = pattern.fullmatch(body)
                if match and match.group(2) in labels:
                    label = _fold(match.group(1)).strip()
                    if label in labels[match.group(2)] and _safe_tail(match.group(3), form):
                        found = Answer(
                            index,
                            indent,
                            bullet,
                            form,
                            match.group(2),
                            match.group(1).strip(),
                            match.group(3),
                        )
                        break
        if found is not None:
            answers.append(found)
    return answers


def _dominant(answers: list[Answer]) -> str | None:
    forms = [a.form for a in answers]
    if len(forms) < 2:
        return None
    best = max(set(forms), key=forms.count)
    return best if forms.count(best) * 5 >= len(forms) * 4 else None


_ROUTE_START_RE = re.compile(r"\s*(?:→|->|⟶|=>|>>|\(?\s*(?:go\s*to|skip\s*to|goto)\b)", re.I)


_SPECIFY_TAIL_RE = re.compile(
    r"\s*(?:\(\s*(?:please\s+)?(?:specify|write\s+in|state|describe)[^)]*\)\s*)?_{2,}\s*$|"
    r"\s*\(\s*(?:please\s+)?(?:specify|write\s+in|state|describe)[^)]*\)\s*$",
    re.I,
)


def _write_answer(answer: Answer, form: str) -> str:
    label, tail, code = answer.label, answer.tail, answer.code
    if re.match(r"\s*\.{3,}", tail):
        tail = "  " + tail.lstrip(" .")  # a leader before the jump: no second leader
    if form in ("after", "leader") and _SPECIFY_TAIL_RE.match(tail):
        label, tail = (
            label + tail.rstrip(),
            "",
        )  # "Other (SPECIFY) ____": the box stays by the words
    body = {
        "dot": f"{code}. {label}{tail}",
        "paren": f"{code}) {label}{tail}",
        "bracket": f"[{code}] {label}{tail}",
        "pcode": f"({code}) {label}{tail}",
        "spaced": f"{code}  {label}{tail}",
        "after": f"{label} ({code}){tail}",
        "leader": f"{label} {'.' * max(4, 32 - len(label))} {code}{tail}",
    }[form]
    return f"{answer.indent}{answer.bullet}{body}"


def _recode(target: str) -> Transform:
    def transform(text: str, gold: Gold) -> str:
        answers = coded_answers(text, gold)
        source = _dominant(answers)
        if source is None or source == target:
            return text
        lines = text.split("\n")
        rows = {a.index for a in answers}
        token = re.compile(_CODE_TOKEN[source])
        if any(token.search(line) for i, line in enumerate(lines) if i not in rows):
            return text  # the code's shape is referred to elsewhere ("if [2] ->")
        for answer in answers:
            if answer.form == source:
                lines[answer.index] = _write_answer(answer, target)
        return "\n".join(lines)

    transform.__name__ = f"codes_{target}"
    return transform


# ---------------------------------------------------------------- question heads


@dataclass
class Head:
    index: int
    indent: str
    qid: str
    sep: str
    gap: str
    rest: str


def question_heads(text: str, gold: Gold) -> list[Head]:
    """Lines that open with a gold question's id and then that question's words."""
    heads = []
    by_id = {str(q["id"]): _fold(str(q.get("text", ""))).lower() for q in gold["questions"]}
    for index, line in enumerate(text.split("\n")):
        match = re.match(r"([ \t]*)(?:\*\*)?([A-Za-z]{0,3}\d+[a-z]?)(\.|\)|:|)(\s+)(\S.*)", line)
        if not match or match.group(2) not in by_id:
            continue
        words = by_id[match.group(2)]
        start = _fold(match.group(5)).lower()
        if words and start[:15] == words[:15]:
            indent, qid, sep, gap, rest = match.groups()
            heads.append(Head(index, indent, qid, sep, gap, rest))
    return heads


def _renumber(sep: str, bare: bool = False) -> Transform:
    def transform(text: str, gold: Gold) -> str:
        heads = question_heads(text, gold)
        if len(heads) < 3:
            return text
        lines = text.split("\n")
        if bare:
            numbered = [h for h in heads if re.fullmatch(r"Q\d+[a-z]?", h.qid)]
            ids = {str(q["id"]) for q in gold["questions"] if re.match(r"Q\d", str(q["id"]))}
            rows = {h.index for h in heads}
            if len(numbered) < 3 or {h.qid for h in numbered} != ids:
                return text  # every Q-numbered question bare, or none (no mixed series)
            if any(
                re.match(r"\s*\d{1,3}[.)]\s", line) for i, line in enumerate(lines) if i not in rows
            ):
                return text  # numbered answers would stand beside numbered questions
            heads = numbered
        elif {h.sep for h in heads} == {sep}:
            return text
        for head in heads:
            label = head.qid[1:] if bare else head.qid
            gap = head.gap if head.gap.strip(" ") == "" and head.gap else " "
            bold = "**" if lines[head.index].lstrip().startswith("**") else ""
            lines[head.index] = f"{head.indent}{bold}{label}{sep}{gap}{head.rest}"
        return "\n".join(lines)

    transform.__name__ = (
        "qnum_bare" if bare else f"qnum_{ {'.': 'dot', ')': 'paren', ':': 'colon'}[sep] }"
    )
    return transform


# ---------------------------------------------------------------- question-label styles
#
# These rewrite each question head's LABEL into another house style and write the gold copy's
# ids as GOLD_CONVENTIONS.md / the samples README say that style's id is: a hyphen folds to `_`
# (`Q-3.` -> `Q_3`), bare numbers are `Q` + number (`3)`, `(3)`, `#3` -> `Q3`), another letter
# prefix is the id as printed (`P3.` -> `P3`), `Q.3` is `Q3` (unseen4 mealkit-feedback, unseen8
# us-poll-script, questionnaires/local-election), and a label moved (own line, bold, heading)
# keeps its id. Where the printed label changes, the document's references (`GO TO Q5`) and the
# gold copy's texts and labels change with it, and its ids and logic take the new id.

Relabel = Callable[[str, Gold], tuple[str, Gold]]
_ID_TOKEN = re.compile(r"\b([A-Za-z]{1,3})(\d+[a-z]?)\b")
_LETTER_ID = re.compile(r"[A-Za-z]{1,3}\d+[a-z]?")


def _rename_gold(gold: Gold, ids: dict[str, str], printed: dict[str, str]) -> Gold:
    """The gold with ids (and logic) renamed and printed references in texts rewritten."""

    def swap(text: str, names: dict[str, str]) -> str:
        return _ID_TOKEN.sub(lambda m: names.get(m.group(0), m.group(0)), text)

    def walk(value: Any, key: str) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, key) for v in value]
        if isinstance(value, str) and key != "file":
            return swap(value, printed if key in ("text", "label") else ids)
        return value

    renamed: Gold = walk(gold, "")
    return renamed


def _all_heads(text: str, gold: Gold, scope: re.Pattern[str]) -> list[Head] | None:
    """Heads of every gold id in scope (at least 3), or None for a mixed or too short series."""
    heads = [h for h in question_heads(text, gold) if scope.fullmatch(h.qid)]
    wanted = {str(q["id"]) for q in gold["questions"] if scope.fullmatch(str(q["id"]))}
    if len(heads) < 3 or {h.qid for h in heads} != wanted or len(heads) != len(wanted):
        return None
    return heads


_Q_ID = re.compile(r"Q\d+[a-z]?")


def _relabel(
    name: str,
    label: Callable[[Head], str],
    scope: re.Pattern[str] = _Q_ID,
    new_id: Callable[[str], str] | None = None,
    new_printed: Callable[[str], str] | None = None,
    bare: bool = False,
) -> Relabel:
    """Each head's label rewritten by `label` (the whole new head line, rest included)."""

    def transform(text: str, gold: Gold) -> tuple[str, Gold]:
        heads = _all_heads(text, gold, scope)
        if heads is None:
            return text, gold
        lines = text.split("\n")
        rows = {h.index for h in heads}
        if bare and any(
            re.match(r"\s*[(#]?\d{1,3}[.):]?\s", line)
            for i, line in enumerate(lines)
            if i not in rows
        ):
            return text, gold  # numbered answers would stand beside numbered questions
        if new_id is not None and new_printed is not None:
            taken = {str(q["id"]) for q in gold["questions"]}
            ids = {h.qid: new_id(h.qid) for h in heads}
            if set(ids.values()) & (taken - set(ids)):
                return text, gold  # the new ids would clash with ids the gold already has
            printed = {h.qid: new_printed(h.qid) for h in heads}
            lines = [
                _ID_TOKEN.sub(lambda m: printed.get(m.group(0), m.group(0)), line)
                if i not in rows
                else line
                for i, line in enumerate(lines)
            ]
            for head in heads:
                head.rest = _ID_TOKEN.sub(lambda m: printed.get(m.group(0), m.group(0)), head.rest)
            gold = _rename_gold(gold, ids, printed)
        for head in heads:
            # a head printed wholly in bold ("**Q1. How …?**") keeps its bold around the new
            # label where the label stays on the line (the moved labels bring their own marks)
            line = label(head)
            if lines[head.index].lstrip().startswith("**") and "**" in head.rest:
                if "\n" in line or line.lstrip().startswith("**"):
                    head.rest = head.rest.replace("**", "", 1)
                    line = label(head)
                else:
                    line = f"{head.indent}**{line[len(head.indent) :]}"
            lines[head.index] = line
        return "\n".join(lines), gold

    transform.__name__ = name
    return transform


def _split(qid: str) -> tuple[str, str]:
    match = _ID_TOKEN.fullmatch(qid)
    assert match is not None
    return match.group(1), match.group(2)


def _sep(head: Head, default: str = ".") -> str:
    return head.sep or default


def _gap(head: Head) -> str:
    return head.gap if head.gap and head.gap.strip(" \t") == "" else " "


RELABELS: dict[str, Relabel] = {
    t.__name__: t
    for t in (
        _relabel(
            "qlabel_hyphen",
            lambda h: f"{h.indent}{'-'.join(_split(h.qid))}{_sep(h)}{_gap(h)}{h.rest}",
            scope=_LETTER_ID,
            new_id=lambda q: "_".join(_split(q)),
            new_printed=lambda q: "-".join(_split(q)),
        ),
        _relabel(
            "qlabel_prefix_p",
            lambda h: f"{h.indent}P{h.qid[1:]}{_sep(h)}{_gap(h)}{h.rest}",
            new_id=lambda q: "P" + q[1:],
            new_printed=lambda q: "P" + q[1:],
        ),
        _relabel("qlabel_q_dot", lambda h: f"{h.indent}Q.{h.qid[1:]}{_gap(h)}{h.rest}"),
        _relabel(
            "qlabel_paren_close", lambda h: f"{h.indent}{h.qid[1:]}){_gap(h)}{h.rest}", bare=True
        ),
        _relabel("qlabel_parens", lambda h: f"{h.indent}({h.qid[1:]}){_gap(h)}{h.rest}", bare=True),
        _relabel("qlabel_hash", lambda h: f"{h.indent}#{h.qid[1:]}{_gap(h)}{h.rest}", bare=True),
        _relabel(
            "qlabel_own_line",
            lambda h: f"{h.indent}{h.qid}{_sep(h)}\n{h.indent}{h.rest}",
            scope=_LETTER_ID,
        ),
        _relabel(
            "qlabel_bold",
            lambda h: f"{h.indent}**{h.qid}{_sep(h)}**{_gap(h)}{h.rest}",
            scope=_LETTER_ID,
        ),
        _relabel(
            "qlabel_heading",
            lambda h: f"### {h.qid}\n\n{h.indent}{h.rest}",
            scope=_LETTER_ID,
        ),
    )
}


# ---------------------------------------------------------------- routing on answer lines

_ROUTE_RE = re.compile(
    r"[\s\-—*(]*(?:go\s*to|skip\s*to|goto|→|->|⟶|=>|>>)\s*(?:go\s*to\s+|skip\s*to\s+)?"
    r"(?:question\s+)?([A-Za-z]{0,3}\d+[a-z]?)[\s)*.]*",
    re.I,
)


def _routes(text: str, gold: Gold) -> list[tuple[Answer, str]]:
    ids = {str(q["id"]) for q in gold["questions"]}
    found = []
    for answer in coded_answers(text, gold):
        match = _ROUTE_RE.fullmatch(answer.tail)
        if match and (match.group(1) in ids or match.group(1).upper() in ids):
            found.append((answer, match.group(1)))
    return found


def _reroute(style: str) -> Transform:
    def transform(text: str, gold: Gold) -> str:
        routes = _routes(text, gold)
        if not routes:
            return text
        lines = text.split("\n")
        after: dict[int, list[str]] = {}
        answers = coded_answers(text, gold)
        rows = {a.index for a in answers}
        for answer, target in routes:
            if style == "sentence":
                end = answer.index
                while end + 1 in rows:
                    end += 1
                label = answer.label.rstrip(" .:")
                # set apart by a blank line (in Markdown a line right under a list item is its
                # continuation)
                after.setdefault(end, [""]).append(f"{answer.indent}If {label}, go to {target}.")
                tail = ""
            else:
                tail = {
                    "caps": f"  (GO TO {target})",
                    "arrow": f"  → {target}",
                    "skip": f"  Skip to {target}",
                }[style]
            line = lines[answer.index].rstrip()
            cut = len(line) - len(answer.tail.rstrip()) if answer.tail.strip() else len(line)
            lines[answer.index] = line[:cut].rstrip() + tail
        out = []
        for index, line in enumerate(lines):
            out.append(line)
            out.extend(after.get(index, []))
        return "\n".join(out)

    transform.__name__ = f"route_{style}"
    return transform


# ---------------------------------------------------------------- instructions' case

_INSTRUCTION_WORDS = (
    "ASK",
    "SHOW",
    "READ OUT",
    "READ",
    "SINGLE",
    "MULTI",
    "MULTIPLE",
    "CODE",
    "INTERVIEWER",
    "PROGRAMMER",
    "PROBE",
    "RECORD",
    "DO NOT",
    "SELECT",
    "ROTATE",
    "RANDOMIZE",
    "RANDOMISE",
    "ONE ANSWER",
    "ALLOW",
    "SCRIPTER",
)
_INSTR_RE = re.compile(
    r"(?P<open>\[|\()?(?P<body>(?:"
    + "|".join(_INSTRUCTION_WORDS)
    + r")(?![\w-])[^\]\)]*)(?P<close>\]|\))?",
    re.I,
)


def _keep_token(token: str, ids: set[str]) -> bool:
    return token in ids or any(c.isdigit() for c in token)


def _sentence_case(words: str, ids: set[str]) -> str:
    parts = re.split(r"(\s+)", words)
    out = []
    first = True
    for part in parts:
        if not part.strip() or _keep_token(part.strip(".,:;'\""), ids):
            out.append(part)
        else:
            low = part.lower()
            out.append(low[:1].upper() + low[1:] if first else low)
        if part.strip():
            first = part.strip().endswith((".", "!", "?"))
    return "".join(out)


def _instruction_spans(line: str) -> list[tuple[int, int]]:
    """Where a line is an instruction: the whole line, or a bracketed note in it."""
    stripped = line.strip()
    match = _INSTR_RE.fullmatch(stripped)
    if match and (match.group("open") is None) == (match.group("close") is None):
        start = line.index(stripped)
        return [(start, start + len(stripped))]
    spans = []
    for bracket in re.finditer(r"\[([^\]]+)\]", line):
        if _INSTR_RE.fullmatch(bracket.group(1)):
            spans.append((bracket.start(1), bracket.end(1)))
    return spans


def _recase(upper: bool) -> Transform:
    def transform(text: str, gold: Gold) -> str:
        ids = {str(q["id"]) for q in gold["questions"]}
        lines = text.split("\n")
        changed = False
        for index, line in enumerate(lines):
            for start, end in reversed(_instruction_spans(line)):
                words = line[start:end]
                letters = [c for c in words if c.isalpha()]
                if len(letters) < 4:
                    continue
                is_upper = all(c.isupper() for c in letters)
                if upper and not is_upper and words[:1].isupper():
                    new = " ".join(
                        w if _keep_token(w.strip(".,:;"), ids) else w.upper()
                        for w in words.split(" ")
                    )
                elif not upper and is_upper:
                    new = _sentence_case(words, ids)
                else:
                    continue
                line = line[:start] + new + line[end:]
                changed = True
            lines[index] = line
        return "\n".join(lines) if changed else text

    transform.__name__ = "instructions_upper" if upper else "instructions_sentence"
    return transform


# ---------------------------------------------------------------- bullets and blank lines


def _plain_answers(text: str, gold: Gold) -> list[tuple[int, str, str, str]]:
    """Uncoded answer lines (bullet or none, then exactly a gold label), in runs of two or more."""
    labels = _all_labels(gold)
    found = []
    for index, line in enumerate(text.split("\n")):
        match = re.fullmatch(r"([ \t]*)([-*•·][ \t]+)?(.*?)\s*", line)
        if match and _fold(match.group(3)) in labels and match.group(3):
            found.append((index, match.group(1), match.group(2) or "", match.group(3)))
    rows = {f[0] for f in found}
    return [
        f
        for f in found
        if (f[0] - 1 in rows or f[0] + 1 in rows or f[0] - 2 in rows or f[0] + 2 in rows)
    ]


def _rebullet(mark: str) -> Transform:
    def transform(text: str, gold: Gold) -> str:
        answers = _plain_answers(text, gold)
        bulleted = [a for a in answers if a[2]]
        if len(bulleted) < 2 or {a[2].strip() for a in bulleted} == {mark.strip()}:
            return text  # only lists the author bulleted (a bare line may be anything)
        lines = text.split("\n")
        for index, indent, _bullet, words in bulleted:
            lines[index] = f"{indent}{mark}{words}"
        return "\n".join(lines)

    transform.__name__ = "bullets_" + {"- ": "dash", "* ": "star", "• ": "dot", "": "none"}[mark]
    return transform


def _answer_rows(text: str, gold: Gold) -> set[int]:
    return {a.index for a in coded_answers(text, gold)} | {a[0] for a in _plain_answers(text, gold)}


def blank_between_answers(text: str, gold: Gold) -> str:
    """A blank line between consecutive answers of a list."""
    rows = _answer_rows(text, gold)
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        out.append(line)
        if index in rows and index + 1 in rows:
            out.append("")
    return "\n".join(out)


def no_blank_between_answers(text: str, gold: Gold) -> str:
    """Blank lines between answers of a list taken out."""
    rows = _answer_rows(text, gold)
    lines = text.split("\n")
    return "\n".join(
        line
        for index, line in enumerate(lines)
        if not (not line.strip() and index - 1 in rows and index + 1 in rows)
    )


TRANSFORMS: dict[str, Transform] = {
    t.__name__: t
    for t in (
        _recode("dot"),
        _recode("paren"),
        _recode("bracket"),
        _recode("after"),
        _recode("leader"),
        _renumber("."),
        _renumber(")"),
        _renumber(":"),
        _renumber(".", bare=True),
        _reroute("caps"),
        _reroute("arrow"),
        _reroute("skip"),
        _reroute("sentence"),
        _recase(upper=False),
        _recase(upper=True),
        _rebullet("- "),
        _rebullet("* "),
        _rebullet("• "),
        _rebullet(""),
        blank_between_answers,
        no_blank_between_answers,
    )
}


# ---------------------------------------------------------------- safety and scoring


def _gold_words(gold: Gold) -> list[str]:
    words = [str(q.get("text", "")) for q in gold["questions"]]
    words += [str(o["label"]) for q in gold["questions"] for o in q.get("options", [])]
    words += [str(r["label"]) for q in gold["questions"] for r in q.get("rows", [])]
    return [_fold(re.sub(r"\s+", " ", w)).strip() for w in words if w.strip()]


def _keeps_gold_words(original: str, variant: str, gold: Gold) -> bool:
    """Every gold text or label the original held word for word, the variant holds too."""
    before = _fold(re.sub(r"\s+", " ", original))
    after = _fold(re.sub(r"\s+", " ", variant))
    return all(w in after for w in _gold_words(gold) if w in before)


# in Markdown, lines with no list marker and no blank line between them are one paragraph:
# taking the marker away (or writing "•", which Markdown does not know) changes the meaning
_NOT_IN_MARKDOWN = frozenset({"bullets_dot", "bullets_none"})


def variant_pair(name: str, text: str, gold: Gold, suffix: str = ".txt") -> tuple[str, Gold] | None:
    """The document and its gold copy rewritten by one transform, or None where it does not
    apply or is unsafe (a gold word the original held is missing from the variant, read through
    the gold copy where a label transform rewrote the printed ids)."""
    if suffix == ".md" and name in _NOT_IN_MARKDOWN:
        return None
    if name in RELABELS:
        variant, copy = RELABELS[name](text, gold)
    else:
        variant, copy = TRANSFORMS[name](text, gold), gold
    if variant == text:
        return None
    before = _fold(re.sub(r"\s+", " ", text))
    after = _fold(re.sub(r"\s+", " ", variant))
    pairs = zip(_gold_words(gold), _gold_words(copy), strict=True)
    if not all(new in after for old, new in pairs if old in before):
        return None
    return variant, copy


def variant_of(name: str, text: str, gold: Gold, suffix: str = ".txt") -> str | None:
    """The document rewritten by one transform, or None where it does not apply or is unsafe."""
    pair = variant_pair(name, text, gold, suffix)
    return pair[0] if pair is not None else None


def _score_text(gold_path: Path, text: str, gold: Gold) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        name = "variant" + Path(gold["file"]).suffix
        (Path(folder) / name).write_text(text, encoding="utf-8")
        copy = dict(gold, file=name)
        target = Path(folder) / "variant.gold.json"
        target.write_text(json.dumps(copy), encoding="utf-8")
        return score_file(target)


@dataclass
class Outcome:
    transform: str
    folder: str
    file: str
    before: dict[str, float]
    after: dict[str, float]
    broke: list[str] = field(default_factory=list)

    def held(self, figure: str) -> bool | None:
        """None where the original was below 1.0 on the figure (not tried on it)."""
        if self.before[figure] < 1.0:
            return None
        return self.after[figure] >= 1.0


def documents(folders: Iterable[Path]) -> list[Path]:
    """The gold files of plain-text documents in the folders (never the blind ones)."""
    found = []
    for folder in folders:
        if folder.name in BLIND:
            continue
        for gold_path in sorted(folder.glob("*.gold.json")):
            name = json.loads(gold_path.read_text(encoding="utf-8"))["file"]
            if name.endswith((".txt", ".md")):
                found.append(gold_path)
    return found


def _question_ids(gold: Gold) -> list[str]:
    return [str(q["id"]) for q in gold["questions"]]


def _rename_ids(text: str, renamed: dict[str, str]) -> str:
    return _ID_TOKEN.sub(lambda m: renamed.get(m.group(0), m.group(0)), text)


def run_document(gold_path: Path, names: list[str]) -> list[Outcome]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (gold_path.parent / gold["file"]).read_text(encoding="utf-8")
    original = score_file(gold_path)
    before = figures(original)
    if not any(before[f] >= 1.0 for f in FIGURES):
        return []
    outcomes = []
    for name in names:
        pair = variant_pair(name, text, gold, Path(gold["file"]).suffix)
        if pair is None:
            continue
        variant, copy = pair
        result = _score_text(gold_path, variant, copy)
        renamed = dict(zip(_question_ids(gold), _question_ids(copy), strict=True))
        old = {_rename_ids(miss, renamed) for miss in original["misses"]}
        outcomes.append(
            Outcome(
                name,
                gold_path.parent.name,
                gold["file"],
                before,
                figures(result),
                [m for m in result["misses"] if m not in old],
            )
        )
    return outcomes


def default_folders() -> list[Path]:
    folders = [FIXTURES / "questionnaires"]
    folders += sorted(
        (p for p in FIXTURES.glob("unseen*") if p.is_dir() and p.name not in BLIND),
        key=lambda p: int(p.name[6:] or 1),
    )
    return folders


def summarise(outcomes: list[Outcome], names: list[str]) -> list[dict[str, Any]]:
    """One figure per transform (and one over all): tried, invariance, per-figure invariance."""
    lines = []
    for name in [*names, "ALL"]:
        mine = [o for o in outcomes if name in ("ALL", o.transform)]
        held = [all(o.held(f) is not False for f in FIGURES) for o in mine]
        row: dict[str, Any] = {
            "figure": f"style_invariance_{name}" if name != "ALL" else "style_invariance",
            "value": round(sum(held) / len(held), 4) if held else 1.0,
            "unit": "ratio",
            "tried": len(mine),
            "broke": len(held) - sum(held),
        }
        for fig in FIGURES:
            marks = [o.held(fig) for o in mine if o.held(fig) is not None]
            row[fig] = round(sum(bool(m) for m in marks) / len(marks), 4) if marks else 1.0
        lines.append(row)
    return lines


def main(argv: list[str]) -> list[dict[str, Any]]:
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    if "--show" in argv:
        name, path = args[0], Path(args[1])
        gold_path = path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        variant = variant_of(name, path.read_text(encoding="utf-8"), gold, path.suffix)
        print(variant if variant is not None else f"{name} does not apply")
        return []
    only = [a.split("=", 1)[1] for a in argv if a.startswith("--only=")]
    names = [n for n in [*TRANSFORMS, *RELABELS] if not only or n in only[0].split(",")]
    folders = [Path(a) for a in args] or default_folders()
    gold_paths = documents(folders)
    outcomes: list[Outcome] = []
    with ProcessPoolExecutor(max_workers=2) as pool:
        for found in pool.map(run_document, gold_paths, [names] * len(gold_paths)):
            outcomes.extend(found)
    summary = summarise(outcomes, names)
    for row in summary:
        print(json.dumps(row))
    print(f"{'transform':26} {'tried':>5} {'inv':>6} " + " ".join(f"{f:>7}" for f in FIGURES))
    for row in summary:
        print(
            f"{row['figure'].removeprefix('style_invariance_'):26} {row['tried']:5d} "
            f"{row['value']:6.3f} " + " ".join(f"{row[f]:7.3f}" for f in FIGURES)
        )
    if verbose:
        for outcome in outcomes:
            if all(outcome.held(f) is not False for f in FIGURES):
                continue
            print(f"  {outcome.transform}: {outcome.folder}/{outcome.file}")
            for miss in outcome.broke[:6]:
                print(f"      {miss}")
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
