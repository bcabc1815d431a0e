"""Coded answers written across one line with the code first, as discussion guides and
interviewer scripts type them: `1 = Yes   2 = No   3 = Not sure`, `1 – At least once a week
· 2 – A few times a month`, a bare row of points `1 · 2 · 3 · 4 · 5`, and a last code that jumps
(`… 4 = Not at all likely   8 = Don't know (do not read)`); codes otherwise run on by one."""

from __future__ import annotations

import re

# Items are set apart by a middle dot or bullet, or simply start at the next "N =" / "N –".
_SPLIT_RE = re.compile(r"\s*(?<!\S)[·•](?!\S)\s*|\s+(?=\d{1,3}\s*(?:=|[–—]|-(?=\s))\s*\S)")
_ITEM_RE = re.compile(r"^(?P<code>\d{1,3})(?:\s*(?:=|[–—]|-)\s*(?P<label>\S.*))?$")
# "(do not read)", "(read out)", "(single code)": said to the interviewer about the answer
_TOLD_RE = re.compile(
    r"\s*\((?:do\s+not\s+read|don['’]t\s+read|read\s+out|not\s+read\s+out|single\s+code|"
    r"exclusive|spontaneous|unprompted)[^()]*\)\s*$",
    re.I,
)


def coded_across(text: str) -> list[tuple[str, str, str | None]]:
    """The (code, label, note) of each answer on a line written code first, or [] when the
    line is not one. A row of bare points needs its dots; codes rise from left to right."""
    if not re.search(r"\d", text):
        return []  # every item starts with its code; the split is slow on long runs of spaces
    parts = [p for p in _SPLIT_RE.split(text.strip()) if p]
    if len(parts) < 2:
        return []
    items = [_ITEM_RE.match(p.strip()) for p in parts]
    if not all(items):
        return []
    codes = [int(m["code"]) for m in items if m]
    steady = codes[:-1] == list(range(codes[0], codes[0] + len(codes) - 1))
    if not steady or codes[-1] <= codes[-2] or (codes[-1] != codes[-2] + 1 and len(codes) < 4):
        return []  # only a last "don't know" code may jump ("1 = Poor 10 = Great" are ends)
    labelled = [m for m in items if m and m["label"]]
    if not labelled:
        dotted = bool(re.search(r"(?<!\S)[·•](?!\S)", text))
        consecutive = codes == list(range(codes[0], codes[0] + len(codes)))
        if not (dotted and consecutive and len(codes) >= 3):
            return []
        return [(str(c), str(c), None) for c in codes]
    if len(labelled) != len(items) or any(
        m["label"].rstrip().endswith((",", ";")) for m in labelled
    ):
        return []  # "1 = Terrible, 5 = Excellent" names a scale's ends
    found: list[tuple[str, str, str | None]] = []
    for match in labelled:
        label = match["label"].strip()
        told = _TOLD_RE.search(label)
        note = told.group(0).strip(" ()") if told else None
        found.append((match["code"], label[: told.start()].strip() if told else label, note))
    return found
