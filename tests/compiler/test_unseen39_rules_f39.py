"""Conventions from unseen39 (questionnaires written in German, Spanish, French, Portuguese and
Italian by local agencies): local filter words ("POSER SI", "CHIEDERE Q8 E Q9 SOLO SE", "BLOCCO C:
SOLO PER CHI …", "NON CONTIENE", "Nur beantworten, wenn Sie bei … angekreuzt haben", "Teil D
beantworten bitte nur …", "→ weiter mit Frage"), ranges ("CONTROLE DE SAISIE 15 A 99"), digit
boxes in Markdown, points joined by spaced hyphens, local screen words and postcodes."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text


def test_italian_block_filter_and_named_questions() -> None:
    survey = by_id(
        compile_text(
            """## PRESENTAZIONE

Buongiorno, la chiamo per un'indagine sulle biciclette.

**D1.** Possiede una bicicletta?

- 1 = Sì, da corsa
- 2 = Sì, da città
- 3 = No

> *BLOCCO B: SOLO PER CHI POSSIEDE UNA BICICLETTA (D1 = 1 O 2). ALTRIMENTI PASSARE A D5.*

**D2.** Dove l'ha comprata? *(RISPOSTA MULTIPLA)*

- 1 = In un negozio
- 2 = Online
- 3 = Usata

**D3.** Quanti chilometri fa in un mese?

*Range 0–900*

|__|__|__| km

*CHIEDERE SOLO A CHI NON L'HA COMPRATA ONLINE (D2 NON CONTIENE 2)*

**D4.** La consiglierebbe?

- 1 = Sì
- 2 = No

*CHIEDERE D5 E D6 SOLO SE D1 = 3*

**D5.** Perché no?

- 1 = Costa troppo
- 2 = Non serve

**D6.** La comprerà?

- 1 = Sì
- 2 = No
""",
            "q.md",
        )
    )
    assert survey["PRESENTAZIONE"].type == "display"
    assert survey["D2"].display_if == "D1 in ['1','2']"
    assert survey["D3"].type == "number"
    assert survey["D3"].validation is not None
    assert survey["D3"].validation.max == 900
    assert survey["D4"].display_if is not None
    assert "not (D2 contains '2')" in survey["D4"].display_if
    assert survey["D5"].display_if == "D1 == '3'"
    assert survey["D6"].display_if == "D1 == '3'"


def test_french_poser_si_lines_and_entry_checks() -> None:
    survey = by_id(
        compile_text(
            """Q1. Quel est votre âge ?
ENQUETEUR : NOTER L'AGE EXACT - CONTROLE DE SAISIE 16 A 95
   |__|__| ans

Q2. Faites-vous du vélo ?
   Oui ........................ 1
   Non ........................ 2

POSER SI Q2 = 1
Q3. Quelles marques connaissez-vous ?
ENQUETEUR : LIRE - PLUSIEURS REPONSES POSSIBLES
   Véloria .................... 1
   Cyclonord .................. 2
   Aucune ..................... 3

POSER Q4 ET Q5 SI Q3 = 1
Q4. Quel est votre métier ?
ENQUETEUR : NE PAS LIRE - CLASSER
   Ouvrier .................... 1
   Cadre ...................... 2

Q5. Et quelle note donnez-vous à Véloria ?
   Très déçu(e)  1 - 2 - 3 - 4 - 5 - 6  Très content(e)

Q6. Quel est votre code postal ?
   |__|__|__|__|__|
"""
        )
    )
    assert survey["Q1"].validation is not None
    assert (survey["Q1"].validation.min, survey["Q1"].validation.max) == (16, 95)
    assert survey["Q3"].display_if == "Q2 == '1'"
    assert survey["Q4"].display_if == "Q3 contains '1'"
    assert survey["Q5"].display_if == "Q3 contains '1'"
    assert survey["Q4"].type == "single"  # "CLASSER": coded into its class, not ranked
    assert survey["Q5"].type == "scale"
    assert [o.label for o in survey["Q5"].options][::5] == ["Très déçu(e)", "Très content(e)"]
    assert survey["Q6"].type == "text"


def test_german_paper_filters_parts_and_arrows() -> None:
    survey = by_id(
        compile_text(
            """Teil A – Ihr Verein

A1 Welche Sportart treiben Sie?
Fußball ................. 1
Tennis .................. 2
Schwimmen ............... 3

A2 Sind Sie Trainerin oder Trainer?
ja ...................... 1
nein .................... 2 → weiter mit Frage A4

A3 Wie viele Stunden trainieren Sie pro Woche?
bis 2 Stunden ........... 1
mehr als 2 Stunden ...... 2

(Nur beantworten, wenn Sie bei A1 „Tennis“ angekreuzt haben:)
A4 Spielen Sie im Verein Turniere?
ja ...................... 1
nein .................... 2

Teil B – Nur für Trainer

Teil B beantworten bitte nur Mitglieder mit Traineramt (Frage A2 = „ja“). Alle anderen machen
bitte direkt mit Teil C weiter.

B1 Wie zufrieden sind Sie mit der Halle?
zufrieden ............... 1
unzufrieden ............. 2

Teil C – Zum Schluss

C1 Wie alt sind Sie?
unter 40 ................ 1
40 und älter ............ 2
"""
        )
    )
    assert [r.model_dump(by_alias=True) for r in survey["A2"].skip_to] == [
        {"if": "A2 == '2'", "to": "A4"}
    ]
    assert [o.label for o in survey["A2"].options] == ["ja", "nein"]
    assert survey["A4"].display_if == "A1 == '2'"
    assert survey["B1"].display_if == "A2 == '1'"
    assert survey["C1"].display_if is None
