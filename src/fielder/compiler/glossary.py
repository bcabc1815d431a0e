"""Scripting words of other languages (Spanish, French, Italian, German) read as their English
equivalents.

Questionnaires written in Spanish (and the agencies' Spanish scripting notes) use the same
conventions as English ones: `RESPUESTA MÚLTIPLE` is MULTI CODE, `FILTRO: SOLO SI P3 = 1 Ó 2`
is a filter, `PASAR A P11` a skip, `FINALIZAR ENCUESTA` a screen-out. The instruction reader
works in English; notes are put into English words first, phrase by phrase.
"""

from __future__ import annotations

import functools
import re

from fielder.compiler import (
    glossary_id,
    glossary_nl,
    glossary_pl,
    glossary_pt,
    glossary_sv,
    glossary_tr,
    glossary_vi,
)
from fielder.compiler.local_numbers import LOCAL_NUMBERS

_A = "[AÁaá]"
_E = "[EÉeé]"
_O = "[OÓoó]"
_U = "[UÚuú]"
_I = "[IÍií]"

_PHRASES: tuple[tuple[str, str], ...] = (
    (rf"RESPUESTA\s+M{_U}LTIPLE|RESPUESTAS\s+M{_U}LTIPLES|MULTIRRESPUESTA", "MULTI CODE"),
    (rf"RESPUESTA\s+{_U}NICA(\s+POR\s+FILA)?|UNA\s+SOLA\s+RESPUESTA", "SINGLE CODE"),
    # a type column's own word: "MÚLTIPLE", "MATRIZ" (a grid of items over one scale)
    (rf"M{_U}LTIPLE", "MULTI CODE"),
    (r"MATRIZ", "GRID"),
    (rf"M{_A}XIMO\s+(\d+)\s+RESPUESTAS?", r"MAXIMUM \1 ANSWERS"),
    # "MÁXIMO DOS RESPUESTAS": the number spelled out
    (rf"M{_A}XIMO\s+DOS\s+RESPUESTAS", "MAXIMUM 2 ANSWERS"),
    (rf"M{_A}XIMO\s+TRES\s+RESPUESTAS", "MAXIMUM 3 ANSWERS"),
    (rf"M{_A}XIMO\s+CUATRO\s+RESPUESTAS", "MAXIMUM 4 ANSWERS"),
    (rf"M{_A}XIMO\s+CINCO\s+RESPUESTAS", "MAXIMUM 5 ANSWERS"),
    # "(PREGUNTA ABIERTA. … ANOTAR LITERALMENTE EN UNA LÍNEA)": an open answer on one line
    (
        rf"(?:PREGUNTA|RESPUESTA)\s+ABIERTA\b(?P<between>[^()]*?)\bEN\s+UNA\s+(?:SOLA\s+)?L{_I}NEA",
        r"OPEN\g<between>SINGLE-LINE TEXT BOX",
    ),
    (rf"NUM{_E}RIC[AO]", "NUMERIC"),
    (r"RANGO", "RANGE"),
    (r"FILTRO", "FILTER"),
    # a web form's yellow condition boxes, written to the respondent: "Si ha respondido «No»,
    # pase a la pregunta 8", "Responda solo si en la pregunta 6 ha marcado «…»", "Solo para
    # quienes han marcado «Nunca» en la pregunta 12", "Esta sección solo aparece a quienes …"
    (r"SI\s+HA\s+(?:RESPONDIDO|CONTESTADO|MARCADO)", "IF"),
    (
        r"(?:RESPONDA|MOSTRAR|CONTESTE)\s+SOLO\s+SI\s+EN\s+LA\s+PREGUNTA\s+(\d+)\s+HA\s+"
        r"(?:MARCADO|RESPONDIDO|CONTESTADO)\s+([^.]+)",
        r"ASK IF ANSWERED \2 AT QUESTION \1",
    ),
    (r"(?:RESPONDA|MOSTRAR|CONTESTE)\s+SOLO\s+SI", "ASK IF"),
    (
        r"ESTA\s+SECCI[ÓO]N\s+SOLO\s+(?:APARECE|SE\s+MUESTRA|ES)\s+(?:A|PARA)\s+QUIENES",
        "THIS SECTION IS ONLY FOR THOSE WHO",
    ),
    (r"SOLO\s+(?:A|PARA)\s+QUIENES", "ONLY FOR THOSE WHO"),
    # "El resto continúa en la sección D (pregunta 12)": where everyone else goes
    (
        rf"EL\s+RESTO\s+CONTIN{_U}A\s+EN\s+LA\s+SECCI{_O}N\s+\w{{1,2}}\s+\(PREGUNTA\s+(\d+)\)",
        r"EVERYONE ELSE GOES TO QUESTION \1",
    ),
    (r"HAN?\s+(?:RESPONDIDO|CONTESTADO|MARCADO|ELEGIDO)", "ANSWERED"),
    (r"EN\s+LA\s+PREGUNTA", "AT QUESTION"),
    (r"EL\s+RESTO\s+CONTIN[ÚU]A\s+EN", "EVERYONE ELSE GOES TO"),
    (rf"LA\s+ENCUESTA\s+(?:TERMINA|FINALIZA)(?:\s+AQU{_I})?", "TERMINATE"),
    (r"PREGUNTAR\s+(?:SOLO\s+)?SI", "ASK IF"),
    (r"PREGUNTAR\s+A\s+TODOS", "ASK ALL"),
    # "PREGUNTAR P5 A P7. RESTO PASAR A P8": the run asked, and where everyone else goes
    (r"(?:EL\s+)?RESTO(?=\s+(?:PASAR|IR|SALTAR|PASA|VA|SALTA)\b)", "EVERYONE ELSE"),
    (r"PREGUNTAR(?=\s+[A-Z]{1,4}\d)", "ASK"),
    (r"SOLO\s+SI", "ONLY IF"),
    (r"(?:PASAR|IR|SALTAR|PASE|VAYA|SALTE)\s+A(?:\s+LA)?(?:\s+PREGUNTA)?", "GO TO"),
    (r"AGRADECER\s+Y\s+(?:TERMINAR|FINALIZAR|CERRAR|COLGAR)", "THANK AND CLOSE"),
    (
        r"(?:FINALIZAR|TERMINAR|CERRAR)(?:\s+LA)?\s+(?:ENCUESTA|ENTREVISTA)|"
        r"FIN\s+DE\s+(?:LA\s+)?(?:ENCUESTA|ENTREVISTA)",
        "TERMINATE",
    ),
    (r"(?:ES\s+|SEA\s+|TIENE\s+)?(?:MENOR(?:ES)?|MENOS)\s+DE", "UNDER"),
    (rf"(?:ES\s+|SEA\s+|TIENE\s+)?(?:MAYOR(?:ES)?|M{_A}S)\s+DE", "OVER"),
    (r"EXCLUSIV[AO]", "EXCLUSIVE"),
    (r"ESPECIFICAR|ESPECIFIQUE", "SPECIFY"),
    (r"TEXTO\s+CORTO", "SINGLE-LINE TEXT BOX"),
    (r"TEXTO\s+LARGO|RESPUESTA\s+ABIERTA|PREGUNTA\s+ABIERTA", "LARGE TEXT BOX"),
    (r"ALEATORIZAR|ROTAR", "RANDOMIZE"),
    (r"NO\s+LEER", "DO NOT READ"),
    (r"DESPLEGABLE", "DROPDOWN"),
    (r"ANOTAR", "RECORD"),
    (r"ENCUESTADOR(?:A|/A|\(A\))?|ENTREVISTADOR(?:A|/A|\(A\))?", "INTERVIEWER"),
    (r"SELECCIONAR\s+EN\s+LA\s+LISTA", "SELECT FROM THE LIST"),
    (r"AÑOS", "YEARS"),
    (r"EN", "IN"),
    (r"ESCALA", "SCALE"),
    (r"FECHA", "DATE"),
    (rf"CORREO\s+ELECTR{_O}NICO", "EMAIL"),
    (r"Ó|(?<=\d\s)O(?=\s+\d)|(?<=[»”\"]\s)O(?=\s+[«“\"])", "OR"),
    (r"Y(?=\s+\d)", "AND"),
    # "P8 = 0 A 6", "P5 A P7": "a" between two numbers or two questions is a range
    (r"(?<=\d\s)A(?=\s+[A-Z]{0,4}\d)", "TO"),
    (r"SI", "IF"),
)
_FRENCH: tuple[tuple[str, str], ...] = (
    # "[CETTE PARTIE EST POSÉE UNIQUEMENT AUX PERSONNES … : S6 = 2 OU 3. LES AUTRES PASSENT À
    # LA PARTIE 4]": a filter on every question of the part
    (
        r"CETTE\s+(?:PARTIE|SECTION)\s+(?:EST|N['’]EST)\s+POS[ÉE]E\s+(?:UNIQUEMENT\s+|SEULEMENT\s+)?"
        r"(?:AUX|[ÀA]\s+LA|[ÀA]\s+CEUX|[ÀA])",
        "THIS PART IS ASKED ONLY TO",
    ),
    # "Cette partie concerne uniquement les patients ayant …": the same base, said to the reader
    (
        r"CETTE\s+(?:PARTIE|SECTION)\s+(?:CONCERNE|S['’]ADRESSE)\s+(?:UNIQUEMENT|SEULEMENT)\s+"
        r"(?:AUX|[ÀA]|LES)",
        "THIS PART IS ASKED ONLY TO",
    ),
    (r"SINON", "OTHERWISE"),
    # "(« Oui » à la question 4)": the answer quoted, then where it was given
    (r"(?<=[»”\"])\s*[ÀA]\s+LA\s+QUESTION(?=\s+\d)", " AT QUESTION"),
    (r"LES\s+AUTRES", "THE OTHERS"),
    # "[STOP SI MOINS DE 18 ANS]": the screen-out before its condition
    (r"STOP\s+SI", "TERMINATE IF"),
    (r"R[ÉE]PONSES?\s+MULTIPLES?|PLUSIEURS\s+R[ÉE]PONSES(?:\s+POSSIBLES)?", "MULTI CODE"),
    (r"R[ÉE]PONSE\s+UNIQUE|UNE\s+SEULE\s+R[ÉE]PONSE", "SINGLE CODE"),
    (r"MAXIMUM\s+(\d+)\s+R[ÉE]PONSES", r"MAXIMUM \1 ANSWERS"),
    (r"NUM[ÉE]RIQUE", "NUMERIC"),
    (r"FILTRE", "FILTER"),
    (r"POSER\s+(?:LA\s+QUESTION\s+)?(?:UNIQUEMENT\s+)?SI", "ASK IF"),
    # "POSER Q10 ET Q11 SI Q9 = 1 OU 2": the questions named before their condition
    (r"POSER\s+([A-Z]{1,4}\d+\w*(?:\s+(?:ET|[ÀA])\s+[A-Z]{1,4}\d+\w*)?)\s+SI", r"ASK \1 IF"),
    # "NOTER L'AGE EXACT - CONTROLE DE SAISIE 15 A 99": the age, and the range typed in
    (r"NOTER\s+L['’][ÂA]GE(?:\s+EXACT)?", "RECORD EXACT AGE"),
    (r"CONTR[ÔO]LE\s+DE\s+SAISIE\s*:?\s*(?:DE\s+)?(\d+)\s+[ÀA]\s+(\d+)", r"RANGE \1 TO \2"),
    (r"(?:UNIQUEMENT|SEULEMENT)\s+SI", "ONLY IF"),
    # "Non → passez (directement) à la question 8": the form's own words to the respondent
    (
        r"(?:ALLER|PASSER|ALLEZ|PASSEZ)(?:\s+DIRECTEMENT)?\s+(?:[ÀA]|EN)(?:\s+LA\s+QUESTION)?",
        "GO TO",
    ),
    # "→ PASSER À LA PARTIE 5 (RS1)": a part by its number, its first question in brackets
    (r"LA\s+PARTIE", "PART"),
    (r"REMERCIER\s+ET\s+(?:TERMINER|ARR[ÊE]TER|CL[ÔO]TURER)", "THANK AND CLOSE"),
    # "Non<TAB>2<TAB>→ FIN DU QUESTIONNAIRE": an arrow from an answer to the questionnaire's
    # end names a place, the closing screen (a skip); "SI …, FIN DU QUESTIONNAIRE" as a
    # sentence and "→ STOP" end the interview (below)
    (r"(?:(?<=→\s)|(?<=→)|^\s*)FIN\s+DU\s+QUESTIONNAIRE(?=\s*$)", "GO TO END"),
    # "Non → Ce questionnaire est destiné aux adultes : merci, vous pouvez vous arrêter ici":
    # the reason before the respondent's stop, after an answer's arrow, is no condition
    (
        r"^(?!\s*SI\b)[^→]{0,120}?[:,.]\s*(?:MERCI\s*,?\s*)?"
        r"VOUS\s+POUVEZ\s+VOUS\s+ARR[ÊE]TER(?:\s+ICI)?",
        "TERMINATE",
    ),
    (
        r"FIN\s+(?:DU\s+QUESTIONNAIRE|DE\s+L['’]ENTRETIEN|DE\s+L['’]INTERVIEW)|"
        r"ARR[ÊE]TER\s+L['’](?:ENTRETIEN|INTERVIEW)|"
        # "Non → … : merci, vous pouvez vous arrêter ici": a paper form's end for the respondent
        r"VOUS\s+POUVEZ\s+VOUS\s+ARR[ÊE]TER(?:\s+ICI)?|ARR[ÊE]TEZ(?:-VOUS)?\s+ICI",
        "TERMINATE",
    ),
    (r"MOINS\s+DE", "UNDER"),
    (r"PLUS\s+DE", "OVER"),
    (r"EXCLUSI(?:F|VE)", "EXCLUSIVE"),
    (r"PR[ÉE]CISE[RZ]", "SPECIFY"),
    (r"QUESTION\s+OUVERTE|R[ÉE]PONSE\s+OUVERTE", "LARGE TEXT BOX"),
    (r"LISTE\s+D[ÉE]ROULANTE", "DROPDOWN"),
    (r"ROTATION|AL[ÉE]ATOIRE", "RANDOMIZE"),
    (r"NE\s+PAS\s+LIRE", "DO NOT READ"),
    (r"[ÉE]CHELLE", "SCALE"),
    # "MOINS DE 18 ANS OU PLUS DE 65 ANS", "CODE 1, 2 OU 3": "or" wherever it stands
    (r"OU", "OR"),
    (r"ANS", "YEARS"),
    # "SI Q5 = 0 À 6": a range of codes after the equals sign
    (r"(?<==)\s*(\d+)\s+[ÀA]\s+(\d+)", r" \1-\2"),
    # ("NE PAS LIRE - CLASSER": code the answer into its class, not a ranking)
    (r"CLASSEMENT|CLASSER\s+(?:PAR\s+ORDRE|DANS\s+L['’]ORDRE|DE\s+1\s+[ÀA])", "RANKING"),
    (r"MENU\s+D[ÉE]ROULANT", "DROPDOWN"),
    (r"AFFICHER\s+UNIQUEMENT", "SHOW ONLY"),
    (r"(?:CIT[ÉE]E?S?|CONNUE?S?|S[ÉE]LECTIONN[ÉE]E?S?)\s+(?:EN|[ÀA])", "SELECTED AT"),
    # "CODE 1, 2 OU 3 CITÉ – CODE 4 SEUL : CONTINUER"; "… PUIS LES CODES 96 ET 99"
    (r"CIT[ÉE]E?S?", "SELECTED"),
    (r"SEULE?", "ONLY"),
    (r"CONTINUER", "CONTINUE"),
    (r"PUIS", "THEN"),
    (r"(?<=\d\s)ET(?=\s+(?:[A-Z]{1,4})?\d)", "AND"),
    (r"NOTER\s+EN\s+CLAIR|NOTER\s+MOT\s+[ÀA]\s+MOT", "RECORD VERBATIM"),
    (r"(\d+)\s+CHIFFRES", r"\1 DIGITS"),
    (r"DE\s+(-?\d+)\s+[ÀA]\s+(-?\d+)", r"RANGE \1 TO \2"),
    (r"SI", "IF"),
)
# Italian: "PIÙ RISPOSTE POSSIBILI", "PASSARE A D9", "MOSTRARE SOLO SE D11 = 3 O 4",
# "NUMERICA – CONSENTIRE 14-99 – SE MENO DI 18 ANNI CHIUDERE L'INTERVISTA".
_ITALIAN: tuple[tuple[str, str], ...] = (
    (r"PI[ÙU]\s+RISPOSTE(?:\s+POSSIBILI)?|RISPOSTA\s+MULTIPLA|RISPOSTE\s+MULTIPLE", "MULTI CODE"),
    (r"UNA\s+SOLA\s+RISPOSTA|RISPOSTA\s+SINGOLA|RISPOSTA\s+UNICA", "SINGLE CODE"),
    (r"UNA\s+RISPOSTA\s+PER\s+RIGA", "SINGLE CODE PER ROW"),
    (r"MASSIMO\s+(\d+)\s+RISPOSTE", r"MAXIMUM \1 ANSWERS"),
    (r"NUMERIC[AO]", "NUMERIC"),
    (r"CONSENTIRE|AMMESSI|INTERVALLO", "ALLOW"),
    # "REGISTRARE GLI ANNI COMPIUTI": the age in completed years, a number
    (r"(?:REGISTRARE|ANNOTARE|RILEVARE)\s+(?:GLI\s+)?ANNI\s+COMPIUTI", "RECORD EXACT AGE"),
    # "BLOCCO C: SOLO PER CHI PORTA …", "CHIEDERE SOLO A CHI …": a base of whom, in words
    (r"BLOCCO|SEZIONE", "BLOCK"),
    (r"SOLO\s+PER\s+CHI", "ONLY FOR THOSE WHO"),
    (r"(?:CHIEDERE|PORRE)\s+SOLO\s+A\s+CHI(?!\s+HA\s+RISPOSTO)", "ASK ONLY THOSE WHO"),
    # "(Q8 NON CONTIENE 1)": a multi's answer not chosen
    (r"NON\s+CONTIENE", "DOES NOT CONTAIN"),
    (r"CONTIENE", "CONTAINS"),
    (r"(?:MOSTRARE|CHIEDERE|PORRE)\s+(?:LA\s+DOMANDA\s+)?SOLO\s+SE", "ASK IF"),
    (r"SOLO\s+SE", "ONLY IF"),
    (r"(?:PASSARE|ANDARE|SALTARE)\s+(?:ALLA\s+DOMANDA\s+|A)", "GO TO"),
    (r"RINGRAZIARE\s+E\s+(?:CHIUDERE|TERMINARE)", "THANK AND CLOSE"),
    (
        r"(?:CHIUDERE|TERMINARE|INTERROMPERE)\s+L['’]INTERVISTA|FINE\s+(?:DELL['’])?INTERVISTA",
        "TERMINATE",
    ),
    (r"MENO\s+DI", "UNDER"),
    (r"PI[ÙU]\s+DI", "OVER"),
    # "SE D10 DIVERSO DA 1 (cod. 2, 3 o 9)": not that code; "cod." are the codes that remain
    (r"DIVERS[OA]\s+DA", "NOT"),
    (r"COD\.", "CODES"),
    # "(ANNI COMPIUTI, 18–99)": completed years, a number in that range
    (r"ANNI\s+COMPIUTI,?\s+(\d+)\s*[–—-]\s*(\d+)", r"NUMERIC RANGE \1-\2"),
    (r"ANNI", "YEARS"),
    (r"ESCLUSIV[AO]", "EXCLUSIVE"),
    (r"SPECIFICARE", "SPECIFY"),
    (r"MEN[UÙ]\s+A\s+TENDINA", "DROPDOWN"),
    (r"ORDINAMENTO|CLASSIFICA", "RANKING"),
    (r"GRIGLIA", "GRID"),
    (r"RUOTARE|ROTAZIONE|RANDOMIZZARE", "RANDOMIZE"),
    (r"NON\s+LEGGERE", "DO NOT READ"),
    (r"CASELLA\s+DI\s+TESTO\s+AMPIA|TESTO\s+LIBERO|DOMANDA\s+APERTA", "LARGE TEXT BOX"),
    (r"SCALA", "SCALE"),
    # "DA 0,00 A 200,00 €": the ends of an amount with their decimals
    (r"DA\s+(-?\d+)(?:,\d+)?\s+A\s+(-?\d+)(?:,\d+)?", r"RANGE \1 TO \2"),
    (r"(?<=\d\s)O(?=\s+\d)", "OR"),
    # "CHIEDERE Q11 E Q12 SOLO SE …": "and" between numbers or question names
    (r"(?<=\d\s)E(?=\s+(?:[A-Z]{1,4})?\d)", "AND"),
    # "(NUMERO DI GIORNI, …)", "(IMPORTO CON DECIMALI, …)", "(ANNI COMPIUTI, 18–99)": a number
    (r"NUMERO\s+DI\s+[A-Z]+|IMPORTO|ANNI\s+COMPIUTI", "NUMERIC"),
    # "SE D3 = 4 O 5 PORRE D4, ALTRIMENTI PASSARE A D5"; "Porre solo a chi ha risposto …"
    (r"(?:PORRE|CHIEDERE)\s+SOLO\s+A\s+CHI\s+HA\s+RISPOSTO", "ASK ONLY THOSE WHO ANSWERED"),
    (r"PORRE|CHIEDERE", "ASK"),
    (r"ALTRIMENTI", "OTHERWISE"),
    (r"(?<=\s)A(?=\s+[A-Z]{1,4}\d)", "AT"),
    (r"SE", "IF"),
)
_GERMAN: tuple[tuple[str, str], ...] = (
    (
        r"MEHRFACHNENNUNG(?:EN)?(?:\s+M[ÖO]GLICH)?|MEHRERE\s+ANTWORTEN(?:\s+M[ÖO]GLICH)?",
        "MULTI CODE",
    ),
    (r"EINFACHNENNUNG|NUR\s+EINE\s+(?:NENNUNG|ANTWORT)", "SINGLE CODE"),
    # "97 mit (offenem) Textfeld": the answer coded 97 has a box to write in
    (r"(\d{1,3})\s+MIT\s+(?:OFFENEM\s+)?(?:TEXTFELD|TEXTEINGABE)", r"CODE \1 SPECIFY"),
    (r"KONSTANTSUMME|KONSTANTE\s+SUMME", "CONSTANT SUM"),
    (r"SUMME\s+(?:MUSS|SOLL)\s+(?:GENAU\s+)?(\d+)\s+(?:ERGEBEN|BETRAGEN)", r"SUM MUST EQUAL \1"),
    (r"GANZZAHLIG", "INTEGER"),
    (r"(\d)\s+NACHKOMMASTELLEN", r"\1 DECIMALS"),
    (r"(\d{1,2})-STELLIG", r"\1 DIGITS"),
    (r"ZAHL", "NUMBER"),
    (r"BEREICH", "RANGE"),
    *LOCAL_NUMBERS,
    (r"MAXIMAL\s+(\d+)\s+(?:NENNUNGEN|ANTWORTEN)", r"MAXIMUM \1 ANSWERS"),
    (r"NUMERISCH|OFFENE\s+ZAHL", "NUMERIC"),
    (r"ZUL[ÄA]SSIG", "ALLOW"),
    (r"J[ÜU]NGER\s+ALS", "UNDER"),
    (r"[ÄA]LTER\s+ALS", "OVER"),
    # "Nur beantworten, wenn Sie bei A4 „Schichtarbeit“ angekreuzt haben:": a paper form's filter
    (r"NUR\s+(?:BEANTWORTEN|AUSF[ÜU]LLEN),?\s+(?:WENN|FALLS)", "ONLY IF"),
    (
        r"(?:SIE\s+)?BEI\s+(?:FRAGE\s+)?([A-Z]{1,4}\d+\w*)\s+((?:[„“\"][^„“”\"]+[“”\"]\s*(?:,|ODER)?\s*)+)"
        r"(?:ANGEKREUZT|GEW[ÄA]HLT|GEANTWORTET|MARKIERT)(?:\s+HABEN)?",
        r"YOU TICKED \2 AT \1",
    ),
    (r"NUR\s+(?:WENN|FALLS)", "ONLY IF"),
    # "(nur Verwaltung und Technik: A1 = 3 oder 4)": whom the question is for, then the test
    (r"(?:(?<=\()|^)NUR(?=[^():]{2,80}:\s*[A-Z]{1,4}\d)", "ONLY"),
    # "Teil D beantworten bitte nur Beschäftigte mit … (Frage A3 = „ja“). Alle anderen machen
    # bitte direkt mit Teil E weiter.": whom a part is for, and where everyone else goes
    (
        r"TEIL\s+([A-Z0-9]{1,2})\s+(?:BEANTWORTEN|AUSF[ÜU]LLEN)\s+(?:BITTE\s+)?NUR",
        r"PART \1 IS ONLY FOR",
    ),
    (r"ALLE\s+ANDEREN", "EVERYONE ELSE"),
    (
        r"MACHEN\s+(?:BITTE\s+)?(?:DIREKT\s+)?MIT\s+TEIL\s+([A-Z0-9]{1,2})\s+WEITER",
        r"GO ON TO PART \1",
    ),
    (r"(?<=\()FRAGE(?=\s+[A-Z]{1,4}\d)", "QUESTION"),
    (r"FRAGEN\s+(?:WENN|FALLS)", "ASK IF"),
    (r"(?:WEITER\s+MIT|SPRINGEN\s+ZU|GEHE\s+ZU)(?:\s+FRAGE)?", "GO TO"),
    (r"(?:BEDANKEN|DANKEN)\s+UND\s+(?:BEENDEN|ABBRECHEN)", "THANK AND CLOSE"),
    (r"(?:INTERVIEW|BEFRAGUNG)\s+BEENDEN|ABBRUCH|ABBRECHEN", "TERMINATE"),
    (r"UNTER", "UNDER"),
    (r"[ÜU]BER", "OVER"),
    (r"EXKLUSIV", "EXCLUSIVE"),
    (r"BITTE\s+ANGEBEN|ANGEBEN", "SPECIFY"),
    (r"OFFENE\s+(?:FRAGE|NENNUNG|ANTWORT)", "LARGE TEXT BOX"),
    (r"NICHT\s+VORLESEN", "DO NOT READ"),
    (r"ROTIEREN|RANDOMISIEREN", "RANDOMIZE"),
    (r"SKALA", "SCALE"),
    (r"DATUM", "DATE"),
    (r"(?<=\d\s)ODER(?=\s+\d)", "OR"),
    # "(F12 = 1 ODER 2) UND NICHT F5 = 3": the joins of a compound filter
    (r"ODER", "OR"),
    (r"UND\s+NICHT", "AND NOT"),
    (r"(?<=[\d)]\s)UND(?=\s)", "AND"),
    (r"NICHT(?=\s+[A-Z]{1,4}\d)", "NOT"),
    (r"WENN|FALLS", "IF"),
)


