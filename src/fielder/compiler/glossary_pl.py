"""Polish scripting words read as their English equivalents.

Polish CATI scripts put the interviewer's and programmer's notes in capitals in square brackets
(`[JEDNA ODPOWIEDŹ]`, `[NIE ODCZYTYWAĆ – KODOWAĆ SPONTANICZNIE. WIELE ODPOWIEDZI,
MAKSYMALNIE 2]`, `[ZAPISAĆ LICZBĘ. ZAKRES 1–15]`), the routing after a code (`→ PRZEJŚĆ DO P6`,
`→ ZAKOŃCZYĆ WYWIAD`) and whom a question is for over it (`[P6 ZADAĆ TYLKO OSOBOM, KTÓRE NIE
GŁOSOWAŁY (P2 = 2). POZOSTALI → PRZEJŚĆ DO P7]`, `[ZADAĆ WSZYSTKIM]`); `glossary` puts them
into the English words the instruction reader knows, phrase by phrase.
"""

from __future__ import annotations

import re

_ID = r"[A-Z]{1,4}\d{1,3}[a-z]?"

PHRASES: tuple[tuple[str, str], ...] = (
    # "P6 ZADAĆ TYLKO OSOBOM, KTÓRE NIE GŁOSOWAŁY (P2 = 2)": the condition is in the bracket
    (
        rf"(?:{_ID}\s+)?(?:ZADAĆ|PYTAĆ)\s+TYLKO\s+(?:OSOBOM|RESPONDENTOM|TYM)[^()]{{0,80}}"
        r"\(([^()]{1,40})\)",
        r"ASK IF \1",
    ),
    # "POZOSTALI → PRZEJŚĆ DO P7": the others skip the question, which the filter says already
    (rf"(?:POZOSTALI|POZOSTAŁE\s+OSOBY)\s*(?:→|->)?\s*PRZEJŚĆ\s+DO\s+{_ID}", ""),
    (r"(?:ZADAĆ|PYTAĆ)\s+WSZYSTKIM|DO\s+WSZYSTKICH", "ASK ALL"),
    # "ZADAĆ, JEŚLI …": a comma may stand between the verb and the condition
    (r"(?:ZADAĆ|PYTAĆ),?\s+(?:TYLKO\s+)?(?:JEŚLI|JEŻELI|GDY)", "ASK IF"),
    # "MOŻNA ZAZNACZYĆ KILKA ODPOWIEDZI": several answers may be marked
    (r"(?:MOŻNA\s+(?:ZAZNACZYĆ|WYBRAĆ|PODAĆ)\s+)?(?:WIELE|KILKA)\s+ODPOWIEDZI", "MULTI CODE"),
    (r"JEDNA\s+ODPOWIEDŹ\s+W\s+KAŻDYM\s+WIERSZU", "SINGLE CODE PER ROW"),
    (r"JEDNA\s+ODPOWIEDŹ", "SINGLE CODE"),
    (r"MAKSYMALNIE\s+(\d+)(?:\s+ODPOWIEDZI)?", r"MAXIMUM \1 ANSWERS"),
    # "NIE ŁĄCZYĆ Z INNYMI": not to be combined with the other answers
    (
        r"ODPOWIEDŹ\s+WYKLUCZAJĄCA|WYKLUCZAJĄCA|NIE\s+ŁĄCZYĆ\s+Z\s+INNYMI(?:\s+ODPOWIEDZIAMI)?",
        "EXCLUSIVE",
    ),
    (r"LISTA\s+ROZWIJANA|ROZWIJANA\s+LISTA", "DROPDOWN"),
    (r"NIE\s+ODCZYTYWAĆ|NIE\s+CZYTAĆ", "DO NOT READ"),
    (r"ODCZYTAĆ(?:\s+LISTĘ)?", "READ OUT"),
    (r"ROTOWAĆ|LOSOWAĆ(?:\s+KOLEJNOŚĆ)?", "RANDOMIZE"),
    (
        r"(?:PODZIĘKOWAĆ\s+I\s+)?ZAKOŃCZYĆ\s+(?:WYWIAD|ANKIETĘ|BADANIE|ROZMOWĘ)",
        "TERMINATE",
    ),
    (r"PRZEJŚĆ\s+DO|PRZEJDŹ\s+DO", "GO TO"),
    (r"(?:ZAPISAĆ|WPISAĆ)\s+(?:LICZBĘ|ROK|WIEK)", "NUMERIC"),
    (r"ZAKRES\s+(-?\d+)\s*[–—-]\s*(-?\d+)", r"RANGE \1-\2"),
    (r"(?:KODOWAĆ\s+)?SPONTANICZNIE", "UNPROMPTED"),
    (r"(?:ZAPISAĆ|WPISAĆ)\s+KWOTĘ", "RECORD AMOUNT"),
    (r"ZAPISAĆ|WPISAĆ", "RECORD"),
    # "JEŚLI PONIŻEJ 18 LAT LUB POWYŻEJ 75 LAT": under 18 years or over 75
    (r"PONIŻEJ|MNIEJ\s+NIŻ", "UNDER"),
    (r"POWYŻEJ|WIĘCEJ\s+NIŻ", "OVER"),
    (r"LAT|LATA", "YEARS"),
    # "KODY 3, 4 i 8 → PRZEJŚĆ DO …", "W PYT. 6 OCENA 1, 2 LUB 3": codes, and, in
    (r"KODY|KOD", "CODE"),
    (r"KONTYNUOWAĆ", "CONTINUE"),
    (r"I", "AND"),
    (r"W", "IN"),
    (r"ANKIETER(?:KA)?", "INTERVIEWER"),
    (r"SKALA", "SCALE"),
    (r"LUB", "OR"),
    (r"JEŚLI|JEŻELI", "IF"),
)

# Letters only Polish has (matched case-sensitively) and the scripting verbs, each counted.
HINT = re.compile(
    r"(?-i:(?=[ĄĆĘŁŃŚŹŻąćęłńśźż]))|\b(?=(?:ODPOWIEDŹ|ODPOWIEDZI|ODCZYTYWAĆ|ODCZYTAĆ|ZAPISAĆ|"
    r"PRZEJŚĆ|ZAKOŃCZYĆ|WYWIAD|ANKIETER|ZAKRES|ZADAĆ|ROTOWAĆ|MAKSYMALNIE|ROZWIJANA)\b)",
    re.I,
)
