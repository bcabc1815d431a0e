"""A group's tag set in bold between a question's number and its words.

Forms drafted for a web builder often mark whom a question is for with a short highlighted tag
in front of its words ("**4.** **Drivers only** How far did you come?", "**7.** **Season
holders** Which seats …?"). Read as it stands the tag is the start of the question's words and
the filter is lost. A bold phrase of one to four words between a bold number and plain words
is such a tag where it ends with ONLY (a group by any reading) or where the document tags two
questions or more that way (its house style); the tag becomes the question's `ASK IF GROUP: …`
(the group's answer is found in logic, `group_names`) and leaves the words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.group_names import GROUP_MARK, group_only
from fielder.compiler.lines import Line
from fielder.documents.model import Run

_NUMBER_RE = re.compile(r"^(?:Q\.?\s*)?\d{1,3}[a-z]?[.):]?$", re.I)
_TAG_RE = re.compile(r"^[A-Za-z][A-Za-z'’ -]{1,40}$")
_MIN_TAGGED = 2


def lead_tag(runs: tuple[Run, ...]) -> str | None:
    """The bold tag between a bold question number and the plain words after it, or None."""
    visible = [run for run in runs if run.text.strip()]
    if len(visible) < 3:
        return None
    number, tag, words = visible[0], visible[1], visible[2]
    if not (number.bold and _NUMBER_RE.match(number.text.strip())):
        return None
    phrase = " ".join(tag.text.split())
    if not tag.bold or words.bold or not _TAG_RE.match(phrase) or len(phrase.split()) > 4:
        return None
    rest = "".join(run.text for run in visible[2:]).strip()
    # (the question's own words follow: a capital opening a question or a sentence)
    if not rest[:1].isupper() or "?" not in rest:
        return None
    return phrase


def group_tag_lines(lines: list[Line]) -> list[Line]:
    """The lines with each group tag taken out of a question's words into its filter."""
    tagged = [line for line in lines if line.lead_tag]
    if not tagged:
        return lines
    style = len(tagged) >= _MIN_TAGGED  # (the document tags questions that way throughout)
    out: list[Line] = []
    for line in lines:
        tag = line.lead_tag
        group = group_only(tag) if tag else ""
        if not tag or not (group or style):
            out.append(line)
            continue
        cut = line.text.find(tag)
        if cut < 0:
            out.append(line)
            continue
        text = " ".join([line.text[:cut].strip(), line.text[cut + len(tag) :].strip()]).strip()
        raw_cut = line.raw.find(tag)
        raw = line.raw
        if raw_cut >= 0:
            raw = f"{line.raw[:raw_cut].strip()} {line.raw[raw_cut + len(tag) :].strip()}"
        test = f"ASK IF {GROUP_MARK} {group or tag}"
        out.append(
            replace(
                line,
                text=text,
                raw=raw.strip(),
                spaced=text,
                instructions=[test, *line.instructions],
                lead_tag=None,
            )
        )
    return out
