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
    # an online survey's screen-out: "→ SURVEI SELESAI", "HENTIKAN SURVEI", "survei berakhir"
    (r"(?:AKHIRI|HENTIKAN|SELESAIKAN)\s+SURVEI|SURVEI\s+(?:SELESAI|BERAKHIR)", "TERMINATE"),
    # "Pertanyaan B8 hanya untuk responden yang memilih 1 atau 2 pada B7": a filter naming its
    # question first
    (
        r"PERTANYAAN\s+([A-Z]{1,4}\.?\d+\w*)\s+HANYA\s+UNTUK\s+RESPONDEN\s+YANG\s+"
        r"(?:MEMILIH|MENJAWAB)(?:\s+KODE)?",
        r"ASK \1 ONLY IF CODE",
    ),
    # "HANYA UNTUK RESPONDEN YANG MEMILIH KODE 6 DI B1": only for those who chose code 6 at B1
    (
        r"(?:HANYA\s+)?UNTUK\s+RESPONDEN\s+YANG\s+(?:MEMILIH|MENJAWAB)(?:\s+KODE)?",
        "ONLY FOR THOSE WHO CHOSE CODE",
    ),
    (r"(?<=\d\s)(?:DI|PADA)(?=\s+[A-Z]{1,4}\.?\d)", "AT"),
    (r"LEBIH\s+DARI", "OVER"),
    (r"KURANG\s+DARI", "UNDER"),
    (r"USIA", "AGE"),
    (r"TAHUN", "YEARS"),
    (r"ISIAN\s+ANGKA|ANGKA", "NUMERIC"),
    (r"JAWABAN\s+TERBUKA|KOTAK\s+TEKS\s+PANJANG", "OPEN END"),
    (r"FORMAT\s+EMAIL", "EMAIL"),
    (r"BAGIAN", "SECTION"),
    (r"PERTANYAAN", "QUESTION"),
    (r"(\d{1,3})\.(\d{3})\.(\d{3})|(\d{1,3})\.(\d{3})(?!\.\d)", r"\1\2\3\4\5"),
    (r"ANTARA\s+(?:RP\s*)?(\d+)\s+DAN\s+(?:RP\s*)?(\d+)", r"RANGE \1-\2"),
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
    r"BACAKAN|DIBACAKAN|LINGKARI|DILINGKARI|TULISKAN|PILIH|HURUF|YANG|ATAU|JIKA|APABILA|"
    r"SURVEI|LANJUT|BAGIAN|HANYA|ISIAN|ANGKA|ANTARA|TERBUKA|DALAM|TAHUN)\b)",
    re.I,
)
