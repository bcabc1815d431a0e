"""Conventions of questionnaires written natively in Polish, French, Spanish and Italian
(unseen19, fix f19a), one small case each, in invented words."""

from __future__ import annotations

from fielder.compiler.conditions import parse_condition, render
from fielder.compiler.options import parse_option_text
from fielder.ir.models import Option, Question
from tests.compiler.conftest import by_id, compile_text


def test_abbreviated_question_word_is_q_and_its_number() -> None:
    survey = by_id(
        compile_text(
            "Pyt. 1. Czy ma Pan/Pani rower?\n"
            "1. Tak\n"
            "2. Nie → PRZEJŚĆ DO PYT. 3\n\n"
            "Pyt. 2. Jak często jeździ Pan/Pani rowerem?\n"
            "1. Codziennie\n"
            "2. Rzadko\n\n"
            "Pyt. 3. Ile ma Pan/Pani lat?\n"
        )
    )
    assert list(survey) == ["Q1", "Q2", "Q3"]
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 == '2'", "Q3")]


def test_polish_notes_read_as_the_instruction_words() -> None:
    survey = by_id(
        compile_text(
            "R1. Ile ma Pan/Pani lat?\n"
            "(ZAPISAĆ LICZBĘ LAT. ZAKRES 10–90)\n"
            "JEŚLI PONIŻEJ 21 LAT LUB POWYŻEJ 60 LAT → ZAKOŃCZYĆ WYWIAD\n\n"
            "A1. Jakie owoce Pan/Pani kupuje?\n"
            "(ODCZYTAĆ. MOŻNA ZAZNACZYĆ KILKA ODPOWIEDZI)\n"
            "1. Jabłka\n"
            "2. Gruszki\n"
            "3. Żadne z nich → NIE ŁĄCZYĆ Z INNYMI\n\n"
            "A2. Jak ocenia Pan/Pani sklep?\n"
            "1. Dobrze\n"
            "2. Średnio\n"
            "3. Źle\n"
            "8. Nie wiem\n"
            "KODY 3 i 8 → PRZEJŚĆ DO A5\n\n"
            "A3. Dlaczego tak dobrze?\n"
            "ZADAĆ, JEŚLI W A2 OCENA 1 LUB 2\n"
            "(PYTANIE OTWARTE)\n\n"
            "A4. Ile wydaje Pan/Pani tygodniowo?\n"
            "(ZAPISAĆ KWOTĘ W ZŁ. ZAKRES 0–500)\n\n"
            "A5. W jakim województwie Pan/Pani mieszka?\n"
            "(LISTA ROZWIJANA)\n"
            "1. Mazowieckie\n"
            "2. Śląskie\n"
        )
    )
    assert survey["R1"].terminate_if == "R1 < 21 or R1 > 60"
    assert survey["A1"].type == "multi"
    assert [o.label for o in survey["A1"].options][-1] == "Żadne z nich"
    assert [o.code for o in survey["A1"].options if o.exclusive] == ["3"]
    assert [(s.if_, s.to) for s in survey["A2"].skip_to] == [("A2 in ['3','8']", "A5")]
    assert survey["A3"].display_if == "A2 in ['1','2']"
    assert survey["A4"].type == "number"
    assert survey["A5"].type == "dropdown"


def test_arrow_then_an_exclusive_tag_after_an_answer() -> None:
    (option,) = parse_option_text("3. No pets at all → EXCLUSIVE")
    assert (option.code, option.label, option.exclusive) == ("3", "No pets at all", True)


