"""The same routing note read the same whatever its formatting.

Each invented mini-questionnaire is written in several formats (plain text, Markdown italic,
blockquote and bold, a Word italic run, a Word coloured run, an OpenDocument italic span, HTML
``<em>``) and must give the same display_if / skip_to / terminate_if in every one.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable

import pytest
from docx import Document as make_docx
from docx.shared import RGBColor
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import P, Span

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.documents.docx_build import docx_bytes

# A questionnaire is a list of blocks: ("q", label, words), ("a", code, label), ("n", note).
Block = tuple[str, ...]


def _md_question(label: str, words: str) -> str:
    return f"**{label}.** {words}"


def _plain(blocks: list[Block]) -> bytes:
    lines = []
    for block in blocks:
        if block[0] == "q":
            lines.append(f"{block[1]}. {block[2]}")
        elif block[0] == "a":
            lines.append(f"({block[1]}) {block[2]}")
        else:
            lines.append(block[1])
    return "\n".join(lines).encode()


def _markdown(mark: Callable[[str], str]) -> Callable[[list[Block]], bytes]:
    def render(blocks: list[Block]) -> bytes:
        parts = []
        for block in blocks:
            if block[0] == "q":
                parts.append(_md_question(block[1], block[2]))
            elif block[0] == "a":
                parts.append(f"- ({block[1]}) {block[2]}")
            else:
                parts.append(mark(block[1]))
        out: list[str] = []
        for i, part in enumerate(parts):
            # answers form one list; everything else is a paragraph of its own
            if out and not (part.startswith("- ") and parts[i - 1].startswith("- ")):
                out.append("")
            out.append(part)
        return "\n".join(out).encode()

    return render


def _docx(style: str) -> Callable[[list[Block]], bytes]:
    def render(blocks: list[Block]) -> bytes:
        doc = make_docx()
        for block in blocks:
            para = doc.add_paragraph()
            if block[0] == "q":
                para.add_run(f"{block[1]}.").bold = True
                para.add_run(f" {block[2]}")
            elif block[0] == "a":
                para.add_run(f"({block[1]}) {block[2]}")
            else:
                run = para.add_run(block[1])
                if style == "italic":
                    run.italic = True
                else:
                    run.font.color.rgb = RGBColor(0x1F, 0x4E, 0xC8)
        return docx_bytes(doc)

    return render


def _odt(blocks: list[Block]) -> bytes:
    doc = OpenDocumentText()
    italic = Style(name="Note", family="text")
    italic.addElement(TextProperties(fontstyle="italic"))
    doc.automaticstyles.addElement(italic)
    for block in blocks:
        if block[0] == "q":
            doc.text.addElement(P(text=f"{block[1]}. {block[2]}"))
        elif block[0] == "a":
            doc.text.addElement(P(text=f"({block[1]}) {block[2]}"))
        else:
            para = P()
            para.addElement(Span(stylename=italic, text=block[1]))
            doc.text.addElement(para)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _html(blocks: list[Block]) -> bytes:
    parts = ["<html><body>"]
    for block in blocks:
        if block[0] == "q":
            parts.append(f"<p><b>{block[1]}.</b> {html.escape(block[2])}</p>")
        elif block[0] == "a":
            parts.append(f"<p>({block[1]}) {html.escape(block[2])}</p>")
        else:
            parts.append(f"<p><em>{html.escape(block[1])}</em></p>")
    parts.append("</body></html>")
    return "\n".join(parts).encode()


FORMATS: dict[str, tuple[str, Callable[[list[Block]], bytes]]] = {
    "txt": ("q.txt", _plain),
    "md-italic": ("q.md", _markdown(lambda t: f"*{t}*")),
    "md-quote": ("q.md", _markdown(lambda t: f"> {t}")),
    "md-bold": ("q.md", _markdown(lambda t: f"**{t}**")),
    "docx-italic": ("q.docx", _docx("italic")),
    "docx-colour": ("q.docx", _docx("colour")),
    "odt-italic": ("q.odt", _odt),
    "html-em": ("q.html", _html),
}


def _logic(blocks: list[Block], fmt: str) -> dict[str, dict[str, object]]:
    name, render = FORMATS[fmt]
    survey = compile_document(read_document(render(blocks), name)).survey
    out: dict[str, dict[str, object]] = {}
    for q in survey.questions():
        d = q.model_dump(mode="json", exclude_defaults=True)
        out[q.id] = {k: d[k] for k in ("display_if", "skip_to", "terminate_if") if k in d}
    return out


_YES_NO = [("a", "1", "Yes"), ("a", "2", "No")]

# a forward filter in the respondent's words, on its own line before the question it filters
FORWARD_IF_YOU: list[Block] = [
    ("q", "K1", "Do you keep bees at home?"),
    *_YES_NO,
    ("n", "If you keep bees (K1 is Yes):"),
    ("q", "K2", "How many hives do you have?"),
    ("a", "1", "One"),
    ("a", "2", "Two or more"),
    ("q", "K3", "Do you sell honey?"),
    *_YES_NO,
]

# "Ask X only of …" naming the question it filters
ASK_ONLY_OF: list[Block] = [
    ("q", "K1", "Have you ever been stung?"),
    *_YES_NO,
    ("q", "K2", "Did you need medical help?"),
    *_YES_NO,
    ("n", "Ask K3 only of those who answered Yes at K2."),
    ("q", "K3", "Did you go to a hospital?"),
    *_YES_NO,
    ("q", "K4", "Do you wear a veil?"),
    *_YES_NO,
]

# a screen-out under the answers, in the author's words
IF_NO_END: list[Block] = [
    ("q", "K1", "Are you a member of the beekeepers' club?"),
    *_YES_NO,
    ("n", "If No: thank them and close the survey."),
    ("q", "K2", "How long have you been a member?"),
    ("a", "1", "Under a year"),
    ("a", "2", "A year or more"),
]

# a jump under the answers
IF_NO_GO: list[Block] = [
    ("q", "K1", "Did you buy new frames this year?"),
    *_YES_NO,
    ("n", "If No, go to K3."),
    ("q", "K2", "Where did you buy them?"),
    ("a", "1", "Online"),
    ("a", "2", "A shop"),
    ("q", "K3", "Would you recommend beekeeping?"),
    *_YES_NO,
]

# a note that is not routing: must not become logic anywhere
HELP_NOTE: list[Block] = [
    ("q", "K1", "Did you attend the spring show?"),
    *_YES_NO,
    ("n", "Please think only about this year's show."),
    ("q", "K2", "Did you enter any honey?"),
    *_YES_NO,
]

# a filter told as when to pass this question by, set under its words before its answers
LEAVE_BLANK: list[Block] = [
    ("q", "K1", "Do you enter the honey show?"),
    ("a", "1", "Yes"),
    ("a", "2", "Sometimes"),
    ("a", "3", "No"),
    ("q", "K2", "Which classes do you enter?"),
    ("n", "If you answered No at K1, leave this one blank."),
    ("a", "1", "Clear honey"),
    ("a", "2", "Set honey"),
]

# the same words that tell the respondent what to write, not when to pass the question by
LEAVE_BLANK_NOT: list[Block] = [
    ("q", "K1", "Do you enter the honey show?"),
    *_YES_NO,
    ("q", "K2", "Which classes do you enter?"),
    ("n", "If you answered No at K1, tell us why in the box below."),
    ("a", "1", "Clear honey"),
    ("a", "2", "Set honey"),
]

# a closing page shown is an end only when the words say the survey ends
SHOW_PAGE_NOT_END: list[Block] = [
    ("q", "K1", "Would you like a copy of the results?"),
    *_YES_NO,
    ("n", "Please think about the whole season."),
    ("q", "K2", "How did you hear about us?"),
    ("a", "1", "A friend"),
    ("a", "2", "A poster"),
]

# whom the question is for, told under its words before its answers
ASK_THIS_ONE: list[Block] = [
    ("q", "K1", "Do you sell your honey?"),
    *_YES_NO,
    ("q", "K2", "Why not?"),
    ("n", "Ask this one to people who answered No at K1."),
    ("a", "1", "Too little honey"),
    ("a", "2", "No time"),
]
ONLY_THOSE: list[Block] = [
    ("q", "K1", "Do you sell your honey?"),
    *_YES_NO,
    ("q", "K2", "Where do you sell it?"),
    ("n", "ONLY THOSE ANSWERING 'YES' AT K1"),
    ("a", "1", "At the gate"),
    ("a", "2", "At markets"),
]
# whom, with no question or answer named: no filter to write
ONLY_THOSE_NOT: list[Block] = [
    ("q", "K1", "Do you sell your honey?"),
    *_YES_NO,
    ("q", "K2", "Where do you sell it?"),
    ("n", "Only those selling at markets need a licence."),
    ("a", "1", "At the gate"),
    ("a", "2", "At markets"),
]

CASES: dict[str, tuple[list[Block], dict[str, dict[str, object]]]] = {
    "forward-if-you": (FORWARD_IF_YOU, {"K2": {"display_if": "K1 == '1'"}}),
    "ask-only-of": (ASK_ONLY_OF, {"K3": {"display_if": "K2 == '1'"}}),
    "if-no-end": (IF_NO_END, {"K1": {"terminate_if": "K1 == '2'"}}),
    "if-no-go": (IF_NO_GO, {"K1": {"skip_to": [{"if_": "K1 == '2'", "to": "K3"}]}}),
    "help-note": (HELP_NOTE, {}),
    "leave-blank": (LEAVE_BLANK, {"K2": {"display_if": "not (K1 == '3')"}}),
    "leave-blank-not": (LEAVE_BLANK_NOT, {}),
    "show-page-not-end": (SHOW_PAGE_NOT_END, {}),
    "ask-this-one": (ASK_THIS_ONE, {"K2": {"display_if": "K1 == '2'"}}),
    "only-those": (ONLY_THOSE, {"K2": {"display_if": "K1 == '1'"}}),
    "only-those-not": (ONLY_THOSE_NOT, {}),
}


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("case", list(CASES))
def test_a_routing_note_reads_the_same_in_every_format(case: str, fmt: str) -> None:
    blocks, expected = CASES[case]
    logic = _logic(blocks, fmt)
    got = {qid: rules for qid, rules in logic.items() if rules}
    assert got == expected


# Under an open question's words (no answers yet), a note set apart by its formatting naming an
# earlier question by its bare number is that question's own filter; one naming the question
# itself waits for the next one. (Typed plain or in bold, the questions' own style, a filter on
# its own line is the next question's, as the compiler's conventions say.)
OWN_UNDER_WORDS: list[Block] = [
    ("q", "1", "Do you use the shared shed?"),
    *_YES_NO,
    ("q", "2", "What would make the shed better?"),
    ("n", "Only if you answered Yes at 1."),
    ("q", "3", "Any other comments?"),
]
NEXT_UNDER_WORDS: list[Block] = [
    ("q", "1", "How many hives do you keep?"),
    ("q", "2", "Do you use the shared shed?"),
    *_YES_NO,
    ("q", "3", "Any other comments?"),
]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("txt", "md-bold")])
def test_a_set_apart_filter_under_an_open_question_naming_an_earlier_one_is_its_own(
    fmt: str,
) -> None:
    logic = _logic(OWN_UNDER_WORDS, fmt)
    assert logic["Q2"] == {"display_if": "Q1 == '1'"}
    assert logic["Q3"] == {}


def test_a_note_naming_the_question_it_stands_under_is_not_read_as_its_own() -> None:
    blocks = [
        *NEXT_UNDER_WORDS[:1],
        ("n", "Only if you keep more than 0 at 1."),
        *NEXT_UNDER_WORDS[1:],
    ]
    logic = _logic(blocks, "md-italic")
    assert "display_if" not in logic["Q1"]


def _types(text: str) -> dict[str, str]:
    survey = compile_document(read_document(text.encode(), "q.md")).survey
    return {q.id: q.type for q in survey.questions()}


def test_a_lone_bullet_naming_the_answer_format_is_the_answer_box() -> None:
    types = _types(
        "**K1.** How many swarms did you catch?\n\n- Whole number, 0 to 20\n\n"
        "**K2.** Where can we send the newsletter?\n\n- Email: ____________\n\n"
        "**K3.** Do you sell wax?\n\n- (1) Yes\n- (2) No\n"
    )
    assert types == {"K1": "number", "K2": "email", "K3": "single"}


def test_bullets_side_by_side_stay_answers() -> None:
    types = _types("**K1.** How should we reach you?\n\n- Email\n- Telephone\n- Post\n")
    assert types["K1"] != "email"


@pytest.mark.parametrize("arrow", ["→", "➜", "➔", "➡"])
def test_a_jump_after_a_boxed_code_reads_the_same_with_any_arrow(arrow: str) -> None:
    text = (
        "K1 Do you keep bees?\nYes ☐1\n"
        f"No ☐2 {arrow} Go to K3\n"
        "K2 How many hives?\nOne ☐1\nMore ☐2\nK3 Any comments?\nYes ☐1\nNo ☐2\n"
    )
    survey = compile_document(read_document(text.encode(), "q.txt")).survey
    questions = {q.id: q for q in survey.questions()}
    assert [o.label for o in questions["K1"].options] == ["Yes", "No"]
    assert questions["K1"].skip_to[0].to == "K3"


def test_a_star_between_words_is_no_arrow() -> None:
    text = "K1 Do you keep bees?\nYes ☐1\nNo ☐2 ★ top keeper\nK2 Any comments?\nYes ☐1\nNo ☐2\n"
    survey = compile_document(read_document(text.encode(), "q.txt")).survey
    assert not {q.id: q for q in survey.questions()}["K1"].skip_to
