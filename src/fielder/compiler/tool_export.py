"""A survey platform's export to Word or text, read by the platform's own fixed phrases.

Such an export marks its blocks (`Start of Block: Screener` / `End of Block: …`), its pages
(`Page Break`) and its logic (`Display This Question:` over `If Q4 Brand Is Selected` /
`Or Q7 = 1` lines, `Carry Forward Selected Choices - Displayed from "…"`), and starts each
question with its export tag (`* age_screen What is your age?`, `Q4_aware Which…`, `thanks
That's the end…`). The tags are the questions' ids; the phrases are rewritten into the plain
notes the parser reads (`ASK IF …`, `SHOW ONLY THOSE SELECTED AT …`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from fielder.compiler.classify import Label, find_label
from fielder.compiler.export_sentences import (
    condition_sentence,
    display_sentence,
    skip_sentence,
    validation_sentence,
)
from fielder.compiler.lines import Line

_BLOCK_RE = re.compile(r"^(?:Start|End)\s+of\s+Block\s*:", re.I)
_FURNITURE_RE = re.compile(
    r"^(?:(?:Start|End)\s+of\s+Block\s*:|Page\s+Break\s*$|Survey\s+Flow\s*:|Block\s+Flow\s*:)", re.I
)
_DISPLAY_RE = re.compile(r"^Display\s+This\s+(?:Question|Choice)\s*:?\s*(?P<rest>.*)$", re.I)
_UNLESS_RE = re.compile(r"^(?:UNLESS|EXCEPT\s+(?:IF|WHEN))\s*:?\s*(?P<cond>\S.*)$", re.I)
# ("Or If Q9 … Is Selected": the tool repeats the If after the joining word)
_JOINED_RE = re.compile(r"^(?P<op>If|Or|And)(?:\s+If)?\s+(?P<cond>\S.*)$", re.I)
# "* age_screen What…", "Q4_aware Which…", "thanks That's…": a tag (lower-case, or with an
# underscore or digits) and the words; a `*` before it marks a forced answer.
_TAG_RE = re.compile(r"^(?:\*\s*)?(?P<tag>[A-Za-z][A-Za-z0-9_]{2,})\s+(?P<rest>[A-Z¿¡\"'‘“(].*)$")
_CARRY_RE = re.compile(
    r"^Carry\s+Forward\s+(?P<which>Selected|Unselected|All|Displayed)\b.*?from\s+[\"“'‘]?"
    r"(?P<text>[^\"”’]+?)[\"”’]?\s*$",
    re.I,
)
# "Skip To: End of Survey If …", also as the glossary has read it ("TERMINATE IF …")
_SKIP_RE = re.compile(
    r"^(?:Skip\s+To\s*:?\s*(?P<to>.+?)|(?P<end>TERMINATE)|SKIP\s+TO\s+(?P<to2>\S+))\s+If\s+"
    r"(?P<cond>\S.*)$",
    re.I,
)
_MENU_RE = re.compile(r"^[▼▾⌄]\s*(?P<items>\S.*(?:\.{3}|…).*)$")
_END_POINT_RE = re.compile(r"^(?P<words>[^\W\d][^()]*?)\s*\((?P<code>\d{1,2})\)$")
# "▼ Canada (2)": one answer of a drop-down printed a line each, the arrow before each
_MENU_ITEM_RE = re.compile(r"^[▼▾⌄]\s*(?P<item>[^.…]+)$")
_RANK_BOX_RE = re.compile(r"^_{3,}\s*(?P<item>[^\W_].*)$")
_REQUEST_RE = re.compile(r"\b(?:please|enter|tell|describe|write|type|select|choose|rate)\b", re.I)
# "Q4_aware ⊗None of these Is Not Selected" (the tool's words) or its glossary reading
_SELECTED_RE = re.compile(
    r"^(?P<tag>\w+)\s+(?:=\s*)?(?P<label>.+?)\s+Is\s+(?P<neg>Not\s+)?Selected\s*$", re.I
)
# "Q5 Is Not Equal to Click & collect": the tool's words for a test on a single choice
_EQUAL_RE = re.compile(
    r"^(?P<tag>\w+)\s+Is\s+(?P<neg>Not\s+)?Equal\s+to\s+(?P<label>\S.*?)\s*$", re.I
)
# "S5 = Never Is Selected And S4 = … Is Selected": terms joined on one line, each opening with
# a tag and its test
# ("Q7 Ashen Crown Is Selected Or Q7 Ashen Crown: Remastered Is Selected": the answer's words
# straight after the tag)
_INLINE_JOIN_RE = re.compile(
    r"\s+(?P<op>And|Or)\s+(?=\w+\s+(?:=|Is\s)|[A-Z]{1,4}\d{1,3}\w*\s+\S.*?\s+Is\s+(?:Not\s+)?Selected\b)"
)
# "Which brand is your current e-bike? = Voltaro": the question named by its words
_TEXT_NAMED_RE = re.compile(r"^(?P<text>[^=]+?\?)\s*(?P<rest>(?:=|Is\s).*)$")
# The survey flow's branches: "Branch: …" over "If  S4 = … Is Selected" over the block it leads to
_BRANCH_RE = re.compile(r"^Branch\s*:", re.I)
_FLOW_BLOCK_RE = re.compile(
    r"^(?:Standard|Block)\s*:\s*(?P<name>.+?)\s*(?:\(\d+\s+Questions?\))?\s*$", re.I
)
_START_BLOCK_RE = re.compile(r"^Start\s+of\s+Block\s*:\s*(?P<name>.+?)\s*$", re.I)

_READ_RE = re.compile(r"^(?P<tag>\w+)\s+(?P<neg>NOT\s+)?=\s*(?:=\s*)?(?P<label>.+?)\s*$")


def is_tool_export(lines: list[Line]) -> bool:
    """True when the lines carry a platform export's block markers and logic phrases."""
    blocks = sum(1 for line in lines if _BLOCK_RE.match(_words(line)))
    # (a preview that leaves the block markers out still prints the logic in the tool's words:
    # "Display This Question:" over its "If …" lines, "Skip To: Q11 If …")
    phrases = sum(
        1
        for line in lines
        if _DISPLAY_RE.match(_words(line)) or re.match(r"Skip\s+To\s*:", _words(line), re.I)
    )
    return blocks >= 2 or phrases >= 3


