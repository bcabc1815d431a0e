"""Blocks of a build spec described in bullets rather than written out.

A spec may describe a block instead of giving its words: `- Source: consent.docx (paste full
text into a Text/Graphic question)`, `- Question type: Multiple Choice, single answer` over
the quoted answers, `- Skip logic: if "I do not agree," End of Survey`, or `- display as a
final Text/Graphic block`. The block is then one question (the answers under the type bullet)
or one screen (a Text/Graphic element and no type), its words the spec's description. Other
`Label: …` bullets beside spec items (`- Piped text: …`, `- Source: …`) are programmer notes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.lines import Line

_TYPE_BULLET_RE = re.compile(
    r"^(?:question|answer|response|item)?\s*(?:type|format)\s*:\s*(?P<format>.+)$", re.I
)
# a screen of text named by the builders' element words
_SCREEN_RE = re.compile(
    r"\btext\s*/\s*graphic\b|\bdescriptive\s+text\b|\btext\s+(?:block|screen|element)\b|"
    r"\b(?:information|info)\s+(?:screen|page)\b|\bstatic\s+text\b",
    re.I,
)
# "- Piped text: …", "- Source: …": a remark to the builder, named before its colon
_REMARK_RE = re.compile(
    r"^(?:source|note|nb|piped\s+text|piping|pipe|logic|skip\s+logic|display\s+logic|"
    r"branch(?:ing)?|validation|randomi[sz]ation|time\s+estimate[^:]*|scoring|coding|"
    r"programming|programmer|embedded\s+data|quelle|fuente|fonte|hinweis|remarque)\s*:",
    re.I,
)
# the survey tools' "End of Survey" element: the respondent leaves there
_END_RE = re.compile(r"\b(?:end\s+of\s+(?:the\s+)?survey|end\s+survey)\b", re.I)
_HEAD_NAME_RE = re.compile(r"^(?:block|section|part|module)\s*\w{0,3}\s*[—–:.-]\s*", re.I)


def spec_block_lines(lines: list[Line]) -> list[Line]:
    """The lines with each bullet-described block made its question or screen, and remark
    bullets made notes."""
    out: list[Line] = []
    start = 0
    for index in range(len(lines) + 1):
        if index == len(lines) or (lines[index].kind == "heading" and index > start):
            out.extend(_section(lines[start:index]))
            start = index
    return out


def _is_bullet(line: Line) -> bool:
    return line.kind == "list_item" and not re.match(r"\d", line.numbering or "")


def _section(section: list[Line]) -> list[Line]:
    if not section or section[0].kind != "heading":
        return section
    body = section[1:]
    if not body or not all(_is_bullet(b) for b in body):
        return [section[0], *(_remark(b) for b in body)]
    typed = next(
        (i for i, b in enumerate(body) if not b.level and _TYPE_BULLET_RE.match(b.text)), None
    )
    if typed is not None:
        return [section[0], *_question(section[0], body, typed)]
    if any(_SCREEN_RE.search(b.text) for b in body):
        return [section[0], *_screen(section[0], body)]
    return section


def _remark(line: Line) -> Line:
    if not _is_bullet(line) or line.level or not _REMARK_RE.match(line.text):
        return line
    return replace(line, text="", spaced="", kind="paragraph", numbering=None,
                   instructions=[*line.instructions, line.text])  # fmt: skip


def _described(body: list[Line]) -> str:
    """The spec's description of the block: its first bullet's words."""
    return re.sub(r"^source\s*:\s*", "", body[0].text, flags=re.I).strip()


def _question(heading: Line, body: list[Line], typed: int) -> list[Line]:
    answers = []
    index = typed + 1
    while index < len(body) and body[index].level > body[typed].level:
        answers.append(body[index].text.strip('"“” '))
        index += 1
    notes = [
        _END_RE.sub("terminate", b.text)
        for i, b in enumerate(body)
        if i != typed and not typed < i < index
    ]
    form = _TYPE_BULLET_RE.match(body[typed].text)
    assert form is not None
    ask = _described(body) if typed else _HEAD_NAME_RE.sub("", heading.text)
    head = replace(body[typed], text=ask, spaced=ask, numbering="1.", level=0,
                   instructions=[form["format"], *notes])  # fmt: skip
    options = [
        replace(body[typed], text=a, raw=a, spaced=a, numbering="-", level=1) for a in answers
    ]
    return [head, *options]


def _screen(heading: Line, body: list[Line]) -> list[Line]:
    """The screen as a capitals name over its words, the way a screen is headed elsewhere."""
    words = " ".join(b.text for b in body if not _REMARK_RE.match(b.text)) or _described(body)
    name = _HEAD_NAME_RE.sub("", heading.text).upper()
    title = replace(body[0], text=name, spaced=name, kind="paragraph", numbering=None, level=0)
    return [title, replace(title, text=words, spaced=words)]
