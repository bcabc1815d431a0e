"""Question labels spelled out in a language's own word: "Frage 3", "Pregunta 3", "Vraag 3".

A printed questionnaire often heads each question with the word for "question" and its number,
alone on a line (bold) over the words or before them ("Frage 3: …"). The label becomes the
word's initial and the number (`Frage 3` → `F3`), as a survey programmer writes it, and the
line is rewritten as the plain `F3. …` every other rule reads. English "Question 3" is read
elsewhere already (→ `Q3`). The word cut short with a full stop (`Pyt. 7`, `Preg. 7`) is no
word of its own but "question" abbreviated, as `Q.` would be: the label is `Q7`, and
routing that names `PYT. 9` means `Q9`.
"""

from __future__ import annotations

import re

from fielder.compiler.lines import Line

# The word for "question" in languages that print it before the number.
_WORDS = (
    "Frage|Pregunta|Pergunta|Domanda|Vraag|Soru|Fråga|Spørsmål|Spørgsmål|Pytanie|"
    "Kysymys|Otázka|Otazka|Întrebarea|Intrebarea|Kérdés|Kerdes"
)
# The same words cut short, always with their full stop: "Pyt. 7" (Pytanie), "Preg. 7".
_SHORT = "Pyt|Preg|Perg|Dom|Vr|Fr|Kys|Ot"
_SHORT_SET = frozenset(_SHORT.split("|")) | frozenset(_SHORT.upper().split("|"))
_WORD_RE = re.compile(
    rf"^(?P<word>{_WORDS}|{_WORDS.upper()}|(?:{_SHORT}|{_SHORT.upper()})(?=\.))\.?\s+(?:Nr\.?\s*|n[°º.]\s*|No\.?\s*)?"
    r"(?P<n>\d{1,3}[a-z]?)(?P<sep>\s*[.:)]|\s+[-–—])?(?:\s+(?P<rest>\S.*))?$"
)


def _label(word: str, number: str) -> str:
    if word in _SHORT_SET or word.capitalize() in _SHORT_SET:
        return "Q" + number
    return word[0].upper() + number


def question_word_lines(lines: list[Line]) -> list[Line]:
    """Lines with "Frage 3" labels rewritten as "F3. …" (joined to the next line when alone), and
    the same words naming a question elsewhere ("→ Weiter mit Frage 7") rewritten as its id."""
    words: set[str] = set()
    out = _relabelled(lines, words)
    if not words:
        return out
    spelled = sorted(set(words) | {w.upper() for w in words if w in _SHORT_SET})
    mention = re.compile(rf"\b({'|'.join(spelled)})\.?\s*(\d{{1,3}}[a-z]?)\b")
    for line in out:
        line.text = mention.sub(lambda m: _label(m[1], m[2]), line.text)
        line.spaced = mention.sub(lambda m: _label(m[1], m[2]), line.spaced)
        line.instructions = [
            mention.sub(lambda m: _label(m[1], m[2]), i) for i in line.instructions
        ]
    return out


def _relabelled(lines: list[Line], words: set[str]) -> list[Line]:
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _WORD_RE.match(line.text) if line.kind in ("paragraph", "heading") else None
        if match is None or (match["rest"] and not match["sep"]):
            out.append(line)
            index += 1
            continue
        label = _label(match["word"], match["n"])
        words.add(match["word"])
        following = lines[index + 1] if index + 1 < len(lines) else None
        if match["rest"]:
            _relabel(line, label, match["rest"])
            out.append(line)
        elif following is not None and following.text and following.kind == "paragraph":
            # "Frage 3" alone over the words: the next line is the question
            _relabel(following, label, following.text)
            following.start = line.start
            following.instructions[:0] = line.instructions
            out.append(following)
            index += 1
        else:
            out.append(line)
        index += 1
    return out


def _relabel(line: Line, label: str, rest: str) -> None:
    line.text = f"{label}. {rest}"
    spaced = _WORD_RE.match(line.spaced or "")
    line.spaced = f"{label}. {spaced['rest'] if spaced and spaced['rest'] else line.spaced or rest}"
    line.kind = "paragraph"
