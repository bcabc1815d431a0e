"""General conventions met in the text files of a tenth blind batch (CAPI designer specs in
Markdown, plain-text statistics-office modules, pandoc grid tables, box-drawn tables), one small
case each, in their own words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_DESIGNER_SPEC = """
# Household energy · CAPI specification

## Module EN · Energy use

#### EN0 · `en_intro` · Static text

> Now some questions about how your home is heated and lit.

#### EN1 · `en_grid` · Single-select

> Is your home connected to the electricity grid?

| Code | Category |
|---:|---|
| 1 | Yes |
| 2 | No |
| 3 | Refused |

- **On answer:** `en_grid == 3` → end the interview and record the result as refused.

#### EN2 · `en_fuels` · Multi-select

> Which fuels do you use for cooking?

| Code | Category |
|---:|---|
| 1 | Gas |
| 2 | Wood |
| 3 | Charcoal |
| 96 | Other fuel (specify in `en_fuels_txt`) |
| 99 | None of these |

- **Validation:** `!(self.Contains(99) && self.Length > 1)` — "99 stands alone."

#### EN3 · `en_main` · Single-select, categories linked to `en_fuels`

> Which fuel do you use most?

- **Enabling condition:** `!en_fuels.Contains(99) && en_grid == 1`

#### EN4 · `en_stove` · Single-select

> What kind of stove is it?

| Code | Category |
|---:|---|
| 1 | Open fire |
| 2 | Closed stove |
| 3 | Electric hob |

- **Enabling condition:** `en_main > 1`

#### EN5 · `en_rooms` · Numeric (integer)

> How many rooms are heated in winter?

- **Validation:** `self >= 0 && self <= 12` — "At most twelve rooms."

#### EN6 · `en_warm` · Single-select (shown as a 1–4 scale)

> How warm is your home in winter?

| Code | Category |
|---:|---|
| 1 | Far too cold |
| 2 | |
| 3 | |
| 4 | Comfortably warm |

- **Enabling condition:** `en_rooms > 0`

#### EN7 · `en_items` · Multi-select, yes/no mode

> Does your home have any of these?

| Code | Item |
|---:|---|
| 1 | A solar panel |
| 2 | A generator |
"""


def test_designer_spec_headings_give_variable_ids_types_and_csharp_logic() -> None:
    questions = by_id(compile_text(_DESIGNER_SPEC, "spec.md"))
    assert list(questions) == [
        "en_intro",
        "en_grid",
        "en_fuels",
        "en_main",
        "en_stove",
        "en_rooms",
        "en_warm",
        "en_items",
    ]
    assert questions["en_intro"].type == "display"
    assert questions["en_grid"].terminate_if == "en_grid == '3'"
    fuels = questions["en_fuels"]
    assert fuels.type == "multi"
    assert [(o.code, o.label, o.exclusive, o.specify) for o in fuels.options][-2:] == [
        ("96", "Other fuel", False, True),
        ("99", "None of these", True, False),
    ]
    main = questions["en_main"]
    assert [o.code for o in main.options] == ["1", "2", "3", "96"]
    assert not any(o.specify for o in main.options)
    assert main.display_if == "not (en_fuels contains '99') and en_grid == '1'"
    assert questions["en_stove"].display_if == "en_main in ['2','3','96']"
    rooms = questions["en_rooms"]
    assert (rooms.type, rooms.validation and (rooms.validation.min, rooms.validation.max)) == (
        "number",
        (0, 12),
    )
    warm = questions["en_warm"]
    assert warm.type == "scale"
    assert [o.label for o in warm.options] == ["Far too cold", "2", "3", "Comfortably warm"]
    assert warm.display_if == "en_rooms > 0"
    items = questions["en_items"]
    assert items.type == "grid"
    assert [(o.code, o.label) for o in items.options] == [("1", "Yes"), ("0", "No")]
    assert [r.label for r in items.rows] == ["A solar panel", "A generator"]


_BOX_TABLE = """
BLOK V. KETERANGAN KEBUN

