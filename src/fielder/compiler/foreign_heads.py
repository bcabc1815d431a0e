"""Column headings of questionnaire sheets written in another language, read in English.

A German agency's workbook heads its columns `Nr. | Frage / Antwortvorgaben | Code | Antworttyp
| Filter / Steuerung | Hinweise Programmierung`; a Dutch one `Nr. | Vraag / antwoorden |
Vraagtype | Opmerkingen`. The layout is the one an English sheet has (`No. | Question /
answers | Code | Type | Filter | Programming notes`), so each heading word is put into English
and the column table reads the heading as it reads an English one.
"""

from __future__ import annotations

import re

# heading words (lower case, whole words) → their English words
_WORDS: dict[str, str] = {
    # German
    "nr": "no",
    "nummer": "number",
    "frage": "question",
    "fragetext": "question text",
    "fragetyp": "question type",
    "fragenart": "question type",
    "antwortvorgaben": "answers",
    "antwortkategorien": "answers",
    "antworten": "answers",
    "antwort": "answer",
    "antworttyp": "answer format",
    "antwortformat": "answer format",
    "typ": "type",
    "hinweise": "notes",
    "hinweis": "notes",
    "anmerkungen": "notes",
    "programmierung": "programming",
    "steuerung": "routing",
    # Dutch
    "vraag": "question",
    "vraagtekst": "question text",
    "vraagtype": "question type",
    "antwoorden": "answers",
    "antwoordcategorieën": "answers",
    "antwoordtype": "answer format",
    "opmerkingen": "notes",
    # French, Spanish, Italian, Portuguese
    "n°": "no",
    "nº": "no",
    "libellé": "question text",
    "réponses": "answers",
    "modalités": "answers",
    "consignes": "instructions",
    "filtre": "filter",
    "pregunta": "question",
    "respuestas": "answers",
    "código": "code",
    "cód": "code",  # "Cód.": the abbreviated heading
    "cod": "code",
    "salto": "skip",  # "Filtro / Salto": the routing column
    "saltos": "skip",
    "observaciones": "notes",
    "observações": "notes",
    "osservazioni": "notes",
    "codice": "code",
    "tipo": "type",
    "instrucciones": "instructions",
    "filtro": "filter",
    "domanda": "question",
    "risposte": "answers",
    "pergunta": "question",
    "respostas": "answers",
}
_WORD_RE = re.compile(r"[^\W\d_]+|n[°º]", re.I)


def english_heading(words: str) -> str:
    """A lower-cased column heading with its foreign words put into English ("frage /
    antwortvorgaben" → "question / answers"); English headings come back as they were."""
    return _WORD_RE.sub(lambda m: _WORDS.get(m[0], m[0]), words)