def export_lines(lines: list[Line]) -> list[Line]:
    """The lines of a platform export with tags as labels and its phrases as plain notes."""
    if not is_tool_export(lines):
        return lines
    lines = _skip_heads_joined(lines)
    texts: dict[str, str] = {}
    out: list[Line] = []
    index = 0
    current: str | None = None
    branches = _flow_branches(lines)
    block_filter: str | None = None
    named = _logic_subjects(lines)
    after_display = False  # the last note was a display condition: a question head follows
    while index < len(lines):
        line = lines[index]
        words = _words(line)
        index += 1
        current = _tag_of(line) or current
        written = _written_logic(lines, index, words, current)
        if written is not None:
            note, index = written
            out.append(_note(line, note))
            continue
        started = _START_BLOCK_RE.match(words)
        if started:
            block_filter = branches.get(_plain(started["name"]))
        if _FURNITURE_RE.match(words):
            out.append(Line(text="", raw="", kind="page_break", start=line.start, end=line.end))
            continue
        display = _DISPLAY_RE.match(words)
        if display:
            unless = _UNLESS_RE.match(display["rest"])
            if unless:
                # "Display this question unless: W1 = “Never”.": shown to all but those
                said = _condition([unless["cond"]], texts).strip(" .")
                out.append(_note(line, f"ASK IF NOT ({said})"))
                continue
            conditions = [display["rest"]] if display["rest"] else []
            while index < len(lines) and _JOINED_RE.match(_words(lines[index])):
                conditions.append(_words(lines[index]))
                index += 1
            out.append(_note(line, "ASK IF " + _condition(conditions, texts)))
            after_display = True
            continue
        if after_display and words and not _FURNITURE_RE.match(words):
            after_display = False
            line = _renamed_head(line, named) or line
        carry = _CARRY_RE.match(words)
        if carry:
            source = _source(texts, carry["text"])
            if source:
                out.append(_note(line, f"SHOW ONLY THOSE SELECTED AT {source}"))
            else:
                out.append(line)
            continue
        skip = _SKIP_RE.match(words)
        if skip:
            target = skip["to"] or skip["to2"] or "End of Survey"
            if re.fullmatch(r"End\s+of\s+Block", target.strip(), re.I):
                target = _next_block_start(lines, index) or target
            out.append(_note(line, _skip_note(target, skip["cond"], texts)))
            continue
        tagged = _tagged(line)
        if tagged is not None:
            texts[tagged.label or ""] = tagged.text
            if block_filter:
                out.append(_note(line, "ASK IF " + block_filter))
            out.append(tagged)
            continue
        own = _labelled(line)
        if own is not None:
            texts[own.id] = own.rest
            if block_filter:
                out.append(_note(line, "ASK IF " + block_filter))
        item = _menu_item(lines, index - 1)
        if item is not None:
            if not (index >= 2 and _menu_item(lines, index - 2)):
                out.append(_note(line, "DROP-DOWN"))  # (said once, over the first answer)
            out.append(replace(line, text=f"• {item}", spaced=f"• {item}"))
            continue
        out.extend(_answers(line))
    return _screens(out)


