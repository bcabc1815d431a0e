"""Filters printed under the question they are for: a tool's logic box below the answers.

Most questionnaires print a filter over its question, so a condition after a question's answers
waits for the next one. Survey-tool exports and product specs (a yellow "logic" box, a Notion
callout "right under each question", a printed form's grey hint) print it below instead. The
conditions themselves say which way a document goes: a filter under question N that names the
question just before N (and never N itself) is N's own; read above the next question it would
skip over N for no reason. So is a filter in the same note as N's answer type ("Email. Only if
question 11 = No"). With two or more such filters and none waiting after a question's
answers that names that question, every filter waiting after a question's answers goes back to
that question, and a filter after the last question's answers is the last question's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fielder.compiler.parse import Draft, Parsed

# ("P1_4": a per-product block's question, its number after an underscore)
_ID_RE = re.compile(r"\b([A-Z]{1,3}\d{1,3}(?:_\d{1,3})?[a-z]?)\b")
# "(question 4)", "at question 7", "“Yes please” at 16": a question named by its number
_NUMBER_RE = re.compile(r"(?:\bquestion|[”\"’']\s+at)\s+(\d{1,3}[a-z]?)\b", re.I)
_NEXT_RE = re.compile(r"^Only answer the next question if\s+", re.I)


def _is_filter(note: str) -> bool:
    from fielder.compiler.build import directives_of

    return any(d.kind == "display_if" for d in directives_of([note]))


def _typed_first(note: str) -> bool:
    """ "Email. Only if question 11 = No": the question's own answer type, then its filter, in
    one note: the note is the question's own, whichever question the filter names."""
    from fielder.compiler.instructions import sentences, type_words

    parts = sentences(note)
    return len(parts) >= 2 and bool(type_words(parts[0])) and not _is_filter(parts[0])


def _written_under(draft: Draft) -> list[str]:
    """The notes on the lines after the draft's label line (under its words or answers): set
    apart as notes, or a line of words the parser took for a note."""
    kept = {*draft.notes, *draft.pre_notes}
    return [
        note
        for line in draft.lines[1:]
        for note in [*line.instructions, *([line.text] if line.text in kept else [])]
    ]


def _waiting(parsed: Parsed) -> list[tuple[int, str]]:
    """(index of the question the filter sits under, note) for filters waiting after answers
    (not those after a section heading: over the section, not under a question)."""
    drafts = parsed.drafts
    found: list[tuple[int, str]] = []
    for index in range(1, len(drafts)):
        draft, above = drafts[index], drafts[index - 1]
        if above.label is None:
            continue
        crossed = draft.block != above.block
        own = _written_under(draft)
        # (a section's filter spread over its questions sits on each one's label line)
        above_own = {*above.pre_notes, *(above.lines[0].instructions if above.lines else ())}
        found.extend(
            (index - 1, n)
            for n in draft.pre_notes
            # (the same filter over both: a section's, set over each of its questions, on the
            # question's own line or over it)
            if n not in above_own
            and n not in above.notes
            and n not in own
            and not _group_of(n, own)
            and (not crossed or n in parsed.before_sections)
            and _is_filter(n)
        )
    return found


def _waiting_routes(parsed: Parsed, where: dict[str, int]) -> list[tuple[int, str]]:
    """Routing notes waiting after a question's answers that are that question's own in a
    document printing its notes under the question: "skip D2 if …" under D2 (the question
    named as what is skipped), "if No, go to CLOSE" (a jump on its own answers, naming no
    other question)."""
    from fielder.compiler.build import directives_of

    drafts = parsed.drafts
    found: list[tuple[int, str]] = []
    for index in range(1, len(drafts)):
        draft, above = drafts[index], drafts[index - 1]
        if above.label is None or draft.block != above.block:
            continue
        for note in draft.pre_notes:
            if note in above.pre_notes or _is_filter(note):
                continue
            directives = directives_of([note])
            own = any(
                d.kind == "ask_target" and d.target == above.label.id for d in directives
            ) or (
                any(d.kind == "skip" for d in directives)
                and not [i for i in _named(note, where) if i != index - 1]
                and not any(
                    d.kind == "skip" and d.target in where and where[d.target] <= index
                    for d in directives
                )
            )
            if own:
                found.append((index - 1, note))
    return found


