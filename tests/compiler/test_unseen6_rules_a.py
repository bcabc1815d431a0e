"""General conventions met in the document files of a sixth blind batch (an RTF rater form,
a clinic intake page of HTML tables, a folded comment card and a federal paper form in PDF),
one small case each, in their own words."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.documents import read_document
from tests.compiler.conftest import by_id


def _rtf(*parts: str) -> bytes:
    body = "\n".join(parts)
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "\n}\n").encode("ascii")


def _rtf_paragraph(text: str, bold: bool = False) -> str:
    weight = "\\b" if bold else ""
    return f"\\pard {{{weight}\\fs20 {text}}}\\par"


def _rtf_row(*cells: str) -> str:
    edges = "".join(f"\\cellx{1500 * (n + 1)}" for n in range(len(cells)))
    return f"\\trowd{edges}" + "".join(f"\\pard\\intbl {c}\\cell " for c in cells) + "\\row"


def test_rtf_bold_survives_a_table_and_a_spelled_out_code_column() -> None:
    data = _rtf(
        _rtf_row("Volunteer", "Sam Ortiz"),
        _rtf_row("Site", "Riverside depot"),
        _rtf_row("Shift", "Saturday"),
        "\\pard\\par",
        _rtf_paragraph("Your shifts", bold=True),
        _rtf_paragraph("How often was each of these true on your shift?", bold=True),
        _rtf_row("Item", "1 - Never", "2 - Sometimes", "3 - Always", "N/A (not applicable)"),
        _rtf_row("The tools were ready", "\\u9744?", "\\u9744?", "\\u9744?", "\\u9744?"),
        _rtf_row("The briefing was clear", "\\u9744?", "\\u9744?", "\\u9744?", "\\u9744?"),
        "\\pard\\par",
        _rtf_paragraph("Anything else about your shifts?", bold=True),
    )
    document = read_document(data, "shifts.rtf")
    heading = next(b for b in document.blocks if b.text == "Your shifts")
    assert heading.runs[0].bold  # the formatting is still found after the table's cells
    questions = compile_document(document).survey.questions()
    grid = questions[0]
    assert grid.text == "How often was each of these true on your shift?"
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Never"),
        ("2", "Sometimes"),
        ("3", "Always"),
        ("N/A", "not applicable"),
    ]
    assert questions[1].text == "Anything else about your shifts?"