_SUBJECT_RE = re.compile(r"^(?:If|Or|And)\s+(?P<tag>[A-Za-z][A-Za-z0-9_]{1,20})\s+\S", re.I)
_RENAMED_RE = re.compile(r"^(?P<tag>[A-Za-z][A-Za-z0-9_]{1,20})\s+(?P<rest>[A-Z¿¡\"'‘“(].*)$")


def _logic_subjects(lines: list[Line]) -> set[str]:
    """The first words of the display conditions' `If X …` lines: the tags logic names."""
    return {m["tag"] for line in lines if (m := _SUBJECT_RE.match(_words(line)))}


def _renamed_head(line: Line, named: set[str]) -> Line | None:
    """`NPS On a scale from 0 to 10, …` under a display condition: a question renamed in the
    tool (its tag a plain word) is a head where the display conditions name that tag."""
    if line.label or line.is_option or _tagged(line) is not None or _labelled(line) is not None:
        return None
    match = _RENAMED_RE.match(line.text.strip())
    if match is None or match["tag"] not in named:
        return None
    return replace(line, label=match["tag"], text=match["rest"], spaced=match["rest"])


def _tag_of(line: Line) -> str | None:
    if line.label:
        return line.label
    tagged = _tagged(line)
    if tagged is not None:
        return tagged.label
    own = _labelled(line)
    return own.id if own is not None else None


def _labelled(line: Line) -> Label | None:
    """The label the parser will read at the line's start ("S1 Do you…", "INTRO Welcome…")."""
    if line.is_option or line.kind not in ("paragraph", "heading", "list_item"):
        return None
    label = find_label(line)
    return label if label is not None and label.style in ("prefixed", "display") else None


def _written_logic(
    lines: list[Line], index: int, words: str, current: str | None
) -> tuple[str, int] | None:
    """Logic written out as sentences (`export_sentences`): the plain note, and the index of
    the line after the sentence (a display condition may sit on the lines under its head)."""
    shown = display_sentence(words)
    if shown:
        return f"ASK IF {condition_sentence(shown, current) or shown}", index
    if shown is not None and index < len(lines):
        # "Display this question if:" with its condition on the line under it
        below = condition_sentence(_words(lines[index]), current)
        return (f"ASK IF {below}", index + 1) if below else None
    skip = skip_sentence(words, current, _next_block_start(lines, index))
    if skip is not None:
        return skip, index
    rule = validation_sentence(words)
    return (rule, index) if rule is not None else None


