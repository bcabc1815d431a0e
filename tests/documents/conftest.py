"""Shared helpers for the document-reading tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from fielder.documents.model import Document

SAMPLES = Path("/work/shared/samples")
REAL = SAMPLES / "real"


def assert_offsets(document: Document) -> None:
    """Every block's and cell's offsets slice Document.text exactly."""
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text
        for row in block.rows:
            for cell in row:
                assert document.text[cell.start : cell.end] == cell.text


def sample(name: str) -> Path:
    """A file of the shared samples, or skip the test when it is absent."""
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"sample {name} is not available")
    return path
