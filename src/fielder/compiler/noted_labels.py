"""A question's number alone on its line with only a scripting note: `4. [ASK IF CODE 1 AT Q3]`
over `Which of these …?`.

Hand-typed drafts often put the filter beside the number and start the question's words on the
next line. The number line then holds no words and the words after it have no label, so the
question is lost (its words run into the answer list above). The number is put back in front of
the words, and the note goes with them as the question's note.

The note may also be written in words beside the label, the question's words indented under
it: `A6  (Left early only, codes 2 to 4 at A5)` or `D3  Keyworker: ask D3 only if …` over
`    In which week …?`. A note wholly in brackets, or addressed to someone (`Keyworker:`,
`Interviewer:`), is not the question's words when a question follows, indented, on its own line.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.line_pairs import join_with_next
from fielder.compiler.lines import Line

#: `4.`, `14)`, `Q7.`, `B2:` — a question's label and nothing else
_LABEL_ONLY = re.compile(r"^(?:[A-Z]{1,3}[-_.]?)?\d{1,3}[a-z]?[.):]$")
#: words that start a question: a capital letter or an opening quote, not a number or a mark
_WORDS = re.compile(r"^[\"'‘“]?[A-Z][a-z]")


def noted_label_lines(lines: list[Line]) -> list[Line]:
    """The lines with each label-and-note line joined to the question words under it."""
    return join_with_next(_filters_beside(lines), _joined)


#: `A6  (Left early only …)`, `D3  Keyworker: ask D3 only if …`: a label, then a note in words
_LABEL_NOTE = re.compile(
    r"^(?P<label>(?:[A-Z]{1,3}[-_.]?)?\d{1,3}[a-z]?[.):]?)\s+"
    r"(?P<note>\([^()]{3,}\)|[A-Z][a-z]{2,15}\s*:\s+\S.*)$"
)


#: `B5        Filter: module B`, `CONSENT   Base: All`: whom the question is asked, beside its id
_FILTER_NOTE = re.compile(
    r"^(?P<label>(?:[A-Z]{1,3}[-_.]?)?\d{1,3}[a-z]?|[A-Z]{3,12})[.):]?\s+"
    # ("C7  Filter:" with the test in capitals already split off as a note)
    r"(?P<note>(?:Filter|Base|Universe|Asked\s+(?:of|to)|Ask\s+if)\s*:\s*(?:\S.*)?)$"
)


_PART_BASE_AND_RE = re.compile(
    r"^(?P<head>[^:]{3,20}:\s*)(?:the\s+)?(?:section|module|part|block)\s+[A-Z0-9]{1,2}\s+AND\s+",
    re.I,
)


def _filters_beside(lines: list[Line]) -> list[Line]:
    """Each id with its filter beside it joined to the question's words indented under it (its
    words wrapped over several lines, or a note line first), the filter a note."""
    from fielder.compiler.classify import DISPLAY_WORDS, is_instruction

    out = list(lines)
    taken: set[int] = set()
    for place, line in enumerate(out):
        match = _FILTER_NOTE.match(line.text.strip())
        if match is None or line.kind != "paragraph" or line.is_option:
            continue
        label = match["label"]
        own, before = [match["note"]], list(line.instructions)
        if match["note"].rstrip().endswith(":"):
            if not before:
                continue
            own = [f"{match['note'].rstrip()} {before.pop(0)}"]  # the test split off after it
        if not any(c.isdigit() for c in label) and label not in DISPLAY_WORDS:
            continue  # "NOTE  Filter: …": a word in capitals, no screen's name
        # "Filter: module B AND B7 = 4 OR 5": the part's own base (its heading's filter, read
        # there) and the question's test; the test is this question's filter
        own = [_PART_BASE_AND_RE.sub(r"\g<head>", note) for note in own]
        for ahead in range(place + 1, min(place + 4, len(out))):
            following = out[ahead]
            if following.kind != "paragraph" or following.is_option:
                break
            if following.level <= line.level:
                break
            if not following.text or is_instruction(following):
                continue  # "INTERVIEWER: READ OUT …" between the id and the words
            words = following.text.strip()
            if not _WORDS.match(words):
                break
            # the question's words take the id's place; a note line between stays after them
            taken.add(ahead)
            out[place] = replace(
                following,
                text=f"{label} {words}",
                raw=f"{label} {following.raw.strip()}",
                spaced=f"{label} {following.spaced.strip() or words}",
                instructions=[*before, *own, *following.instructions],
                level=line.level,
                start=line.start,
            )
            break
    return [line for place, line in enumerate(out) if place not in taken]


def _worded_note(line: Line, following: Line) -> list[Line] | None:
    match = _LABEL_NOTE.match(line.text.strip())
    words = following.text.strip()
    if (
        match is None
        or line.kind != "paragraph"
        or following.kind != "paragraph"
        or following.is_option
        or following.level <= line.level
        or not _WORDS.match(words)
        or not words.endswith("?")
    ):
        return None
    label = match["label"]
    return [
        replace(
            following,
            text=f"{label} {words}",
            raw=f"{label} {following.raw.strip()}",
            spaced=f"{label} {following.spaced.strip() or words}",
            instructions=[*line.instructions, match["note"], *following.instructions],
            level=line.level,
            start=line.start,
        )
    ]


def _joined(line: Line, following: Line) -> list[Line] | None:
    if not line.instructions and following.level > line.level:
        return _worded_note(line, following)
    if not line.instructions or not _LABEL_ONLY.match(line.text.strip()):
        return None
    if line.kind != "paragraph" or following.kind != "paragraph" or following.is_option:
        return None
    words = following.text.strip()
    if not _WORDS.match(words) or _LABEL_ONLY.match(words.split(" ", 1)[0]):
        return None
    label = line.text.strip()
    text = f"{label} {words}"
    spaced = f"{label} {following.spaced.strip() or words}"
    return [
        replace(
            following,
            text=text,
            raw=f"{line.raw.strip()} {following.raw.strip()}",
            spaced=spaced,
            instructions=[*line.instructions, *following.instructions],
            start=line.start,
        )
    ]
