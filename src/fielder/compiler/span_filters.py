"""A filter written once for a run of questions: `Base for T7-T8: T4∋2 ∨ T4∋3 (uses train or
tram). Everyone else goes on to Section 4.`, `Block filter (B1–B4): G2 ∈ {1,2,6} – console
players. Everyone else → Block C.`, `Filter for the whole of Section B (questions 6 to 9): ask
only people who answered 2 or 3 at question 1.`

The test is the filter of every question from the first named to the last, written as `ASK IF
…` before each (a question's own filter is joined to it). Words that only describe the test
(`(uses train or tram)`, `– console players`) and the closing "everyone else goes on" sentence
(the filter already routes them) are left out, and so is the line itself.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line, made_line

_ID = r"[A-Za-z]{0,4}\d{1,3}[a-z]?"
_SPAN_RE = re.compile(
    r"^\W*(?:(?:block|section|page)\s+)?(?:base|filter|universe)\s+(?:for\s+)?(?:the\s+whole\s+of\s+)?"
    r"(?:(?:section|block|part|module)\s+\w{1,3}\s*)?\(?\s*(?:questions?\s+)?"
    rf"(?P<first>{_ID})\s*(?:-|–|—|\bto\b|\.\.)\s*(?:questions?\s+)?(?P<last>{_ID})\s*\)?\s*"
    r":=?\s*(?P<cond>\S.*)$",
    re.I,
)
# "IN-STORE SHOPPERS · P10–P13 · entry: P3 ∋ 1, otherwise → P14": a section bar naming its
# questions, then the test to enter it
_ENTRY_RE = re.compile(
    rf"(?P<first>{_ID})\s*(?:-|–|—)\s*(?P<last>{_ID})\s*[·|:]\s*"
    r"(?:entry|base|filter|asked\s+if|ask\s+if|show\s+if)\s*:\s*(?P<cond>\S.*)$",
    re.I,
)
# "Block display logic: Q2 = In the app. Applies to Q8–Q12.", "Logic: Whole section – only for
# Click & collect (Q1 = 2). Q9 and Q10.": a block's filter first, the questions it covers last
_TAIL_SPAN_RE = re.compile(
    r"^\W*(?:(?:logic|routing|note)\s*:\s*)?(?:(?:the\s+)?(?:whole|entire)\s+(?:section|block|page)|"
    r"(?:block|section|page)\s+(?:display\s+)?(?:logic|filter|condition))\s*(?::|[–—-])\s*"
    r"(?P<cond>[^.;]{3,200}?)\s*[.;]\s*(?:(?:applies|applied|apply)\s+to\s+|covers\s+)?"
    rf"(?:questions?\s+)?(?P<first>{_ID})\s*(?:-|–|—|\bto\b|\band\b|\.\.)\s*(?:questions?\s+)?"
    rf"(?P<last>{_ID})\s*\.?\s*[\])]?\s*$",
    re.I,
)
# "PAINTING BLOCK (P1–P3) IF D3 CODE 1. GARDEN BLOCK (G1–G2) IF D3 CODE 3.": one routing note
# naming several runs, each with its questions in brackets and the test after
_NAMED_SPAN_RE = re.compile(
    r"(?:^|[.;:]\s+)[A-Z][\w/&'’ -]{0,40}?\s*\(\s*"
    rf"(?P<first>{_ID})\s*(?:-|–|—|\bto\b)\s*(?P<last>{_ID})\s*\)\s*:?\s*"
    r"(?:ONLY\s+)?(?:IF|WHEN|FOR)\s+(?P<cond>[^.;]{3,120})",
    re.I,
)
_OTHERS_RE = re.compile(
    r"[.;]\s*(?:everyone|everybody|all\s+others|others|the\s+rest)\b.*$|"
    r"[.;,]\s*(?:otherwise|if\s+not)\b.*$",
    re.I,
)
# "(uses train or tram)": words in brackets with no test in them
_GLOSS_RE = re.compile(r"\s*\((?![^()]*(?:[=<>≠∋∌∈]|\d))[^()]*\)")
# "G2 ∈ {1,2,6} – console, PC or handheld players": a dash, then words describing the test
_DASH_GLOSS_RE = re.compile(r"\s+[–—-]\s+[^=<>≠∋∌∈\d]*$")
_ASK_ONLY_RE = re.compile(
    r"^(?:ask|show)\s+(?:this\s+\w+\s+)?(?:only\s+)?(?:to\s+)?(?:people|those|respondents|anyone)\s+"
    r"(?:who|that)\s+|"
    r"^only\s+(?:for|if|when|to)\s+",  # "only for customers who …": whom, said with "only"
    re.I,
)


def _question_id(raw: str, ids: dict[str, str]) -> str | None:
    key = raw.upper()
    return ids.get(key) or ids.get("Q" + key)


def _condition(text: str) -> str:
    text = _OTHERS_RE.sub("", text.strip())
    text = _GLOSS_RE.sub("", text)
    text = _DASH_GLOSS_RE.sub("", text)
    return _ASK_ONLY_RE.sub("", text).strip(" .")


def span_filter_lines(lines: list[Line]) -> list[Line]:
    """The lines with each filter of a run of questions written before every question of it."""
    found = [
        (
            i,
            _SPAN_RE.match(" ".join(line.raw.split()))
            or _ENTRY_RE.search(line.raw)
            or _TAIL_SPAN_RE.match(" ".join(line.raw.split())),
        )
        for i, line in enumerate(lines)
    ]
    spans = [(i, m) for i, m in found if m is not None and find_label(lines[i]) is None]
    spans.extend(
        (i, m)
        for i, line in enumerate(lines)
        if found[i][1] is None and find_label(line) is None
        for m in _NAMED_SPAN_RE.finditer(" ".join(line.raw.split()))
    )
    if not spans:
        return lines
    ids: dict[str, str] = {}
    for line in lines:
        label = find_label(line)
        if label is not None:
            ids.setdefault(label.id.upper(), label.id)
    order = list(ids.values())
    before: dict[str, list[str]] = {}
    dropped: set[int] = set()
    for index, match in spans:
        first, last = _question_id(match["first"], ids), _question_id(match["last"], ids)
        condition = _condition(match["cond"])
        if first is None or last is None or not condition:
            continue
        covered = order[order.index(first) : order.index(last) + 1]
        if not covered:
            continue
        for qid in covered:
            before.setdefault(qid, []).append(f"ASK IF {condition}")
        if lines[index].kind != "heading":
            dropped.add(index)  # (a section bar stays, as the section's heading)
    out: list[Line] = []
    for place, line in enumerate(lines):
        if place in dropped:
            continue
        label = find_label(line)
        if label is not None and label.id in before:
            out.extend(made_line(line, text, True) for text in before.pop(label.id))
        out.append(line)
    return out
