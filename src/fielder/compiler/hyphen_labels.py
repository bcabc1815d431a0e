"""References to hyphenated question labels (`A-1)`, `Q-12.`, `S-3a`) read as the plain label.

In a document whose questions are labelled with a hyphen between letters and number, routing
names them the same way ("0-6 AT Q-7", "-> S-5'E GEÇİNİZ", "(→ B-4)"). The readers of routing
know `Q7`, and a hyphen next to a number reads as a range, so every reference of the series is
written without its hyphen before any rule reads the lines. The labels that open the questions
keep their hyphen: `classify` marks them, and `passes/hyphen_ids` gives those questions the id
the conventions fold the label to (`Q_7`) once the logic is read.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from fielder.compiler.lines import Line

# "A-1) Sex …", "**Q-3.** How …", "S-3a  Do you …": a hyphenated label opening a line, not a run
# of them ("Q-1 TO Q-5", "Q-1 – Q-5") nor a range of numbers after it ("Q-1-5")
_HEAD_RE = re.compile(
    r"^[ \t*#]*(?P<label>(?P<prefix>[A-Za-z]{1,4})-\d{1,3}[a-z]{0,2})"
    # (before words, not a note in capitals that names it: "* Q-11 ONLY WHERE …")
    r"(?!\s+(?i:to|and|through|or)\b)(?=[.):]|\t|\s{2,}|\s[A-Z]?[a-z¿¡\"'‘“(])"
)
_SERIES = 3


def fold_hyphen_refs(lines: list[Line]) -> list[Line]:
    """The lines with every reference to the document's hyphenated labels written plain."""
    if not any("-" in line.text[:12] for line in lines):
        return lines
    heads = [_HEAD_RE.match(line.text) for line in lines]
    prefixes = Counter(match["prefix"] for match in heads if match)
    if sum(prefixes.values()) < _SERIES:
        return lines  # a series of hyphenated labels (every prefix of it: "S-1", "Q-1" …)
    series = sorted(prefixes, key=len, reverse=True)
    ref = re.compile(
        # ("Q-3-Q-7": a run of two, each folded: "Q3-Q7")
        r"(?<!\w)(" + "|".join(map(re.escape, series)) + r")-(\d{1,3}[a-z]{0,2})(?!\w|-\d)"
    )

    def fold(text: str, keep: int = 0) -> str:
        return text[:keep] + ref.sub(r"\1\2", text[keep:]) if "-" in text[keep:] else text

    folded = []
    for line, head in zip(lines, heads, strict=True):
        label = head["label"] if head and head["prefix"] in series else ""
        changed = dataclasses.replace(
            line,
            text=fold(line.text, head.end("label") if head and label else 0),
            raw=_fold_after_label(line.raw, ref, label),
            spaced=_fold_after_label(line.spaced, ref, label),
            instructions=[fold(note) for note in line.instructions],
            rows=tuple(tuple(fold(cell) for cell in row) for row in line.rows),
        )
        folded.append(changed)
    return folded


def _fold_after_label(text: str, ref: re.Pattern[str], label: str) -> str:
    """`text` folded, its first `label` (the head's own) kept as printed."""
    keep = text.find(label) + len(label) if label and label in text else 0
    return text[:keep] + ref.sub(r"\1\2", text[keep:])