def test_french_screen_outs_part_filter_and_routes() -> None:
    survey = by_id(
        compile_text(
            "S1. Quel âge avez-vous ?\n"
            "[NUMÉRIQUE – DE 10 À 90]\n"
            "[STOP SI MOINS DE 25 ANS OU PLUS DE 70 ANS]\n\n"
            "S2. Pratiquez-vous l'un de ces sports ? [PLUSIEURS RÉPONSES POSSIBLES]\n"
            "1. Tennis\n"
            "2. Golf\n"
            "3. Voile\n"
            "4. Aucun de ces sports\n"
            "[STOP SI CODE 1 OU 2 CITÉ – CODE 3 SEUL : CONTINUER]\n\n"
            "S3. Combien de fois êtes-vous allé au musée cette année ?\n"
            "1. Jamais\n"
            "2. Une fois\n"
            "3. Deux fois\n"
            "4. Plus souvent\n\n"
            "PARTIE 2 – MUSÉES\n"
            "[CETTE PARTIE EST POSÉE UNIQUEMENT AUX VISITEURS D'AU MOINS 2 MUSÉES : "
            "S3 = 3 OU 4. LES AUTRES PASSENT À LA PARTIE 3]\n\n"
            "Q1. Quel musée préférez-vous ?\n"
            "1. Beaux-arts\n"
            "2. Histoire\n\n"
            "Q2. Y retournerez-vous ?\n"
            "1. Oui\n"
            "2. Non → PASSER À LA PARTIE 3 (R1)\n\n"
            "Q3. Pourquoi ? [OUVERTE – POSER SI S3 = 3 À 4]\n\n"
            "PARTIE 3 – PROFIL\n\n"
            "R1. Acceptez-vous d'être recontacté ?\n"
            "1. Oui\n"
            "2. Non → FIN DU QUESTIONNAIRE\n\n"
            "R2. Votre e-mail ?\n\n"
            "FIN Merci de votre participation !\n"
        )
    )
    assert survey["S1"].terminate_if == "S1 < 25 or S1 > 70"
    assert survey["S2"].terminate_if == "S2 contains '1' or S2 contains '2'"
    assert [o.code for o in survey["S2"].options if o.exclusive] == ["4"]
    for qid in ("Q1", "Q2", "Q3"):
        assert survey[qid].display_if is not None
        assert "S3 in ['3','4']" in survey[qid].display_if
    assert survey["R1"].display_if is None
    assert [(s.if_, s.to) for s in survey["Q2"].skip_to] == [("Q2 == '2'", "R1")]
    assert survey["R1"].terminate_if is None
    assert [(s.if_, s.to) for s in survey["R1"].skip_to] == [("R1 == '2'", "FIN")]


def test_whom_in_words_then_a_colon_then_the_test() -> None:
    trips = Question(
        id="Q1",
        type="single",
        text="Trips?",
        options=[Option(code=c, label=c) for c in ("1", "2", "3", "4")],
    )
    questions = {"Q1": trips}
    told = "TRAVELLERS WITH AT LEAST 2 TRIPS: Q1 = 3 OR 4"
    assert render(parse_condition(told, questions, None), questions) == "Q1 in ['3','4']"


def test_two_bracketed_tests_describe_one_person() -> None:
    age = Question(id="A1", type="number", text="Age?")
    club = Question(
        id="A2",
        type="single",
        text="Member?",
        options=[Option(code=c, label=c) for c in ("1", "2", "3")],
    )
    questions = {"A1": age, "A2": club}
    both = "PEOPLE OF 70 OR OVER (A1 >= 70) WHO ARE NOT MEMBERS (A2 = 2 OR 3)"
    assert render(parse_condition(both, questions, None), questions) == (
        "A1 >= 70 and A2 in ['2','3']"
    )
    either = "PEOPLE OF 70 OR OVER (A1 >= 70) OR NOT MEMBERS (A2 = 2 OR 3)"
    assert render(parse_condition(either, questions, None), questions) == (
        "A1 >= 70 or A2 in ['2','3']"
    )


def test_none_and_dont_know_in_other_languages_are_exclusive_in_a_multi() -> None:
    survey = by_id(
        compile_text(
            "Q1. ¿Qué deportes practica? (RESPUESTA MÚLTIPLE)\n"
            "1. Fútbol\n"
            "2. Pádel\n"
            "8. Ninguno\n"
            "9. N.S./N.C.\n\n"
            "Q2. Warum nutzen Sie keine Bibliothek?\n"
            "(MEHRFACHNENNUNG)\n"
            "1. Zu weit weg\n"
            "2. Weiß nicht wo sie ist\n"
            "3. Weiß nicht\n"
        )
    )
    assert [o.code for o in survey["Q1"].options if o.exclusive] == ["8", "9"]
    assert [o.code for o in survey["Q2"].options if o.exclusive] == ["3"]


