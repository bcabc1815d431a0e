"""Scale points between two labelled ends written as one span in an answers cell.

A spec's answer cell lists a rating scale by its ends and the span of bare points between:
`0 = Very poor` / `1 – 9 (numbers only)` / `10 = Very good`, or packs it on one line:
`0 = Not at all likely … 10 = Extremely likely (1 to 9 numbers only)`. The span is one answer
per point, each its own number; the packed line is every point.
"""

from __future__ import annotations

import re

from fielder.compiler.options import parse_option_text
from fielder.compiler.point_ranges import fits_between

_SPAN_RE = re.compile(
    r"^(?P<low>\d{1,2})\s*(?:[-–—]|to)\s*(?P<high>\d{1,2})\s*"
    r"(?P<remark>\((?:(?:numbers?|points?|values?)\s+only|no\s+(?:labels?|words|text)|"
    r"unlabell?ed)\))?\.?$",
    re.I,
)


def _code(label: str | None) -> str | None:
    written = parse_option_text(label) if label else []
    return written[0].code if written else None


def point_span(labels: list[str], index: int) -> list[str]:
    """The points of `labels[index]` when it is a span of bare points between the ends
    around it (or says it is, "(numbers only)"); [] for any other answer (an age band)."""
    match = _SPAN_RE.match(labels[index].strip())
    if match is None:
        return []
    low, high = int(match["low"]), int(match["high"])
    if not 0 < high - low <= 10:
        return []
    before = _code(labels[index - 1]) if index else None
    after = _code(labels[index + 1]) if index + 1 < len(labels) else None
    between = fits_between(low, high, before, after)
    return [str(n) for n in range(low, high + 1)] if between or match["remark"] else []


def packed_scale(label: str) -> list[tuple[str, str]]:
    """ "0 = Not at all likely … 10 = Extremely likely": every point of a scale written on one
    line with words at its ends, as (code, label) pairs; [] for a line holding one answer."""
    written = parse_option_text(label)
    if len(written) < 3 or not all(o.code and o.code.isdigit() for o in written):
        return []
    return [(o.code or "", o.label) for o in written]
