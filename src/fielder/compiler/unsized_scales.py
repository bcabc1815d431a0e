"""A scale named by its end words alone, with no number of points.

`"I trust them." — Strongly agree to strongly disagree.` or `(Very good – very poor)` under a
statement with no answers: a scale, but whether of 5, 7 or 11 points is not written. The
compiler does not pick one; the question gets a problem asking how many points.
"""

from __future__ import annotations

import re

from fielder.compiler.diagnostics import Problem

_LEAD = (
    r"(?:strongly|very|not\s+at\s+all|extremely|completely|totally|fully|highly|definitely|"
    r"muy|nada|totalmente|sehr|gar\s+nicht|tr[eè]s|pas\s+du\s+tout|tout\s+[àa]\s+fait|molto)"
)
# "strongly disagree to strongly agree", "Very likely – very unlikely", '"Poor" to "Excellent"'
_ENDS_RE = re.compile(
    rf"(?P<first>{_LEAD}\s+[^\W\d_]+)\s*(?:to|–|—|-|bis|à|a|al)\s*(?P<last>{_LEAD}\s+[^\W\d_]+)"
    r"|[\"“](?P<qfirst>[^\"”]{2,40}?)[.,]?[\"”]\s*(?:to|–|—|-)\s*[\"“](?P<qlast>[^\"”]{2,40}?)[.,]?[\"”]",
    re.I,
)
# any count of points: "7-pt", "5 point", "1 = …", "1-7", "0 to 10"
_COUNTED_RE = re.compile(
    r"\d+[\s-]*(?:pt|points?|punt[io]s?|punkte?)\b|\d\s*=|\b\d{1,2}\s*(?:-|–|to)\s*\d", re.I
)


def unsized_scale(qid: str, text: str, notes: list[str]) -> list[Problem]:
    """A problem when the notes (or words) of a question with no answers name a scale's two
    ends but no number of points; none otherwise."""
    for note in [*notes, text]:
        ends = _ENDS_RE.search(note)
        if ends is None or _COUNTED_RE.search(note):
            continue
        first = ends["first"] or ends["qfirst"]
        last = ends["last"] or ends["qlast"]
        return [
            Problem(
                "scale-points",
                qid,
                f"{qid}: a scale from '{first}' to '{last}' with no number of points; "
                "say how many.",
                note[:160],
                ["5 points", "7 points", "11 points (0-10)"],
            )
        ]
    return []
