"""Turkish scripting words read as their English equivalents.

Turkish CATI/CAPI scripts put the answer format in capitals in brackets after the question
(`(OKUYUNUZ – ÇOKLU CEVAP)`, `(OKUMAYINIZ – TEK CEVAP)`, `(AÇIK UÇLU – AYNEN YAZINIZ)`,
`(SAYIYI YAZINIZ – 1 İLE 20 ARASI)`) and the routing after a code, the target first and the
verb last (`-> S5'E GEÇİNİZ`, `-> ANKETİ SONLANDIRIN`); `glossary` puts them into the English
words the instruction reader knows, phrase by phrase.
"""

from __future__ import annotations

import re

_I = "[İIıi]"
_U = "[ÜUüu]"
_O = "[ÖOöo]"
_C = "[ÇCçc]"
_S = "[ŞSşs]"
_G = "[ĞGğg]"
# A question name with its Turkish dative ending ("S5'E", "S9'A", "SORU 12'YE").
_TARGET = r"(?:SORU\s+)?([A-Z]{0,4}\d+[A-Z]?)['’]?(?:Y?[EA])?"
_AGE = rf"(?:YA{_S}INDAN|YA{_S}TAN)"

PHRASES: tuple[tuple[str, str], ...] = (
    # "18 YAŞINDAN KÜÇÜK … İSE ANKETİ SONLANDIRIN": the condition comes before its "if"
    (rf"^([^.]{{1,80}}?)\s+{_I}SE", r"IF \1,"),
    (rf"HER\s+SATIR\s+{_I}{_C}{_I}N\s+TEK\s+(?:CEVAP|YANIT)", "SINGLE CODE PER ROW"),
    (rf"HER\s+SATIR\s+{_I}{_C}{_I}N\s+{_C}OKLU\s+(?:CEVAP|YANIT)", "MULTI CODE PER ROW"),
    (rf"{_C}OKLU\s+(?:CEVAP|YANIT)|B{_I}RDEN\s+FAZLA\s+(?:CEVAP|YANIT)", "MULTI CODE"),
    (r"TEK\s+(?:CEVAP|YANIT)", "SINGLE CODE"),
    (r"EN\s+FAZLA\s+(\d+)\s+(?:CEVAP|YANIT)", r"MAXIMUM \1 ANSWERS"),
    (rf"OKUMAYINIZ|OKUMAYIN|SE{_C}ENEKLER{_I}\s+OKUMAYINIZ", "DO NOT READ"),
    (rf"(?:SE{_C}ENEKLER{_I}\s+)?OKUYUNUZ|OKUYUN", "READ OUT"),
    (rf"KART(?:I|\s+\d+)?\s+G{_O}STER{_I}N(?:{_I}Z)?", "SHOW CARD"),
    (rf"A{_C}IK\s+U{_C}LU", "OPEN END"),
    (rf"AYNEN\s+YAZINIZ|AYNEN\s+KAYDED{_I}N{_I}Z", "RECORD VERBATIM"),
    (
        rf"(?:ANKET{_I}|G{_O}R{_U}{_S}MEY{_I})\s+(?:SONLANDIRINIZ|SONLANDIRIN|B{_I}T{_I}R{_I}N{_I}Z|"
        rf"B{_I}T{_I}R{_I}N|KAPATINIZ|KAPATIN)|TE{_S}EKK{_U}R\s+ED{_I}P\s+KAPATIN(?:IZ)?",
        "TERMINATE",
    ),
    (rf"{_TARGET}\s+GE{_C}(?:{_I}N{_I}Z|{_I}N|{_I}L{_I}R)?", r"GO TO \1"),
    (rf"(\d+)\s+{_AGE}\s+K{_U}{_C}{_U}K", r"UNDER \1"),
    (rf"(\d+)\s+{_AGE}\s+B{_U}Y{_U}K", r"OVER \1"),
    (rf"(-?\d+)\s+{_I}LE\s+(-?\d+)\s+ARASI(?:NDA)?", r"RANGE \1-\2"),
    (rf"SORU\s+{_TARGET}\s+HERKESE\s+SORULACAK|HERKESE\s+SORUNUZ|HERKESE\s+SORULACAK", "ASK ALL"),
    (r"SONDAJ(?:\s+YAPINIZ)?", "PROBE"),
    (rf"YA{_S}I(?:NI)?\s+(?:YAZINIZ|KAYDED{_I}N{_I}Z)", "RECORD AGE"),
    (rf"SAYIYI\s+(?:YAZINIZ|KAYDED{_I}N{_I}Z)|SAYI\s+OLARAK\s+YAZINIZ", "NUMERIC"),
    (rf"YAZINIZ|KAYDED{_I}N{_I}Z|KODLAYINIZ", "RECORD"),
    (rf"BEL{_I}RT{_I}N{_I}Z|BEL{_I}RT{_I}N", "SPECIFY"),
    (rf"ROTASYONLU|ROTASYON|RASTGELE|KARI{_S}IK\s+SIRAYLA", "RANDOMIZE"),
    (rf"ANKET{_O}R(?:\s+NOTU)?", "INTERVIEWER"),
    (r"VEYA", "OR"),
    (rf"{_I}SE", "IF"),
)

# Words only a Turkish note has: its dotted capital İ, dotless ı, Ğ/Ş (matched case-sensitively:
# folded, İ and ı would match every i), and the scripting verbs; each counted on its own.
HINT = re.compile(
    r"(?-i:(?=[İıĞğŞş]))|\b(?=(?:OKUYUNUZ|OKUMAYINIZ|CEVAP|YANIT|SONLANDIRIN\w*|GEÇ\w*|YAZINIZ|"
    r"ANKETÖR|ÇOKLU|BELİRTİNİZ|SONDAJ|ARASI|HERKESE)\b)",
    re.I,
)
