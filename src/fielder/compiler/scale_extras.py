"""A scale written in the question, with only its non-answer codes listed under it.

`On a scale of 0 to 10, where 0 is … and 10 is …` over `0 - 10  RECORD SCORE` and
`99  (UNSURE)`: the points are written once in the sentence and the list holds only the codes
an interviewer records when no score is given. The answers are the scale's points, then those
codes — the listed codes alone would lose the scale.
"""

from __future__ import annotations

import re

from fielder.compiler.scales import scale_from_text
from fielder.ir.models import Option

# words an answer outside a scale says when it gives no score
_NO_SCORE_RE = re.compile(
    r"^(?:(?:i\s+)?(?:don['’]?t|do\s+not)\s+know|not\s+sure|unsure|can['’]?t\s+(?:say|recall|remember)|"
    r"refused|prefer\s+not\b.*|no\s+(?:answer|opinion)|not\s+applicable|n/?a|dk(?:\s*/\s*(?:na|ref|rf))?|"
    r"ref(?:used)?|rf|not\s+stated)$",
    re.I,
)


def with_written_scale(text: str, words: list[str], options: list[Option]) -> list[Option] | None:
    """The scale's points written in `text`, then `options`, when every listed answer is a
    no-score code above the scale's top point; None otherwise."""
    if not options or len(options) > 3:
        return None
    if not all(
        o.code and o.code.isdigit() and _NO_SCORE_RE.match(o.label.strip()) for o in options
    ):
        return None
    points = scale_from_text(text, words)
    if not points:
        return None
    top = max(int(p.code) for p in points if p.code and p.code.lstrip("-").isdigit())
    if any(int(str(o.code)) <= top for o in options):
        return None
    return [*points, *options]
