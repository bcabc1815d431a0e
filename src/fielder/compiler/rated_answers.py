"""Answers across one line after an interviewer's verb: `RATE:  0 Absent   1 Present`.

Clinical interview schedules and CAPI paper scripts put each item's codes on one line led by
the interviewer's verb in capitals and a colon (`RATE:`, `CODE:`, `CIRCLE:`, `SCORE:`), the
coded answers set apart by runs of spaces or tabs. Read as it stands, the verb is taken for a
question label (`RATE`) and the answers for its words. The verb is the question's note and
each coded answer a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_VERB_RE = re.compile(r"^\s*(?P<verb>[A-Z]{3,10}(?:\s+[A-Z]{2,10})?)\s*:\s+(?P<rest>\d.*\S)\s*$")
# one coded answer: the code, then words (no run of spaces inside)
_ANSWER_RE = re.compile(r"(?P<code>\d{1,3})\s{1,2}(?P<label>\S(?:\S| (?! ))*)")
_GAP_RE = re.compile(r"\t|\s{3,}")


def rated_answer_lines(lines: list[Line]) -> list[Line]:
    """The lines with each verb-led line of coded answers split into the verb's note and one
    answer a line."""
    out: list[Line] = []
    for line in lines:
        answers = _answers(line)
        if answers is None:
            out.append(line)
            continue
        verb, parts = answers
        out.append(replace(line, text="", spaced="", raw=verb, instructions=[verb]))
        out.extend(
            replace(line, text=part, spaced=part, raw=part, instructions=[]) for part in parts
        )
    return out


def _answers(line: Line) -> tuple[str, list[str]] | None:
    if line.kind != "paragraph" or line.is_option or line.rows or line.label:
        return None
    match = _VERB_RE.match(line.raw or "")
    if match is None:
        return None
    parts = [part.strip() for part in _GAP_RE.split(match["rest"]) if part.strip()]
    if len(parts) < 2 or not all(_ANSWER_RE.fullmatch(part) for part in parts):
        return None
    codes = [int(re.match(r"\d+", part)[0]) for part in parts]  # type: ignore[index]
    if codes != sorted(codes) or len(set(codes)) != len(codes):
        return None
    return match["verb"], parts
