"""The character formatting of an RTF file's paragraphs: bold, italic and font colour.

striprtf gives the text only, yet questionnaires written in a word processor mark their
scripting notes by colour and their labels in bold. This walks the RTF groups once, keeping
the state that matters, and returns each paragraph as runs; the reader pairs them with
striprtf's lines by their text and keeps plain text wherever the two disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fielder.documents.model import Run

_TOKEN_RE = re.compile(
    r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|([^\\{}\r\n]+)|[\r\n]+"
)
# Groups whose text is not part of the body.
_SKIPPED = frozenset(
    """fonttbl colortbl stylesheet info header headerl headerr headerf footer footerl footerr
    footerf pict object fldinst themedata colorschememapping datastore latentstyles listtable
    listoverridetable rsidtbl generator xmlnstbl mmathPr footnote annotation""".split()
)
_SYMBOLS = {
    "emdash": "—",
    "endash": "–",
    "bullet": "•",
    "lquote": "‘",
    "rquote": "’",
    "ldblquote": "“",
    "rdblquote": "”",
    "tab": "\t",
    "emspace": " ",
    "enspace": " ",
    "qmspace": " ",
    "~": "\u00a0",
}
_COLOUR_RE = re.compile(r"\\red(\d+)|\\green(\d+)|\\blue(\d+)|;")


@dataclass(frozen=True)
class _State:
    bold: bool = False
    italic: bool = False
    colour: int = 0
    skip: bool = False
    skip_chars: int = 1


def _colour_table(source: str) -> list[str | None]:
    """The colours of `{\\colortbl …}` as "#RRGGBB" (None for the automatic one)."""
    found = re.search(r"\{\\colortbl\s*([^{}]*)\}", source)
    if not found:
        return [None]
    colours: list[str | None] = []
    red = green = blue = None
    for match in _COLOUR_RE.finditer(found[1]):
        if match[0] == ";":
            if red is None and green is None and blue is None:
                colours.append(None)
            else:
                colours.append(f"#{int(red or 0):02X}{int(green or 0):02X}{int(blue or 0):02X}")
            red = green = blue = None
        else:
            red = match[1] if match[1] is not None else red
            green = match[2] if match[2] is not None else green
            blue = match[3] if match[3] is not None else blue
    return colours or [None]


def rtf_paragraphs(source: str) -> list[list[Run]]:
    """Each body paragraph of an RTF document as formatted runs (tables' cells end a
    paragraph each)."""
    colours = _colour_table(source)
    paragraphs: list[list[Run]] = []
    runs: list[Run] = []
    stack: list[_State] = []
    state = _State()
    pending_skip = 0
    group_start = False

    def add(text: str) -> None:
        if state.skip or not text:
            return
        colour = colours[state.colour] if 0 <= state.colour < len(colours) else None
        runs.append(Run(text, bold=state.bold, italic=state.italic, color=colour))

    def end_paragraph() -> None:
        nonlocal runs
        paragraphs.append(runs)
        runs = []

    for match in _TOKEN_RE.finditer(source):
        word, number, hexcode, symbol, brace, text = match.groups()
        starts_group = group_start
        group_start = False
        if brace == "{":
            stack.append(state)
            group_start = True
            continue
        if brace == "}":
            state = stack.pop() if stack else _State()
            continue
        if pending_skip and (text or hexcode):
            # the plain-text stand-in written after a \uN character
            if text:
                drop = min(pending_skip, len(text))
                text, pending_skip = text[drop:], pending_skip - drop
            else:
                pending_skip -= 1
                continue
        if word is not None:
            value = int(number) if number is not None else None
            if word in _SKIPPED or (starts_group and word in ("fldinst",)):
                state = replace(state, skip=True)
            elif word == "b":
                state = replace(state, bold=value != 0)
            elif word == "i":
                state = replace(state, italic=value != 0)
            elif word == "cf":
                state = replace(state, colour=value or 0)
            elif word == "plain":
                state = replace(state, bold=False, italic=False, colour=0)
            elif word == "uc":
                state = replace(state, skip_chars=value or 0)
            elif word == "u" and value is not None:
                add(chr(value + 65536 if value < 0 else value))
                pending_skip = state.skip_chars
            elif word in ("par", "line", "cell", "row", "sect", "page"):
                if not state.skip:
                    end_paragraph()
            elif word in _SYMBOLS:
                add(_SYMBOLS[word])
            continue
        if symbol is not None:
            if symbol == "*" and starts_group:
                state = replace(state, skip=True)
            elif symbol in "\\{}":
                add(symbol)
            elif symbol in _SYMBOLS:
                add(_SYMBOLS[symbol])
            continue
        if hexcode is not None:
            add(bytes([int(hexcode, 16)]).decode("cp1252", errors="replace"))
            continue
        if text:
            add(text)
    if runs:
        end_paragraph()
    return paragraphs
