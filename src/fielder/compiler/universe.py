"""A question's or a section's universe written as the people it is for.

Census and household questionnaires say who a question is for by age instead of by a
condition: `For age 5 and above` in a question's cell, `For all persons aged 3 and above` under
a section's heading, `For women aged 15-49`, `Pour les personnes âgées de 5 ans et plus`. The
age is the roster's age question (`B06. How old is (name)?`), so the note becomes a filter on
it: `ASK IF B06 >= 5` for the question, `ASK THIS SECTION ONLY IF B06 >= 3` right under a
heading. Without an age question earlier in the document the words are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import Label, find_label
from fielder.compiler.lines import Line

_WHO = (
    r"(?:(?:all|the|those|household|les|toutes|los|las|todas|die|alle)\s+)*(?:persons?|people|members?|individuals|respondents|"
    r"women|men|children|residents|those|personas|personnes|mujeres|hombres|femmes|hommes|"
    r"personen|frauen|männer)?\s*(?:who\s+are\s+|que\s+tengan\s+|qui\s+ont\s+)?"
)
_AGED = r"(?:aged?\s+|âgée?s?\s+de\s+|de\s+|im\s+alter\s+von\s+)?"
_YEARS = r"(?:\s*(?:years?|yrs?|años|ans|jahre?n?)(?:\s+(?:old|of\s+age))?)?"
_OLDER = r"(?:\s*\+|\s+(?:and|or|y|et|und)\s+(?:above|over|older|más|mayores|plus|älter|darüber))"
_UNIVERSE_RE = re.compile(
    # ("IF AGE 12 OR OLDER" over a roster's column: the age test after IF)
    rf"^\(?\s*(?:ask\s+)?(?:only\s+)?(?:(?:for|para|pour|für)\s+{_WHO}|if\s+(?=aged?\b)){_AGED}"
    rf"(?:(?P<low>\d{{1,3}}){_YEARS}{_OLDER}|(?P<from>\d{{1,3}})\s*(?:-|–|to|a|à|bis)\s*"
    rf"(?P<to>\d{{1,3}})){_YEARS}\s*\)?\.?$",
    re.I,
)
AGE_ASK_RE = re.compile(
    r"\bhow\s+old\b|^age\b|\bage\s*(?:in\s+(?:completed\s+)?years)?\s*[?:]?$|\bedad\b|\bâge\b|"
    r"^alter\b|\bwie\s+alt\b|\bquel\s+âge\b|\bcuántos\s+años\b",
    re.I,
)


def universe_condition(text: str, age_id: str) -> str | None:
    """ "For age 5 and above" with the age question's id → "B06 >= 5", else None."""
    match = _UNIVERSE_RE.match(text.strip())
    if match is None:
        return None
    if match["low"]:
        return f"{age_id} >= {match['low']}"
    if int(match["from"]) == 0:
        return f"{age_id} <= {match['to']}"  # ("aged 0–17": no age is under 0, one test)
    return f"{age_id} >= {match['from']} AND {age_id} <= {match['to']}"


def universe_lines(lines: list[Line]) -> list[Line]:
    """The lines with each universe note after the age question turned into a filter."""
    out: list[Line] = []
    age_id: str | None = None
    titled: Label | None = None  # "B08. Language" whose filter was just taken in
    for line in lines:
        label = find_label(line) if line.text else None
        if titled is not None and label is None and line.text.endswith("?"):
            # the short column title over the question's words is not the question
            out[-1] = replace(out[-1], text=f"{titled.id}. {line.text}", spaced="", end=line.end)
            out[-1].spaced = out[-1].text
            titled = None
            continue
        titled = None
        if label is not None and age_id is None and AGE_ASK_RE.search(label.rest or ""):
            age_id = label.id
        condition = universe_condition(line.text, age_id) if age_id and line.text else None
        if condition is None:
            out.append(line)
            continue
        after_heading = bool(out) and out[-1].kind == "heading"
        note = f"ASK THIS SECTION ONLY IF {condition}" if after_heading else f"ASK IF {condition}"
        if out and not after_heading and find_label(out[-1]) is not None:
            # right under the question's label ("B08. Language"): that question's own filter
            out[-1] = replace(out[-1], instructions=[*out[-1].instructions, note])
            head = find_label(out[-1])
            if head is not None and len(head.rest.split()) <= 3 and "?" not in head.rest:
                titled = head
            continue
        kind = "paragraph" if line.kind == "heading" else line.kind
        out.append(replace(line, text="", spaced="", kind=kind, instructions=[note]))
    return out
