"""A Markdown `<details>` toggle whose summary says whom its questions are for filters them."""

from __future__ import annotations

from pathlib import Path

from fielder.compiler.compile import compile_document
from fielder.documents import read_path

FORM = """### Q1 · Which pet do you keep?

- ( ) A tortoise
- ( ) A parrot

<details>
<summary>🐢 Shell care — only for owners who picked "A tortoise" in Q1</summary>

### Q2 · How often do you bathe it?

- ( ) Weekly
- ( ) Monthly

### Q3 · Does it hibernate?

- ( ) Yes
- ( ) No

</details>

### Q4 · How long have you kept pets?

- ( ) Under a year
- ( ) Longer

<details>
<summary>Changelog</summary>

- v2: Q3 added

</details>
"""


def test_a_toggles_filter_is_every_inner_questions(tmp_path: Path) -> None:
    path = tmp_path / "pets.md"
    path.write_text(FORM, encoding="utf-8")
    questions = {q.id: q for q in compile_document(read_path(path)).survey.questions()}
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q3"].display_if == "Q1 == '1'"
    assert questions["Q4"].display_if is None
    assert "only for" not in questions["Q2"].text


def test_the_summary_title_stays_a_heading_without_its_filter(tmp_path: Path) -> None:
    path = tmp_path / "pets.md"
    path.write_text(FORM, encoding="utf-8")
    headings = [b.text for b in read_path(path).blocks if b.kind == "heading"]
    assert "🐢 Shell care" in headings
    assert "Changelog" in headings