def _group_of(note: str, own: list[str]) -> bool:
    """True when the note is a group's filter the parser wrote from one of the question's own
    notes ("Business guests only (question 2)." under its words -> "ASK IF GROUP: Business
    guests (question 2)"): the question's own, not one waiting from the question above."""
    from fielder.compiler.group_names import GROUP_MARK

    head = f"ASK IF {GROUP_MARK} "
    if not note.startswith(head):
        return False
    words = set(re.findall(r"\w+", note[len(head) :].lower()))
    return any(words <= set(re.findall(r"\w+", n.lower())) for n in own)


def _named(note: str, where: dict[str, int]) -> list[int]:
    subjects = {a or b for a, b in _SUBJECT_RE.findall(note)}
    ids = [*_ID_RE.findall(note), *(f"Q{n}" for n in _NUMBER_RE.findall(note))]
    return [where[m] for m in ids if m in where and m not in subjects]


# "B4 is asked only of …", "skip D2 if …", "show Q7 only if …": the question the filter is for,
# named as its subject (not a question whose answer it tests)
_SUBJECT_RE = re.compile(
    r"\b([A-Z]{1,3}\d{1,3}[a-z]?)\s+is\s+(?:only\s+)?(?:asked|shown|displayed|put)\b|"
    r"\b(?:skip|ask|show|display|hide)\s+([A-Z]{1,3}\d{1,3}[a-z]?)\b(?!\s*(?:=|is\b|at\b))",
    re.I,
)


def _subjects(note: str, where: dict[str, int]) -> list[int]:
    found = [a or b for a, b in _SUBJECT_RE.findall(note)]
    return [where[m] for m in found if m in where]


def place_filters_under(parsed: Parsed) -> None:
    """Move filters back to the question above where the document prints them under it."""
    drafts = parsed.drafts
    where = {d.label.id: i for i, d in enumerate(drafts) if d.label is not None}
    waiting = _waiting(parsed)
    under = over = 0
    for host, note in waiting:
        subjects = _subjects(note, where)
        if subjects:
            # "Filter: B4 is asked only of …" under B4's answers: the filter names its question
            under += host in subjects
            over += host + 1 in subjects
            continue
        named = _named(note, where)
        if not named:
            continue
        if host in named or max(named) > host:
            over += 1
        elif max(named) == host - 1:
            under += 1
    # "Filter: P3 is asked only of owners (P2 = 2)" after P3's answers, over P4: a note naming
    # the question above it as the one it is for (read wherever it stands) says so too
    for index in range(1, len(drafts)):
        above = drafts[index - 1].label
        for note in drafts[index].pre_notes:
            if above is not None and (index - 1, note) not in waiting:
                under += above.id in {a or b for a, b in _SUBJECT_RE.findall(note)}
    # a filter under a question's own words naming the question just before: written below
    for index, draft in enumerate(drafts):
        for note in _written_under(draft):
            if (index, note) in waiting:
                continue  # already counted above: one filter is one vote, not two
            named = _named(note, where)
            below = bool(named) and (
                max(named) == index - 1 or (max(named) < index and _typed_first(note))
            )
            under += below and _is_filter(note)
    if under < 2 or over or not waiting:
        return
    for host, note in [*waiting, *_waiting_routes(parsed, where)]:
        drafts[host + 1].pre_notes.remove(note)
        drafts[host].pre_notes.append(_NEXT_RE.sub("Show if ", note))
    # a filter under the last question, with no question after it to wait for, is its own too
    for note in [n for n in parsed.trailing_notes if drafts and _is_filter(n)]:
        parsed.trailing_notes.remove(note)
        drafts[-1].pre_notes.append(_NEXT_RE.sub("Show if ", note))
