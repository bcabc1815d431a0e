"""General conventions met in a seventh blind batch of document questionnaires (Word, PDF,
OpenDocument, workbooks), one small case each, written in their own words rather than taken
from any fixture."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_question_word_labels_alone_over_the_words_and_their_mentions() -> None:
    questions = by_id(
        compile_text(
            "Frage 1\n"
            "Besitzen Sie ein Fahrrad?\n"
            "☐ ja\t☐ nein → Weiter mit Frage 3\n"
            "Frage 2\n"
            "Wie oft fahren Sie damit?\n"
            "☐ täglich\t☐ wöchentlich\t☐ seltener\n"
            "Frage 3: Wie kommen Sie meistens zur Arbeit?\n"
            "☐ zu Fuß\t☐ mit dem Bus\t☐ mit dem Auto\n"
        )
    )
    assert list(questions) == ["F1", "F2", "F3"]
    assert questions["F1"].text == "Besitzen Sie ein Fahrrad?"
    assert [o.label for o in questions["F1"].options] == ["ja", "nein"]
    assert [(s.if_, s.to) for s in questions["F1"].skip_to] == [("F1 == '2'", "F3")]


def test_pregunta_labels_take_the_words_initial() -> None:
    questions = by_id(
        compile_text(
            "Pregunta 1\n¿Tiene usted coche?\n☐ Sí\t☐ No\n"
            "Pregunta 2\n¿Cuántos años tiene?\n______ años\n"
        )
    )
    assert list(questions) == ["P1", "P2"]
    assert questions["P2"].type == "number"


def test_a_box_with_a_unit_in_another_language_or_an_ordinal_dot_is_a_number() -> None:
    questions = by_id(
        compile_text(
            "F1. Wie lange wohnen Sie schon hier?\n________ Jahre\n"
            "F2. In welchem Semester sind Sie?\n________ . Semester\n"
            "F3. Combien d'heures dormez-vous ?\n________ heures\n"
        )
    )
    assert [q.type for q in questions.values()] == ["number", "number", "number"]
