"""Routing that names a page, read as the page's first question (web survey prints).

A web tool's print shows each page as a title bar and writes its logic notes by page:
`If "Student" → skip to page 4 (Social membership)`. The page is the one whose title bar is
named in brackets (or, where every page opens after a page break, the n-th page); the jump is
to the first numbered question on it, written `skip to question 13` for the routing readers.

A page note `after this page → skip to page 5` on page 3 means nobody walks into page 4: its
questions are seen only by those the notes send there (`If "Social" → skip to page 4` under
Q1), so the page gets `ASK THIS SECTION IF Q1 = 'Social'` under its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from fielder.compiler.lines import Line

_TO_PAGE_RE = re.compile(
    r"\b(?:skip|go|jump|continue|move|proceed)(?:s|es)?\s+(?:on\s+)?to\s+page\s+(?P<n>\d{1,2})"
    r"(?:\s*\((?P<title>[^()]{1,80})\))?",
    re.I,
)
_AFTER_PAGE_RE = re.compile(r"\bafter\s+this\s+page\b", re.I)
# 'If "Social member" →' / "If Social member ->": the answer the jump is on
_ON_ANSWER_RE = re.compile(r"\bIf\s+[“\"'‘](?P<answer>[^”\"'’]{1,80})[”\"'’]\s*(?:→|->|,|:)", re.I)
_NUMBER_RE = re.compile(r"^\s*\*?\s*(?:Q\.?\s*)?(?P<n>\d{1,3})[.)]\s+\S")


@dataclass
class _Page:
    title: str
    at: int  # index of the title line
    first: str | None = None  # the number of its first question
    jumps: list[tuple[str, str]] = field(default_factory=list)  # (question number, answer)


def page_target_lines(lines: list[Line]) -> list[Line]:
    """The lines with page jumps written as question jumps and jumped-into pages filtered."""
    if not any(_TO_PAGE_RE.search(note) for line in lines for note in line.instructions):
        return lines
    pages = _pages(lines)
    if len(pages) < 3:
        return lines
    out = list(lines)
    question: str | None = None
    page_of_line: list[int] = []
    current = -1
    heads = {page.at: n for n, page in enumerate(pages)}
    skipped_over: set[int] = set()
    for index, line in enumerate(lines):
        current = heads.get(index, current)
        page_of_line.append(current)
        number = _NUMBER_RE.match(line.text) if not line.instructions else None
        if number:
            question = number["n"]
        notes: list[str] = []
        for note in line.instructions:
            target = _TO_PAGE_RE.search(note)
            page = _target(lines, pages, target) if target else None
            if target is None or page is None or pages[page].first is None:
                notes.append(note)
                continue
            if _AFTER_PAGE_RE.search(note):
                # the page's own exit: the pages it jumps over are reached only by jumps
                skipped_over.update(range(current + 1, page))
                notes.append(note)
                continue
            answer = _ON_ANSWER_RE.search(note[: target.start()])
            if answer and question:
                pages[page].jumps.append((question, answer["answer"].strip()))
            rewritten = f"skip to question {pages[page].first}"
            notes.append(note[: target.start()] + rewritten + note[target.end() :])
        if notes != line.instructions:
            out[index] = replace(line, instructions=notes)
    for page in sorted(skipped_over, reverse=True):
        if not pages[page].jumps or pages[page].first is None:
            continue
        tests = " OR ".join(f"Q{q} = '{answer}'" for q, answer in pages[page].jumps)
        bar = out[pages[page].at]
        filtered = Line(text="", raw="", instructions=[f"ASK THIS SECTION IF {tests}"])
        filtered.start = filtered.end = bar.end
        out.insert(pages[page].at + 1, filtered)
    return out


def _pages(lines: list[Line]) -> list[_Page]:
    """The title bars (headings) in order, each with its first numbered question."""
    pages: list[_Page] = []
    for index, line in enumerate(lines):
        if line.kind == "heading" and line.text.strip():
            # ("1. Membership": the page bar's own number before its title)
            title = re.sub(r"^\s*\d{1,2}[.)]\s+", "", line.text.strip())
            pages.append(_Page(title=title, at=index))
            continue
        number = _NUMBER_RE.match(line.text) if not line.instructions else None
        if number and pages and pages[-1].first is None:
            pages[-1].first = number["n"]
    return pages


def _target(lines: list[Line], pages: list[_Page], target: re.Match[str]) -> int | None:
    """The page a jump names: by its title in brackets, else by its number."""
    if target["title"]:
        wanted = _plain(target["title"])
        named = [n for n, p in enumerate(pages) if _plain(p.title) == wanted]
        return named[0] if len(named) == 1 else None
    breaks = sum(1 for line in lines if line.kind == "page_break")
    number = int(target["n"]) - 1
    if breaks != len(pages) - 1:
        return None  # the headings are not one a page
    return number if 0 <= number < len(pages) else None


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
