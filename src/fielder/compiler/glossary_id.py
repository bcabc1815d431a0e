"""Indonesian (and Malay) scripting words read as their English equivalents.

Statistics-office forms in Indonesian put the enumerator's notes in capitals in the question
cell (`JAWABAN BOLEH LEBIH DARI SATU`, `PILIH SATU`), whom a question is for over it
(`(DITANYAKAN JIKA R.404 BERISI KODE A ATAU B)`) and the routing after a code (`→ R.411`,
`LANJUTKAN KE R.411`, `AKHIRI WAWANCARA`); `glossary` puts them into the English words the
instruction reader knows, phrase by phrase.
"""

from __future__ import annotations

import re

PHRASES: tuple[tuple[str, str], ...] = (
    (r"(?:JAWABAN\s+)?BOLEH\s+LEBIH\s+DARI\s+SATU(?:\s+JAWABAN)?", "MULTI CODE"),
    # "PILIH SATU DARI HURUF YANG DILINGKARI DI R.404": one of the answers circled at R.404
    (
        r"DARI\s+(?:HURUF|KODE|JAWABAN|KOMODITAS)\s+YANG\s+(?:DILINGKARI|DIPILIH|DISEBUTKAN)\s+"
        r"(?:DI|PADA)",
        "LIST THOSE SELECTED AT",
    ),
    (r"PILIH\s+SATU|SATU\s+JAWABAN|HANYA\s+SATU\s+JAWABAN", "SINGLE CODE"),
    (r"(?:DITANYAKAN|TANYAKAN|DIISI)\s+(?:HANYA\s+)?(?:JIKA|APABILA|BILA|KALAU)", "ASK IF"),
    (r"(?:DITANYAKAN|TANYAKAN)\s+(?:KEPADA\s+)?SEMUA(?:\s+RESPONDEN)?", "ASK ALL"),
    (r"HANYA\s+(?:JIKA|APABILA|BILA)", "ONLY IF"),
    # "R.404 BERISI KODE A ATAU B": the answer at R.404 holds code A or B
    (r"BERISI\s+KODE|MENJAWAB\s+KODE|BERKODE|=\s*KODE", "="),
    (r"(?:LANJUTKAN|LANJUT|LOMPAT|PINDAH)\s+KE", "GO TO"),
    (r"(?:AKHIRI|HENTIKAN|SELESAIKAN)\s+WAWANCARA", "TERMINATE"),
    (r"JANGAN\s+DIBACAKAN|TIDAK\s+DIBACAKAN", "DO NOT READ"),
    (r"BACAKAN(?:\s+PILIHAN\s+JAWABAN)?", "READ OUT"),
    (r"SEBUTKAN", "SPECIFY"),
    (r"PENCACAH|PEWAWANCARA", "INTERVIEWER"),
    (r"ATAU", "OR"),
    (r"DAN", "AND"),
    (r"JIKA|APABILA", "IF"),
)

# The scripting words only an Indonesian note has, each counted on its own.
HINT = re.compile(
    r"\b(?=(?:JAWABAN|DITANYAKAN|TANYAKAN|BERISI|LANJUTKAN|WAWANCARA|PENCACAH|SEBUTKAN|"
    r"BACAKAN|DIBACAKAN|LINGKARI|DILINGKARI|TULISKAN|PILIH|HURUF|YANG|ATAU|JIKA|APABILA)\b)",
    re.I,
)
