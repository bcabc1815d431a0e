"""Scripting words of other languages read as their English equivalents.

Questionnaires written in Spanish (and the agencies' Spanish scripting notes) use the same
conventions as English ones: `RESPUESTA MÚLTIPLE` is MULTI CODE, `FILTRO: SOLO SI P3 = 1 Ó 2`
is a filter, `PASAR A P11` a skip, `FINALIZAR ENCUESTA` a screen-out. The instruction reader
works in English; notes are put into English words first, phrase by phrase.
"""

from __future__ import annotations

import re

_A = "[AÁaá]"
_E = "[EÉeé]"
_O = "[OÓoó]"
_U = "[UÚuú]"

_PHRASES: tuple[tuple[str, str], ...] = (
    (rf"RESPUESTA\s+M{_U}LTIPLE|RESPUESTAS\s+M{_U}LTIPLES|MULTIRRESPUESTA", "MULTI CODE"),
    (rf"RESPUESTA\s+{_U}NICA(\s+POR\s+FILA)?|UNA\s+SOLA\s+RESPUESTA", "SINGLE CODE"),
    (rf"M{_A}XIMO\s+(\d+)\s+RESPUESTAS?", r"MAXIMUM \1 ANSWERS"),
    (rf"NUM{_E}RIC[AO]", "NUMERIC"),
    (r"RANGO", "RANGE"),
    (r"FILTRO", "FILTER"),
    (r"PREGUNTAR\s+(?:SOLO\s+)?SI", "ASK IF"),
    (r"PREGUNTAR\s+A\s+TODOS", "ASK ALL"),
    (r"SOLO\s+SI", "ONLY IF"),
    (r"(?:PASAR|IR|SALTAR)\s+A(?:\s+LA)?(?:\s+PREGUNTA)?", "GO TO"),
    (
        r"(?:FINALIZAR|TERMINAR|CERRAR)(?:\s+LA)?\s+(?:ENCUESTA|ENTREVISTA)|"
        r"FIN\s+DE\s+(?:LA\s+)?(?:ENCUESTA|ENTREVISTA)",
        "TERMINATE",
    ),
    (r"MENOR(?:ES)?\s+DE", "UNDER"),
    (r"MAYOR(?:ES)?\s+DE", "OVER"),
    (r"EXCLUSIV[AO]", "EXCLUSIVE"),
    (r"ESPECIFICAR|ESPECIFIQUE", "SPECIFY"),
    (r"TEXTO\s+CORTO", "SINGLE-LINE TEXT BOX"),
    (r"TEXTO\s+LARGO|RESPUESTA\s+ABIERTA|PREGUNTA\s+ABIERTA", "LARGE TEXT BOX"),
    (r"ALEATORIZAR|ROTAR", "RANDOMIZE"),
    (r"NO\s+LEER", "DO NOT READ"),
    (r"DESPLEGABLE", "DROPDOWN"),
    (r"ANOTAR", "RECORD"),
    (r"AÑOS", "YEARS"),
    (r"EN", "IN"),
    (r"ESCALA", "SCALE"),
    (r"FECHA", "DATE"),
    (rf"CORREO\s+ELECTR{_O}NICO", "EMAIL"),
    (r"Ó|(?<=\d)\s+O(?=\s+\d)", " OR "),
    (r"Y(?=\s+\d)", "AND"),
    (r"SI", "IF"),
)
_COMPILED = tuple((re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), r) for p, r in _PHRASES)
_SPANISH_HINT_RE = re.compile(
    r"[ÁÉÍÓÚÑáéíóúñ¿¡]|\b(?:RESPUESTA|PREGUNTA|FILTRO|SOLO\s+SI|PASAR\s+A|ENCUESTA|ESPECIFICAR|"
    r"EXCLUSIVA|RANGO|ANOTAR|ESCALA|LEER|ALEATORIZAR|ROTAR|TEXTO|FECHA|SI\s+[A-Z]{1,4}\d)\b",
    re.I,
)


def to_english(text: str) -> str:
    """A scripting note with its Spanish words put into English (others left as they are)."""
    if not _SPANISH_HINT_RE.search(text):
        return text
    for pattern, replacement in _COMPILED:
        text = pattern.sub(replacement, text)
    return text
