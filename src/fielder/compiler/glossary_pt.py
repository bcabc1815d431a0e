"""Portuguese (Brazilian and European) scripting words read as their English equivalents.

CAPI questionnaires in Portuguese put the answer format in capitals at the end of the question
(`(RU)` resposta única, `(RM)` resposta múltipla, `(RU POR LINHA)`, `(ESPONTÂNEA)`,
`(ESTIMULADA – MOSTRAR CARTÃO 1)`, `(ANOTAR – 18 A 99)`, `(ANOTAR VALOR EM REAIS – DE 0 A
5.000)`) and the routing after the answers (`→ ENCERRE`, `Pule para P11`, `(EXCLUSIVA)`);
`glossary` puts them into the English words the instruction reader knows, phrase by phrase.
"""

from __future__ import annotations

import re

_A = "[AÁÂÃaáâã]"
_O = "[OÓÔoóô]"

PHRASES: tuple[tuple[str, str], ...] = (
    (r"(\d{1,3})\.(\d{3})", r"\1\2"),  # "5.000": a thousands point
    (r"\(?RU\s+POR\s+LINHA\)?|RESPOSTA\s+[ÚU]NICA\s+POR\s+LINHA", "SINGLE CODE PER ROW"),
    (r"\(?RM\s+POR\s+LINHA\)?", "MULTI CODE PER ROW"),
    (r"\(RU\)|RU|RESPOSTA\s+[ÚU]NICA", "SINGLE CODE"),
    (r"\(RM\)|RM|RESPOSTAS?\s+M[ÚU]LTIPLAS?", "MULTI CODE"),
    (rf"ESPONT{_A}NEA|N{_A}O\s+LER(?:\s+(?:AS\s+)?ALTERNATIVAS)?", "DO NOT READ"),
    (r"ESTIMULADA|LER\s+(?:AS\s+)?ALTERNATIVAS", "READ OUT"),
    (rf"MOSTRAR\s+CART{_A}O", "SHOW CARD"),
    (
        r"AGRADE[ÇC]A\s+E\s+ENCERRE|ENCERR(?:E|AR)(?:\s+A\s+ENTREVISTA)?(?:\s+E\s+AGRADECER)?|"
        r"FINALIZ(?:E|AR)\s+A\s+ENTREVISTA|FIM\s+DA\s+ENTREVISTA",
        "TERMINATE",
    ),
    (r"(?:PULE|PULAR|PASSE|PASSAR|V[ÁA]|SIGA|IR)\s+PARA(?:\s+A)?(?:\s+PERGUNTA)?", "GO TO"),
    (r"EXCLUSIV[AO]", "EXCLUSIVE"),
    (r"NUM[ÉE]RIC[AO]", "NUMERIC"),
    (rf"ORDENA[ÇC]{_A}O|ORDENAR|ORDENE", "RANKING"),
    (r"FILTRO", "FILTER"),
    # "DEMAIS, PASSAR PARA Q10": everyone else goes on to Q10
    (r"(?:AOS\s+)?DEMAIS|CASO\s+CONTR[ÁA]RIO", "OTHERWISE"),
    # "PASSAR PARA O BLOCO B (Q14)": a part, and its first question in brackets
    (r"(?<=GO TO )O\s+BLOCO", "BLOCK"),
    (r"ANOTAR|ANOTE|REGISTRAR", "RECORD"),
    (r"ESPECIFI(?:CAR|QUE)", "SPECIFY"),
    (r"ALEATORIZAR|RODIZIAR|RODIZIO", "RANDOMIZE"),
    (r"(?:DE\s+)?(-?\d[\d.]*)\s+A\s+(-?\d[\d.]*)", r"RANGE \1-\2"),
    (r"ANOS", "YEARS"),
    (r"ENTREVISTADOR(?:A)?", "INTERVIEWER"),
    # "PERGUNTAR Q9 SOMENTE SE Q5 = 3": the question named before its condition
    (rf"PERGUNTAR\s+([A-Z]{{1,4}}\d+\w*)\s+(?:SOMENTE|APENAS|S{_O})\s+SE", r"ASK \1 ONLY IF"),
    (rf"PERGUNTAR\s+(?:SOMENTE\s+|S{_O}\s+|APENAS\s+)?SE|SOMENTE\s+SE|APENAS\s+SE", "ASK IF"),
    # "APENAS PARA QUEM CONHECE X (CÓD. 01 NA P2)", "SOMENTE PARA QUEM JÁ COMPROU (P3 = 01
    # OU 02)": a base of whom, then the test in brackets
    (rf"(?:APENAS|SOMENTE|S{_O})\s+PARA\s+(?:QUEM|OS\s+QUE|AQUELES\s+QUE)", "ONLY FOR THOSE WHO"),
    (r"C[ÓO]D(?:IGOS?|S?\.)(?=\s*\d)", "CODE"),
    (r"(?:NA|NO)(?:\s+PERGUNTA)?(?=\s+[A-Z]{1,4}\d)", "AT"),
    (r"(?<=\d\s)OU(?=\s+\d)", "OR"),
    (r"(?<=\d\s)E(?=\s+\d)", "AND"),
    # "(Q15 >= 1) E USA O CARRO … (Q5 = 5)": "and" after a condition in brackets
    (r"(?<=\)\s)E(?=\s)", "AND"),
    (r"SE", "IF"),
)

HINT = re.compile(
    rf"\b(?:RU|RM|ESPONT{_A}NEA|ESTIMULADA|ENCERR[EA]R?|PULE\s+PARA|PASSE\s+PARA|V[ÁA]\s+PARA|"
    rf"ANOTAR|ANOTE|CART{_A}O|POR\s+LINHA|EXCLUSIV[AO]|RESPOSTAS?|ENTREVISTA|SOMENTE|REAIS|"
    # words Spanish and Italian notes do not use: "pass to", "ask", "others", "block", "whom"
    r"(?:PASSAR|IR)\s+PARA|PERGUNTAR|DEMAIS|BLOCO|QUEM|AGRADECER|FORA\s+D[AO]|SE\s+[A-Z]{1,4}\d)\b|[ÃÕÇ]|"
    r"\b\d[\d.]*\s+A\s+\d|"  # "18 A 99", "DE 0 A 5.000": a range
    r"\b\d{1,3}\s+OU\s+\d",  # "04 OU 05": "or" between codes
    re.I,
)
