"""Routing written in a survey platform's script, where an answer is read through a function:
`f("A2").none("99")`, `f("S4").any("1","2")`, `f("S4") == "5" || f("S4") == "6"`,
`f("B2").toNumber() <= 6` (Forsta/Confirmit), under keys that say what the test does:
`Condition:` (ask if), `Folder condition:` (a section's), `Stop node after S1: … → status …`
(a screen-out) and `Routing: if (…) goto C3` (a jump).

Each test is written as the formal expression the condition readers know (`A2 NOT IN (99)`,
`S4 IN (1,2)`, `S4 = 5 || S4 = 6`, `B2 <= 6`) and the key as the plain routing note ("ASK IF …",
"TERMINATE IF …", "IF … GO TO C3"). Only lines holding a `f("ID")` call are taken; a script
comment (`// frequent eaters only`) is dropped.
"""

from __future__ import annotations

import re

from fielder.compiler.classify import find_label, is_section
from fielder.compiler.lines import Line, made_line

_CALL_RE = re.compile(r"""\bf\(\s*["'](?P<id>[A-Za-z]\w{0,15})["']\s*\)""")
_CODES = r"""(?P<codes>\s*["']?\d{1,3}["']?(?:\s*,\s*["']?\d{1,3}["']?)*\s*)"""
_SET_RE = re.compile(
    rf"""\bf\(\s*["'](?P<id>[A-Za-z]\w{{0,15}})["']\s*\)\.(?P<fn>any|none|all)\({_CODES}\)"""
)
_NUMBER_RE = re.compile(r"""\.\s*to(?:Number|Int|Integer)\(\s*\)""")
_QUOTED_CODE_RE = re.compile(r"""["'](\d{1,3})["']""")
_KEYED_RE = re.compile(
    r"^(?P<key>(?:folder\s+|page\s+|block\s+)?condition|filter|mask\s+condition|"
    r"stop\s+node(?:\s+after\s+\w+)?|routing)\s*:\s*(?P<body>.+)$",
    re.I,
)
_STATUS_RE = re.compile(r"\s*(?:→|->)\s*status\b.*$", re.I)
_GOTO_RE = re.compile(r"^if\s*\((?P<test>.+)\)\s*goto\s+(?P<to>[A-Za-z]\w{0,15})\s*;?$", re.I)


def _set_test(match: re.Match[str]) -> str:
    codes = ",".join(_QUOTED_CODE_RE.sub(r"\1", c).strip() for c in match["codes"].split(","))
    if match["fn"] == "none":
        return f"{match['id']} NOT IN ({codes})"
    joiner = " AND " if match["fn"] == "all" else None
    if joiner:
        return "(" + joiner.join(f"{match['id']} HAS {c}" for c in codes.split(",")) + ")"
    return f"{match['id']} IN ({codes})"


def formal_test(script: str) -> str:
    """A script test with its function calls written as plain ids and codes."""
    text = re.sub(r"\s*//.*$", "", script).strip()
    text = _SET_RE.sub(_set_test, text)
    text = _NUMBER_RE.sub("", text)
    text = _CALL_RE.sub(lambda m: m["id"], text)
    return _QUOTED_CODE_RE.sub(r"\1", text).strip()


def routing_note(text: str, run: tuple[str, str] | None = None) -> str | None:
    """The plain routing note a keyed script line stands for, or None (a folder's condition
    over the `run` of questions it covers, where that is known)."""
    match = _KEYED_RE.match(text.strip())
    if match is None or not _CALL_RE.search(match["body"]):
        return None
    key = match["key"].lower()
    body = _STATUS_RE.sub("", match["body"]).strip()
    if key.startswith("stop"):
        return f"TERMINATE IF {formal_test(body)}"
    if key == "routing":
        jump = _GOTO_RE.match(re.sub(r"\s*//.*$", "", body).strip())
        if jump is None:
            return None
        return f"IF {formal_test(jump['test'])} GO TO {jump['to']}"
    if run and key.startswith(("folder", "block")) and run[0] != run[1]:
        return f"ASK {run[0]} TO {run[1]} IF {formal_test(body)}"
    return f"ASK IF {formal_test(body)}"


def _folder_run(lines: list[Line], index: int) -> tuple[str, str] | None:
    """The first and last labelled question after a folder's condition, up to the next
    section heading (the folder is the section the condition opens)."""
    ids: list[str] = []
    for line in lines[index + 1 :]:
        if ids and is_section(line):
            break
        label = find_label(line)
        if label is not None:
            ids.append(label.id)
    return (ids[0], ids[-1]) if ids else None


def function_ref_lines(lines: list[Line]) -> list[Line]:
    """The lines with each keyed script test rewritten as a plain routing note."""
    out = []
    for index, line in enumerate(lines):
        whole = " ".join([line.text, *line.instructions]).strip() if not line.text else line.text
        if "f(" not in whole:
            out.append(line)
            continue
        folder = re.match(r"\s*(?:folder|block)\s+condition\s*:", whole, re.I)
        note = routing_note(whole, _folder_run(lines, index) if folder else None)
        out.append(made_line(line, note, True) if note else line)
    return out
