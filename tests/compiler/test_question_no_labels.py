"""`Question No. 5:` labels, and routing that names them the same way."""

from __future__ import annotations

from fielder.compiler.compile import compile_document
from fielder.compiler.question_no_labels import _plain
from fielder.documents import read_document

DOC = """Question No. 1: Do you own a car?
01 – Yes
02 – No → jump to Question No. 3
Question No. 2: How old is your car?
01 – Less than 5 years
02 – 5 years or more
Question No. 3: How do you usually travel to work?
01 – Bus
02 – Train
"""


def test_question_no_labels_give_plain_ids_and_references() -> None:
    questions = compile_document(read_document(DOC.encode(), "form.txt")).survey.questions()
    assert [q.id for q in questions] == ["Q1", "Q2", "Q3"]
    assert questions[0].text == "Do you own a car?"
    assert questions[0].skip_to is not None
    assert questions[0].skip_to[0].to == "Q3"


def test_only_a_number_after_the_word_is_folded() -> None:
    assert _plain("in Question No. 3 and QUESTION NUMBER 12") == "in Question 3 and QUESTION 12"
    assert _plain("Question No.") == "Question No."
    assert _plain("Question Notes: see below") == "Question Notes: see below"