def _next_block_start(lines: list[Line], index: int) -> str | None:
    """The first question of the block after the one the line at `index` is in."""
    starts = (
        i for i in range(index, len(lines)) if re.match(r"^Start\s+of\s+Block", _words(lines[i]))
    )
    begin = next(starts, None)
    if begin is None:
        return None
    return next((t for t in map(_tag_of, lines[begin + 1 :]) if t), None)


def _flow_branches(lines: list[Line]) -> dict[str, str]:
    """The survey flow's branches: each block a branch leads to, with the branch's condition.
    The flow is printed without its indentation, so a branch holds the one block after it."""
    branches: dict[str, str] = {}
    index = 0
    while index < len(lines):
        if not _BRANCH_RE.match(_words(lines[index])):
            index += 1
            continue
        index += 1
        conditions: list[str] = []
        while index < len(lines) and re.match(r"(?:If|Or|And)\b", _words(lines[index]), re.I):
            conditions.append(_words(lines[index]))  # a bare "If" heads the branch's conditions
            index += 1
        block = _FLOW_BLOCK_RE.match(_words(lines[index])) if index < len(lines) else None
        if block and conditions:
            branches[_plain(block["name"])] = _condition(conditions)
    return branches


def _skip_note(target: str, condition: str, texts: dict[str, str] | None = None) -> str:
    """`Skip To: End of Survey If Q1 = Under 18` as `TERMINATE IF Q1 = 'Under 18'`."""
    cond = _condition([condition], texts)
    if re.fullmatch(r"End\s+of\s+(?:Survey|Block)", target.strip(), re.I):
        return f"TERMINATE IF {cond}" if "survey" in target.lower() else f"SKIP TO END IF {cond}"
    return f"IF {cond} SKIP TO {target.strip()}"


def _menu_item(lines: list[Line], index: int) -> str | None:
    """The answer of a drop-down printed one answer a line, the arrow before each (two or
    more such lines in a row: "▼ Drop-down list" alone over plain answers is the widget)."""
    item = _MENU_ITEM_RE.match(_words(lines[index]))
    if item is None:
        return None
    around = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return item["item"] if any(_MENU_ITEM_RE.match(_words(a)) for a in around) else None


def _answers(line: Line) -> list[Line]:
    """The export's own answer layouts as plain answer lines: a drop-down written across a
    line (`▼ A ... B ... C`), rank boxes before items (`______ Price`), an NPS table."""
    text = line.text.strip()
    menu = _MENU_RE.match(text)
    if menu:
        items = [i.strip() for i in re.split(r"\s*(?:\.{3}|…)\s*", menu["items"]) if i.strip()]
        note = replace(line, text="", spaced="", instructions=["DROP-DOWN"])
        return [note, *(replace(line, text=f"• {i}", spaced=f"• {i}") for i in items)]
    slider = _end_worded_points(line.spaced or line.text)
    if slider:
        return [replace(line, text=p, spaced=p) for p in slider]
    rank = _RANK_BOX_RE.match(text)
    if rank:
        return [replace(line, text=f"• {rank['item']}", spaced=f"• {rank['item']}")]
    if line.kind == "table":
        points = _point_table(line.rows)
        if points:
            return [replace(line, kind="paragraph", rows=(), text=points, spaced=points)]
    return [line]


def _end_worded_points(spaced: str) -> list[str] | None:
    """`Not at all (1)<TAB>2<TAB>3<TAB>Very (4)`: a slider's points across a line, words with
    their code at the ends, as one answer a line (`1 Not at all`, `2`, `3`, `4 Very`)."""
    cells = [c.strip() for c in spaced.split("\t")]
    if len(cells) < 3:
        return None
    first, last = (_END_POINT_RE.match(c) for c in (cells[0], cells[-1]))
    if first is None or last is None:
        return None
    codes = [first["code"], *cells[1:-1], last["code"]]
    if not all(c.isdigit() for c in codes) or [int(c) for c in codes] != list(
        range(int(codes[0]), int(codes[0]) + len(codes))
    ):
        return None
    return [f"{first['code']} {first['words']}", *cells[1:-1], f"{last['code']} {last['words']}"]


