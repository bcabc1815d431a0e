"""Helpers for compiler tests: questionnaires written inline, read through the real readers."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from fielder.compiler import compile_document
from fielder.documents import read_document
from fielder.documents.model import Document
from fielder.ir.models import Question, Survey


def read_text(text: str, name: str = "q.txt") -> Document:
    """A questionnaire written inline (dedented) as a Document."""
    return read_document(textwrap.dedent(text).strip().encode("utf-8"), name)


def compile_text(text: str, name: str = "q.txt") -> Survey:
    """Compile an inline questionnaire."""
    return compile_document(read_text(text, name)).survey


def by_id(survey: Survey) -> dict[str, Question]:
    """The survey's questions by id."""
    return {q.id: q for q in survey.questions()}


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write an inline questionnaire to a file and give its path."""

    def _write(text: str, name: str = "q.txt") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
        return path

    return _write
