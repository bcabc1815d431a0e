"""Tick-box answers across a line on paper forms: wrapped lines, and codes in brackets.

Printed booklets set a short question's answers across the line, each after its box, and
often print the data-entry code after the label: `☐ Woman (1)   ☐ Man (2)   ☐ Other (4): ____`.
Where the line runs out, the last answer goes on under it: a box alone at the end of the line
(`… ☐`) takes the words of the next line (`Other (4)`), and a label broken mid-way
(`☐ Healthcare` / `assistant (4)   ☐ …`) goes on in small letters, as does a long answer
printed one to a line (`☐ Owned … free and clear (without a mortgage or` / `loan)?`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line
from fielder.compiler.options import BOXES, RawOption

# "Woman (1)", "Prefer to self-describe (4): ______", "Other [7]"
_CODED_RE = re.compile(r"^(?P<label>\S.*?)\s*[(\[](?P<code>\d{1,3})[)\]]\s*(?P<blank>:?\s*_*)\s*$")
_LEAD_RE = re.compile(rf"^[^{BOXES}]*")


def _box_count(text: str) -> int:
    return sum(text.count(box) for box in BOXES)


def join_wrapped_boxes(lines: list[Line]) -> list[Line]:
    """Lines of boxed answers with the words that finish their last answer joined back on."""
    out: list[Line] = []
    for line in lines:
        above = out[-1] if out else None
        if above is not None and _wraps_into(above, line):
            joined = " ".join([above.text, line.text])
            spaced = (above.spaced or above.text) + " " + (line.spaced or line.text)
            out[-1] = replace(above, text=joined, raw=joined, spaced=spaced, end=line.end)
            continue
        out.append(line)
    return out


def _wraps_into(above: Line, line: Line) -> bool:
    """Whether `line` finishes the last boxed answer of `above`."""
    text = above.text.rstrip()
    if above.kind != "paragraph" or line.kind != "paragraph" or line.instructions:
        return False
    if _box_count(text) < 1 or text[:1] not in BOXES or line.text[:1] in BOXES:
        return False
    if not line.text or find_label(line) is not None:
        return False
    lead = _LEAD_RE.match(line.text)
    words = lead.group(0).strip() if lead else ""
    if not words or len(words.split()) > 6:
        return False
    last = re.split(rf"[{BOXES}]", text)[-1].strip()
    if _box_count(text) == 1:
        # "☐ Owned … (without a mortgage or" / "loan)?": one answer a line, wrapped mid-way
        return words[0].islower() and words == line.text.strip()
    # a box with no words after it, or a label cut off mid-way ("Healthcare" / "assistant (4)")
    return not last or (words[0].islower() and _CODED_RE.match(words) is not None)


def take_bracket_codes(options: list[RawOption]) -> None:
    """Boxed answers whose labels each end in a code in brackets take it as their code; only
    when every one has a code of its own."""
    boxed = [o for o in options if o.marker == "☐" and o.code is None]
    uncoded = [o for o in options if o.code is None]
    if len(boxed) < 2 or len(boxed) != len(uncoded):
        return
    matches = [_CODED_RE.match(o.label) for o in boxed]
    codes = [m["code"] for m in matches if m] + [o.code for o in options if o.code is not None]
    if len(codes) != len(options) or len(set(codes)) != len(codes):
        return
    for option, match in zip(boxed, matches, strict=True):
        assert match is not None
        option.label, option.code = match["label"].strip(" :"), match["code"]
        option.write_in = option.write_in or "_" in match["blank"]
