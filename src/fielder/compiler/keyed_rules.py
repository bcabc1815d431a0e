"""A survey platform's text export: each logic rule on a line keyed by its kind in capitals.

A platform's "print / download as text" writes the logic of a question under its answers as
`ACTION: Disqualify — if Q2 "What kind of …?" is "I'm a guest"`, `PAGE JUMP: if Q3 is exactly
equal to 0 → Page 4: Your plans`, `LOGIC: Show this question if Q5 "…" does not contain "None of
these"`, and a page's own `PAGE LOGIC: Show this page only if …` under its banner; a long rule
wraps onto an indented line of its own. Read as they stand, the key was a screen's label
("ACTION", "LOGIC" became questions), the wrapped half a stray line, and the builder's comparison
words ("is exactly equal to", "is one of the following answers (…)", "does not contain") no
test. Where three or more such keyed lines name a question (`Q5`), the document's repetition
makes the layout: each rule (its wrapped lines joined) becomes the plain note the parser reads
(`TERMINATE IF …`, `IF … GO TO PAGE 4`, `DISPLAY LOGIC: …`, `Show this page only if …`), the
question's own quoted words after its id left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# "PAGE JUMP: …", "ACTION: …", "LOGIC: …": a key of one or two capital words and a colon
_KEYED_RE = re.compile(r"^\s*(?P<key>[A-Z]{3,}(?:[ _][A-Z]{3,})?)\s*:\s*(?P<body>\S.*)$")
_NAMES_QUESTION_RE = re.compile(r"\bQ\d{1,3}[a-z]?\b")
# the rule wraps onto a line that opens in lower case, a quote or a bracket
_WRAPPED_RE = re.compile(r"^\s*(?:[a-z]|[\"“'‘(])")
_QUESTION_WORDS_RE = re.compile(r"\b(Q\d{1,3}[a-z]?)\s+[\"“][^\"”]*[\"”]")
# "(shows the disqualify message and ends)": the tool's remark on what the rule does
_REMARK_RE = re.compile(r"\s*\((?![^()]*[\"“])[a-z][^()]*\)\s*$")
_LIST_RE = re.compile(
    r"\b(?P<q>Q\d{1,3}[a-z]?)\s+is\s+(?P<neg>not\s+)?one\s+of(?:\s+the\s+following(?:\s+answers)?)?"
    r"\s*\((?P<items>[^()]*)\)",
    re.I,
)
_CONTAINS_RE = re.compile(
    r"\b(?P<q>Q\d{1,3}[a-z]?)\s+(?P<neg>does\s+not\s+contain|contains)\s+(?P<what>[\"“][^\"”]*[\"”])",
    re.I,
)
_WORDS = (
    (r"\bis\s+not\s+exactly\s+equal\s+to\b|\bis\s+not\s+equal\s+to\b", "!="),
    (r"\bis\s+exactly\s+equal\s+to\b|\bis\s+equal\s+to\b", "="),
    (r"\bis\s+less\s+than\s+or\s+equal\s+to\b", "<="),
    (r"\bis\s+greater\s+than\s+or\s+equal\s+to\b", ">="),
    (r"\bis\s+less\s+than\b", "<"),
    (r"\bis\s+greater\s+than\b", ">"),
)
_SHOW_RE = re.compile(
    r"^show\s+this\s+(?P<what>question|page|block)\s+(?:only\s+)?if\s+(?P<cond>.+)$", re.I
)
_HIDE_RE = re.compile(
    r"^hide\s+this\s+(?P<what>question|page|block)\s+(?:only\s+)?if\s+(?P<cond>.+)$", re.I
)
_JUMP_RE = re.compile(
    r"^if\s+(?P<cond>.+?)\s*(?:→|->|then)\s*(?:(?:skip|jump|go)\s+to\s+)?(?P<to>.+)$", re.I
)
_OUT_RE = re.compile(
    r"^(?:disqualify|screen\s*out|terminate|end\s+(?:the\s+)?survey)\w*\s*(?:[—–-]|,)?\s*if\s+(?P<cond>.+)$",
    re.I,
)
_TARGET_RE = re.compile(
    r"^(?P<part>page|section|block)\s+(?P<n>\d{1,3})\b|^(?P<q>Q\d{1,3}[a-z]?)\b", re.I
)
_MIN_RULES = 3


def keyed_rule_lines(lines: list[Line]) -> list[Line]:
    """The lines with each keyed logic rule (wrapped lines joined) written as a plain note."""
    keyed = [i for i, line in enumerate(lines) if _rule(line) is not None]
    if len(keyed) < _MIN_RULES:
        return lines
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if index not in keyed:
            out.append(line)
            index += 1
            continue
        words = [line.raw.strip()]
        index += 1
        while index < len(lines) and _wrapped(lines[index]):
            words.append(lines[index].raw.strip())
            index += 1
        rule = _KEYED_RE.match(" ".join(words))
        note = _note(rule["body"]) if rule else None
        if note is None:
            out.extend(lines[index - len(words) : index])
            continue
        out.append(replace(line, text="", spaced="", raw=" ".join(words), instructions=[note]))
    return out


def _rule(line: Line) -> re.Match[str] | None:
    if line.kind != "paragraph" or line.is_option:
        return None
    match = _KEYED_RE.match(line.raw or "")
    return match if match and _NAMES_QUESTION_RE.search(match["body"]) else None


def _wrapped(line: Line) -> bool:
    text = (line.raw or "").strip()
    return line.kind == "paragraph" and bool(text) and bool(_WRAPPED_RE.match(text))


def _note(body: str) -> str | None:
    """The rule in the parser's words, or None when it is no rule read here."""
    body = _REMARK_RE.sub("", " ".join(body.split()))
    shown = _SHOW_RE.match(body) or _HIDE_RE.match(body)
    if shown:
        cond = _condition(shown["cond"])
        if shown.re is _HIDE_RE:
            cond = f"NOT ({cond})"
        if shown["what"].lower() == "question":
            return f"DISPLAY LOGIC: {cond}"
        return f"Show this {shown['what'].lower()} only if {cond}"
    out = _OUT_RE.match(body)
    if out:
        return f"TERMINATE IF {_condition(out['cond'])}"
    jump = _JUMP_RE.match(body)
    if jump:
        target = _TARGET_RE.match(jump["to"].strip())
        if target is None:
            return None
        where = target["q"] or f"{target['part'].upper()} {target['n']}"
        return f"IF {_condition(jump['cond'])} GO TO {where.upper()}"
    return None


def _condition(text: str) -> str:
    """`Q2 "What kind…?" is exactly equal to "Private office"` → `Q2 = "Private office"`."""
    text = _QUESTION_WORDS_RE.sub(r"\1", text)

    def listed(match: re.Match[str]) -> str:
        items = re.findall(r"[\"“][^\"”]*[\"”]", match["items"]) or [match["items"].strip()]
        test = f"{match['q']} = {' OR '.join(items)}"
        return f"NOT ({test})" if match["neg"] else test

    def contains(match: re.Match[str]) -> str:
        test = f"{match['q']} = {match['what']}"
        return f"NOT ({test})" if match["neg"].lower() != "contains" else test

    text = _CONTAINS_RE.sub(contains, _LIST_RE.sub(listed, text))
    for pattern, sign in _WORDS:
        text = re.sub(pattern, sign, text, flags=re.I)
    return text.strip()