def _point_table(rows: tuple[tuple[str, ...], ...]) -> str | None:
    """A table of end words over a row of points counting by one (over a row of radio marks)
    as the one line `Not at all likely  0  1 … 10  Extremely likely`."""
    cells = [[c.strip() for c in row] for row in rows]
    numbers = [r for r in cells if all(re.fullmatch(r"-?\d{1,2}", c) for c in r) and len(r) >= 3]
    if len(numbers) != 1 or len(cells) > 3:
        return None
    points = [int(c) for c in numbers[0]]
    if points != list(range(points[0], points[0] + len(points))):
        return None
    others = [r for r in cells if r is not numbers[0]]
    words = [r for r in others if any(re.search(r"[^\W\d_]", c) for c in r)]
    marks = [r for r in others if r not in words]
    if len(words) != 1 or any(any(re.search(r"\w", c) for c in r) for r in marks):
        return None
    ends = [c for c in words[0] if c]
    if len(ends) != 2 or words[0][0] != ends[0] or words[0][-1] != ends[1]:
        return None
    return f"{ends[0]}  {'  '.join(numbers[0])}  {ends[1]}"


def _screens(lines: list[Line]) -> list[Line]:
    """A tagged paragraph that neither asks nor is answered (the next line is a block marker,
    another tag or the end) is the export's descriptive text: an information screen."""
    out = list(lines)
    for index, line in enumerate(out):
        if not line.label or "?" in line.text or _REQUEST_RE.search(line.text):
            continue
        after = next((n for n in out[index + 1 :] if n.text or n.kind != "paragraph"), None)
        if after is None or after.kind == "page_break" or after.label:
            out[index] = replace(line, instructions=[*line.instructions, "TEXT SCREEN"])
    return out


def _skip_heads_joined(lines: list[Line]) -> list[Line]:
    """ "Skip To:" alone, its rule on the next line ("I17 If I13 = No", where the target's id
    reads as a question's label): one rule line, as the tool prints it on one line elsewhere."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following is not None and re.fullmatch(r"Skip\s+To\s*:", _words(line), re.I):
            rule = (following.raw or _words(following)).strip()
            if re.match(r"^\S+(?:\s+\S+){0,3}\s+If\s+\S", rule, re.I):
                joined = f"Skip To: {rule}"
                out.append(replace(following, text=joined, spaced=joined, raw=joined, label=None))
                index += 2
                continue
        out.append(line)
        index += 1
    return out


def _words(line: Line) -> str:
    """The line's words whether read as respondent text or as a (coloured) note."""
    return (line.text or " ".join(line.instructions) or line.raw).strip()


def _note(line: Line, note: str) -> Line:
    return replace(line, text="", spaced="", instructions=[note])


def _tagged(line: Line) -> Line | None:
    if line.label or line.kind not in ("paragraph", "heading", "list_item"):
        return None
    match = _TAG_RE.match(line.text.strip())
    if not match:
        return None
    tag = match["tag"]
    if not (tag[0].islower() or "_" in tag or re.search(r"[A-Za-z]\d|\d[A-Za-z]", tag)):
        return None  # "Page Break", "Taste of …": capitalised words start sentences, not tags
    rest = match["rest"]
    return replace(line, label=tag, text=rest, spaced=rest)


