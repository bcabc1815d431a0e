"""A phone script's answers written one a line after the key to press: `Press 1   Yes`,
`Press 2 - No`, `Key 3 for Not sure`.

IVR and SMS scripts that set their answers out as a list (rather than inside the spoken
sentence, as `ivr_script` reads them) put the keypad verb before each answer's key. The key is
the stored code, so the line is the plain coded answer `1   Yes` once the verb is taken off;
left on, `Press` hides the code and the answers read as more of the question's words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

# the verb, the key, then the answer's words after a wide gap, a dash, "=" or "for"
_KEYED_RE = re.compile(
    r"^\s*(?:press|push|dial|key|tap|text|reply)\s+(?P<code>\d{1,2})"
    r"(?P<gap>[ \t]{2,}+|\t|\s*[-–=:]\s+|\s+for\s+)(?P<label>[^\W\d_].*)$",
    re.I,
)


def _keyed(spaced: str) -> str | None:
    """`1   Yes` for `Press 1   Yes`, or None when the line is not one keyed answer."""
    match = _KEYED_RE.match(spaced)
    if match is None:
        return None
    return f"{match['code']}   {match['label'].strip()}"


def keypad_answer_lines(lines: list[Line]) -> list[Line]:
    """The lines with each `Press 1   Yes` answer written as the coded answer `1   Yes`; only
    where two or more such lines follow one another (a list of keyed answers, not a sentence)."""
    keyed = [
        _keyed(line.spaced or line.text) if line.kind == "paragraph" else None for line in lines
    ]
    out: list[Line] = []
    for place, line in enumerate(lines):
        answer = keyed[place]
        near = (place > 0 and keyed[place - 1]) or (place + 1 < len(lines) and keyed[place + 1])
        if answer is None or not near:
            out.append(line)
            continue
        out.append(replace(line, text=" ".join(answer.split()), spaced=answer))
    return out
