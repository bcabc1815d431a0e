"""Routing written as a config's keys under a question: `show_if: Q5 in [2, 3]`.

Specs kept as code (a YAML or JSON block under each question, a form tool's property list)
write the logic as lower-case keys with an expression for a value: `show_if` / `visible_if` (whom
the question is for), `hide_if`, `end_if` / `terminate_if` (a screen-out),
`skip: { if: Q3 == 1, to: Q9 }` (a jump), and answers' tags `exclusive: 5`, `specify: 97`, and
`carry_forward: Q4 selected` (the answers chosen there).
Read as words, the brackets of the expression are taken for notes and the key for a label.
Each such line is written as the programmer's note it stands for (`DISPLAY LOGIC: …`,
`TERMINATE IF …`, `IF … SKIP TO …`, `CODE 5 EXCLUSIVE`), its `# comment` left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_SHOW = r"show|display|visible|ask|enable|enabled"
_END = r"end|terminate|screen_?out|disqualify|exit|close"
_KEY_RE = re.compile(
    rf"^\s*(?:(?P<show>(?:{_SHOW})_?if)|(?P<hide>hide_?if)|"
    rf"(?P<end>(?:{_END})_?if)|(?P<skip>skip|jump|skip_?logic|branch)|"
    r"(?P<tag>exclusive|specify|other_specify)|(?P<carry>carry_?forward|options_?from))\s*:\s*(?P<value>\S.*?)\s*(?:\s#\s.*)?$",
    re.I,
)
# `{ if: UX3 == 1, to: TASK1 }`: a jump as a flow map, its test and its target
_FLOW_JUMP_RE = re.compile(
    r"^\{\s*if\s*:\s*(?P<test>.+?)\s*,\s*(?:to|goto|target)\s*:\s*(?P<to>[\w-]+)\s*\}$", re.I
)
# `STRESS >= 5`, `PAIN.includes(2)`: an item named in capitals, then an operator
_CAPS_NAME_TEST_RE = re.compile(
    r"^\(?\s*(?:[A-Z][A-Z_]{1,15}\s*(?:[=!<>≤≥]|\.includes\(|in\b)|"
    r"[A-Za-z_]\w{1,30}\s*(?:==|!=|>=|<=|\.includes\())"
)
# `on AVAIL == 2 → close_prompt()`, `on EVENT == 2 -> jump(CTX2)`: an event handler after an
# item, its test and its action (ending the survey or jumping to an item)
_HANDLER_RE = re.compile(
    r"^\s*on\s+(?P<test>[A-Z][A-Za-z0-9_]*\s*(?:==|!=|>=|<=|[<>=]|\.includes\().*?)\s*(?:→|->|=>)\s*"
    r"(?:(?P<end>close\w*|end\w*|exit\w*|terminate\w*|finish\w*|screen_?out)\s*\(\s*\)|"
    r"(?:jump|goto|go_?to|skip_?to)\s*\(\s*(?P<to>[A-Za-z]\w*)\s*\))\s*(?:#.*)?$"
)
_CODES_RE = re.compile(r"^\[?\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*\]?$")


def keyed_logic_lines(lines: list[Line]) -> list[Line]:
    """The lines with each keyed routing line written as its note (snake-case or camel-case
    keys only: a key in words, "Condition: …", is read by the notes' own rules)."""
    out: list[Line] = []
    for line in lines:
        note = _note(line.raw) if re.match(r"^\s*[a-z]", line.raw or "") else None
        handler = _HANDLER_RE.match(line.raw or "")
        if handler:
            test = handler["test"]
            note = (
                f"TERMINATE IF {test}" if handler["end"] else f"IF {test} SKIP TO {handler['to']}"
            )
        if note is None:
            out.append(line)
            continue
        out.append(replace(line, text="", spaced="", raw=note, instructions=[note]))
    return out


def _note(raw: str) -> str | None:
    """The note a keyed routing line stands for, or None for any other line."""
    match = _KEY_RE.match(raw)
    if match is None:
        return None
    value = match["value"].strip()
    if match["tag"]:
        if not _CODES_RE.match(value):
            return None
        word = "EXCLUSIVE" if match["tag"].lower() == "exclusive" else "SPECIFY"
        return f"CODE {value.strip('[] ')} {word}"
    if not re.search(r"[A-Za-z]\w*\d", value) and not _CAPS_NAME_TEST_RE.match(value):
        return None  # a test names a question by its id (or its variable name in capitals)
    if match["carry"]:
        # "UX16 selected (not 5)": the answers chosen there are this question's list
        carried = re.match(
            r"^(?P<q>[A-Za-z]\w*\d\w*)\s+(?P<verb>selected|chosen)\b(?P<rest>.*)$", value, re.I
        )
        return (
            f"SHOW ANSWERS {carried['verb']} AT {carried['q']}{carried['rest']}"
            if carried
            else None
        )
    # (a display-logic box, not "ASK IF": the block under a question is that question's own)
    if match["show"]:
        return f"DISPLAY LOGIC: {value}"
    if match["hide"]:
        return f"DISPLAY LOGIC: NOT ({value})"
    if match["end"]:
        return f"TERMINATE IF {value}"
    jump = _FLOW_JUMP_RE.match(value)
    return f"IF {jump['test']} SKIP TO {jump['to']}" if jump else None