┌─────┬──────────────────────────────┬──────────────────────────┐
│ No. │ Pertanyaan                   │ Jawaban / Kode           │
╞═════╪══════════════════════════════╪══════════════════════════╡
│ 501 │ Apakah rumah tangga memiliki │ 1. Ya                    │
│     │ kebun buah?                  │ 2. Tidak → R.504         │
├─────┼──────────────────────────────┼──────────────────────────┤
│ 502 │ Buah apa saja yang ditanam?  │ A. Mangga                │
│     │ JAWABAN BOLEH LEBIH DARI     │ B. Pisang                │
│     │ SATU.                        │ C. Jeruk                 │
│     │                              │ Y. Lain (sebutkan) ..... │
├─────┼──────────────────────────────┼──────────────────────────┤
│ 503 │ Buah mana yang paling banyak │                          │
│     │ dijual?                      │                          │
│     │ PILIH SATU DARI HURUF YANG   │                          │
│     │ DILINGKARI DI R.502.         │                          │
├─────┼──────────────────────────────┼──────────────────────────┤
│ 504 │ (DITANYAKAN JIKA R.502       │ ............ pohon       │
│     │ BERISI KODE A)               │ (1 – 12.000)             │
│     │ Berapa pohon mangga yang     │                          │
│     │ dimiliki?                    │                          │
└─────┴──────────────────────────────┴──────────────────────────┘
"""


def test_box_drawn_table_rows_with_wrapped_cells_letter_codes_and_item_references() -> None:
    questions = by_id(compile_text(_BOX_TABLE))
    assert list(questions) == ["Q501", "Q502", "Q503", "Q504"]
    first = questions["Q501"]
    assert first.text == "Apakah rumah tangga memiliki kebun buah?"
    assert [(s.if_, s.to) for s in first.skip_to] == [("Q501 == '2'", "Q504")]
    fruits = questions["Q502"]
    assert fruits.type == "multi"
    assert [(o.code, o.label, o.specify) for o in fruits.options] == [
        ("A", "Mangga", False),
        ("B", "Pisang", False),
        ("C", "Jeruk", False),
        ("Y", "Lain (sebutkan)", True),
    ]
    most = questions["Q503"]
    assert most.type == "single"
    assert [o.code for o in most.options] == ["A", "B", "C", "Y"]
    assert not any(o.specify for o in most.options)  # the "other" was written in at 502
    trees = questions["Q504"]
    assert trees.type == "number"
    assert trees.validation is not None
    assert (trees.validation.min, trees.validation.max) == (1, 12000)
    assert trees.display_if == "Q502 contains 'A'"


_STATS_MODULE = """
DOCUMENT CONTROL
  v2  2030-01-01  Filter box before H7 rewritten

==========================================================================
 H1  HOUSING
==========================================================================

H01  Does your household rent its home?
       1  Yes
       2  No
       8  DON'T KNOW
     +--------------------------------------------------------------+
     | FILTER: IF H01 = 2 OR 8 -> H04                                |
     |         IF H01 = 1 -> CONTINUE WITH H02                       |
     +--------------------------------------------------------------+

H02  How much rent did you pay in [REFERENCE MONTH]?
       AMOUNT  |__|__|__|__|                             RANGE 0-5000

H03  [NOT USED - moved to module J]

H04  What does the main wall of the home consist of?
     DO NOT READ OUT. PROBE: "Anything else?" MULTIPLE.
       1  Brick
       2  Wood
       3  Metal sheets
       7  NONE OF THESE (EXCLUSIVE)

     +--------------------------------------------------------------+
     | FILTER: ASK H05 AND H07 ONLY OF OWNERS (H01 = 2)              |
     +--------------------------------------------------------------+

H05  Who built the home?
     RECORD THE NAME OF THE BUILDER.
       BUILDER: ______________________________________

     +--------------------------------------------------------------+
     | SOFT CHECK: IF H02 > 4000, CONFIRM: "You paid [H02] for      |
     | rent. Is that right?"                                        |
     +--------------------------------------------------------------+

H06  Is the roof leaking?
       1  Yes
       2  No

     +--------------------------------------------------------------+
     | FILTER: H07-H08 ARE ASKED ONLY OF HOUSEHOLDS WITH A LEAK:     |
     |         H06 = 1                                              |
     +--------------------------------------------------------------+

