"""An interviewer's cue written in sentence case is the same cue as in capitals.

Scripts put the interviewer's cues on a line of their own between a question and its answers:
"READ OUT", "DO NOT READ OUT. CODE ONE ONLY.", "MULTI CODE", "PROBE FULLY", "SHOW CARD B". The
readers know such a line by its capitals. Another author writes the same line in sentence case
("Read out", "Do not read out - prompt if needed", "Code all that apply.") and the line became an
uncoded answer (or the first words of the answers), and the type it names was lost. The style
variants bench (`bench.style_variants`, instructions_sentence) measured it on half the documents
that use such cues.

A line whose every sentence is one of those cue phrases is written in capitals, so it takes the
same path as the capitals it stands for. The phrases are the interviewer's words of reading,
coding, circling, probing and prompting (several words each: "Read out", "Code one only",
"Single code"); a cue of one word ("Read", "Multi", "Code") counts only beside such a phrase on
the same line, where the same line stands twice or more in the document, or where the document
writes three or more cue lines in sentence case (its house style). Lines already in capitals,
answers with codes and lines with other words are left alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from fielder.compiler.lines import Line

_CUE_RE = re.compile(
    r"(?:(?:interviewer|int|scripter|programmer)\s*:\s*)?(?:"
    r"(?:(?:do\s+not|don'?t|never)\s+)?read\s+(?:out|aloud)"
    r"(?:\s+(?:the\s+)?(?:list|all|answers|options|scale|categories|codes|statements))?|"
    r"(?:do\s+not|don'?t)\s+(?:read|prompt|probe)|"
    r"(?:code|circle|record)\s+(?:one|all|only|as\s+many|up\s+to)\b[\w\s']{0,30}|"
    r"(?:multi(?:ple)?|single)[\s-]*(?:code|coded|response|answer)s?"
    r"(?:\s+(?:allowed|possible|ok|only))?|"
    r"(?:one|single)\s+(?:code|answer)\s+only|only\s+one\s+(?:code|answer)|"
    r"probe\s+(?:fully|for\s+[\w\s']{1,30}|if\s+(?:necessary|needed))|"
    r"prompt(?:ed)?\s+if\s+(?:necessary|needed)|unprompted|spontaneous|"
    r"show\s+card(?:\s+[a-z0-9]{1,3})?|"
    # the order of a list ("Rotate statements", "Randomise 01-07, keep 99 last")
    r"(?:rotate|randomi[sz]e)(?:\s+(?:the\s+)?(?:statements|answers|list|order|brands|codes|"
    r"options|items|scale|\d{1,3}\s*-\s*\d{1,3}))?(?:\s*,?\s*keep\s+\d{1,3}\s+(?:last|first|fixed))?|"
    # what to write down and its bounds ("Record verbatim", "Record in pence", "Range 0-10")
    r"record\s+(?:verbatim|number|email(?:\s+address)?|(?:exact\s+)?age|(?:in\s+)?(?:pence|pounds|"
    r"euros|dollars|minutes|hours|days|weeks|months|years))|"
    r"range\s+-?\d{1,6}\s*(?:-|to)\s*-?\d{1,6}|"
    # whom it is for ("Ask all", "Ask if Q17 = 1")
    r"ask\s+all|ask\s+if\s+[a-z]{1,4}\d{1,3}[a-z]?\s*(?:=|==|<>|!=|>=|<=|>|<)\s*\d{1,3}"
    r"(?:\s*(?:,|or)\s*\d{1,3})*"
    r")",
    re.I,
)
# one word that is a cue only where the document shows it is
_LONE_RE = re.compile(r"read|multi(?:ple)?|code|probe|prompted", re.I)
_SPLIT_RE = re.compile(r"\s*(?:[.;]|\s[-–—]\s)\s*")


def _sentences(text: str) -> list[str]:
    # ("Range 1..999": the two dots of a range are no sentence's end)
    text = re.sub(r"(?<=\d)\s*(?:\.\.|–)\s*(?=\d)", "-", text.strip())
    return [s for s in _SPLIT_RE.split(text) if s]


def _kind(text: str) -> str | None:
    """'cue' for a line of cue phrases, 'lone' for a one-word cue, None for anything else."""
    if not re.search(r"[a-z]", text) or len(text) > 80:
        return None
    parts = _sentences(text)
    if not parts:
        return None
    full = [bool(_CUE_RE.fullmatch(p)) for p in parts]
    lone = [bool(_LONE_RE.fullmatch(p)) for p in parts]
    if not all(f or o for f, o in zip(full, lone, strict=True)):
        return None
    return "cue" if any(full) else "lone"


def cue_case_lines(lines: list[Line]) -> list[Line]:
    """Sentence-case cue lines written in capitals, as the readers know them."""
    kinds = [
        _kind(line.text) if line.kind == "paragraph" and not line.instructions else None
        for line in lines
    ]
    if not any(kinds):
        return lines
    cues = kinds.count("cue")
    counts = Counter(line.text.strip().lower() for line, k in zip(lines, kinds, strict=True) if k)
    out = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "lone" and counts[line.text.strip().lower()] < 2 and cues < 3:
            kind = None
        if kind:
            line = dataclasses.replace(
                line, text=line.text.upper(), raw=line.raw.upper(), spaced=line.spaced.upper()
            )
        out.append(line)
    return out