def test_spanish_interviewer_notes() -> None:
    survey = by_id(
        compile_text(
            "P1. ¿Vive usted en la comarca?\n"
            "Sí ........ 1\n"
            "No ........ 2 → FINALIZAR ENTREVISTA\n\n"
            "P2. ¿Qué edad tiene usted?\n"
            "(ANOTAR EDAD: 10-99)\n"
            "ENTREVISTADOR/A: SI TIENE MENOS DE 21 AÑOS, AGRADECER Y FINALIZAR.\n\n"
            "P3. ¿Qué mejoras prefiere?\n"
            "(LEER. MÁXIMO TRES RESPUESTAS)\n"
            "Más bancos ........ 1\n"
            "Más fuentes ........ 2\n"
            "Más sombra ........ 3\n"
            "Más papeleras ........ 4\n\n"
            "P4. ¿Cuál es el barrio más bonito?\n"
            "(PREGUNTA ABIERTA. ANOTAR EN UNA LÍNEA)\n"
        )
    )
    assert survey["P1"].terminate_if == "P1 == '2'"
    assert survey["P2"].terminate_if == "P2 < 21"
    assert survey["P3"].type == "multi"
    assert survey["P3"].validation is not None
    assert survey["P3"].validation.max_choices == 3
    assert survey["P4"].type == "text"


def test_answer_in_capitals_with_its_code_and_routing_is_an_answer() -> None:
    survey = by_id(
        compile_text(
            "Q1. Did you visit the fair?\n"
            "Yes 1\n"
            "No 2 → GO TO Q3\n"
            "DK 9 → GO TO Q3\n\n"
            "Q2. Which day?\n"
            "Saturday 1\n"
            "Sunday 2\n\n"
            "Q3. Your postcode?\n"
        )
    )
    assert [o.code for o in survey["Q1"].options] == ["1", "2", "9"]
    assert [(s.if_, s.to) for s in survey["Q1"].skip_to] == [("Q1 in ['2','9']", "Q3")]


def test_worded_scale_then_no_score_codes_on_one_line() -> None:
    options = parse_option_text("Awful 0 1 2 3 4 5 6 7 8 9 10 Superb DK 98 REF 99")
    assert [(o.code, o.label) for o in options][:2] == [("0", "Awful"), ("1", "1")]
    assert [(o.code, o.label) for o in options][-3:] == [
        ("10", "Superb"),
        ("98", "DK"),
        ("99", "REF"),
    ]


def test_points_set_apart_by_long_dashes() -> None:
    options = parse_option_text("hard — 1 — 2 — 3 — 4 — 5 — easy")
    assert [(o.code, o.label) for o in options] == [
        ("1", "hard"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "easy"),
    ]


def test_italian_notes_and_local_date_formats() -> None:
    survey = by_id(
        compile_text(
            "**Q1.** Come è arrivato in biblioteca?\n\n"
            "1. A piedi\n"
            "2. In autobus\n"
            "3. In auto\n\n"
            "*SE Q1 = 2 O 3 PORRE Q2, ALTRIMENTI PASSARE A Q3*\n\n"
            "**Q2.** Quanti minuti ha impiegato? *(NUMERO DI MINUTI, DA 0 A 120)*\n\n"
            "**Q3.** Quanto ha speso? *(IMPORTO CON DECIMALI, DA 0,00 A 80,00 €)*\n\n"
            "**Q4.** Quando è venuto l'ultima volta? *(gg/mm/aaaa)*\n\n"
            "**Q5.** Quanti anni ha? *(ANNI COMPIUTI, 16–95)*\n\n"
            "**Q6.** Ha la tessera?\n\n"
            "1. Sì\n"
            "2. No\n\n"
            "**Q7.** Da quanto tempo?\n"
            '*Porre solo a chi ha risposto "Sì" a Q6.*\n\n'
            "1. Meno di un anno\n"
            "2. Di più\n",
            "q.md",
        )
    )
    assert survey["Q2"].display_if == "Q1 in ['2','3']"
    assert survey["Q2"].type == "number"
    assert (survey["Q2"].validation.min, survey["Q2"].validation.max) == (0, 120)
    assert survey["Q3"].type == "number"
    assert (survey["Q3"].validation.min, survey["Q3"].validation.max) == (0, 80)
    assert survey["Q4"].type == "date"
    assert survey["Q5"].type == "number"
    assert (survey["Q5"].validation.min, survey["Q5"].validation.max) == (16, 95)
    assert survey["Q7"].display_if == "Q6 == '1'"
