"""Plain-language filters in a self-completion form, above the question they are for.

Forms without labels say whom the next question is for in the respondent's words: "Only if you
ticked Laptop:" over the question, or "If yes, answer the next question; if no, go to section 3."
under a yes/no. Both filter the next question on the answer named (the question before, or the
nearest one offering that answer), so they wait for it as an `ASK IF` line does.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

# "Only if you ticked Laptop:", "Answer only if …", "Nur wenn …", "Seulement si …", "Solo si …"
ONLY_IF_RE = re.compile(
    r"^(?:only\s+(?:if|when)|answer\s+(?:this\s+(?:question\s+)?)?only\s+(?:if|when)|"
    r"nur\s+(?:wenn|falls|für)|seulement\s+si|uniquement\s+si|solo\s+si|sólo\s+si|"
    r"alleen\s+(?:als|indien))\b[^?]{1,80}$",
    re.I,
)
# "Answer Q2 only if you ticked 4 or 5 at Q1."
_NAMED_ONLY_IF_RE = re.compile(
    r"^answer\s+(?P<q>[A-Z]{1,3}\d{1,3}[a-z]?)\s+only\s+(?:if|when)\s+(?P<cond>[^?]{1,80})$", re.I
)
_CANONICAL_RE = re.compile(r"^Only answer the next question if\b[^?]{1,160}$")
# "If yes, answer the next question; if no, go to section 3.": the next question's filter
_ANSWER_NEXT_RE = re.compile(
    r"^(?P<cond>(?:if|falls|wenn|si)\s+[^,;]{1,40}?)\s*[,:]\s*(?:please\s+|bitte\s+)?"
    r"(?:answer|go\s+(?:on\s+)?to|continue\s+(?:with|to))\s+the\s+next\s+question\b[^?]*$",
    re.I,
)
# "If you lease the laptop:", "If yes:": a line of its own, in the respondent's words, that
# ends in a colon over the question it opens (not "If other, please write in:")
_IF_COLON_RE = re.compile(r"^(?:if|when)\s+(?P<cond>[^?:;]{2,160}):$", re.I)
_NOT_FILTER_RE = re.compile(r"\b(?:please|write|specify|tell\s+us|describe|give)\b", re.I)


def is_only_if(text: str) -> bool:
    """True for a short plain-language filter over a question ("Only if you ticked Laptop:")."""
    return _CANONICAL_RE.match(text.strip()) is not None and len(text.split()) <= 34


def answer_next_lines(lines: list[Line]) -> list[Line]:
    """Lines with "Only if you ticked Laptop:" or "If yes, answer the next question; …"
    (as words or as a note set apart) rewritten as "Only answer the next question if …", the
    filter the other rules read."""
    for index, line in enumerate(lines):
        if line.kind != "paragraph":
            continue
        canonical = None if _answer_among_answers(lines, index) else canonical_filter(line.text)
        if canonical:
            line.text = line.spaced = canonical
        line.instructions = [part for n in line.instructions for part in _canonical_note(n)]
    return lines


# "Only if question 4 = 1 or 2. Screen out if No.": the filter, then a rule of the question the
# note is under; only the filter's sentence looks forward
_THEN_RE = re.compile(r"(?<=[a-z0-9])\.\s+(?=[A-Z][a-z])")


def _canonical_note(note: str) -> list[str]:
    whole = canonical_filter(note)
    if whole is None or not _THEN_RE.search(note):
        return [whole or note]
    first, rest = _THEN_RE.split(note, maxsplit=1)
    own = canonical_filter(first)
    return [own, rest] if own else [whole]


# "Only when my contract ends (03)", "Only if asked ...... 2": words then the answer's code, the
# way the answers around it are written
_CODE_AFTER_RE = re.compile(r"(?:\(\d{1,3}\)|(?:\.{3,}|…+|\t)\s*\d{1,3})\s*$")


def _answer_among_answers(lines: list[Line], index: int) -> bool:
    """ "Only when my contract ends (03)" between "Every two years (02)" and "Never (04)": a line
    that ends in a code, as the line before or after it does, is an answer of the list
    (label first), not a filter over the next question."""
    if not _CODE_AFTER_RE.search(lines[index].text):
        return False
    near = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(n.kind == "paragraph" and _CODE_AFTER_RE.search(n.text) for n in near)


def canonical_filter(text: str) -> str | None:
    """The line as "Only answer the next question if …" when it is such a filter."""
    # "→ Only if you ticked 1 or 2 at Q7.": a paper form's arrow before its routing note
    text = re.sub(r"^(?:→|->|➔)\s*", "", text.strip())
    named = _NAMED_ONLY_IF_RE.match(text)
    if named:  # "Answer Q2 only if …": the named question's filter, placed by `named_notes`
        return text
    match = _ANSWER_NEXT_RE.match(text)
    if match:
        condition = match["cond"]
    elif _if_colon(text):
        condition = text
    elif ONLY_IF_RE.match(text) and len(text.split()) <= 16:
        condition = re.sub(r"^\S+\s+(?:only\s+)?", "", text, flags=re.I)
        condition = re.sub(r"^this\s+(?:question\s+)?only\s+", "", condition, flags=re.I)
    else:
        return None
    condition = re.sub(r"^(?:if|when|wenn|falls|für|si|als|indien)\s+", "", condition, flags=re.I)
    return f"Only answer the next question if {condition.strip(' :.')}"


def _if_colon(text: str) -> bool:
    match = _IF_COLON_RE.match(text)
    return (
        match is not None and len(text.split()) <= 30 and not _NOT_FILTER_RE.search(match["cond"])
    )
