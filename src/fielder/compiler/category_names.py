"""Conditions in mrScript (IBM Dimensions) that name answers by their category names, not their
codes: `**Filter:** S1.ContainsAny({gp, endo})`, `**Terminate:** S4 = {lt50}`, `Not
Q10.ContainsAny({defn})`, `Q1.ContainsAny({drugx}) Or S1 = {endo}`, and a script line `If Q7 = 0
Then GoTo Q9`.

The codes are printed only in each question's `Code | Name | Label` table, so the names are read
as the codes that table pairs them with, and the test is written as the formal expression the
condition readers know (`S1 IN (1,2)`, `S4 = 1`, `NOT Q10 IN (5)`) under the plain key ("ASK IF
…", "TERMINATE IF …", "IF … GO TO …"). A name no table gives leaves the line
as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.documents.model import Block, Document

_ID = r"[A-Za-z]{1,4}\d{1,3}[a-z]?"
_HEAD_RE = re.compile(rf"^(?P<id>{_ID})\s*(?:[—–-]|:|\.)\s*\S")
_KEYED_RE = re.compile(
    r"^\s*(?P<key>filter|terminate|ask\s+if|condition)\s*:\s*(?P<expr>.+?)\s*$", re.I
)
_CALL_RE = re.compile(
    rf"(?P<q>{_ID})\.Contains(?P<fn>Any|All|None)\(\s*\{{(?P<names>[^{{}}]*)\}}\s*\)", re.I
)
_EQUAL_RE = re.compile(rf"(?P<q>{_ID})\s*(?P<op>=|<>)\s*\{{(?P<names>[^{{}}]*)\}}")
_PLAIN_RE = re.compile(
    rf"^(?:not\s+)?\(?\s*{_ID}\s*(?:<=|>=|<>|=|<|>)\s*-?\d+(?:\.\d+)?\s*\)?$", re.I
)
_GOTO_RE = re.compile(
    rf"^\s*if\s+(?P<test>.+?)\s+then\s+go\s*to\s+(?P<to>{_ID})\s*(?:end\s+if)?\s*$", re.I
)
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,30}$")


def _tables(document: Document) -> dict[str, dict[str, str]]:
    """Each question's category names and their codes, from the name tables under its head."""
    names: dict[str, dict[str, str]] = {}
    current: str | None = None
    for block in document.blocks:
        head = _HEAD_RE.match(block.text.strip()) if block.kind == "heading" else None
        if head:
            current = head["id"]
        elif block.kind == "table" and current and block.rows:
            header = [" ".join(c.text.split()).lower() for c in block.rows[0]]
            if "code" in header and "name" in header:
                code_at, name_at = header.index("code"), header.index("name")
                for row in block.rows[1:]:
                    cells = [" ".join(c.text.split()) for c in row]
                    if max(code_at, name_at) < len(cells) and re.fullmatch(
                        r"-?\d{1,4}", cells[code_at]
                    ):
                        if _NAME_RE.match(cells[name_at]):
                            names.setdefault(current, {})[cells[name_at]] = cells[code_at]
    return names


def _codes(question: str, names: str, tables: dict[str, dict[str, str]]) -> list[str] | None:
    table = tables.get(question, {})
    codes = [table.get(name.strip()) for name in names.split(",") if name.strip()]
    if not codes or any(code is None for code in codes):
        return None
    return [code for code in codes if code is not None]


def formal_names(expr: str, tables: dict[str, dict[str, str]]) -> str | None:
    """The expression with category names as codes, in the formal readers' words; None when a
    name is not in its question's table or nothing in it is mrScript."""
    unread = False

    def call(match: re.Match[str]) -> str:
        nonlocal unread
        codes = _codes(match["q"], match["names"], tables)
        if codes is None:
            unread = True
            return match[0]
        fn = match["fn"].lower()
        if fn == "all":
            return "(" + " AND ".join(f"{match['q']} HAS {c}" for c in codes) + ")"
        listed = f"{match['q']} IN ({','.join(codes)})"
        return f"NOT {listed}" if fn == "none" else listed

    def equal(match: re.Match[str]) -> str:
        nonlocal unread
        codes = _codes(match["q"], match["names"], tables)
        if codes is None:
            unread = True
            return match[0]
        listed = (
            f"{match['q']} IN ({','.join(codes)})"
            if len(codes) > 1
            else f"{match['q']} = {codes[0]}"
        )
        return f"NOT {listed}" if match["op"] == "<>" else listed

    text = expr.strip().strip("`").strip()
    if not (_CALL_RE.search(text) or _EQUAL_RE.search(text) or _PLAIN_RE.match(text)):
        return None
    text = _EQUAL_RE.sub(equal, _CALL_RE.sub(call, text))
    if unread:
        return None
    return re.sub(r"\b(not|and|or)\b", lambda m: m[1].upper(), text, flags=re.I)


def _note(text: str, tables: dict[str, dict[str, str]]) -> str | None:
    keyed = _KEYED_RE.match(text)
    if keyed:
        formal = formal_names(keyed["expr"], tables)
        if formal is None:
            return None
        verb = "TERMINATE IF" if keyed["key"].lower() == "terminate" else "ASK IF"
        return f"{verb} {formal}"
    jump = _GOTO_RE.match(text)
    if jump:
        formal = formal_names(jump["test"], tables)
        return f"IF {formal} GO TO {jump['to']}" if formal else None
    return None


def category_name_document(document: Document) -> Document:
    """The document with mrScript tests by category names written as plain routing notes."""
    tables = _tables(document)
    if not tables:
        return document
    blocks: list[Block] = []
    changed = False
    for block in document.blocks:
        text = (
            " ".join(block.text.replace("`", " ").split())
            if block.kind in ("paragraph", "code")
            else ""
        )
        note = _note(text, tables) if text else None
        if note is None:
            blocks.append(block)
            continue
        changed = True
        plain = replace(block, kind="paragraph", text=note, runs=())
        blocks.append(plain)
    return replace(document, blocks=blocks) if changed else document
