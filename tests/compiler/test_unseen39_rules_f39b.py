"""Conventions from unseen39, second pass (questionnaires written in German, French, Spanish,
Portuguese): "how many" asked in the local words, a range beside the box written with "bis",
"Mehrfachnennungen möglich" in the question, "(nur allein ankreuzen)" after an answer, a base
"(nur …: A1 = 2 oder 3)" beside the question, and answers quoted with German low quotes „…“."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_PAPER = """Teil A

A1. In welchem Bereich arbeiten Sie?
☐ 1 Lager
☐ 2 Büro
☐ 3 Werkstatt

A2. Wie viele Stunden pendeln Sie pro Woche?
(nur Büro und Werkstatt: A1 = 2 oder 3)
Anzahl Stunden: ______ (0 bis 30)

A3. Was stört Sie am Arbeitsweg? Mehrfachnennungen möglich.
☐ 1 Stau
☐ 2 Parkplatz
☐ 3 nichts davon (nur allein ankreuzen)

A4. Würden Sie wieder pendeln?
☐ 1 ja, sicher
☐ 2 eher nein
☐ 3 nein, auf keinen Fall
Nur falls Sie bei A4 „eher nein“ oder „nein, auf keinen Fall“ angekreuzt haben:
A5. Warum nicht?
__________________________________________
"""


def test_german_count_with_range_and_bracketed_base() -> None:
    asked = by_id(compile_text(_PAPER))["A2"]
    assert asked.type == "number"
    assert asked.validation is not None
    assert (asked.validation.min, asked.validation.max) == (0.0, 30.0)
    assert asked.display_if == "A1 in ['2','3']"


def test_german_multi_words_and_alone_mark() -> None:
    asked = by_id(compile_text(_PAPER))["A3"]
    assert asked.type == "multi"
    last = asked.options[-1]
    assert last.label == "nichts davon"
    assert last.exclusive


def test_german_low_quotes_name_the_answers() -> None:
    assert by_id(compile_text(_PAPER))["A5"].display_if == "A4 in ['2','3']"
