"""Phone IVR / SMS survey scripts → Survey IR.

An IVR script is a list of prompts: a header `[P4B]  CALLS NEEDED  (voice recording)` and the
spoken words in `PLAY: "…"` (also `SAY:`, `TTS:`, `PROMPT:`, `SMS:`). The answers are spoken
inside the sentence (`Press 1 for yes, press 2 for no.`, `2 for afternoon`, `press 3 if you're
already paperless`), and routing sits on key lines under it (`KEY 3 -> GO TO P4B`, `KEY 2 ->
PLAY P_GOODBYE and END CALL`, `IF 0-6 PLAY PROMPT P5A ELSE PLAY P5B`). Prompts only played
before hanging up (goodbye, error) are endings, not entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fielder.compiler.classify import clean_id
from fielder.compiler.lines import collapse
from fielder.documents.model import Document
from fielder.ir.models import Block, Option, Question, SkipRule, Survey, Validation

_HEADER_RE = re.compile(r"^\[(?P<id>[A-Za-z][A-Za-z0-9_.-]{0,20})\]\s*(?P<rest>.*)$")
_SPOKEN_RE = re.compile(
    r"^(?:PLAY|SAY|TTS|PROMPT|AUDIO|SMS)\s*:\s*[\"“](?P<words>.*?)[\"”]?\s*$", re.I
)
# the key words in English, Spanish, French, German and Dutch ("marque 1 para sí", "appuyez
# sur 1 pour oui", "drücken Sie die 1 für ja", "toets 1 voor ja")
_KEY_VERB = (
    r"(?:press|push|dial|key(?:\s+in)?|enter|reply(?:\s+with)?|text|say|marque|pulse|presione|"
    r"oprima|appuyez(?:\s+sur)?|tapez|tippen\s+sie(?:\s+die)?|drücken\s+sie(?:\s+die)?|"
    r"wählen\s+sie(?:\s+die)?|toets|druk(?:\s+op)?)"
)
_FOR = r"(?:for|to|if|para|si|pour|für|wenn|voor|als)"
_OR = r"(?:or|o|ou|oder|of)"
# "Press 1 for yes", "2 for afternoon", "press 2 to move house", "press 3 if you're …"
_CHOICE_RE = re.compile(
    rf"(?:\b{_KEY_VERB}\s+)?\b(?P<code>\d{{1,2}})\s+(?P<how>{_FOR})\s+(?P<label>.+?)"
    rf"(?=\s*(?:,\s*|\s){_OR}?\s*(?:{_KEY_VERB}\s+)?(?:die\s+)?\d{{1,2}}\s+{_FOR}\b|[.;!]|\s*$)",
    re.I,
)
_KEY_SENTENCE_RE = re.compile(
    rf"\b{_KEY_VERB}\b\s+(?:\d|a\s+number|the\s+number|hash|pound|star|any\s+key|#|\*)", re.I
)
_FROM_TO_RE = re.compile(r"\bfrom\s+(\d{1,2})\s+to\s+(\d{1,2})\b", re.I)
_END_WORDS_RE = re.compile(
    r"\b(\d{1,2})\s+(?:is|means|=)\s+(?P<low>[^,.;]+?)\s*,?\s+and\s+(\d{1,2})\s+(?:is|means|=)\s+"
    r"(?P<high>[^,.;]+)",
    re.I,
)
_KEYLINE_RE = re.compile(
    r"^KEYS?\s+(?P<keys>[\d\s,\-–]+(?:\s*(?:or|and)\s*\d+)*)\s*(?:->|→|=>|:)\s*(?P<what>.+)$",
    re.I,
)
_GOTO_RE = re.compile(r"\b(?:GO\s*TO|SKIP\s+TO|JUMP\s+TO)\s+(?:PROMPT\s+)?([A-Za-z][\w.-]*)", re.I)
_PLAY_END_RE = re.compile(
    r"\bPLAY\s+(?:PROMPT\s+)?([A-Za-z][\w.-]*)\b.*\b(?:END|HANG\s*UP|DISCONNECT)", re.I
)
_BRANCH_RE = re.compile(
    r"^IF\s+(?P<low>\d{1,2})\s*(?:-|–|to)\s*(?P<high>\d{1,2})\s+PLAY\s+(?:PROMPT\s+)?(?P<then>[\w.-]+)"
    r"(?:\s+ELSE\s+PLAY\s+(?:PROMPT\s+)?(?P<other>[\w.-]+))?",
    re.I,
)
_ACCEPT_RE = re.compile(r"\b(?:ACCEPT|VALID|RANGE|ALLOW)\s+(\d+)\s*(?:-|–|to)\s*(\d+)", re.I)
_NUMBER_ASK_RE = re.compile(
    r"\b(?:key|type|enter|punch)\s+in\b|\benter\s+(?:the|a|your)\s+(?:number|amount)", re.I
)
_RECORD_RE = re.compile(r"\b(?:voice\s+)?record(?:ing)?\b|\bafter\s+the\s+(?:tone|beep)\b", re.I)
_NO_INPUT_RE = re.compile(r"\bno\s+input\b|\bno\s+response\b|\binfo(?:rmation)?\s+only\b", re.I)


@dataclass
class _Prompt:
    id: str
    header: str
    spoken: str = ""
    lines: list[str] = field(default_factory=list)


def _prompts(document: Document) -> list[_Prompt]:
    prompts: list[_Prompt] = []
    for block in document.blocks:
        text = block.text.strip()
        header = _HEADER_RE.match(text)
        if header:
            prompts.append(_Prompt(clean_id(header["id"]), header["rest"]))
            continue
        if not prompts:
            continue
        spoken = _SPOKEN_RE.match(text)
        if spoken and not prompts[-1].spoken:
            prompts[-1].spoken = collapse(spoken["words"])
        elif text:
            prompts[-1].lines.append(text)
    return [p for p in prompts if p.spoken]


def is_ivr_script(document: Document) -> bool:
    """True when the document is a list of `[ID]` prompts each with its spoken `PLAY: "…"`,
    some of which ask for a key press."""
    prompts = _prompts(document)
    keyed = any(_KEY_SENTENCE_RE.search(p.spoken) for p in prompts)
    return len(prompts) >= 3 and keyed


def _sentences(words: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", words) if s]


# "For English, press 1", "If you agree, press 2": the answer before its key
_REVERSED_RE = re.compile(
    rf"\b(?:for|if|to)\s+(?P<label>[^,.;]+?),?\s+(?:please\s+)?{_KEY_VERB}\s+(?P<code>\d{{1,2}})\b",
    re.I,
)


def _options(key_sentences: list[str]) -> list[Option]:
    options: list[Option] = []
    for sentence in key_sentences:
        if _REVERSED_RE.search(sentence) and not _CHOICE_RE.search(sentence.split(",")[0]):
            for match in _REVERSED_RE.finditer(sentence):
                if match["code"] not in {o.code for o in options}:
                    options.append(Option(code=match["code"], label=collapse(match["label"])))
            continue
        for match in _CHOICE_RE.finditer(sentence):
            # "from 1 to 5" is a range, "press 1 0 for ten" spells out a two-digit entry
            if re.search(r"(?:\d\s+|\bfrom\s+|\bbetween\s+)$", sentence[: match.start("code")]):
                continue
            label = re.sub(rf"^(?:{_OR}|and)\s+", "", collapse(match["label"]), flags=re.I)
            if match["code"] not in {o.code for o in options} and label:
                options.append(Option(code=match["code"], label=label))
    return options


def _scale(words: str, key_sentences: list[str]) -> list[Option] | None:
    """A `from 0 to 10` range with its end words (`0 means … and 10 means …`)."""
    span = next((m for s in key_sentences + [words] if (m := _FROM_TO_RE.search(s))), None)
    ends = next((m for s in [words, *key_sentences] if (m := _END_WORDS_RE.search(s))), None)
    if span is None:
        return None
    low, high = int(span[1]), int(span[2])
    if not 2 <= high - low <= 20:
        return None
    named = {int(ends[1]): ends["low"].strip(), int(ends[3]): ends["high"].strip()} if ends else {}
    return [Option(code=str(n), label=named.get(n, str(n))) for n in range(low, high + 1)]


def _question(prompt: _Prompt) -> Question:
    sentences = _sentences(prompt.spoken)
    keyed = [s for s in sentences if _KEY_SENTENCE_RE.search(s) or _CHOICE_RE.match(s)]
    text = " ".join(s for s in sentences if s not in keyed)
    question = Question(id=prompt.id, type="display", text=text)
    notes = " ".join([prompt.header, *prompt.lines])
    options = _options(keyed)
    accept = _ACCEPT_RE.search(notes)
    if _RECORD_RE.search(prompt.header) or (not options and _RECORD_RE.search(prompt.spoken)):
        question.type = "long_text"
    elif options:
        question.type, question.options = "single", options
    elif (points := _scale(text, keyed)) is not None:
        question.type, question.options = "scale", points
    elif accept or any(_NUMBER_ASK_RE.search(s) for s in keyed):
        question.type = "number"
        if accept:
            question.validation = Validation(min=float(accept[1]), max=float(accept[2]))
    elif keyed or (text.endswith("?") and not _NO_INPUT_RE.search(prompt.header)):
        question.type = "long_text"
    return question


def _keys(raw: str) -> list[str]:
    codes: list[str] = []
    for piece in re.split(r"\s*(?:,|\bor\b|\band\b)\s*", raw.strip(), flags=re.I):
        span = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", piece)
        if span:
            codes.extend(str(n) for n in range(int(span[1]), int(span[2]) + 1))
        elif piece.isdigit():
            codes.append(piece)
    return codes


def _test(qid: str, codes: list[str]) -> str:
    if len(codes) == 1:
        return f"{qid} == '{codes[0]}'"
    return f"{qid} in [{','.join(repr(c) for c in codes)}]"


def _route(question: Question, prompt: _Prompt, order: list[str], closing: set[str]) -> None:
    """Key lines: a jump past the next prompt is a skip; a goodbye and hang-up terminates."""
    for line in prompt.lines:
        match = _KEYLINE_RE.match(line)
        if match is None:
            continue
        codes = [c for c in _keys(match["keys"]) if c in {o.code for o in question.options}]
        if not codes:
            continue
        goto = _GOTO_RE.search(match["what"])
        ending = _PLAY_END_RE.search(match["what"])
        if ending or re.search(r"\b(?:END\s+CALL|HANG\s*UP|TERMINATE)\b", match["what"], re.I):
            if ending:
                closing.add(clean_id(ending[1]))
            question.terminate_if = _test(question.id, codes)
        elif goto:
            target = clean_id(goto[1])
            here = order.index(question.id)
            if target in order and order.index(target) > here + 1:
                question.skip_to.append(
                    SkipRule.model_validate({"if": _test(question.id, codes), "to": target})
                )


def _branches(questions: dict[str, Question], prompt: _Prompt) -> None:
    """`IF 0-6 PLAY P5A ELSE PLAY P5B`: each follow-up shown on its part of the answers."""
    source = questions[prompt.id]
    codes = [o.code for o in source.options]
    for line in prompt.lines:
        match = _BRANCH_RE.match(line)
        if match is None or not codes:
            continue
        low, high = int(match["low"]), int(match["high"])
        inside = [c for c in codes if c.isdigit() and low <= int(c) <= high]
        rest = [c for c in codes if c not in inside]
        for target, chosen in ((match["then"], inside), (match["other"], rest)):
            question = questions.get(clean_id(target)) if target else None
            if question is not None and chosen:
                question.display_if = _test(source.id, chosen)


def read_ivr_script(document: Document) -> Survey:
    """The survey an IVR script plays: one entry per prompt, goodbye/error prompts left out."""
    prompts = _prompts(document)
    order = [p.id for p in prompts]
    questions = {p.id: _question(p) for p in prompts}
    closing: set[str] = set()
    for line in (b.text for b in document.blocks):
        ending = _PLAY_END_RE.search(line)
        if ending:
            closing.add(clean_id(ending[1]))
    for prompt in prompts:
        _route(questions[prompt.id], prompt, order, closing)
        _branches(questions, prompt)
    kept = [questions[p.id] for p in prompts if p.id not in closing]
    return Survey(
        title=document.name, blocks=[Block(id="block1", items=list(kept))] if kept else []
    )
