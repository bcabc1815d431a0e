"""Japanese paper questionnaires (調査票) read in the plain scripting words.

A Japanese municipal or academic survey form numbers its questions `問1`, `問5-1` (or `Ｑ３`),
puts the answer format in brackets at the end of the question (`（○はひとつ）`,
`（○はいくつでも）`, `（○は３つまで）`, `（数字を記入）`, `（それぞれ○はひとつ）`), prints
full-width codes before the answers, several to a line (`１．男性　　２．女性`), writes a skip
after an answer (`→問6へ`) and a filter in lenticular brackets over the question or right after
its number (`【問5で「１」に○をつけた方に】`, `【すべての方に】` for everyone), and an "other"
answer with an empty bracket to write in (`その他（　　）`). A grid is a header line of column
words over rows `ア．…` each ending in its codes `１ － ２ － ３`. Each paragraph is rewritten
as the plain line every other rule reads (`Q5_1. … [NUMERIC]`, `1. 男性`, `[ASK IF Q5 = 1]`);
the cover letter before the first question, rules, page numbers and the closing thanks are
left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from fielder.documents.model import Block, Document

_DIGIT = "0-9０-９"
_KANJI_DIGITS = str.maketrans("一二三四五六七八九", "123456789")
_SP = r"[ \t\u3000]"
_QUESTION_RE = re.compile(
    rf"^{_SP}*(?:問|Ｑ|Q)\s*(?P<n>[{_DIGIT}]{{1,3}})"
    rf"(?:{_SP}*[-－‐‑―ー−の](?P<sub>[{_DIGIT}]{{1,2}}))?"
    rf"(?:[．.:：)）]{_SP}*|{_SP}+|$)(?P<rest>.*)$"
)
_REF = rf"(?:問|Ｑ|Q)\s*([{_DIGIT}]{{1,3}})(?:{_SP}*[-－‐‑―ー−の]([{_DIGIT}]{{1,2}}))?"
_REF_RE = re.compile(_REF)
# "【問6で「４」または「５」と答えた方に】": a filter naming whom the next question is for
_FILTER_RE = re.compile(
    r"^[【［\[＜<（(](?P<body>[^】］\]＞>）)]{0,60}(?:方|人|者)[^】］\]＞>）)]{0,20})[】］\]＞>）)]"
)
_EVERYONE_RE = re.compile(r"すべての|全ての|全員|みなさま|皆様|皆さま")
_QUOTED_RE = re.compile(r"「([^」]*)」")
_CODE_START = rf"[{_DIGIT}]{{1,2}}[．.、)）]"
_CODES_LINE_RE = re.compile(rf"^{_SP}*{_CODE_START}")
# (only from a run's first blank: a split retried at every blank of a long run is quadratic)
_CODE_SPLIT_RE = re.compile(rf"(?<![ \t\u3000]){_SP}++(?={_CODE_START})")
_CODE_RE = re.compile(rf"^(?P<code>[{_DIGIT}]{{1,2}})[．.、)）]{_SP}*(?P<label>.*)$")
# "→問6へ", "（→問9へお進みください）": a skip after an answer
_SKIP_RE = re.compile(rf"[（(]?\s*(?:→|⇒|➡)\s*{_REF}\s*(?:へ|に)[^）)]{{0,30}}[）)]?{_SP}*$")
_END_RE = re.compile(rf"[（(]?\s*(?:→|⇒|➡)\s*(?:調査)?(?:終了|おわり)[^）)]{{0,30}}[）)]?{_SP}*$")
# "その他（具体的に：　　）", "その他（　　）": an answer with a bracket to write in
_WRITE_IN_RE = re.compile(rf"[（(](?:具体的に|内容|　)?[：:]?{_SP}*[）)]{_SP}*$")
_BLANK_BRACKET_RE = re.compile(rf"[（(]{_SP}{{2,}}[）)]")
_COUNTER_RE = re.compile(
    r"[（(]\s*[）)]\s*(?:歳|才|円|分|時間|人|回|年|か月|ヶ月|カ月|日|件|台|km|ｋｍ|％|%)"
)
_MARKER_RE = re.compile(r"[（(【［\[]([^（()）【】［］\[\]]{1,24})[）)】］\]]$")
_NOTE_RE = re.compile(rf"^{_SP}*※")
_RULE_RE = re.compile(r"^[\s━─═＝=－\-―_＿・…]+$")
_BOX_RE = re.compile(r"^[\s┌┐└┘│─━┃┏┓┗┛├┤┬┴┼]+$")
_PAGE_RE = re.compile(rf"^{_SP}*[－\-‐―ー−]{_SP}*[{_DIGIT}]{{1,3}}{_SP}*[－\-‐―ー−]{_SP}*$")
_CONTINUED_RE = re.compile(r"^[（(]?(?:裏面|次(?:の)?(?:ページ|頁))(?:に|へ)?(?:続|つづ)")
_SECTION_RE = re.compile(rf"^{_SP}*[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{_SP}*[．.、]?{_SP}*(?P<title>\S.*)$")
_THANKS_RE = re.compile(r"ありがとうございま|質問は(?:以上|これで)|以上で(?:す|終わり)")
# "ア．運行本数を増やす　１ － ２ － ３": a grid's row, its letter, its words and its codes
_ROW_RE = re.compile(rf"^{_SP}*(?P<letter>[ア-ンａ-ｚa-z])[．.、)）]{_SP}*(?P<rest>.*)$")
_CODE_TOKEN_RE = re.compile(rf"[{_DIGIT}]{{1,2}}|[－\-―ー−‐・]")
_HEAD_SPLIT_RE = re.compile(rf"{_SP}{{2,}}|\u3000+")
_NONE_RE = re.compile(
    r"^(?:特に(?:ない|なし)|とくに(?:ない|なし)|わからない|分からない|該当(?:なし|しない)|"
    r"あてはまるものはない|いずれもない|どれもない|ひとつもない|無回答)$"
)


@dataclass
class _Form:
    """What the rewrite knows while it walks the form."""

    multi: bool = False
    answered: bool = False


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_KANJI_DIGITS)


def _qid(number: str, sub: str | None) -> str:
    return f"Q{int(_ascii(number))}" + (f"_{int(_ascii(sub))}" if sub else "")


def is_japanese_form(document: Document) -> bool:
    """True for a document whose questions are numbered `問1`, `問2` … in Japanese."""
    numbered = [b for b in document.blocks if b.kind == "paragraph" and _QUESTION_RE.match(b.text)]
    kana = any(re.search(r"[\u3040-\u30ff]", b.text) for b in numbered)
    return kana and sum(1 for b in numbered if "問" in b.text[:4]) >= 2


def _marker_words(marker: str) -> list[str]:
    """The scripting words of a type marker (`○はひとつ` → SINGLE CODE), or none."""
    words = _ascii(marker)
    most = re.search(r"(\d)\s*(?:つ|個|項目)\s*(?:まで|以内)", words)
    if most:
        return ["MULTI CODE", f"MAXIMUM {most[1]} ANSWERS"]
    if "それぞれ" in words or "各" in words[:2]:
        return ["MULTI CODE PER ROW" if "いくつでも" in words else "SINGLE CODE PER ROW"]
    if re.search(r"ひとつ|1つ|ーつ", words) and "○" in words:
        return ["SINGLE CODE"]
    if re.search(r"いくつでも|すべて|全て|複数", words):
        return ["MULTI CODE"]
    if re.search(r"数字|数値|金額", words) and "記入" in words:
        return ["NUMERIC"]
    if re.search(r"自由(?:記述|回答|記入)", words):
        return ["OPEN - LARGE TEXT BOX"]
    return []


def _strip_markers(text: str) -> tuple[str, list[str]]:
    """The question's words without its trailing type markers, and the markers' words."""
    words: list[str] = []
    while True:
        match = _MARKER_RE.search(text.rstrip())
        found = _marker_words(match[1]) if match else []
        if not match or not found:
            return text.rstrip(), words
        words[:0] = found
        text = text.rstrip()[: match.start()]


def filter_words(body: str) -> str | None:
    """`問6で「４」または「５」と答えた方に` → `ASK IF Q6 = 4 OR 5`; None when not a filter."""
    if _EVERYONE_RE.search(body):
        return "ASK ALL"
    ref = _REF_RE.search(body)
    quoted = _QUOTED_RE.findall(body)
    codes = [_ascii(m[1]) for q in quoted if (m := re.match(rf"\s*([{_DIGIT}]{{1,2}})", q))]
    if ref is None or not codes:
        return None
    if re.search(r"「[^」]*」\s*[～〜~]\s*「", body) and len(codes) == 2:
        codes = [str(c) for c in range(int(codes[0]), int(codes[1]) + 1)]
    qid = _qid(ref[1], ref[2])
    test = "NOT =" if "以外" in body else "="
    return f"ASK IF {qid} {test} {' OR '.join(str(int(c)) for c in codes)}"


def _answer(text: str, form: _Form) -> str:
    """One coded answer in the plain form: `1. label [GO TO Q6]`."""
    match = _CODE_RE.match(text.strip())
    if match is None:
        return text
    label, tags = match["label"].strip(), ""
    skip = _SKIP_RE.search(label)
    if skip:
        tags += f" [GO TO {_qid(skip[1], skip[2])}]"
        label = label[: skip.start()]
    elif _END_RE.search(label):
        tags += " [TERMINATE]"
        label = _END_RE.sub("", label)
    if _WRITE_IN_RE.search(label):
        label = _WRITE_IN_RE.sub("", label)
        tags += " [SPECIFY]"
    if form.multi and _NONE_RE.match(label.strip()):
        tags += " [EXCLUSIVE]"
    return f"{int(_ascii(match['code']))}. {label.strip()}{tags}"


def _trailing_codes(text: str) -> tuple[str, list[str]]:
    """A row's words and the codes printed after them (`… １ － ２ － ３`), by blank-separated
    words from the end; no codes when fewer than three end the line."""
    words = re.split(rf"{_SP}+", text.strip(" \t\u3000"))
    codes: list[str] = []
    while words and all(_CODE_TOKEN_RE.fullmatch(t) for t in _CODE_TOKEN_RE.findall(words[-1])):
        tail = words.pop()
        if "".join(_CODE_TOKEN_RE.findall(tail)) != tail:
            words.append(tail)
            break
        codes[:0] = re.findall(r"\d{1,2}", _ascii(tail))
    if len(codes) < 3:
        return text.strip(" \t\u3000"), []
    return "\u3000".join(words), codes


def _grid(blocks: list[Block], index: int) -> tuple[list[str], int] | None:
    """A header line of column words over rows ending in their codes: the scale's legend and the
    rows as plain lines, and how many blocks they took."""
    heads = [h for h in _HEAD_SPLIT_RE.split(blocks[index].text.strip()) if h]
    if len(heads) < 2 or any(re.search(rf"[{_DIGIT}]", h) for h in heads):
        return None
    rows: list[str] = []
    codes: list[str] = []
    at = index + 1
    while at < len(blocks):
        match = _ROW_RE.match(blocks[at].text)
        if match is None:
            break
        label, found = _trailing_codes(match["rest"])
        taken = 1
        if not found and at + 1 < len(blocks):
            wrapped, found = _trailing_codes(blocks[at + 1].text)
            taken = 2  # the codes wrapped under a long row
            if wrapped:
                break
        if not found:
            break
        codes = found
        rows.append(f"{chr(ord('a') + len(rows))}. {label}")
        at += taken
    if not rows or len(codes) != len(heads):
        return None
    legend = ", ".join(f"{int(c)} = {h}" for c, h in zip(codes, heads, strict=True))
    return [legend, *rows], at - index


def _furniture(text: str) -> bool:
    stripped = text.strip(" \t\u3000")
    return bool(_RULE_RE.match(stripped) or _PAGE_RE.match(text) or _CONTINUED_RE.match(stripped))


def japanese_document(document: Document) -> Document:
    """The document with a Japanese form's paragraphs rewritten in the plain scripting words
    (unchanged when it is not one)."""
    if not is_japanese_form(document):
        return document
    blocks = [b for b in document.blocks if b.kind != "paragraph" or not _furniture(b.text)]
    first = next(i for i, b in enumerate(blocks) if _QUESTION_RE.match(b.text))
    if first and _FILTER_RE.match(blocks[first - 1].text.strip(" \t\u3000")):
        first -= 1
    out: list[Block] = []
    form = _Form()
    index = first
    while index < len(blocks):
        block = blocks[index]
        if block.kind != "paragraph":
            out.append(block)
            index += 1
            continue
        taken, texts = _rewrite(blocks, index, form)
        if texts is None:  # the closing thanks: the rest is about sending the form back
            break
        out.extend(replace(block, text=t, runs=()) for t in texts)
        index += taken
    return replace(document, blocks=[*document.blocks[:0], *out])


def _rewrite(blocks: list[Block], index: int, form: _Form) -> tuple[int, list[str] | None]:
    """How many blocks from `index` make one thing, and its plain lines (None at the end)."""
    text = blocks[index].text
    stripped = text.strip(" \t\u3000")
    question = _QUESTION_RE.match(text)
    if question:
        return _question(blocks, index, question, form)
    filtered = _FILTER_RE.match(stripped)
    if filtered and filter_words(filtered["body"]):
        return 1, [f"[{filter_words(filtered['body'])}]"]
    if _CODES_LINE_RE.match(text):
        form.answered = True
        return 1, [_answer(part, form) for part in _CODE_SPLIT_RE.split(stripped) if part]
    if _BOX_RE.match(stripped):
        return 1, []
    if _BLANK_BRACKET_RE.search(text) or _COUNTER_RE.search(text):
        unit = _COUNTER_RE.search(re.sub(rf"{_SP}", "", text))
        return 1, ["[NUMERIC]"] if unit else []
    if _NOTE_RE.match(text):
        return 1, [f"[{stripped}]"]
    section = _SECTION_RE.match(text)
    if section:
        return 1, [f"SECTION: {section['title']}"]
    if _THANKS_RE.search(stripped):
        return 1, None
    grid = _grid(blocks, index)
    if grid is not None:
        form.answered = True
        return grid[1], grid[0]
    return 1, [stripped]


def _question(
    blocks: list[Block], index: int, match: re.Match[str], form: _Form
) -> tuple[int, list[str]]:
    """A `問N` line (and the next one when the number carries only a filter) as `QN. …`."""
    rest, taken, out = match["rest"].strip(" \t\u3000"), 1, []
    filtered = _FILTER_RE.match(rest)
    if filtered and filter_words(filtered["body"]):
        out.append(f"[{filter_words(filtered['body'])}]")
        rest = rest[filtered.end() :].strip(" \t\u3000")
    if not rest and index + 1 < len(blocks):
        rest, taken = blocks[index + 1].text.strip(" \t\u3000"), 2
    words, markers = _strip_markers(rest)
    form.multi = any(m.startswith("MULTI") for m in markers)
    form.answered = False
    box = _answer_box_follows(blocks, index + taken)
    if box and not markers:
        markers.append("OPEN - LARGE TEXT BOX")
    tags = "".join(f" [{m}]" for m in markers)
    out.append(f"{_qid(match['n'], match['sub'])}. {words}{tags}")
    return taken, out


def _answer_box_follows(blocks: list[Block], index: int) -> bool:
    """True when a drawn box (`┌──┐`) is the next thing after the question."""
    return index < len(blocks) and bool(_BOX_RE.match(blocks[index].text.strip(" \t\u3000")))