H07  Has the leak been reported?
       1  Yes
       2  No

H08  How many rooms are affected?
       ROOMS  |__|__|                                    RANGE 1-20
"""


def test_statistics_office_module_boxes_titles_retired_numbers_and_capital_answers() -> None:
    questions = by_id(compile_text(_STATS_MODULE))
    assert list(questions) == ["H01", "H02", "H04", "H05", "H06", "H07", "H08"]
    rent = questions["H01"]
    assert [(o.code, o.label) for o in rent.options][-1] == ("8", "DON'T KNOW")
    # the box's first rule routes from H01; "CONTINUE WITH" the next question is no skip
    assert [(s.if_, s.to) for s in rent.skip_to] == [("H01 in ['2','8']", "H04")]
    assert questions["H02"].text == "How much rent did you pay in [REFERENCE MONTH]?"
    walls = questions["H04"]
    assert walls.type == "multi"
    assert walls.options[0].label == "Brick"
    assert [(o.code, o.exclusive) for o in walls.options][-1] == ("7", True)
    assert questions["H05"].type == "text"
    assert questions["H05"].display_if == "H01 == '2'"
    assert questions["H07"].display_if == "(H01 == '2') and (H06 == '1')"
    assert questions["H08"].display_if == "H06 == '1'"


_SOURCE_VERSION = """
---
title: "Study source questionnaire"
---

::: {.note title="Notes for adaptation"}
Replace text in angle brackets with the national term.
:::

# Part 1: Home {#sec-home}

**HQ01** Which region do you live in?

+------------------------------------+--------+
| Response                           | Code   |
+====================================+========+
| <Region 1>                         | ☐~01~  |
+------------------------------------+--------+
| <Region 2>                         | ☐~02~  |
+------------------------------------+--------+
| Another region                     | ☐~03~  |
+------------------------------------+--------+

**HQ02** When did you move into your home? Please write the month and the year.

Month \\_\\_ \\_\\_   Year \\_\\_ \\_\\_

**HQ03** How much do you agree with these statements about your <home town>?

+--------+----------------------------+----------+----------+
|        |                            | Agree    | Do not   |
|        |                            |          | agree    |
+========+============================+==========+==========+
| HQ03A  | It is quiet.               | ☐~1~     | ☐~2~     |
+--------+----------------------------+----------+----------+
| HQ03B  | It is near <capital city>. | ☐~1~     | ☐~2~     |
+--------+----------------------------+----------+----------+
"""


def test_pandoc_grid_tables_code_columns_item_ids_and_adaptation_brackets() -> None:
    questions = by_id(compile_text(_SOURCE_VERSION, "source.md"))
    assert list(questions) == ["HQ01", "HQ02", "HQ03"]
    region = questions["HQ01"]
    assert region.type == "single"
    assert [(o.code, o.label) for o in region.options] == [
        ("01", "<Region 1>"),
        ("02", "<Region 2>"),
        ("03", "Another region"),
    ]
    moved = questions["HQ02"]
    assert moved.text == "When did you move into your home? Please write the month and the year."
    town = questions["HQ03"]
    assert town.text == "How much do you agree with these statements about your <home town>?"
    assert town.type == "grid"
    assert [o.label for o in town.options] == ["Agree", "Do not agree"]
    assert [r.label for r in town.rows] == ["It is quiet.", "It is near <capital city>."]


def test_a_first_column_of_question_numbers_is_not_an_item_id_column() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Please answer each question below.

            +-----+------------------------------+------+------+
            |     |                              | Yes  | No   |
            +=====+==============================+======+======+
            | Q2  | Do you cycle to work?        | ☐ 1  | ☐ 2  |
            +-----+------------------------------+------+------+
            | Q3  | Do you own a car?            | ☐ 1  | ☐ 2  |
            +-----+------------------------------+------+------+
            | Q4  | Do you use the bus?          | ☐ 1  | ☐ 2  |
            +-----+------------------------------+------+------+
            """,
            "commute.md",
        )
    )
    assert not any(
        q.rows and q.rows[0].label == "Do you cycle to work?" for q in questions.values()
    )