def _condition(parts: list[str], texts: dict[str, str] | None = None) -> str:
    """`If Q4 Brand Is Selected` / `Or Q7 = 1` lines as one condition (a flow's bare `If`
    head line left out, terms joined on one line taken apart)."""
    split: list[str] = []
    for part in parts:
        if re.fullmatch(r"If", part.strip(), re.I):
            continue
        pieces = _INLINE_JOIN_RE.split(part.strip())
        split.append(pieces[0])
        split.extend(f"{op} {cond}" for op, cond in zip(pieces[1::2], pieces[2::2], strict=True))
    read: list[str] = []
    for number, part in enumerate(split):
        joined = _JOINED_RE.match(part)
        op, cond = (joined["op"].upper(), joined["cond"]) if joined else ("IF", part)
        cond = _tag_for_text(cond.replace("⊗", "").strip(), texts or {})
        grouped = _nps_group(cond)
        selected = _SELECTED_RE.match(cond) or _READ_RE.match(cond) or _EQUAL_RE.match(cond)
        if grouped != cond:
            cond = grouped
        elif selected:
            neg = " NOT" if selected["neg"] else ""
            cond = f"{selected['tag']}{neg} = {_quoted(selected['label'])}"
        read.append(cond if number == 0 else f"{'AND' if op == 'AND' else 'OR'} {cond}")
    return " ".join(read)


def _tag_for_text(cond: str, texts: dict[str, str]) -> str:
    """`Which brand is your current e-bike? = Voltaro` with the question's tag for its words."""
    named = _TEXT_NAMED_RE.match(cond)
    if named is None:
        return _tag_for_whole_text(cond, texts)
    wanted = _plain(named["text"])
    tag = next((t for t, text in texts.items() if _plain(text).startswith(wanted)), None)
    return f"{tag} {named['rest']}" if tag else cond


# "NPS NPS Group Is Detractor": the tool's own grouping of a 0-10 recommend score
_NPS_GROUP_RE = re.compile(
    r"^(?P<tag>\w+)\s+NPS\s+Group\s+Is\s+(?P<neg>Not\s+)?(?P<group>Detractor|Passive|Promoter)s?\s*$",
    re.I,
)
_NPS_POINTS = {"detractor": "0-6", "passive": "7-8", "promoter": "9-10"}


def _nps_group(cond: str) -> str:
    """An NPS group test as the points of the group (detractors 0-6, passives 7-8, promoters
    9-10, as the tool scores them)."""
    group = _NPS_GROUP_RE.match(cond)
    if group is None:
        return cond
    neg = " NOT" if group["neg"] else ""
    return f"{group['tag']}{neg} = {_NPS_POINTS[group['group'].lower()]}"


def _tag_for_whole_text(cond: str, texts: dict[str, str]) -> str:
    """`Which of these …? Select all that apply. Pet insurance Is Selected`: the tool names
    the question by all its printed words (its instruction too), then the answer; the longest
    question whose words open the condition gives its tag."""
    words = list(re.finditer(r"\w+", cond))
    best: tuple[int, str] | None = None
    for tag, text in texts.items():
        wanted = re.findall(r"\w+", text.lower())
        if len(wanted) < 4 or len(wanted) >= len(words):
            continue
        if [w.group().lower() for w in words[: len(wanted)]] == wanted:
            if best is None or len(wanted) > best[0]:
                best = (len(wanted), tag)
    if best is None:
        return cond
    rest = cond[words[best[0] - 1].end() :].lstrip(" ?.!:")
    return f"{best[1]} {rest}"


def _quoted(label: str) -> str:
    label = label.strip()
    coded = re.fullmatch(r"(-?\d{1,3})\s*\([^()]+\)", label)
    if coded:
        return coded[1]  # "EV13 = 3 (No parking)": the code, its answer's words beside it
    if re.fullmatch(r"-?\d+(?:\.\d+)?", label) or re.search(r"['‘’\"“”]", label):
        return label  # a number, or words that cannot be quoted whole
    return f"'{label}'"


def _source(texts: dict[str, str], quoted: str) -> str | None:
    """The tag of the earlier question whose words the carry-forward line quotes."""
    wanted = _plain(quoted)
    for tag, text in reversed(texts.items()):
        if _plain(text) == wanted or _plain(text).startswith(wanted):
            return tag
    return None


def _plain(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