# Survey tools' printed exports write their logic in fixed English phrases of their own:
# "Skip To: Q10 If Q8 = No", "Display This Question: If Q5 None of these Is Not Selected".
_TOOL_EXPORT: tuple[tuple[str, str], ...] = (
    (r"Skip\s+To:?\s*End\s+of\s+Survey\s+If", "TERMINATE IF"),
    (r"Skip\s+To:", "SKIP TO"),
    (r"Display\s+This\s+Question:?\s*If", "ASK IF"),
    (r"([A-Z]{1,4}\d+\w*)\s+(.+?)\s+Is\s+Not\s+Selected", r"\1 NOT = \2"),
    (r"([A-Z]{1,4}\d+\w*)\s+(.+?)\s+Is\s+Selected", r"\1 = \2"),
)


# Chinese scripting words; the script has no spaces between words, so they are matched
# without word boundaries ("选「从未」跳至 Q22": choosing 'never' goes to Q22).
_CHINESE: tuple[tuple[str, str], ...] = (
    (r"(?:请)?(?:跳至|跳到|跳转至|跳转到|转至|转到)(?:第)?", " GO TO "),
    (r"(?:结束|终止)(?:问卷|调查|访问|答题)", " TERMINATE "),
    (r"多选(?:题)?", " MULTI CODE "),
    (r"单选(?:题)?", " SINGLE CODE "),
    (r"[「『“]([^」』”]+)[」』”]", r"'\1'"),
    (r"(?:若|如果|如)?(?:选择?|选了)", " IF "),
    (r"题", ""),
)


