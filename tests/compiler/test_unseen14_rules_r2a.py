"""Conventions of a hand-marked next-wave draft and of CATI interviewer notes (unseen14, r2a),
in their own invented words."""

from __future__ import annotations

from docx import Document as make_docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor

from fielder.compiler import compile_document
from fielder.compiler.instructions import interpret, sentences
from fielder.documents import read_document
from tests.compiler.conftest import by_id
from tests.documents.docx_build import docx_bytes

_BLUE = RGBColor(0x1F, 0x4E, 0xC8)
_ORANGE = RGBColor(0xE0, 0x70, 0x10)


def _marked_draft() -> bytes:
    doc = make_docx()
    key = doc.add_paragraph()
    run = key.add_run("Blue text")
    run.font.color.rgb = _BLUE
    key.add_run(" = added for wave 3")
    key2 = doc.add_paragraph()
    run = key2.add_run("Green highlight")
    run.font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    key2.add_run(": changed wording")
    doc.add_paragraph("T1. How many kites do you own?")
    note = doc.add_paragraph()
    note.add_run("[NUMBER 0-9]").font.color.rgb = _ORANGE
    added = doc.add_paragraph()
    added.add_run("[ADDED W3] ").font.color.rgb = _ORANGE
    added.add_run("T1b. Which colour is your favourite ").font.color.rgb = _BLUE
    run = added.add_run("kite")
    run.font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    gone = added.add_run(" string")
    gone.font.strike = True
    added.add_run("?").font.color.rgb = _BLUE
    for code, label in (("1", "Red"), ("2", "Yellow")):
        doc.add_paragraph(f"{label}\t{code}")
    struck = doc.add_paragraph(f"Purple\t{3}")
    struck.runs[0].font.strike = True
    return docx_bytes(doc)


def test_struck_through_runs_are_dropped_by_the_docx_reader() -> None:
    document = read_document(_marked_draft(), "kites.docx")
    texts = [block.text for block in document.blocks]
    assert "Purple\t3" not in texts
    assert not any("string" in text for text in texts)
    assert any("struck-through" in note for note in document.notes)


def test_a_key_to_changes_makes_its_marked_wording_plain() -> None:
    questions = by_id(compile_document(read_document(_marked_draft(), "kites.docx")).survey)
    assert "T1b" in questions
    assert questions["T1b"].text == "Which colour is your favourite kite?"
    assert [o.code for o in questions["T1b"].options] == ["1", "2"]


def test_a_condition_and_its_termination_after_a_dash_stay_one_instruction() -> None:
    note = "INTERVIEWER: IF 40 OR MORE – THANK AND CLOSE (CITY SAMPLE ONLY)."
    assert len(sentences(note)) == 1
    directives = [d for part in sentences(note) for d in interpret(part)]
    assert [(d.kind, d.value) for d in directives] == [("terminate_if", "40 OR MORE")]
    # two separate instructions set apart by a dash stay two
    assert len(sentences("NUMERIC – ALLOW 1-40")) == 2


def test_an_addressed_filter_naming_codes_in_brackets_is_read() -> None:
    text = (
        "P4. Which sports do you play?\n[MULTI CODE]\n1 Tennis\n2 Golf\n3 Chess\n4 None\n"
        "\n[INTERVIEWER: ASK IF ANY SPORT CODED AT P4 (CODES 1-2).]\n\n"
        "P5. How often do you play?\n1 Weekly\n2 Monthly\n"
    )
    questions = by_id(compile_document(read_document(text.encode(), "sports.txt")).survey)
    assert questions["P5"].display_if == "P4 contains '1' or P4 contains '2'"
