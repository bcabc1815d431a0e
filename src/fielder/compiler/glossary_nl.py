"""Dutch scripting words read as their English equivalents.

Dutch panel questionnaires write their answer formats and filters in italic lines of their own
(`Eén antwoord mogelijk`, `Meerdere antwoorden mogelijk, max. 3`, `Open numeriek, 16–99 jaar`,
`Filter: alleen tonen als V9 = 1, 2 of 3`, `jonger dan 18 → einde vragenlijst`); `glossary`
puts them into the English words the instruction reader knows, phrase by phrase.
"""

from __future__ import annotations

import re

_E1 = "(?:[EÉeé]{1,2}n|[EÉeé][ÉEeé]n)"  # "één", "eén", "een"

PHRASES: tuple[tuple[str, str], ...] = (
    (r"PROGRAMMEUR|SCRIPTER", "PROGRAMMER"),
    (r"MEER(?:DERE)?\s+ANTWOORDEN\s+PER\s+RIJ(?:\s+MOGELIJK)?", "MULTI CODE PER ROW"),
    (r"MEER(?:DERE)?\s+ANTWOORDEN(?:\s+MOGELIJK)?", "MULTI CODE"),
    (rf"{_E1}\s+ANTWOORD\s+PER\s+RIJ", "SINGLE CODE PER ROW"),
    (rf"{_E1}\s+ANTWOORD(?:\s+MOGELIJK)?|ENKELVOUDIG", "SINGLE CODE"),
    (r"MAX(?:IMAAL|\.)?\s*(\d+)(?:\s+ANTWOORDEN)?", r"MAXIMUM \1 ANSWERS"),
    (r"MIN(?:IMAAL|\.)?\s*(\d+)\s+ANTWOORDEN", r"MINIMUM \1 ANSWERS"),
    (r"(?:OPEN\s+)?NUMERIEK", "NUMERIC"),
    (r"(?:OPEN\s*,?\s+)?GROOT\s+TEKSTVAK|OPEN\s+VRAAG|OPEN\s+ANTWOORD", "LARGE TEXT BOX"),
    (r"(?:OPEN\s*,?\s+)?(?:KLEIN\s+TEKSTVAK|[ÉE][ÉE]N\s+REGEL)", "SINGLE-LINE TEXT BOX"),
    (r"(?:TOON\s+ALS\s+)?(?:DROPDOWN|KEUZELIJST|UITKLAPLIJST)", "DROPDOWN"),
    (r"ROTEREN|WILLEKEURIGE\s+VOLGORDE|RANDOMISEREN", "RANDOMIZE"),
    (r"NIET\s+VOORLEZEN", "DO NOT READ"),
    (r"SCHAAL", "SCALE"),
    (r"RANGSCHIKKING|RANGSCHIKKEN", "RANKING"),
    (r"EXCLUSIEF", "EXCLUSIVE"),
    (r"NAMELIJK|SPECIFICEER", "SPECIFY"),
    (r"JONGER\s+DAN|MINDER\s+DAN", "UNDER"),
    (r"OUDER\s+DAN|MEER\s+DAN", "OVER"),
    (r"BEDANKEN\s+EN\s+(?:AFSLUITEN|BE[ËE]INDIGEN|STOPPEN)", "THANK AND CLOSE"),
    (
        r"EINDE\s+(?:VAN\s+DE\s+)?(?:VRAGENLIJST|ENQU[ÊE]TE|INTERVIEW)|"
        r"(?:VRAGENLIJST|ENQU[ÊE]TE|INTERVIEW)\s+(?:BE[ËE]INDIGEN|AFSLUITEN|STOPPEN)",
        "TERMINATE",
    ),
    # "V12 T/M V14 NIET VRAGEN ALS V1 = 1": a run of questions ("tot en met", up to and
    # including) left out for whom the test holds
    (
        r"([A-Z]{1,4}\d{1,3})\s+T/M\s+([A-Z]{1,4}\d{1,3})\s*:?\s+NIET\s+(?:VRAGEN|STELLEN|TONEN)\s+"
        r"(?:ALS|INDIEN)",
        r"ASK \1 TO \2 ONLY IF NOT",
    ),
    (r"T/M", "TO"),
    (r"NIET\s+(?:VRAGEN|STELLEN|TONEN)\s+(?:ALS|INDIEN)", "DO NOT ASK IF"),
    # "VRAAG ALLEEN AAN WIE BIJ V10 … (CODE 1) HEEFT GENOEMD": asked of those who named it
    (
        r"(?:VRAAG|VRAGEN|STEL)\s+ALLEEN\s+AAN\s+(?:WIE|DEGENEN\s+DIE|RESPONDENTEN\s+DIE)",
        "ASK ONLY THOSE WHO",
    ),
    (r"BIJ(?=\s+[A-Z]{1,4}\d)", "AT"),
    (r"(?:HEEFT|HEBBEN)\s+GENOEMD|GENOEMD\s+(?:HEEFT|HEBBEN)|GENOEMD", "MENTIONED"),
    (r"(?:ALLEEN\s+)?(?:TONEN|STELLEN|VRAGEN)\s+(?:ALS|INDIEN)", "ASK IF"),
    (r"ALLEEN\s+(?:ALS|INDIEN)", "ONLY IF"),
    (r"GA\s+NAAR|GA\s+DOOR\s+(?:NAAR|MET)|DOORGAAN\s+(?:NAAR|MET)", "GO TO"),
    (r"PER\s+RIJ", "PER ROW"),
    (r"DATUM", "DATE"),
    (r"DD-MM-JJJJ", "DD-MM-YYYY"),
    (r"JJJJ", "YYYY"),
    (r"AANTAL(?:\s+(?:UREN|DAGEN|JAREN|KEER|PERSONEN|MINUTEN))?", "NUMBER"),
    (r"(\d+)\s+CIJFERS", r"\1 DIGITS"),
    (r"JAAR", "YEARS"),
    (r"(?<=\d\s)OF(?=\s+\d)", "OR"),
    (r"(?<=\d\s)EN(?=\s+\d)", "AND"),
    (r"ALS|INDIEN", "IF"),
)

HINT = re.compile(
    r"\b(?:ANTWOORD(?:EN)?|MOGELIJK|NUMERIEK|TEKSTVAK|TONEN|VRAGENLIJST|ENQU[ÊE]TE|JONGER|"
    r"OUDER\s+DAN|EXCLUSIEF|NAMELIJK|ROTEREN|SCHAAL|GA\s+NAAR|ALLEEN\s+ALS|PER\s+RIJ|"
    r"KEUZELIJST|VOORLEZEN|CIJFERS|PROGRAMMEUR|BEDANKEN|T/M|VRAGEN|VRAAG\s+ALLEEN|GENOEMD|"
    r"DOORGAAN|AANTAL|JJJJ)\b|"
    r"=\s*\d+(?:\s*,\s*\d+)*\s+of\s+\d",  # "V4 = 1, 2 of 3": Dutch "or" between codes
    re.I,
)