def _compiled(phrases: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), r) for p, r in phrases)


# Each language with the words that show a note is written in it.
_LANGUAGES: tuple[tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]], ...] = (
    (
        re.compile(
            r"[ÁÍÓÚÑáíóúñ¿¡]|\b(?:RESPUESTA|PREGUNTA|FILTRO|SOLO\s+SI|PASAR\s+A|ENCUESTA|"
            r"ESPECIFICAR|EXCLUSIVA|RANGO|ANOTAR|ESCALA|LEER|ALEATORIZAR|ROTAR|TEXTO|FECHA|MATRIZ|"
            r"SI\s+[A-Z]{1,4}\d|AGRADECER|TERMINAR|ENCUESTADORA?|DESPLEGABLE|FINALIZAR|ENTREVISTA|"
            r"ENTREVISTADORA?)\b",
            re.I,
        ),
        _compiled(_PHRASES),
    ),
    (
        re.compile(
            r"\b(?:R[ÉE]PONSES?|FILTRE|PR[ÉE]CISE[RZ]|QUESTIONNAIRE|ENTRETIEN|UNIQUEMENT|"
            r"SEULEMENT|ALLER|PASSER|EXCLUSIF|NE\s+PAS|NOTER|AFFICHER|CLASSEMENT|CIT[ÉE]E?S?|"
            r"D[ÉE]ROULANT|NUM[ÉE]RIQUE|REMERCIER|STOP\s+SI|PARTIE|POS[ÉE]E|POSER|OUVERTE|"
            r"ENQU[ÊE]TEUR|SAISIE|SI\s+[A-Z]{1,4}\d)\b|\bFIN\s+DE\s+L['’]|(?<!\w)À(?!\w)|[ÇÂÊÎÔÛ]",
            re.I,
        ),
        _compiled(_FRENCH),
    ),
    (
        re.compile(
            r"[ÙÌ]|\b(?:RISPOST[AE]|MOSTRARE|PASSARE|CONSENTIRE|ESCLUSIV[AO]|TENDINA|GRIGLIA|"
            r"RUOTARE|ORDINAMENTO|INTERVISTA|SPECIFICARE|SOLO\s+SE|SE\s+[A-Z]{1,4}\d|RINGRAZIARE|"
            r"PORRE|ALTRIMENTI|IMPORTO|DECIMALI|COMPIUTI|GIORNI|CLASSIFICA|DIVERSO|NUMERO\s+DI|"
            r"CONTIENE|BLOCCO|CHIEDERE)\b",
            re.I,
        ),
        _compiled(_ITALIAN),
    ),
    (
        re.compile(
            r"\b(?:NENNUNG\w*|MEHRFACH\w*|EINFACH\w*|WEITER\s+MIT|BEENDEN|ABBRUCH|ANGEBEN|"
            r"VORLESEN|NUR\s+WENN|FALLS|EXKLUSIV|OFFENE|ZUL[ÄA]SSIG|J[ÜU]NGER|BEDANKEN\s+UND|"
            r"TEXTFELD|KONSTANTSUMME|SUMME|ZAHL|BEREICH|GANZZAHLIG|NACHKOMMASTELLEN|\d+-STELLIG|"
            r"ODER|UND\s+NICHT|ANGEKREUZT|BEANTWORTEN|ALLE\s+ANDEREN)\b",
            re.I,
        ),
        _compiled(_GERMAN),
    ),
    (glossary_nl.HINT, _compiled(glossary_nl.PHRASES)),
    (glossary_pt.HINT, _compiled(glossary_pt.PHRASES)),
    (glossary_tr.HINT, _compiled(glossary_tr.PHRASES)),
    (glossary_pl.HINT, _compiled(glossary_pl.PHRASES)),
    (glossary_id.HINT, _compiled(glossary_id.PHRASES)),
    (glossary_sv.HINT, _compiled(glossary_sv.PHRASES)),
    (glossary_vi.HINT, _compiled(glossary_vi.PHRASES)),
    (
        re.compile(r"\b(?:Skip\s+To:|Display\s+This\s+Question|Is\s+(?:Not\s+)?Selected)", re.I),
        _compiled(_TOOL_EXPORT),
    ),
    (
        re.compile(r"跳至|跳到|跳转|转至|结束问卷|结束调查|多选|单选"),
        tuple((re.compile(p), r) for p, r in _CHINESE),
    ),
)


