"""Answers run into one paragraph on a paper form read from PDF: "EMPLOYMENT 110 01 Job
transfer/new job 02 Retirement … FAMILY 07 Needed larger house …" — the two-digit codes 01, 02,
03 … counting up one by one are the answers; the capitals just before a code head a group of
them, and what comes before the first code (the group's name, the data-entry box number) is
no answer. Each answer is written out on a line of its own, as a plain list."""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

#: a zero-padded code standing alone before words
_CODE_RE = re.compile(r"(?<![\d.,$])\b(\d{2})\s+(?=\S)")
#: fewer run-in codes than this is a sentence with numbers in it, not a list
_FEWEST = 6
#: before the first code: nothing, or the group's name in capitals and its entry box's number
_PREFIX_RE = re.compile(r"\s*(?:[A-Z][A-Z/&-]*\s+)*(?:\d{2,4}\s*)?")
_GROUP_HEAD_RE = re.compile(r"\s+(?:[A-Z][A-Z/&-]+\s+)*[A-Z][A-Z/&-]{2,}\s*$")


def _run_in(text: str) -> list[str] | None:
    """The answers written one after another in `text` ("01 Yes 02 No …"), or None."""
    codes = list(_CODE_RE.finditer(text))
    start = next((i for i, m in enumerate(codes) if m[1] == "01"), None)
    if start is None:
        return None
    run = [codes[start]]
    for match in codes[start + 1 :]:
        if int(match[1]) == int(run[-1][1]) + 1:
            run.append(match)
    if len(run) < _FEWEST or not _PREFIX_RE.fullmatch(text[: run[0].start()]):
        return None
    answers = []
    for here, after in zip(run, [*run[1:], None], strict=True):
        words = text[here.end() : after.start() if after is not None else len(text)]
        words = _GROUP_HEAD_RE.sub("", words).strip()  # "… reason FAMILY" before "07"
        if not re.search(r"[A-Za-z]", words):
            return None
        answers.append(f"{here[1]} {words}")
    return answers


def run_in_code_lines(lines: list[Line]) -> list[Line]:
    """Each paragraph of run-in coded answers written out as one answer a line."""
    out: list[Line] = []
    for line in lines:
        answers = _run_in(line.text) if line.kind == "paragraph" and not line.is_option else None
        if answers is None:
            out.append(line)
            continue
        out.extend(replace(line, text=a, spaced=a, raw=a, instructions=[]) for a in answers)
    return out
