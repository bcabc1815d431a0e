"""A screener's qualifying answers written as a requirement: `MUST HAVE BOUGHT ONLINE (CODE 1 OR
2) – ELSE CLOSE`, `MUST BE CODE 3-5, OTHERWISE TERMINATE`, `CONTINUE IF CODE 1, ELSE SCREEN OUT`.

Agencies often say who stays in rather than who goes: the codes that qualify, then "else close".
The screen-out is everyone who picks none of them, so the note is rewritten as the rule the
instruction reader already knows (`TERMINATE IF NOT CODE 1 OR 2`). The requirement's own words
between "must" and the codes (what the answer means) are dropped with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, is_caps_instruction

_CODES = r"(?P<codes>\d{1,3}(?:\s*(?:,|-|–|/|\bOR\b|\bAND\b)\s*\d{1,3})*)"
_ELSE = (
    # "… TO QUALIFY. IF NEITHER, TERMINATE", "– IF NOT, THANK & END": the same "else", in words
    r"(?:\s+TO\s+(?:QUALIFY|CONTINUE|PROCEED))?[\s,.;:–—-]*(?:OR\s+)?"
    # "CONTINUE IF CODES 1-5. ALL OTHERS TERMINATE": everyone else, named as the others
    # ("… ANYONE ELSE: THANK AND CLOSE": everyone else, named as anyone else)
    r"(?:(?:(?:ANY|EVERY)(?:ONE|BODY)\s+)?ELSE|OTHERWISE|IF\s+(?:NOT|NEITHER|NONE(?:\s+OF\s+THESE)?)|"
    r"(?:ALL\s+)?OTHERS?(?:\s+CODES)?)"
    r"\s*[,:]?\s*(?:THANK\s+(?:AND|&)\s+)?"
    r"(?:CLOSE|TERMINATE|TERM|SCREEN[\s-]*OUT|END(?:\s+(?:THE\s+)?(?:INTERVIEW|SURVEY))?|"
    r"DISQUALIFY|REJECT)\b\.?"
)
# "MUST HAVE BOUGHT READY MEALS (CODE 1 OR 2) – ELSE CLOSE", "MUST SELECT CODE 4 OR ELSE TERMINATE"
_MUST_RE = re.compile(
    r"\b(?:MUST|NEEDS?\s+TO|HAS\s+TO|HAVE\s+TO)\s+(?:HAVE\s+|BE\s+)?[A-Z][A-Z’' ,/-]{0,60}?"
    # "MUST SELECT CODE 1 (CRUMB & KETTLE) – IF NOT": what the code is, in brackets after it
    # ("MUST SELECT S4r3 (CREDIT CARD)": a scripting tool's row reference, question and code)
    r"\(?\s*(?:(?:AT\s+)?CODES?\s+|(?P<rowq>[A-Z]{1,4}\d{1,3})r(?=\d))"
    rf"{_CODES}\s*\)?(?:\s*\([^()]{{1,40}}\))?{_ELSE}",
)
# "CONTINUE IF CODE 1 OR 2, ELSE CLOSE", "QUALIFY ONLY IF CODES 3-5 – OTHERWISE TERMINATE",
# "CONTINUE IF S5 = 1 OR 2; OTHERWISE TERMINATE" (the question named, then its codes)
_CONTINUE_RE = re.compile(
    r"\b(?:CONTINUE|QUALIF(?:Y|IES)|PROCEED|ELIGIBLE)\s+(?:ONLY\s+)?(?:IF|WHEN)\s+(?:ANSWER\s+IS\s+)?"
    rf"(?:(?:AT\s+)?CODES?\s+|(?P<qid>[A-Z]{{1,4}}\d{{1,3}}[A-Za-z]?)\s*=\s*){_CODES}{_ELSE}",
)

# "RECRUIT ONLY IF BUYS BRAND AT LEAST MONTHLY (CODES 1–3)": a recruiter keeps only those codes,
# so every other answer of the question is screened out, said or not
_RECRUIT_RE = re.compile(
    r"\b(?:RECRUIT|INVITE|INCLUDE|ACCEPT)\s+ONLY\s+(?:IF|WHEN)\b[A-Z’' ,/-]{0,80}?"
    rf"\(\s*(?:AT\s+)?CODES?\s+{_CODES}\s*\)(?:{_ELSE})?"
)

_ELSE_WORD_RE = re.compile(
    r"ELSE|OTHERWISE|\bIF\s+(?:NOT|NEITHER|NONE)\b|\bOTHERS\s+(?:CODES\s+)?TERM|"
    r"\b(?:RECRUIT|INVITE|INCLUDE|ACCEPT)\s+ONLY\s+(?:IF|WHEN)\b"
)


def qualifying_code_lines(lines: list[Line]) -> list[Line]:
    """The lines with each "must be code 1 or 2, else close" note read as the screen-out of
    everyone who picks none of those codes."""
    out = []
    for line in lines:
        if any(_ELSE_WORD_RE.search(note) for note in line.instructions):
            notes = [part for note in line.instructions for part in _rewritten(note)]
            line = replace(line, instructions=notes)
        elif (
            not line.is_option
            and is_caps_instruction(line.text)
            and _ELSE_WORD_RE.search(line.text)
        ):
            # the requirement typed as a line of capitals of its own, read as a note later
            line = replace(line, text=" ".join(_rewritten(line.text)))
        out.append(line)
    return out


def _rewritten(note: str) -> list[str]:
    recruit = _RECRUIT_RE.search(note)
    if recruit is not None:
        rest = f"{note[: recruit.start()]} {note[recruit.end() :]}".strip(" .;,")
        if re.search(r"\b(?:CLOSE|TERMINATE|TERM|SCREEN[\s-]*OUT)\b", rest):
            return [note]  # "… (CODE 1 OR 2). CODES 3-6: THANK & CLOSE": the close said apart
        codes = re.sub(r"\s*/\s*", " OR ", recruit["codes"])
        return [*([rest + "."] if rest else []), f"TERMINATE IF ANY CODE OTHER THAN {codes}"]
    match = _MUST_RE.search(note) or _CONTINUE_RE.search(note)
    if match is None:
        return [note]
    codes = re.sub(r"\s*/\s*", " OR ", match["codes"])
    rest = f"{note[: match.start()]} {note[match.end() :]}".strip(" .;,")
    named = match.groupdict().get("qid") or match.groupdict().get("rowq")
    test = f"{named} = {codes}" if named else f"CODE {codes}"
    rest = "" if re.fullmatch(r"[\[\]() ]*", rest) else rest  # only the note's own brackets left
    # "ALL OTHERS TERMINATE", "ANYONE ELSE: THANK AND CLOSE" name the other answers (the
    # people who gave them): the screen-out lists them; "OTHERWISE" denies the test
    others = re.search(r"\bOTHERS\b|\b(?:ANY|EVERY)(?:ONE|BODY)\s+ELSE\b", match.group(0), re.I)
    where = f" AT {named}" if named else ""
    screen_out = (
        f"TERMINATE IF ANY CODE OTHER THAN {codes}{where}"
        if others
        else f"TERMINATE IF NOT ({test})"
    )
    return [*([rest + "."] if rest else []), screen_out]