def _hint_score(hint: re.Pattern[str], text: str) -> tuple[int, int]:
    """How surely a note is in a language: its words first, then its accented letters.

    Accented letters are shared between neighbours (Spanish and Portuguese both write `Í`, `Ó`),
    words much less: "FILTRO: SOMENTE PARA QUEM … DOMICÍLIO … PRÓPRIO" is Portuguese by its words
    although its accents count for Spanish."""
    words = letters = 0
    for match in hint.finditer(text):
        # a letter: one character, or a lookahead inside a word (Polish "(?=[ĄĆĘ…])")
        inside = match.start() > 0 and text[match.start() - 1].isalnum()
        if len(match[0]) == 1 or (not match[0] and inside):
            letters += 1
        else:
            words += 1
    return words, letters


@functools.lru_cache(maxsize=4096)  # pure, and asked again for the same note by several readers
def to_english(text: str) -> str:
    """A scripting note with its Spanish, French or German words put into English (others
    left as they are)."""
    score, phrases = max(
        ((_hint_score(hint, text), phrases) for hint, phrases in _LANGUAGES), key=lambda s: s[0]
    )
    if score == (0, 0):
        return text
    for pattern, replacement in phrases:
        text = pattern.sub(replacement, text)
    return text


# "… 2   PASE A P6", "Nooit → ga naar V6": a skip written after an answer, in the
# questionnaire's own language; only the verb before a question name at the line's end.
_ROUTE_VERB_RE = re.compile(
    r"(?<!\w)(?:"
    r"(?:PASE|PASA|PASAR|IR|VAYA|SALTE|SALTA|SALTAR|CONTIN[ÚU]E\s+EN)\s+A?"
    r"|(?:GA|GA\s+DOOR|GA\s+VERDER|DOOR|DOORGAAN|SPRING|VERDER)\s+(?:NAAR|MET|BIJ)"
    r"|(?:PULE|PULAR|PASSE|PASSAR|V[ÁA]|SIGA)\s+PARA(?:\s+A)?"
    r"|G[ÅA]\s+(?:VIDARE\s+|VIDERE\s+)?TILL?"  # Swedish, Norwegian, Danish
    r"|WEITER\s+MIT|SPRINGEN\s+(?:SIE\s+)?ZU|GEHEN\s+SIE\s+ZU"  # German
    r")(?:\s+(?:LA\s+)?(?:PREGUNTA|VRAAG|PERGUNTA|FR[ÅA]GA|SP[ØO]RSM[ÅA]L|SP[ØO]RGSM[ÅA]L|FRAGE))?\s*(?=[A-Za-z]{0,4}[.-]?\d+[a-z]?\s*\)?\.?\s*$)",
    re.I,
)


def route_to_english(text: str) -> str:
    """A skip at the end of an answer's line with its Spanish or Dutch verb put into English
    ("PASE A P6" → "GO TO P6"); the rest of the line is left as written."""
    return _ROUTE_VERB_RE.sub("GO TO ", text)
