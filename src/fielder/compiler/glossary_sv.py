"""Swedish, Norwegian and Danish form words read as their English equivalents.

Nordic postal and web surveys route in the respondent's own words after an answer (`Nej →
Gå till fråga 6`, `Gå videre til spørsmål 9`, `Gå til spørgsmål 12`) and tell how many
boxes to tick in the question (`Flera alternativ kan markeras`, `Flere svar mulig`, `Sæt
gerne flere krydser`); `glossary` puts the notes into the English words the instruction
reader knows, phrase by phrase.
"""

from __future__ import annotations

import re

_QUESTION = r"(?:FR[ÅA]GA|FR[ÅA]GORNA|SP[ØO]RSM[ÅA]L|SP[ØO]RGSM[ÅA]L)"

PHRASES: tuple[tuple[str, str], ...] = (
    (rf"G[ÅA]\s+(?:VIDARE\s+|VIDERE\s+)?TILL?(?:\s+{_QUESTION})?", "GO TO"),
    (r"FLERA\s+(?:SVAR|ALTERNATIV|RUTOR)|FLERE\s+(?:SVAR|ALTERNATIVER|KRYDS|KRYSS)", "MULTI CODE"),
    (
        r"(?:MARKERA|KRYSSA|SÄTT\s+KRYSS)\s+(?:ENDAST\s+)?(?:ETT|EN)\s+(?:ALTERNATIV|RUTA|SVAR)"
        r"\s+PÅ\s+VARJE\s+RAD",
        "SINGLE CODE PER ROW",
    ),  # fmt: skip
    (
        r"(?:ETT|ET|EN)\s+(?:SVAR|KRYSS|KRYDS)\s+(?:PÅ|PER)\s+(?:VARJE\s+)?(?:RAD|LINJE)",
        "SINGLE CODE PER ROW",
    ),  # fmt: skip
    (r"NÄMLIGEN|ANGE|SPESIFISER|ANGIV", "SPECIFY"),
)

HINT = re.compile(
    rf"\bG[ÅA]\s+(?:VIDARE\s+|VIDERE\s+)?TILL?\b|\b{_QUESTION}\b|\bFLER[AE]\s+(?:SVAR|ALTERNATIV)|"
    r"\bVARJE\s+RAD\b|\bNÄMLIGEN\b",
    re.I,
)
