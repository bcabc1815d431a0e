"""Fixtures of the files tests."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path("/work/shared/samples")

QUESTIONNAIRE = b"""Coffee habits

Q1. Do you drink coffee?
1. Yes
2. No

Q2. How many cups a day?
1. One
2. Two or more
"""


@pytest.fixture
def questionnaire() -> bytes:
    """A small plain-text questionnaire."""
    return QUESTIONNAIRE


@pytest.fixture
def sample_docx() -> bytes:
    """The brand-tracker .docx of the shared samples (skips when absent)."""
    path = SAMPLES / "brand-tracker.docx"
    if not path.exists():
        pytest.skip("shared sample brand-tracker.docx is absent")
    return path.read_bytes()
