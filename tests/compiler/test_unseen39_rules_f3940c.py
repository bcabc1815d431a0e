"""Conventions from unseen39 (drafts in German, Spanish, French, Portuguese and Italian): a
Spanish agency sheet headed `Nº | Pregunta / Respuestas | Cód. | Tipo | Filtro / Salto |
Observaciones`, its type words (`MÚLTIPLE`, `MATRIZ`), a `BLOQUE B` row whose filter cell
names the run it asks ("PREGUNTAR P5 A P7. RESTO PASAR A P8"), "0 A 6" as a range, a grid
typed in the type column with its scale in the notes cell, and a `Control de cambios` sheet."""

from __future__ import annotations

import io

import openpyxl

from fielder.compiler import compile_document
from fielder.compiler.glossary import to_english
from fielder.compiler.sheet_scales import noted_scale
from fielder.documents import read_document
from tests.compiler.conftest import by_id, compile_text


def _agency_book() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Cuestionario"
    sheet.append(["Nº", "Pregunta / Respuestas", "Cód.", "Tipo", "Filtro / Salto", "Observaciones"])
    rows: list[list[object]] = [
        ["R1", "¿Tiene usted bicicleta?", None, "SIMPLE", None, "LEER"],
        [None, "Sí", 1, None, None, None],
        [None, "No", 2, None, None, None],
        ["BLOQUE C", "CICLISTAS", None, None, "SOLO SI R1 = 1 PREGUNTAR R2 A R3. RESTO PASAR A R4"],
        ["R2", "¿Qué usos le da?", None, "MÚLTIPLE", None, "NO LEER"],
        [None, "Ir al trabajo", 1, None, None, None],
        [None, "Deporte", 2, None, None, None],
        [None, "Paseo", 3, None, None, None],
        ["R3", "¿Cuántos kilómetros hace a la semana?", None, "NUMÉRICA", None, "RANGO 0-500"],
        ["R4", "Valoración de 0 a 10, donde 0 es «pésimo» y 10 «excelente».", None, "ESCALA 0-10"],
        [None, "Pésimo", 0, None, None, None],
        *[[None, str(n), n, None, None, None] for n in range(1, 10)],
        [None, "Excelente", 10, None, None, None],
        ["R5", "¿Por qué esa nota?", None, "ABIERTA", "SOLO SI R4 = 0 A 4", "ANOTAR LITERAL"],
        [
            "R6",
            "Valore cada uno de estos aspectos del carril bici.",
            None,
            "MATRIZ",
            None,
            "ESCALA: 1 Pésimo / 2 Malo / 3 Bueno / 4 Excelente / 9 NS/NC (NO LEER). ROTAR.",
        ],
        [None, "Anchura", "a", None, None, None],
        [None, "Limpieza", "b", None, None, None],
        [None, "Iluminación", "c", None, None, None],
        ["FIN", "Muchas gracias por su tiempo.", None, "TEXTO", None, None],
    ]
    for row in rows:
        sheet.append(row)
    log = book.create_sheet("Control de cambios")
    log.append(["Versión", "Fecha", "Cambio"])
    log.append(["1", "02/02/2025", "Primera versión"])
    log.append(["2", "09/02/2025", "Se añade R6"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_spanish_agency_sheet_columns_types_and_part_filter() -> None:
    survey = by_id(compile_document(read_document(_agency_book(), "bici.xlsx")).survey)
    assert "BLOQUE_C" not in survey  # the part's row is its heading, not a question
    # "Cód." is the code column: the 0 of the scale is code 0, not 10
    assert [o.code for o in survey["R4"].options][:2] == ["0", "1"]
    assert survey["R4"].type == "scale"
    assert survey["R2"].type == "multi"  # "MÚLTIPLE" in the type column
    # "Observaciones" is a notes column: the range is read
    assert survey["R3"].validation is not None
    assert survey["R3"].validation.max == 500
    # the part's filter covers R2 and R3 only ("RESTO PASAR A R4")
    assert survey["R2"].display_if == "R1 == '1'"
    assert survey["R3"].display_if == "R1 == '1'"
    assert survey["R4"].display_if is None
    # "0 A 4": a range
    assert survey["R5"].display_if == "R4 in ['0','1','2','3','4']"
    grid = survey["R6"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "Pésimo"),
        ("2", "Malo"),
        ("3", "Bueno"),
        ("4", "Excelente"),
        ("9", "NS/NC"),
    ]
    assert [r.label for r in grid.rows] == ["Anchura", "Limpieza", "Iluminación"]
    # the change log sheet is no answers of the closing screen
    assert survey["FIN"].options == []


def test_scale_key_in_a_note_cell() -> None:
    assert noted_scale("SCALE: 1 Never / 2 Sometimes / 3 Often / 8 DK/NA") == [
        ("1", "Never"),
        ("2", "Sometimes"),
        ("3", "Often"),
        ("8", "DK/NA"),
    ]
    assert noted_scale("SCALE: 1 Never / 2 Sometimes") is None  # two points are no key
    assert noted_scale("Read the list") is None


def test_spanish_run_words_read_in_english() -> None:
    english = to_english("PREGUNTAR K4 A K6. RESTO PASAR A K7")
    assert english == "ASK K4 TO K6. EVERYONE ELSE GO TO K7"
    assert to_english("SOLO SI K2 = 1 A 3") == "ONLY IF K2 = 1 TO 3"


def test_portuguese_bases_of_whom_and_or_between_codes() -> None:
    survey = by_id(
        compile_text(
            """M1. Quais destas lojas você conhece? (RM)
01 – Loja Norte
02 – Loja Sul
03 – Loja Leste
M2. Com que frequência você vai ao cinema?
01 – Toda semana
02 – Todo mês
03 – Raramente
04 – Nunca
[APENAS PARA QUEM CONHECE A LOJA NORTE (CÓD. 01 NA M1)]
M3. Você já comprou na Loja Norte?
01 – Sim, compro sempre
02 – Sim, às vezes
03 – Não
[SE M3 = 01 OU 02]
M4. Por que você compra lá?
__________________________________________________
"""
        )
    )
    assert survey["M3"].display_if == "M1 contains '01'"
    assert survey["M4"].display_if == "M3 in ['01','02']"
    # "Por que …?" over one write-in line: a reason, written out
    assert survey["M4"].type == "long_text"


def test_wishes_and_anything_else_over_one_line_are_comment_boxes() -> None:
    survey = by_id(
        compile_text(
            """B1 Wie zufrieden sind Sie mit der Kantine?
☐ 1 sehr zufrieden
☐ 2 zufrieden
☐ 3 unzufrieden
B2 Was müsste sich ändern, damit Sie öfter dort essen?
__________________________________________________________
B3 Was würde Ihnen die Mittagspause erleichtern?
__________________________________________________________
B4 Möchten Sie uns sonst noch etwas sagen?
__________________________________________________________
B5 In welcher Stadt arbeiten Sie?
__________________________________________________________
"""
        )
    )
    assert survey["B2"].type == "long_text"
    assert survey["B3"].type == "long_text"
    assert survey["B4"].type == "long_text"
    assert survey["B5"].type == "text"  # a name on one line stays a line


def test_scale_with_long_end_words_on_a_dashed_line() -> None:
    survey = by_id(
        compile_text(
            """K1. Numa escala de 0 a 10, o quanto você recomendaria a academia?
Não recomendaria de forma alguma 0 – 1 – 2 – 3 – 4 – 5 – 6 – 7 – 8 – 9 – 10 Recomendaria sem dúvida
K2. Você treina aos sábados?
01 – Sim
02 – Não
"""
        )
    )
    assert survey["K1"].type == "scale"
    assert [o.code for o in survey["K1"].options] == [str(n) for n in range(11)]
    assert survey["K1"].options[0].label == "Não recomendaria de forma alguma"
