"""Build specs that write each item as its wording, a dash, then how to program it.

Researchers hand a survey to whoever builds it as a list of items like
`"Do you rent your home?" — Yes/No. Skip logic: if No, terminate.` or
`Gender — Multiple Choice: Male / Female / Prefer not to say.`: the words before the dash are
what the respondent reads (quoted, or a short field name), the words after are the answer
format, the answers (`A / B / C` after the format's colon, or `Yes/No`) and the routing. Each
such line is split into the ask, one answer line per listed answer, and a programmer's note
holding the rest, which the usual rules then read (types, scales, `if No, terminate`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# The answer formats a build spec names right after its dash, in the builders' own words.
_FORMAT = (
    r"text\s+entry|(?:open|free)[\s-]*(?:ended|text|answer|response)?|short\s+(?:answer|text)|"
    r"long\s+(?:answer|text)|paragraph|essay|multiple[\s-]+choice|single[\s-]+(?:choice|answer|"
    r"select|response|\d+[\s-]*(?:pt|point)\s+item)|multi(?:ple)?[\s-]*(?:select|answer|"
    r"response)s?|check\s*box(?:es)?|drop[\s-]*down|yes\s*/\s*no|slider|matrix|likert|"
    r"\d+[\s-]*(?:pt|point)\b|numeric|number|date|rank(?:ing)?|"
    r"(?:strongly|very|not\s+at\s+all|extremely|completely)\s+\w+\s+to\s"
)
_SPEC_RE = re.compile(rf"^(?P<ask>.{{2,}}?)\s+[—–]\s+(?P<spec>(?:{_FORMAT}).*)$", re.I)
# "Multiple Choice: A / B / C" or "Multiple Choice, single answer: A / B": the answers
_LISTED_RE = re.compile(r"^(?P<format>[^:]{2,60}):\s*(?P<answers>.+?\s/\s.+?)\.?$")
_YES_NO_RE = re.compile(r"^yes\s*/\s*no\b[.,;]?\s*", re.I)
# a dash and a first word left at a line's end: the format goes on on the next line
_CUT_RE = re.compile(r"\s[—–]\s+\w+$")


def spec_lines(lines: list[Line]) -> list[Line]:
    """The lines with every `wording — format: answers. routing` item split into its ask, its
    answers (a line each) and a note for the rest."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and _cut_format(line, following):
            line = replace(line, text=f"{line.text} {following.text}", end=following.end)
            index += 1  # "— Multiple" / "Choice: Never / Rarely": one item wrapped
        out.extend(_split(line) or [line])
        index += 1
    return out


def _cut_format(line: Line, following: Line) -> bool:
    """ "… — Multiple" over "Choice: Never / Rarely": a format's name wrapped to the next line."""
    cut = _CUT_RE.search(line.text)
    if cut is None or following.kind != "paragraph":
        return False
    return bool(_SPEC_RE.match(f"{line.text} {following.text}")) and not _SPEC_RE.match(line.text)


def _split(line: Line) -> list[Line] | None:
    match = _SPEC_RE.match(line.text)
    if match is None or not (line.kind == "list_item" or match["ask"].startswith(('"', "“"))):
        return None  # a paragraph "Part B – Numbers" is a title; items are listed or quoted
    ask = re.sub(r'^["“](.+)["”]$', r"\1", match["ask"].strip())
    spec = match["spec"].strip()
    answers: list[str] = []
    yes_no = _YES_NO_RE.match(spec)
    listed = _LISTED_RE.match(spec.split(". ")[0] if ". " in spec else spec)
    if yes_no:
        answers, spec = ["Yes", "No"], spec[yes_no.end() :]
    elif listed:
        answers = [a.strip() for a in listed["answers"].split(" / ") if a.strip()]
        spec = f"{listed['format']}{spec[listed.end() :]}"
    head = replace(
        line,
        text=ask,
        spaced=ask,
        instructions=[*line.instructions, *([spec.strip()] if spec.strip() else [])],
    )
    level = line.level + 1
    options = [
        Line(text=a, raw=a, spaced=a, kind="list_item", numbering="-", level=level,
             start=line.start, end=line.end, page=line.page)
        for a in answers
    ]  # fmt: skip
    return [head, *options]
