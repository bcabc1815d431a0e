"""What the interviewer records without asking, and a script's end marker, left out:
`[INTERVIEWER: RECORD GENDER BY OBSERVATION -- DO NOT ASK]` over `Male 1   Female 2`, and
`-- end of script --`.

A telephone or doorstep script ends with items the interviewer codes from what they see or
hear; the respondent is never asked them, so they are no questions of the survey. Such a note,
standing alone, is dropped with the answers listed under it (right under a question's own ask,
it only tells how that question is coded). A line that only marks the end of
the script is furniture (it would otherwise read as one more answer of the last screen).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line
from fielder.compiler.options import parse_option_line

_OBSERVED_RE = re.compile(
    # ("DO NOT ASK Q13 IF …" is a filter on Q13, not an item recorded unasked)
    r"\bBY\s+OBSERVATION\b|\bDO(?:\s+NOT|N['’]T)\s+ASK\b(?!\s+[A-Z]{0,4}\d{1,3}[a-z]?\s+(?:IF|WHEN)\b)|"
    r"\bWITHOUT\s+ASKING\b|"
    r"\bOBSERVE\s+(?:AND\s+)?(?:RECORD|CODE)\b|\b(?:RECORD|CODE)\s+(?:FROM\s+)?OBSERVATION\b",
    re.I,
)
# a question's id opening the line, alone or before its words ("A9", "A8. Type of …",
# "Q21 Exterior condition …")
_LABELLED_RE = re.compile(r"^[A-Z]{1,6}\d{1,3}[a-z]?(?:[.):]?\s*$|[.):]?\s+[A-Z])")
_ASK_IF_RE = re.compile(r"\bASK\s+(?:ONLY\s+)?IF\b", re.I)
_END_MARK_RE = re.compile(
    r"^[-=*~#_\s]*\(?\s*end\s+of\s+(?:the\s+)?(?:script|questionnaire|survey|interview)\b"
    r"[^a-z]{0,40}(?:[A-Za-z]{1,4}[-\s]?\d[\w.-]*[^a-z]{0,20})?$"
    # "END OF SCRIPT – dialler codes the call as complete.": the mark, then a note to the team
    r"|^(?-i:END\s+OF\s+(?:SCRIPT|QUESTIONNAIRE|INTERVIEW))\s*[-–—:]\s*[^.!?]{3,80}[.]?$",
    re.I,
)


def drop_observed_items(lines: list[Line]) -> list[Line]:
    """The lines without interviewer-observed items (note and answers) and end-of-script marks."""
    out: list[Line] = []
    dropping = False
    for index, line in enumerate(lines):
        if dropping and line.text and parse_option_line(line):
            continue
        # right under a question's own ask ("B19. Who answered …?"), the note only says how
        # that question is coded: the question stays; so does an item under its own id
        # ("A8. Type of accommodation" over "CODE FROM OBSERVATION"): a CAPI variable the
        # interviewer fills in
        asked = bool(out) and (
            out[-1].text.rstrip().endswith("?") or bool(_LABELLED_RE.match(out[-1].text))
        )
        dropping = (
            not line.text
            and line.label is None
            and not asked
            and any(_OBSERVED_RE.search(note) for note in line.instructions)
            # "ASK IF FLAT (A8 = 4 OR 5). CODE FROM OBSERVATION.": a filter over the next
            # question, which is asked of some
            and not any(_ASK_IF_RE.search(note) for note in line.instructions)
        )
        if _END_MARK_RE.match(line.text) and not dropping:
            following = lines[index + 1] if index + 1 < len(lines) else None
            if following is not None and _closing_words(following):
                # "End of Survey" over the tool's closing words: kept as a note, so that the
                # words under it are not read as more of the last question's
                out.append(replace(line, text="", spaced="", instructions=[line.text.strip()]))
            continue
        if dropping:
            continue
        out.append(line)
    return out


def _closing_words(line: Line) -> bool:
    """A plain sentence (no answer, no label) right under an end mark."""
    text = line.text.strip()
    return (
        line.kind == "paragraph"
        and not line.is_option
        and line.label is None
        and text.endswith(".")
        and len(text.split()) >= 3
        and not parse_option_line(line)
    )
