"""A screen-out written once over a run of questions: `IF ANY OF EC1 TO EC4 IS 'YES' → NOT
ELIGIBLE, END`.

Eligibility checklists (a trial's inclusion and exclusion criteria, a consent form's required
statements) print the rule once, above the run it governs, instead of after each answer:
"ALL OF IC1 TO IC4 MUST BE 'YES'. IF THE ANSWER TO ANY OF THEM IS 'NO' → NOT ELIGIBLE",
"If you tick No for any of C1 to C4, please stop here". The rule is each named question's own
screen-out, so every question of the run gets a `TERMINATE IF <answer>` note.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fielder.compiler.named_notes import id_span

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft, Parsed

_ID = r"[A-Z]{1,3}\d{1,3}"
_RUN = rf"(?P<first>{_ID})\s*(?:-|–|—|\s(?:TO|THROUGH|THRU)\s)\s*(?P<last>{_ID})"
_QUOTE = "'‘’\"“”"
_ANSWER = rf"[{_QUOTE}]?(?P<answer>[A-Za-z][\w' ]{{0,30}}?)[{_QUOTE}]?"
# the way out: not eligible, screened out, told to stop
_EXIT = (
    r"(?:NOT\s+ELIGIBLE|INELIGIBLE|TERMINATE|SCREEN[\s-]*OUT|THANK\s+(?:AND|&)\s+(?:END|CLOSE)|"
    r"END\s+(?:THE\s+)?(?:INTERVIEW|SURVEY|CALL)|(?:PLEASE\s+)?STOP\s+HERE)\b"
)
_THEN = r"\s*(?:,|-+>|→|[–—]|\bTHEN\b)\s*(?:YOU\s+ARE\s+)?"
# "IF THE ANSWER TO ANY OF EC1 TO EC4 IS 'YES' → NOT ELIGIBLE"
_ANY_OF_RE = re.compile(
    rf"\bIF\s+(?:THE\s+ANSWER\s+(?:TO|AT)\s+)?ANY\s+OF\s+(?:{_RUN}|(?P<them>THEM|THESE))\s+"
    rf"(?:IS|ARE|=)\s+{_ANSWER}{_THEN}{_EXIT}",
    re.I,
)
# "If you tick No for any of C1 to C4, please stop here"
_ANSWER_FOR_ANY_RE = re.compile(
    rf"\bIF\s+YOU\s+(?:TICK|ANSWER|SAY|CHOOSE|SELECT|CIRCLE|MARK)\s+{_ANSWER}\s+(?:FOR|TO|AT|IN)\s+"
    rf"ANY\s+OF\s+{_RUN}{_THEN}{_EXIT}",
    re.I,
)
# "ALL OF IC1 TO IC4 MUST BE 'YES'": the run that a later "any of them" names
_ALL_OF_RE = re.compile(rf"\bALL\s+OF\s+{_RUN}\s+MUST\b", re.I)


def block_screen_outs(note: str) -> list[tuple[list[str], str]]:
    """The runs of questions a note screens out and the answer that does it."""
    found: list[tuple[list[str], str]] = []
    for pattern in (_ANY_OF_RE, _ANSWER_FOR_ANY_RE):
        for match in pattern.finditer(note):
            if match.groupdict().get("them"):
                # "ANY OF THEM": the run named by the "ALL OF … MUST" just before
                before = list(_ALL_OF_RE.finditer(note[: match.start()]))
                run = id_span(before[-1]["first"], before[-1]["last"]) if before else []
            else:
                run = id_span(match["first"], match["last"])
            if run:
                found.append((run, match["answer"].strip()))
    return found


def place_block_screen_outs(parsed: Parsed) -> None:
    """Give every question a run-wide screen-out names its own `TERMINATE IF` note."""
    by_id = {d.label.id.upper(): d for d in parsed.drafts if d.label is not None}
    holders: list[tuple[Draft | None, str]] = [(None, note) for note in parsed.header_notes]
    for draft in parsed.drafts:
        holders.extend((draft, note) for note in draft.notes + draft.pre_notes + draft.text_parts)
    for holder, note in holders:
        for run, answer in block_screen_outs(note):
            if not all(ident in by_id for ident in run):
                continue
            if holder is not None and note in holder.notes:
                holder.notes.remove(note)  # the run's rule, not the question it follows
            for ident in run:
                own = f"TERMINATE IF {answer.upper()}"
                if own not in by_id[ident].notes:
                    by_id[ident].notes.append(own)
