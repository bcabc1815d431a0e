"""Notes set off by asterisks in plain text: `** PN: ASK Q9 IF Q8 = 0-6 **`, `*** OPEN END ***`.

Writers of e-mailed or plain-text drafts have no colour or brackets to hand, so they fence a
scripting note with runs of asterisks on both sides. The fence is punctuation, not part of the
note: without it the note reads as the same instruction in any other dress (a filter above a
question, a type, a range). Only a whole line fenced on both sides is taken; a single star (a
bullet, a required mark, Markdown italics) is left alone.

A plain-text script may instead open every interviewer or scripter line with one star (`* NUMERIC,
RANGE 1-20`, `* IF 2: thank and close`, `* READ OUT a-d`) and put one after a question's or an
answer's words (`None of these   * EXCLUSIVE`). Where the questions' lines carry such notes in
capitals (three or more), every star line among the questions is a note, never an answer, a row
or a question of its own (`* Q3 FOR FIXED FAULTS ONLY` names the question it is about); the
lines before the first question (a list of the script's conventions) are left as they are.

An owner's plain-text form sets a remark to the reader apart after the question's own end
with one star on each side, as e-mail writes italics (`How was the food?   *only if you had
cake today*`): the remark is a note on the question (here its filter), not part of its words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import find_label
from fielder.compiler.lines import Line

_FENCED_RE = re.compile(r"^\*{2,}\s*(?P<note>[^*]*[^*\s])\s*\*{2,}$")
# "* NUMERIC, RANGE 1-20", "* IF 2: thank and close", "* Q3 FOR FIXED FAULTS": one star, then
# a word in capitals and something a bare answer in capitals never has (a digit, a comma or
# colon, lower-case words)
_STAR_LINE_RE = re.compile(r"^\s*\*\s+(?P<note>[^*\s].*)$")
_CAPS_LED_RE = re.compile(r"^[A-Z][A-Z0-9]+\b(?!['’])")
# "Which of these …?   * READ OUT. MULTI": a star after a wide gap, then capitals to the end
_STAR_TAIL_RE = re.compile(r"\s{2,}\*\s+(?P<note>[A-Z][A-Z0-9 ,.;:/()-]*[A-Z.)])\s*$")
_MIN_CAPS_NOTES = 3


# "How was the food?   *only if you had cake*": one star each side, after the question's end
_STARRED_ASIDE_RE = re.compile(r"(?<=[?:])\s+\*(?P<note>[^*\s](?:[^*]{1,118}[^*\s])?)\*\s*$")


def starred_note_lines(lines: list[Line]) -> list[Line]:
    """The lines with a note fenced by asterisks read as the bare note."""
    out = []
    for line in lines:
        match = _FENCED_RE.match(line.text) if line.text.startswith("**") else None
        if match is not None and not line.is_option:
            note = match["note"]
            line = replace(line, text=note, spaced=note)
        aside = _STARRED_ASIDE_RE.search(line.text) if line.text.endswith("*") else None
        if (
            aside is not None
            and not line.is_option
            and sum(c.isalpha() for c in aside["note"]) >= 3
        ):
            kept = line.text[: aside.start()].rstrip()
            spaced = _STARRED_ASIDE_RE.sub("", line.spaced or line.text).rstrip()
            line = replace(
                line, text=kept, spaced=spaced, instructions=[*line.instructions, aside["note"]]
            )
        out.append(line)
    return _single_star_notes(out)


def _caps_led(note: str) -> bool:
    return bool(_CAPS_LED_RE.match(note)) and bool(re.search(r"[\d,:;=(]|\b[a-z]{2,}", note))


def _single_star_notes(lines: list[Line]) -> list[Line]:
    """Star lines and star tails among the questions made notes, where three or more of them
    read as a script's notes; the lines before the first question are left alone."""
    first = next(
        (
            i
            for i, line in enumerate(lines)
            if find_label(line) is not None and line.text[:1] != "*"
        ),
        None,
    )
    if first is None:
        return lines
    starred = [
        (i, match["note"])
        for i, line in enumerate(lines[first:], first)
        if line.kind == "paragraph"
        and not line.is_option
        and _STAR_LINE_RE.match(line.raw)
        # the words left once bracketed capitals were taken off as notes of their own
        and (match := _STAR_LINE_RE.match(line.text)) is not None
    ]
    tails = [
        (i, tail["note"])
        for i, line in enumerate(lines[first:], first)
        if (tail := _STAR_TAIL_RE.search(line.raw)) is not None
    ]
    if sum(_caps_led(note) for _, note in starred) + len(tails) < _MIN_CAPS_NOTES:
        return lines
    out = list(lines)
    for i, note in starred:
        out[i] = replace(lines[i], text="", spaced="", instructions=[*lines[i].instructions, note])
    for i, note in tails:
        line = out[i]
        # the same star and note end the collapsed words and the spaced ones
        end = re.compile(r"\s*\*\s+" + re.escape(note) + r"\s*$")
        text, spaced = end.sub("", line.text), end.sub("", line.spaced)
        if text != line.text:
            notes = [*line.instructions, note]
            out[i] = replace(line, text=text, spaced=spaced, instructions=notes)
    return out
