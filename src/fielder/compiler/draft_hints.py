"""A loose draft's answer hints in lower-case brackets, read as the instructions they stand for.

Someone drafting a survey in a notes file writes the format beside the question in their own
words rather than in a programmer's capitals: `(pick one)`, `(multi)`, `(open, short is fine)`,
`(long answer ok)`, `(number, 1-12)`, `(email)`, `(yes / no)`, `(0-10, 0 = no way, 10 =
absolutely)`, with the answers after the question mark or on the next line as a comma list
(`daily, weekly, less than weekly (pick one)`), a filter on a score in front (`[if 0-6]`, the
question before), and `-> if no, skip to the end`. Each hint becomes the instruction the rules
read, each listed answer a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_HINT_RE = re.compile(r"\s*\((?P<hint>[a-z0-9][^()]{0,60})\)\s*$")
# terse shorthand only: "(tick one)", "(select all that apply)" are the respondent's own words
_SINGLE_RE = re.compile(r"^(?:pick\s+(?:one|1)|single|one\s+only|single\s+choice)$")
_MULTI_RE = re.compile(r"^(?:multi|multiple|multi-?select|pick\s+(?:any|several|all))$")
_SHORT_RE = re.compile(r"^(?:open\b.*\bshort|short\s+(?:answer|text)|open,?\s+one\s+line)")
_LONG_RE = re.compile(r"^(?:long\s+(?:answer|text)|open\b.*\blong|paragraph|open\s*(?:ended)?$)")
_NUMBER_RE = re.compile(
    r"^(?:number|numeric|a\s+number)(?:\s*,?\s*(?P<low>\d+)\s*[-–]\s*(?P<high>\d+))?$"
)
_EMAIL_RE = re.compile(r"^e-?mail(?:\s+address)?$")
_YES_NO_RE = re.compile(r"^(yes)\s*/\s*(no)$")
_SCALE_RE = re.compile(r"^\d{1,2}\s*[-–]\s*\d{1,2}\s*,\s*(?P<ends>-?\d{1,2}\s*=.*)$")
# "[if 0-6]", "[if 9-10]", "[if 1 or 2]": a filter on the answer to the question before
_SCORE_IF_RE = re.compile(r"^if\s+(?P<codes>\d{1,3}(?:\s*(?:[-–,]|or|and)\s*\d{1,3})*)$", re.I)
_NUMBERED_RE = re.compile(r"^(?P<number>\d{1,3})\)\s+\S")
_SKIP_END_RE = re.compile(
    r"^(?:->|→|=>)?\s*if\s+(?P<answer>yes|no)\s*,?\s*(?:skip|go|jump)\s+to\s+(?:the\s+)?end\b", re.I
)
# "notes to self:", "TODO:", "open questions:" over bullets: the author's own list, not asked
_OWN_NOTES_RE = re.compile(
    r"^(?:notes?(?:\s+to\s+(?:self|me))?|to-?dos?|open\s+(?:points|questions|issues)|"
    r"questions\s+for\s+\w+)\s*:$",
    re.I,
)
_BULLET_RE = re.compile(r"^[-*•–]\s+\S")
_SCREEN_RE = re.compile(
    r"^(?P<word>END|INTRO|WELCOME|CLOSING|THANKS|THANK\s+YOU)\s+SCREEN\s*:", re.I
)


def _instruction(hint: str) -> tuple[list[str], list[str]] | None:
    """The capitals instruction (and answer lines) a hint stands for, or None."""
    if _SINGLE_RE.match(hint):
        return ["SINGLE CODE"], []
    if _MULTI_RE.match(hint):
        return ["MULTI CODE"], []
    if _SHORT_RE.search(hint):
        return ["OPEN END – SINGLE LINE"], []
    if _LONG_RE.search(hint):
        return ["OPEN – LARGE BOX"], []
    number = _NUMBER_RE.match(hint)
    if number:
        allow = f", ALLOW {number['low']}-{number['high']}" if number["low"] else ""
        return [f"NUMERIC{allow}"], []
    if _EMAIL_RE.match(hint):
        return ["EMAIL"], []
    yes_no = _YES_NO_RE.match(hint)
    if yes_no:
        return [], [yes_no[1], yes_no[2]]
    scale = _SCALE_RE.match(hint)
    if scale:
        return [], [scale["ends"]]
    return None


def _split_hint(text: str) -> tuple[str, list[str], list[str]] | None:
    match = _HINT_RE.search(text)
    read = _instruction(match["hint"].strip().lower()) if match else None
    if match is None or read is None:
        return None
    return text[: match.start()].rstrip(), read[0], read[1]


def _comma_answers(text: str) -> list[str]:
    """ "daily, a few times a week, weekly": three or more short answers set apart by commas."""
    if "?" in text or text.endswith((":", ".")):
        return []
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 3 or any(not p or len(p.split()) > 6 for p in parts):
        return []
    return parts


def _answer(text: str, like: Line) -> Line:
    return replace(like, text=text, raw=text, spaced=text, instructions=[], label=None)


def draft_hint_lines(lines: list[Line]) -> list[Line]:
    """The lines with a draft's lower-case hints made instructions and comma lists answers."""
    out: list[Line] = []
    asking = False  # the line before was a question whose answers may follow as a comma list
    last_number: str | None = None
    last_scored: str | None = None
    own_notes = False
    for line in lines:
        if line.kind == "paragraph" and _OWN_NOTES_RE.match(line.text):
            own_notes = True
            continue
        if own_notes and (_BULLET_RE.match(line.text) or not line.text):
            continue
        own_notes = False
        if line.kind != "paragraph" or line.is_option:
            out.append(line)
            asking = False
            continue
        text, notes = line.text, list(line.instructions)
        answers: list[str] = []
        numbered = _NUMBERED_RE.match(text)
        screen = _SCREEN_RE.match(text)
        if screen:
            word = re.sub(r"\s+", "_", screen["word"].upper())
            out.append(replace(line, text=f"{word}:{text[screen.end() :]}"))
            asking = False
            continue
        hint = _HINT_RE.search(text)
        scored = bool(hint and _SCALE_RE.match(hint["hint"].strip()))
        split = _split_hint(text)
        if split:
            text, more, answers = split
            notes += more
        if numbered and "?" in text and not text.rstrip().endswith("?"):
            head, _, tail = text.partition("?")
            listed = _comma_answers(tail.strip())
            if listed:
                text, answers = head + "?", listed + answers
        if asking and not numbered and not answers:
            listed = _comma_answers(text)
            if listed:
                extra = notes[len(line.instructions) :]
                if extra:  # "(pick one)" after the list is the question's
                    out[-1] = replace(out[-1], instructions=out[-1].instructions + extra)
                out.extend(_answer(a, line) for a in listed)
                asking = False
                continue
        if numbered:
            # a bare score names the last question answered with a score, else the one before
            notes = [_score_filter(n, last_scored or last_number) for n in notes]
            last_number = numbered["number"]
            if scored:
                last_scored = numbered["number"]
        skip = _SKIP_END_RE.match(text)
        if skip and out:
            out.append(
                replace(line, text="", instructions=[f"IF {skip['answer'].upper()}, GO TO END"])
            )
            continue
        out.append(replace(line, text=text, instructions=notes))
        out.extend(_answer(a, line) for a in answers)
        asking = bool(numbered) and text.rstrip().endswith("?") and not answers
    return out


def _score_filter(note: str, before: str | None) -> str:
    """ "if 0-6" in front of question 2 → "ASK IF Q1 = 0-6"."""
    match = _SCORE_IF_RE.match(note.strip())
    if match is None or before is None:
        return note
    return f"ASK IF Q{before} = {match['codes']}"
