"""Routing written as a glyph and a few words, as chat-bot and form-bot drafts write it:

    ⛔ **5** → bot says thanks and the form closes        (a stop sign: the form ends there)
    ↪ **2** or **3** → jump to C11                        (a turn arrow: a jump)
    👁 only if C3 has **1**      👁 hidden if C13 = **3**   (an eye: who sees the question)

The glyph names the action, so the words after it need no verb the rules know: a stop or a jump
glyph followed by the question's own codes is a screen-out or a jump on those codes (a stop glyph
before words, "⛔ under 16s are not stopped", is no rule), and an eye glyph's test is the
question's filter ("hidden if" / "not shown if" negates it). Each such line becomes a note in the
plain words the logic rules read (`IF 5 TERMINATE`, `IF 2 OR 3 GO TO C11`, `ASK IF NOT (C13 = 3)`).
"""

from __future__ import annotations

import dataclasses
import re

from fielder.compiler.lines import Line

_STOP = "⛔🛑🚫✋⏹"
_JUMP = "↪↳⤵⤷↷➡⏩⏭🔀"
_EYE = "👁👀"
_CODES = r"(?P<codes>\d{1,3}(?:\s*(?:,|/|&|\bor\b|\band\b)\s*\d{1,3})*)"
_CODED_RE = re.compile(
    rf"^\s*(?P<glyph>[{_STOP}{_JUMP}])\ufe0f?\s*(?:if\s+|answer(?:s|ed)?\s+)?{_CODES}\b"
    r"(?:\s*\([^()]{0,60}\))?\s*(?:→|->|=>|⇒|:|–|—|-)\s*(?P<rest>\S.*)$",
    re.I,
)
_EYE_RE = re.compile(
    rf"^\s*[{_EYE}]\ufe0f?\s*(?P<lead>(?:only\s+|shown\s+|show\s+|visible\s+)?(?:if|when)|"
    r"(?:hidden|hide|not\s+shown|skipped|skip)\s+(?:if|when))\s+(?P<test>\S.*?)\s*$",
    re.I,
)
_TARGET_RE = re.compile(r"\b(?P<to>[A-Z]{1,4}\d{1,3}[a-z]{0,2}|END|OUTRO|CLOSE)\b")
_ASIDE_RE = re.compile(r"\s*\((?![^()]*(?:=|<|>|\d))[^()]*\)")


def _test(test: str) -> str:
    test = _ASIDE_RE.sub("", test.replace("**", "")).strip().rstrip(".")
    test = re.sub(r"\b(\d{1,5})\s+or\s+(?:more|over|above)\b", r">= \1", test, flags=re.I)
    test = re.sub(r"\b(\d{1,5})\s+or\s+(?:less|fewer|under|below)\b", r"<= \1", test, flags=re.I)
    test = re.sub(r"\bis\s+(?=[<>]=)", "", test, flags=re.I)
    return re.sub(r"\s+(?:has|includes|is)\s+", " = ", test, flags=re.I)


def glyph_rule(raw: str) -> str | None:
    """The plain note a glyph-led routing line says, or None."""
    raw = raw.replace("**", "").strip().lstrip(">").strip()
    coded = _CODED_RE.match(raw)
    if coded:
        codes = re.sub(r"\s*(?:,|/|&|\bor\b|\band\b)\s*", " OR ", coded["codes"], flags=re.I)
        if coded["glyph"] in _STOP:
            return f"IF {codes} TERMINATE"
        target = _TARGET_RE.search(coded["rest"])
        return f"IF {codes} GO TO {target['to']}" if target else None
    eye = _EYE_RE.match(raw)
    if eye:
        test = _test(eye["test"])
        if not re.search(r"[A-Za-z]{1,4}\d", test):
            return None
        negated = re.match(r"(?:hidden|hide|not|skip)", eye["lead"], re.I)
        return f"ASK IF NOT ({test})" if negated else f"ASK IF {test}"
    return None


def glyph_rule_lines(lines: list[Line]) -> list[Line]:
    """The lines with each glyph-led routing line turned into a plain note; an eye glyph's
    filter goes onto the head of the question it sits under (it is that question's, wherever
    under the head it stands, never a note for the next one)."""
    from fielder.compiler.classify import find_label

    out: list[Line] = []
    head: int | None = None
    for line in lines:
        if line.text and find_label(line) is not None:
            head = len(out)
        if line.kind == "paragraph" and not line.is_option:
            note = glyph_rule(line.raw)
            if note is not None and note.startswith("ASK IF") and head is not None:
                out[head] = dataclasses.replace(
                    out[head], instructions=[*out[head].instructions, note]
                )
                continue
            if note is not None:
                line = dataclasses.replace(line, text="", spaced="", instructions=[note])
        out.append(line)
    return out
