"""Script headers in the starred keyword style of tab and CATI scripting languages:
`*QUESTION 10 *CODES 61L1 *MULTI` over the question's words.

The header names the question by its number and carries the script's own keywords (its columns,
`*MULTI`, `*OPEN`); the words to ask come on the next line. The label is `Q` and the number, as
a programmer names it, and the keywords become the question's instructions (read for its type),
so the header never joins the question before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.bracket_tests import is_forward_test
from fielder.compiler.lines import Line

_HEAD_RE = re.compile(
    r"^\*\s*(?:QUESTION|QUEST|Q)(?:\s*(?P<n>\d{1,4}[a-z]?)|\s+(?P<id>[A-Z]{1,4}\d{1,3}[a-z]?))"
    r"(?P<keys>(?:\s+\*[A-Z]+\b[^*]*)*)\s*$",
    re.I,
)
# "*PAGE INTRO   (TEXT SCREEN)": a screen of the script, named by its word
_PAGE_RE = re.compile(r"^\*\s*PAGE\s+(?P<id>[A-Z][A-Z0-9_]{1,15})(?P<keys>\s.*)?$")


# "98  DON'T KNOW   *NMUL": a script keyword after an answer's words; NMUL ("no multi") is the
# single-punch code of a multi-coded list, i.e. an exclusive answer
_TAIL_KEY_RE = re.compile(r"\s+\*(?P<key>[A-Z]{3,})\b(?P<rest>[^*]*)$")
# "*QUOTA AREA (n=200 per area)", "*RANGE 0-24": a script keyword line of its own
_KEY_LINE_RE = re.compile(r"^\*[A-Z]{3,}\b")
_KEY_WORDS = {"NMUL": "EXCLUSIVE", "EXCL": "EXCLUSIVE", "EXCLUSIVE": "EXCLUSIVE"}
_HEADS = 3


def _script_keys(lines: list[Line]) -> list[Line]:
    """In a script whose questions are headed `*QUESTION …` (three or more), a keyword line of
    its own is a note and a keyword after an answer's words is that answer's note."""
    if sum(1 for line in lines if _head(line) is not None) < _HEADS:
        return lines
    out = []
    for line in lines:
        if _head(line) is None and line.kind == "paragraph":
            if _KEY_LINE_RE.match(line.text):
                line = replace(
                    line, text="", spaced="", instructions=[*line.instructions, line.text[1:]]
                )
            elif tail := _TAIL_KEY_RE.search(line.text):
                key = _KEY_WORDS.get(tail["key"], tail["key"]) + tail["rest"].rstrip()
                text = line.text[: tail.start()]
                spaced = _TAIL_KEY_RE.sub("", line.spaced) if line.spaced else text
                line = replace(
                    line, text=text, spaced=spaced, instructions=[*line.instructions, key]
                )
        out.append(line)
    return out


def _head(line: Line) -> re.Match[str] | None:
    if line.kind != "paragraph":
        return None
    return _HEAD_RE.match(line.text) or _PAGE_RE.match(" ".join(line.raw.split()))


def starred_head_lines(lines: list[Line]) -> list[Line]:
    """Lines with each starred header joined to the words under it as `Q10. …`."""
    out: list[Line] = []
    lines = _script_keys(lines)
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _head(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if match is not None and following is not None and is_forward_test(following):
            # "*QUESTION Q6 *SINGLE / *ASK IF [Q5,2] / How …?": the filter goes before the head
            if index + 2 < len(lines) and lines[index + 2].text:
                out.append(following)
                following = lines[index + 2]
                index += 1
        if match is None or following is None or not following.text or following.is_option:
            out.append(line)
            index += 1
            continue
        keys = [k.strip(" ()") for k in (match["keys"] or "").split("*") if k.strip(" ()")]
        label = f"{match['id']}. " if match["id"] else f"Q{match['n']}. "
        following.spaced = label + (following.spaced or following.text)
        following.text = label + following.text
        following.instructions[:0] = [*line.instructions, *keys]
        following.start = line.start
        out.append(following)
        index += 2
    return out
