"""A form tool's spec page: a heading per question and an `Answer type:` line under it.

A wiki or Confluence page that specifies a form (`### 4. How would you rate the venue?`,
`Answer type: Linear scale 1–5 (Poor → Great)`, `Logic: only if Q3 = Yes`) names the format in
the tool's words. A text block's heading is its title (`### 1. Welcome`), the words under it
are what is shown; a linear scale names its end words in brackets; a logic line under a
question's answers is that question's own filter; the page's `Labels: a, b, c` footer is
furniture. Each is rewritten into the form the rules read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_TYPE_RE = re.compile(r"^(?:answer|question|field|response)\s+type\s*:\s*(?P<kind>.+)$", re.I)
_TEXT_BLOCK_RE = re.compile(
    r"^(?:text\s+block|description|statement|static\s+text|info(?:rmation)?\s+text|"
    r"section\s+text|display\s+text|note)\b",
    re.I,
)
# "Linear scale 1–5 (Poor → Great)", "Scale 0-10 (Not likely - Very likely)"
_SCALE_RE = re.compile(
    r"^(?:linear\s+)?(?:scale|rating)\s+(?P<low>-?\d{1,2})\s*[-–—]\s*(?P<high>\d{1,2})\s*"
    r"\((?P<left>[^()]+?)\s*(?:→|->|–|—|\s-\s|\bto\b|/)\s*(?P<right>[^()]+?)\)\s*$",
    re.I,
)
_LOGIC_RE = re.compile(r"^(?:logic|condition|display\s+logic|filter)\s*:\s*(?P<rule>.+)$", re.I)
_ONLY_IF_RE = re.compile(r"^only\s+(?:if|when)\s+", re.I)
_LABELS_RE = re.compile(r"^labels?\s*:\s*[\w-]+(?:\s*,\s*[\w-]+)*\s*[·|•]?\s*$", re.I)
_NUMBERED_HEAD_RE = re.compile(r"^(?P<label>\d{1,3}[.)])\s+\S")


def answer_type_lines(lines: list[Line]) -> list[Line]:
    """The lines with a spec page's answer-type, logic and label lines rewritten."""
    if not any(_TYPE_RE.match(line.text) for line in lines if line.kind == "paragraph"):
        return lines
    out: list[Line] = []
    head: int | None = None  # where the current question's heading sits in `out`
    for line in lines:
        if line.kind == "heading" and _NUMBERED_HEAD_RE.match(line.text):
            head = len(out)
            out.append(line)
            continue
        if line.kind != "paragraph":
            out.append(line)
            continue
        if _LABELS_RE.match(line.text):
            continue
        kind = _TYPE_RE.match(line.text)
        if kind and head is not None and _TEXT_BLOCK_RE.match(kind["kind"]):
            out[head:] = _text_block(out[head], out[head + 1 :])
            out.append(replace(line, text="", instructions=["DISPLAY ONLY"]))
            continue
        scale = _SCALE_RE.match(kind["kind"]) if kind else None
        if scale:
            ends = f"{scale['low']} = {scale['left']}, {scale['high']} = {scale['right']}"
            out.append(replace(line, text=ends, raw=ends, spaced=ends))
            continue
        logic = _LOGIC_RE.match(line.text)
        if logic and head is not None:
            # under the question's heading and answers: the filter of that question
            rule = "ASK IF " + _ONLY_IF_RE.sub("", logic["rule"])
            out[head] = replace(out[head], instructions=[*out[head].instructions, rule])
            continue
        out.append(line)
    return out


def _text_block(heading: Line, body: list[Line]) -> list[Line]:
    """ "### 1. Welcome" over "Thanks for joining…": the label with the shown words."""
    shown = [line for line in body if line.kind == "paragraph" and line.text]
    label = _NUMBERED_HEAD_RE.match(heading.text)
    if not shown or label is None:
        return [heading, *body]
    words = " ".join(line.text for line in shown)
    text = f"{label['label']} {words}"
    rest = [line for line in body if line not in shown]
    return [replace(heading, text=text, raw=text, spaced=text), *rest]
