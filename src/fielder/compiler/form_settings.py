"""A form builder's printable view lists each question's settings under it, in the tool's words:
"Include year: off", "Shuffle option order: off", "Response validation: must be an email",
"Option settings: "None of these" clears the other ticks", "Require a response in each row".
They are the builder's, never the respondent's words or an answer: each such line becomes a note
(an instruction the type, exclusivity and validation rules still read)."""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

_SETTING_RE = re.compile(
    # "Include year: off", "Limit to 1 response: on": a setting's name and a switch
    r"^[A-Z][\w'’ -]{2,40}:\s*(?:on|off|enabled|disabled)\.?$"
    # "Response validation: …", "Option settings: …", "Question settings: …"
    r"|^(?:response|answer|input|option|question|field)\s+(?:validation|settings?|rules?)\s*:\s*\S"
    # "Require a response in each row", "Shuffle option order", "Randomize option order"
    r"|^(?:require\s+(?:a\s+)?response\s+in\s+each\s+(?:row|column)"
    r"|(?:shuffle|randomi[sz]e)\s+(?:the\s+)?(?:option|answer|row|column)\s+order)\b",
    re.I,
)


def is_form_setting(text: str) -> bool:
    """True when `text` is a form builder's setting line printed under a question."""
    return bool(_SETTING_RE.match(text.strip()))


# "Number · Between · 1 and 200": the setting's parts, set apart by the tool's dots
_PART_DOT_RE = re.compile(r"\s+[·•]\s+")


def form_setting_lines(lines: list[Line]) -> list[Line]:
    """The lines with each form builder's setting line turned into a note."""
    out: list[Line] = []
    for line in lines:
        if line.kind == "paragraph" and line.text and not line.is_option:
            if is_form_setting(line.text):
                line = dataclasses.replace(
                    line, text="", spaced="", instructions=[*line.instructions, line.text]
                )
        if any(is_form_setting(note) and _PART_DOT_RE.search(note) for note in line.instructions):
            # one setting in parts ("Response validation: Number · Between · 1 and 200"): one
            # sentence, not three notes (the note reader splits at a middle dot)
            notes = [
                _PART_DOT_RE.sub(" ", note) if is_form_setting(note) else note
                for note in line.instructions
            ]
            line = dataclasses.replace(line, instructions=notes)
        out.append(line)
    return out
