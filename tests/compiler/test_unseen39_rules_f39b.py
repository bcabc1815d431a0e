# ruff: noqa: E501
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


_FRENCH_FORM = """1. Avez-vous un vélo ?
☐ Oui
☐ Non → Ce questionnaire est destiné aux cyclistes : merci, vous pouvez vous arrêter ici.

2. Roulez-vous le dimanche ?
☐ Oui
☐ Non → passez à la question 4

3. Combien de kilomètres ?
|__|__| km (de 1 à 90)

4. Aimez-vous la pluie ?
☐ Oui
☐ Non
"""


def test_french_arrows_inside_answers() -> None:
    survey = by_id(compile_text(_FRENCH_FORM))
    assert survey["Q1"].terminate_if == "Q1 == '2'"
    assert [o.label for o in survey["Q1"].options] == ["Oui", "Non"]
    assert [(s.if_, s.to) for s in survey["Q2"].skip_to] == [("Q2 == '2'", "Q4")]
    counted = survey["Q3"]
    assert counted.type == "number"
    assert counted.validation is not None
    assert (counted.validation.min, counted.validation.max) == (1.0, 90.0)


_FRENCH_PART = """1. Avez-vous un vélo ?
☐ Oui
☐ Non

Cette partie concerne uniquement les cyclistes ayant roulé cet hiver (« Oui » à la question 1). Sinon, passez directement à la question 4.

2. Roulez-vous le dimanche ?
☐ Oui
☐ Non

3. Aimez-vous la neige ?
☐ Oui
☐ Non

4. Aimez-vous la pluie ?
☐ Oui
☐ Non
"""


def test_french_part_base_ends_where_the_others_go() -> None:
    survey = by_id(compile_text(_FRENCH_PART))
    assert survey["Q2"].display_if == "Q1 == '1'"
    assert survey["Q3"].display_if == "Q1 == '1'"
    assert survey["Q4"].display_if is None


_SPANISH_FORM = """<html><body>
<h1>Encuesta sobre la biblioteca</h1>
<div><h3>1. ¿Es usted socio de la biblioteca?</h3>
<ul><li><input type="radio" name="p1"> Sí</li><li><input type="radio" name="p1"> No</li></ul>
<p class="nota">Si ha respondido «No», pase a la pregunta 3.</p></div>
<div><h3>2. ¿Con qué frecuencia la visita?</h3>
<ul><li><input type="radio" name="p2"> Cada semana</li><li><input type="radio" name="p2"> Cada mes</li>
<li><input type="radio" name="p2"> Casi nunca</li></ul></div>
<div><p class="nota">Responda solo si en la pregunta 2 ha marcado «Cada mes» o «Casi nunca».</p>
<h3>3. ¿Qué le haría venir más? Marque todas las que correspondan.</h3>
<ul><li><input type="checkbox" name="p3"> Más horario</li><li><input type="checkbox" name="p3"> Más libros</li>
<li><input type="checkbox" name="p3"> Nada <span class="ayuda">(respuesta única)</span></li></ul></div>
<div><h3>4. Indique su correo electrónico.</h3><input type="email" name="p4"></div>
<p>Gracias.</p>
<button type="submit">Enviar</button>
</body></html>
"""


def test_spanish_condition_boxes_said_to_the_respondent() -> None:
    survey = by_id(compile_text(_SPANISH_FORM, "q.html"))
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '2'", "Q3")]
    assert [o.label for o in survey["Q1"].options] == ["Sí", "No"]
    asked = survey["Q3"]
    assert asked.display_if == "Q2 in ['2','3']"
    assert asked.type == "multi"
    assert [o.code for o in asked.options if o.exclusive] == ["3"]
    assert survey["Q4"].type == "email"
