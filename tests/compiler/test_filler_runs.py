"""Long runs of one filler character are cut before the compiler's patterns read the line."""

from __future__ import annotations

from fielder.compiler.compile import compile_document
from fielder.compiler.filler_runs import MAX_RUN, short_filler_document
from fielder.documents import read_document


def test_a_long_run_is_cut_and_a_short_one_kept() -> None:
    text = "Q1. Your name?\nName " + "_" * 30 + "\n" + "." * 100_000
    document = short_filler_document(read_document(text.encode(), "form.txt"))
    texts = [block.text for block in document.blocks]
    assert "Name " + "_" * 30 in texts
    assert "." * MAX_RUN in texts
    assert max(len(t) for t in texts) == MAX_RUN


def test_a_document_without_long_runs_is_left_as_it_is() -> None:
    document = read_document(b"Q1. Age?\n1. Under 18\n2. 18 or over", "form.txt")
    assert short_filler_document(document) is document


def test_a_question_over_a_huge_write_in_line_is_read() -> None:
    text = "Q1. What is your name?\n" + "_" * 200_000 + "\nQ2. What is your town?\n" + "." * 50_000
    questions = compile_document(read_document(text.encode(), "form.txt")).survey.questions()
    assert [q.id for q in questions] == ["Q1", "Q2"]


def test_a_label_that_is_a_word_of_the_condition_language_names_no_question() -> None:
    # (a mutated unseen83 form gave a question the id NOT, which the IR refuses)
    from types import SimpleNamespace
    from typing import Any

    from fielder.compiler.passes.ids import assign_ids

    drafts: list[Any] = [
        SimpleNamespace(label=SimpleNamespace(id="NOT")),
        SimpleNamespace(label=SimpleNamespace(id="Q2")),
        SimpleNamespace(label=None),
    ]
    assert assign_ids(drafts) == ["Q1", "Q2", "Q3"]
