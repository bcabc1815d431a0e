"""Build notes that put the question they route first, or name its group in passing, as owners
write them to whoever builds the form:

    Q15 only if No or Not sure at Q14.        Q9a is just for the Yes people at Q9.
    hide Q10 for out-of-hours emergencies at Q4      only small businesses (M13 = 3) get M14
    only for the 8s at M3                     4 = thank them, survey over
    1 or 2 → ask M17, otherwise straight to the end

Each is rewritten in the order the filter rules read ("only show Q15 if they said No or Not sure
at Q14", "hide Q10 if they said … at Q4", "ASK IF M3 = 8", "IF 4 TERMINATE"); a branch that asks
the next question on some codes becomes that question's own filter on them.
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_ID = r"[A-Z]{1,4}\d{1,3}[a-z]{0,2}"
_CODES = r"\d{1,3}(?:\s*(?:,|\bor\b|/|&|\band\b)\s*\d{1,3})*"
# "[Kim: …]", "Note: …": the addressee or label before the note's words
_LEAD_RE = re.compile(r"^\s*\[?\s*(?:[A-Z][a-z]{1,15}\s*:\s*)?")
_OWN_FIRST_RE = re.compile(
    rf"^(?P<q>{_ID})\s+(?:is\s+|are\s+)?(?:only|just)\s+(?:(?:for|if|when)\s+)?(?P<rest>.+?)\s*$"
)
_HIDE_RE = re.compile(rf"^hide\s+(?P<q>{_ID})\s+(?:for|from|if|when)\s+(?P<rest>.+?)\s*$", re.I)
_GET_RE = re.compile(
    rf"^only\s+(?:the\s+)?[\w' -]{{2,40}}?\s*\((?P<test>[^()]*(?:=|<|>)[^()]*)\)\s+"
    rf"(?:get|see|answer|are\s+asked)\s+(?P<q>{_ID})\s*$",
    re.I,
)
_THE_NS_RE = re.compile(
    rf"^only\s+(?:for\s+)?the\s+(?P<code>\d{{1,3}})s\s+(?:at|in)\s+(?P<at>{_ID})\s*$", re.I
)
_END_WORDS = (
    r"(?:survey|form|questionnaire)\s+(?:is\s+)?(?:over|ends|closes|finished)|"
    r"end\s+(?:it|the\s+(?:survey|form))|close\s+(?:it|the\s+(?:survey|form))|"
    r"thank\s+(?:them|you)\s+(?:and|&)\s+(?:end|close|stop)"
)
_CODED_END_RE = re.compile(
    rf"^(?:if\s+)?(?P<codes>{_CODES})\s*(?:=|→|->|:|–|-|,)\s*(?=[^.;]*\b(?:{_END_WORDS})\b)", re.I
)
_ASK_NEXT_RE = re.compile(
    rf"^(?P<codes>{_CODES})\s*(?:→|->|=|:)\s*ask\s+(?P<q>{_ID})\b\s*,?\s*"
    r"(?:otherwise|else|others?|everyone\s+else)\b",
    re.I,
)
# "3 = skip to M12 (visitors …)", "0 → jump to M7": the codes, then where they go
_CODED_GO_RE = re.compile(
    rf"^(?:if\s+)?(?P<codes>{_CODES})\s*(?:=|→|->|:)\s*(?:skip|jump|go|move)\s+(?:straight\s+)?"
    rf"(?:on\s+)?to\s+(?:question\s+)?(?P<to>{_ID})\b",
    re.I,
)
# 'ticks "None – we don't have pets" → end, …': the answer by its words, then the end
_PICKED_END_RE = re.compile(
    r"^(?:if\s+)?(?:they\s+|someone\s+)?(?:ticks?|picks?|chooses?|selects?|says?|answers?)\s+"
    r"(?P<label>\"[^\"]{1,80}\"|“[^”]{1,80}”)\s*(?:→|->|=>|:)\s*(?:the\s+)?(?:end|close|stop)\b",
    re.I,
)
# " – they don't book those", "(visitors only…)": an aside after the rule (a bracketed test,
# "(G17 = 2)", is no aside but part of it)
_ASIDE_RE = re.compile(r"\s+[–—-]\s+[^–—]*$|\s*\([^()=<>]*\)\s*$")
_BRACKETED_TEST_RE = re.compile(r"\([^()]*[=<>][^()]*\)")
_AT_RE = re.compile(rf"\s+(?:at|in)\s+(?P<at>{_ID})\s*$")


def _said(rest: str) -> str:
    """ "the Yes people at Q9" → "they said Yes at Q9"; a sentence with its verb kept."""
    if re.match(r"(?:they|he|she|you|people\s+who|those\s+who)\b", rest, re.I) or re.search(
        r"[=<>]", rest
    ):
        return rest
    at = _AT_RE.search(rest)
    if at is None:
        return rest
    who = re.sub(r"^(?:for\s+)?(?:the\s+)?", "", rest[: at.start()], flags=re.I)
    who = re.sub(r"\s+(?:people|ones|folk|lot|group)$", "", who, flags=re.I)
    return f"they said {who} at {at['at']}"


def _codes(codes: str) -> str:
    return re.sub(r"\s*(?:,|\bor\b|/|&|\band\b)\s*", " OR ", codes, flags=re.I)


def rewritten_note(note: str, current: str | None = None) -> str | None:
    """The note in the order the rules read, or None when it is none of these shapes; a note
    of several sentences ("drop-down please. If 4, 5 or 6 - … end it") sentence by sentence."""
    parts = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", note.strip())
    if len(parts) < 2:
        return _rewritten(note, current)
    read = [_rewritten(part, current) for part in parts]
    if not any(read):
        return None
    return ". ".join(r or p for r, p in zip(read, parts, strict=True))


def _rewritten(note: str, current: str | None) -> str | None:
    body = _LEAD_RE.sub("", note, count=1).strip().rstrip("]").strip().rstrip(".").strip()
    go = _CODED_GO_RE.match(body)
    if go:
        return f"IF {_codes(go['codes'])} GO TO {go['to']}"
    picked = _PICKED_END_RE.match(body)
    if picked:
        return f"IF {picked['label']} TERMINATE"
    ended = _CODED_END_RE.match(body)
    if ended and not re.search(r"\b(?:not|don'?t|never|no\s+one)\b", body, re.I):
        return f"IF {_codes(ended['codes'])} TERMINATE"
    body = _ASIDE_RE.sub("", body).strip().rstrip(".")
    if len(_BRACKETED_TEST_RE.findall(body)) > 1:
        # "G18 only for people under 35 (G16 = 1 or 2) who are not yet members (G17 = 2)":
        # groups each with its test, which the group readers join as written
        return None
    own = _OWN_FIRST_RE.match(body)
    if own and (_AT_RE.search(own["rest"]) or re.search(r"[=<>]", own["rest"])):
        return f"only show {own['q']} if {_said(own['rest'])}"
    hide = _HIDE_RE.match(body)
    if hide and _AT_RE.search(hide["rest"]):
        return f"hide {hide['q']} if {_said(hide['rest'])}"
    get = _GET_RE.match(body)
    if get:
        return f"only show {get['q']} if {get['test'].strip()}"
    the_ns = _THE_NS_RE.match(body)
    if the_ns and current:
        return f"only show {current} if {the_ns['at']} = {the_ns['code']}"
    return None


def self_named_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with such notes rewritten; "N → ask X, otherwise …" moved onto X's head."""
    out = list(lines)
    current: str | None = None
    for index, line in enumerate(lines):
        label = find_label(line) if line.text else None
        if label is not None:
            current = label.id
        if not line.instructions:
            continue
        notes: list[str] = []
        for note in line.instructions:
            body = _LEAD_RE.sub("", note, count=1).strip().rstrip("]").strip()
            ask = _ASK_NEXT_RE.match(body)
            target = _next_head(out, index, ask["q"]) if ask and current else None
            if ask and target is not None:
                head = out[target]
                filter_note = f"ASK IF {current} = {_codes(ask['codes'])}"
                out[target] = dataclasses.replace(
                    head, instructions=[*head.instructions, filter_note]
                )
                continue
            notes.append(rewritten_note(note, current) or note)
        if notes != line.instructions:
            out[index] = dataclasses.replace(out[index], instructions=notes)
    return out


def _next_head(lines: list[Line], index: int, qid: str) -> int | None:
    """The index of the next question's head when it is `qid`, else None."""
    for later in range(index + 1, min(index + 40, len(lines))):
        label = find_label(lines[later]) if lines[later].text else None
        if label is not None:
            return later if label.id == qid else None
    return None
