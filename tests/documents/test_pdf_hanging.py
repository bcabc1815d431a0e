"""A printed form's numbered question whose text wraps under its own start (hanging indent)."""

from __future__ import annotations

from fielder.documents import read_document
from tests.documents.pdf_build import make_pdf, text_ops

_LONG = "When you last visited the allotment, how often did you find that somebody had left open"


def _form() -> bytes:
    return make_pdf(
        [
            text_ops(72, 770, "3")
            + text_ops(100, 770, _LONG)
            + text_ops(100, 756, "the garden gate?")
            + text_ops(100, 736, "1")
            + text_ops(120, 736, "Often")
            + text_ops(100, 722, "2")
            + text_ops(120, 722, "Rarely")
        ]
    )


def test_wrapped_line_joins_the_numbered_question_it_hangs_from() -> None:
    texts = [b.text for b in read_document(_form(), "form.pdf").blocks]
    assert texts[0] == f"3\t{_LONG} the garden gate?"
    assert texts[1:3] == ["1\tOften", "2\tRarely"]
