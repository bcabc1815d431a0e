"""Answers printed in several languages on one line: `2  No / Non / Não  → go to B8`.

A master questionnaire for enumerators who interview in more than one language prints each
question's translations on lines of their own under it, each opened by a language tag (`FR:
…`, `PT: …`), and every answer once per language on its line, parted by slashes. The answer is
the first (source) language. The evidence is the document's own: two-letter tags opening three
or more lines give the number of languages (one plus the tags), and three or more coded answer
lines split into exactly that many slash-parted parts. Only those lines are cut, so an English
answer with a slash of its own ("Cash / cheque") in another document is left alone. A line
holding two such answers (`3 Gift / Don / Oferta 4 Loan / Prêt / Empréstimo`, run together by
the layout) is split first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from fielder.compiler.lines import Line

# "FR: Acceptez-vous …", "PT: Aceita …": a translation line opened by its language's tag
_TAG_RE = re.compile(r"^\s*([A-Z]{2}):\s+\S")
# "96 Other (specify) / Autre (préciser) / …": a coded answer line
_ANSWER_RE = re.compile(r"^(?P<code>\d{1,3})\s+(?P<words>\S.*)$")
# what follows the last language: a routing arrow, a specify line
_TAIL_RE = re.compile(r"\s*(?:(?:→|->).*|:?\s*_{3,}.*)$")
_PART_RE = re.compile(r"\s+/\s+")
# the next answer's code run on after a part: "… um programa ou ONG 4 Loan from …"
_RUN_ON_RE = re.compile(r"^(?P<before>.*\S)\s+(?P<code>\d{1,3})\s+(?P<after>[^\d\s].*)$")


def _languages(lines: list[Line]) -> int:
    tags: Counter[str] = Counter()
    for line in lines:
        text = line.raw or line.text
        found = _TAG_RE.match(text)
        letters = [c for c in text[3:] if c.isalpha()]
        if found and sum(c.islower() for c in letters) * 2 > len(letters):
            # a sentence in a language, not a programmer's note in capitals ("PN: MULTI …")
            tags[found[1]] += 1
    return 1 + sum(1 for count in tags.values() if count >= 3)


def _answers(words: str, languages: int) -> list[tuple[str, str]] | None:
    """The source words and tail of one answer line, or of two run together; None when the
    line is not cut into `languages` parts."""
    tail = _TAIL_RE.search(words)
    kept = words[: tail.start()] if tail else words
    end = tail[0] if tail else ""
    parts = _PART_RE.split(kept)
    if len(parts) == languages:
        return [(parts[0], end)]
    if len(parts) == 2 * languages - 1:
        run_on = _RUN_ON_RE.match(parts[languages - 1])
        if run_on:
            return [(parts[0], ""), (run_on["code"] + " " + run_on["after"], end)]
    return None


def translated_answer_lines(lines: list[Line]) -> list[Line]:
    """The lines with each answer printed in every language cut to its source words."""
    languages = _languages(lines)
    if languages < 2:
        return lines
    cut: dict[int, list[str]] = {}
    for index, line in enumerate(lines):
        found = _ANSWER_RE.match(line.text) if line.text and not line.label else None
        if found is None:
            continue
        answers = _answers(found["words"], languages)
        if answers is None:
            continue
        texts = [f"{found['code']} {answers[0][0]}{answers[0][1]}"]
        texts += [f"{words}{end}" for words, end in answers[1:]]
        cut[index] = texts
    coded = sum(1 for line in lines if line.text and not line.label and _ANSWER_RE.match(line.text))
    if len(cut) < 3 or len(cut) * 5 < coded * 3:
        return lines  # (most of the document's answers are printed in every language)
    out: list[Line] = []
    for index, line in enumerate(lines):
        for place, text in enumerate(cut.get(index, [])):
            notes = list(line.instructions) if place == 0 else []
            out.append(replace(line, text=text, raw=text, spaced=text, instructions=notes))
        if index not in cut:
            out.append(line)
    return out
