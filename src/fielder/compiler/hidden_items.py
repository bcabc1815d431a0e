"""Hidden variables listed among the questions, left out.

A profiling sheet or a spec lists, beside what is asked, variables the system fills itself
(`P_REGION | [derived from postcode] | HIDDEN – derived, not asked`, `DUMMY: computed from Q3`):
they have codes but no words for the respondent. Such an item, with no respondent text and a
note saying it is hidden, derived or computed, is dropped with the answers listed under it.

A derived variable defined by a test (`DVX | DERIVED VARIABLE — NOT ASKED. DVX = 1 if any of A2,
A3 or A4 = 1; otherwise 2.`) is no question the respondent answers, so a later filter that names
it (`ASK IF DVX = 1 AND A6 = 1`) is read with the definition written in its place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line, is_caps_instruction

_HIDDEN_RE = re.compile(
    r"\b(?:hidden|derived|computed|calculated|not\s+asked|dummy\s+variable|auto[- ]?coded|"
    r"versteckt|berechnet|oculta|calculada|cach[ée]e?|calcul[ée]e?)\b",
    re.I,
)
HIDDEN_RE = _HIDDEN_RE  # also read by instruction_codes: a hidden variable's codes are no answers


# "HID" / "HIDDEN" as the whole type cell: the row is a hidden variable whatever its words
# say about where the value comes from ("Source of the invitation (from the link)")
_HIDDEN_TYPE_RE = re.compile(r"HID|HIDDEN(?:\s+(?:VAR(?:IABLE)?|FIELD|QUESTION|VALUE))?", re.I)


# a spec row labelled "HIDDEN" / "DUMMY" in the id column, or noted "DUMMY – NOT SHOWN": a
# variable the script sets (a quota segment), written with its rule as words, never shown
_HIDDEN_LABEL_RE = re.compile(r"HID|HIDDEN|DUMMY", re.I)
_DUMMY_NOTE_RE = re.compile(r"\bDUMMY\b.*\bNOT\s+(?:SHOWN|ASKED|DISPLAYED)\b", re.I)
# "HIDDEN VARIABLE PAYTYPE (NOT ASKED): 1 = PLAN (A1 CODES 1, 2, 5)," as a note of capitals
# between questions, its `code = group` pairs wrapped onto the next capitals line: no answers
_LABELLED_RE = re.compile(r"^[A-Z]{0,4}\d{1,3}[A-Z]?[.):]\s")  # the next question, in capitals
_HIDDEN_NOTE_RE = re.compile(r"^\W{0,3}(?:HIDDEN|DUMMY|DERIVED)\s+(?:VAR(?:IABLE)?|QUESTION)\b")


# "`dvAgeBand` = 11–15 / 16–17 / 18+ from D1 (derived, not asked).": a variable's definition
# between questions, its bands no answers of the question above
_DEFINED_RE = re.compile(
    r"^\W{0,3}(?:DV\s*:\s*)?`?[A-Za-z]\w{1,30}`?\s*=\s*[^=]{1,120}"
    r"\((?:[^()]*\b)?(?:derived|computed|calculated)\b[^()]*\)\W*$",
    re.I,
)


# "DVX = 1 if any of A2, A3 or A4 = 1; otherwise 2": the variable, its value and the test that
# gives it (up to a ";", a sentence's end, an "otherwise" or the next value's "…, 2 if")
_DEFINITION_RE = re.compile(
    r"\b(?P<name>[A-Za-z][A-Za-z0-9_]{1,30})\s*==?\s*(?P<value>\w{1,6})\s+(?:if|when|where)\s+"
    r"(?P<test>.+?)\s*(?:[;]|\.(?:\s|$)|,?\s*(?:otherwise|else)\b|,\s*\w{1,6}\s+(?:if|when)\b|$)",
    re.I,
)


def _definition(line: Line) -> tuple[re.Pattern[str], str] | None:
    """A hidden row's definition of itself by a test: the pattern of a filter's test of the
    variable's value, and that test in brackets to write in its place."""
    for match in _DEFINITION_RE.finditer(line.text):
        named = line.label is None or match["name"].upper() == line.label.strip().upper()
        if named and re.search(r"[A-Za-z]+\d", match["test"]):  # the test names a question
            pattern = re.compile(
                rf"\b{re.escape(match['name'])}\s*==?\s*{re.escape(match['value'])}\b", re.I
            )
            return pattern, f"({match['test']})"
    return None


def _defined(line: Line, definitions: list[tuple[re.Pattern[str], str]]) -> Line:
    """The line with each test of a derived variable replaced by the variable's definition."""
    if not definitions:
        return line
    text, instructions = line.text, list(line.instructions)
    for pattern, test in definitions:
        text = pattern.sub(test, text)
        instructions = [pattern.sub(test, note) for note in instructions]
    if text == line.text and instructions == line.instructions:
        return line
    return replace(line, text=text, instructions=instructions)


def drop_hidden_items(lines: list[Line]) -> list[Line]:
    """The lines without hidden, derived items and their answers."""
    out: list[Line] = []
    definitions: list[tuple[re.Pattern[str], str]] = []
    hiding = False
    noting = False  # inside a hidden variable's note of capitals, until a line ends with "."
    for line in lines:
        if hiding and line.is_option:
            continue
        if not line.is_option and is_caps_instruction(line.text):
            if (noting and not _LABELLED_RE.match(line.text)) or _HIDDEN_NOTE_RE.match(line.text):
                noting = not line.text.rstrip().endswith(".")
                continue
        noting = False
        if not line.is_option and line.label is None and _DEFINED_RE.match(line.raw.strip()):
            continue
        hiding = (
            not line.is_option
            and line.label is not None
            and (
                (not line.text and any(_HIDDEN_RE.search(note) for note in line.instructions))
                or any(_HIDDEN_TYPE_RE.fullmatch(note.strip()) for note in line.instructions)
                or bool(_HIDDEN_LABEL_RE.fullmatch(line.label.strip()))
                or any(_DUMMY_NOTE_RE.search(note) for note in line.instructions)
                # "DVX | DERIVED VARIABLE — NOT ASKED. DVX = 1 if …": its words say so first
                or bool(_HIDDEN_NOTE_RE.match(line.text))
            )
        )
        if not hiding:
            out.append(_defined(line, definitions))
        elif not line.is_option and (found := _definition(line)) is not None:
            definitions.append(found)
    return out
