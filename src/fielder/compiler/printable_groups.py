"""A survey tool's printable: question groups, their titles and the filter in a description.

The printable prints each question group as its title line, then (optionally) the group's
description, then the group's `n [CODE]words` questions. Authors often write the group's
relevance in that description instead of the tool's own condition list: "The questions in this
group are only shown to households that answered 'Yes' at SC3", "Shown to owners (SC1 = A1 or
A2) without one (SC3 = N)". The title is made a heading (so that a group's filter ends where
the next group starts) and a description naming a printed question code with a test becomes
`ASK THIS SECTION IF …`, the tests joined with AND.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from fielder.compiler.lines import Line

# "answered 'Yes' at SC3", "said 'Rent' or 'Other' at Q2"
_ANSWERED_AT_RE = re.compile(
    r"\b(?:answered|said|chose|selected|picked|ticked)\s+(?P<labels>['‘\"“].+?['’\"”])"
    r"\s+(?:at|to|for|in)\s+(?:question\s+)?(?P<code>[A-Za-z][A-Za-z0-9_]*)\b"
)
# "(SC3 = N)", "(SC1 = A1 or A2)", "SC1 = A1, A2"
_CODE_TEST_RE = re.compile(
    r"(?P<code>\b[A-Za-z][A-Za-z0-9_]*)\s*(?P<op>!=|<>|=)\s*(?P<values>[A-Za-z0-9_]{1,12}"
    r"(?:\s*(?:,|\bor\b)\s*[A-Za-z0-9_]{1,12})*)"
)
_QUOTED_RE = re.compile(r"['‘\"“](.+?)['’\"”](?=\s*(?:,|\bor\b|$|\s))")


def group_filter(words: str, answers: dict[str, dict[str, str]]) -> str | None:
    """The description's tests on printed question codes as one condition, or None; a
    printed answer code is named by its words (the conditions read answers by label)."""
    codes = set(answers)
    tests: list[tuple[int, str]] = []
    for match in _ANSWERED_AT_RE.finditer(words):
        if match["code"] not in codes:
            continue
        labels = _QUOTED_RE.findall(match["labels"]) or [match["labels"].strip("'‘’\"“”")]
        test = " OR ".join(f"{match['code']} = '{label}'" for label in labels)
        tests.append((match.start(), f"({test})" if len(labels) > 1 else test))
    for match in _CODE_TEST_RE.finditer(words):
        if match["code"] not in codes:
            continue
        values = [v for v in re.split(r"\s*(?:,|\bor\b)\s*", match["values"]) if v]
        neg = "NOT " if match["op"] in ("!=", "<>") else ""
        named = answers[match["code"]]
        if not all(value in named for value in values):
            continue
        test = " OR ".join(f"{match['code']} {neg}= '{named[value]}'" for value in values)
        tests.append((match.start(), f"({test})" if len(values) > 1 else test))
    if not tests:
        return None
    return " AND ".join(test for _, test in sorted(tests))


def group_lines(
    lines: list[Line],
    is_head: re.Pattern[str],
    is_furniture: Callable[[str], bool],
    answer_of: Callable[[str], tuple[str, str] | None],
) -> list[Line]:
    """Group titles made headings and group descriptions with a filter made section notes.

    A title is a short line with no end stop right before a question head, or before one
    description line that stands before a question head; `is_furniture(words)` says which
    lines are the tool's own phrases (hints, answers, boxes), never titles."""
    if sum(1 for line in lines if answer_of(_words(line))) < 5:
        # (a print without answer codes: its uncoded answers cannot be told from titles)
        return lines
    answers: dict[str, dict[str, str]] = {}  # each question's answer words by printed code
    current: dict[str, str] = {}
    for line in lines:
        if head := is_head.match(_words(line)):
            current = answers.setdefault(head["code"], {})
        elif answer := answer_of(_words(line)):
            current[answer[1]] = answer[0]

    def title(words: str) -> bool:
        return _title_like(words) and not is_head.match(words) and not is_furniture(words)

    out = list(lines)
    for index, line in enumerate(lines):
        words = _words(line)
        after = [_words(x) for x in lines[index + 1 : index + 3]]
        if not title(words) or not after:
            continue
        if is_head.match(after[0]):
            out[index] = _heading(line)
        elif (
            len(after) == 2 and after[0] and is_head.match(after[1]) and not is_furniture(after[0])
        ):
            if title(after[0]):
                continue
            out[index] = _heading(line)
            note = group_filter(after[0], answers)
            if note:
                out[index + 1] = replace(
                    lines[index + 1],
                    text="",
                    spaced="",
                    instructions=[f"ASK THIS SECTION IF {note}"],
                )
    return out


def _title_like(words: str) -> bool:
    if not 0 < len(words) <= 70 or "\t" in words:
        return False
    return re.search(r"[A-Za-z]{3}", words) is not None and not re.search(r"[.?:!*]\s*$", words)


def _heading(line: Line) -> Line:
    return replace(line, kind="heading", level=2, text=_words(line), instructions=[])


def _words(line: Line) -> str:
    return (line.raw or line.text or " ".join(line.instructions)).strip()
