"""Every shared sample questionnaire reads without error into sensible blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielder.documents import SUPPORTED_EXTENSIONS, read_path
from tests.documents.conftest import REAL, SAMPLES, assert_offsets


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in SUPPORTED_EXTENSIONS and path.name != "README.md"
    )


ALL = _files(SAMPLES) + _files(REAL)


@pytest.mark.skipif(not ALL, reason="the shared samples are not available")
@pytest.mark.parametrize("path", ALL, ids=lambda path: path.name)
def test_sample_reads(path: Path) -> None:
    doc = read_path(path)
    assert_offsets(doc)
    assert doc.blocks
    assert doc.blocks[0].kind != "page_break"
    assert doc.blocks[-1].kind != "page_break"
    words = sum(len(block.text.split()) for block in doc.blocks)
    assert words > 50
    for block in doc.blocks:
        if block.kind == "table":
            assert block.rows
        elif block.kind != "page_break":
            assert block.text == block.text.strip()
            assert block.text or block.numbering


FIXTURES = Path(__file__).parent.parent / "fixtures" / "questionnaires"


@pytest.mark.parametrize("path", _files(FIXTURES), ids=lambda path: path.name)
def test_fixture_questionnaire_reads(path: Path) -> None:
    doc = read_path(path)
    assert_offsets(doc)
    # A spreadsheet (or a form laid out in one table) is few blocks: count table rows too.
    assert sum(max(1, len(b.rows)) for b in doc.blocks) > 8
