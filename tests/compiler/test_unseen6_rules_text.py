"""General conventions met in the text files of a sixth blind batch (a Japanese paper form, a
CATI script in Polish, a Notion export, a quiz copy deck, a tracker marked with its changes), one
small case each, in invented words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_JAPANESE_FORM = """
市立図書館 利用者アンケート

　いつも図書館をご利用いただき、ありがとうございます。
＜ご記入にあたって＞
　１．あてはまる番号に○をつけてください。
　２．１２月１０日までにご返送ください。

━━━━━━━━━━━━━━━━━━━━
Ⅰ　ご利用について
━━━━━━━━━━━━━━━━━━━━

問1　図書館をどのくらい利用しますか。（○はひとつ）

　　１．週に１回以上　　２．月に１～２回　　３．年に数回
　　４．利用しない　　　→問3へ

問2　よく利用するサービスは何ですか。（○はいくつでも）

　　１．本の貸出　　　　２．雑誌の閲覧
　　３．学習スペース　　４．その他（具体的に：　　　　　　）
　　５．特にない

　　【問2で「３．学習スペース」に○をつけた方に】
問2-1　一回あたり何時間くらい滞在しますか。（数字を記入）

　　約（　　　　）時間

　　　　　　　　　　　　　　－１－
【すべての方に】
問3　次のア～ウについて、どのくらい満足していますか。（それぞれ○はひとつ）

　　　　　　　　　　　　　満足　　ふつう　　不満
　　ア．開館時間　　　　　１　－　２　－　３
　　イ．蔵書の数と種類
　　　　　　　　　　　　　１　－　２　－　３
　　ウ．職員の対応　　　　１　－　２　－　３

問4　【問1で「１」または「２」と答えた方に】
　図書館に望むことを選んでください。（○は２つまで）

　　１．開館時間の延長　　２．座席の増設　　３．駐車場の拡充

問5　ご意見があればご自由にお書きください。

　┌────────────────┐
　│　　　　　　　　　　　　　　　　│
　└────────────────┘

　　　～　ご協力ありがとうございました。　～
　返信用封筒に入れてご投函ください。
"""


def test_japanese_form_numbers_markers_and_full_width_codes() -> None:
    questions = by_id(compile_text(_JAPANESE_FORM))
    assert list(questions) == ["Q1", "Q2", "Q2_1", "Q3", "Q4", "Q5"]
    first = questions["Q1"]
    assert first.type == "single"
    assert first.text == "図書館をどのくらい利用しますか。"
    assert [(o.code, o.label) for o in first.options] == [
        ("1", "週に１回以上"),
        ("2", "月に１～２回"),
        ("3", "年に数回"),
        ("4", "利用しない"),
    ]
    assert [(s.if_, s.to) for s in first.skip_to] == [("Q1 == '4'", "Q3")]


def test_japanese_form_other_write_in_and_none_of_these() -> None:
    services = by_id(compile_text(_JAPANESE_FORM))["Q2"]
    assert services.type == "multi"
    assert [o.label for o in services.options][-2:] == ["その他", "特にない"]
    assert [o.code for o in services.options if o.specify] == ["4"]
    assert [o.code for o in services.options if o.exclusive] == ["5"]


def test_japanese_form_filters_above_and_inside_the_number_and_everyone_resets() -> None:
    questions = by_id(compile_text(_JAPANESE_FORM))
    assert questions["Q2_1"].type == "number"
    assert questions["Q2_1"].display_if == "Q2 contains '3'"
    assert questions["Q3"].display_if is None
    wishes = questions["Q4"]
    assert wishes.text == "図書館に望むことを選んでください。"
    assert wishes.display_if == "Q1 in ['1','2']"
    assert wishes.type == "multi"
    assert wishes.validation is not None
    assert wishes.validation.max_choices == 2


def test_japanese_form_grid_of_column_words_over_lettered_rows() -> None:
    grid = by_id(compile_text(_JAPANESE_FORM))["Q3"]
    assert grid.type == "grid"
    assert [(o.code, o.label) for o in grid.options] == [
        ("1", "満足"),
        ("2", "ふつう"),
        ("3", "不満"),
    ]
    assert [r.label for r in grid.rows] == ["開館時間", "蔵書の数と種類", "職員の対応"]


def test_japanese_form_drawn_box_is_a_comment_and_the_thanks_is_no_entry() -> None:
    questions = by_id(compile_text(_JAPANESE_FORM))
    assert questions["Q5"].type == "long_text"
    assert questions["Q5"].text == "ご意見があればご自由にお書きください。"


_WAVE_DRAFT = """
KEY: [NEW W3] added this wave; [DELETED W3] removed, do not programme; ~~text~~ struck out

Q1  Do you own a dog?
      1  Yes
      2  No
      ~~3  Thinking about it~~   [DELETED W3]

~~Q2  How many walks a day does your dog get?~~   [DELETED W3]
~~      1  One   2  Two   3  Three or more~~

Q2 (was Q3)  [CHANGED]
      ~~How old is your dog?~~
      How many years have you had your dog?
      _____ years      RANGE 0-30

[DELETED W3]  Q4 (W2)  Where did you get your dog?
      1  Breeder   2  Rescue centre   3  Friend
      (Now taken from the sample file)

Q3 (was Q5)  [NEW W3]  How likely are you to get another dog?
      0 Not at all likely   1   2   3   4   5   6   7   8   9   10 Certain
"""


def test_wave_draft_struck_and_deleted_items_are_left_out() -> None:
    questions = by_id(compile_text(_WAVE_DRAFT))
    assert list(questions) == ["Q1", "Q2", "Q3"]
    assert [o.label for o in questions["Q1"].options] == ["Yes", "No"]


def test_wave_draft_former_numbers_and_struck_old_wording_are_not_the_text() -> None:
    questions = by_id(compile_text(_WAVE_DRAFT))
    assert questions["Q2"].text == "How many years have you had your dog?"
    assert questions["Q2"].type == "number"
    assert questions["Q3"].text == "How likely are you to get another dog?"


def test_numbered_scale_with_words_after_the_end_numbers() -> None:
    likely = by_id(compile_text(_WAVE_DRAFT))["Q3"]
    assert likely.type == "scale"
    points = [(o.code, o.label) for o in likely.options]
    assert points[0] == ("0", "Not at all likely")
    assert points[5] == ("5", "5")
    assert points[-1] == ("10", "Certain")


def test_markdown_strikethrough_is_deleted_wording() -> None:
    questions = by_id(
        compile_text(
            """
            **Q1.** ~~Which fruit do you buy?~~ Which fruit do you buy most weeks?

            1. Apples
            2. ~~Pears~~
            3. Plums
            """,
            name="q.md",
        )
    )
    assert questions["Q1"].text == "Which fruit do you buy most weeks?"
    assert [o.label for o in questions["Q1"].options] == ["Apples", "Plums"]


_WIKI_ROWS = (
    "| Q1 | Which meals do you eat at the canteen? | Multiple choice (multi-select) "
    "| Breakfast<br>Lunch<br>Dinner<br>I never eat there "
    '| "I never eat there" can\'t be combined with meals. If **I never eat there** → jump to Q3 |',
    "| Q2 | How many minutes do you queue at lunch? | Number | — | min 0 · max 90 |",
    "| Q3 | How good is the canteen for each of these? | Matrix "
    "| **Rows:** Hot food<br>Salads<br>**Columns:** Poor<br>Fine<br>Great | one answer per row |",
    "| END | Thanks, that is all! | Statement | — | — |",
)
_WIKI_TABLES = (
    """
# Canteen survey — draft

> Anything inside a toggle is for reviewers only.

| # | Question | Type | Options | Logic |
| --- | --- | --- | --- | --- |
"""
    + "\n".join(_WIKI_ROWS)
    + """

<details>
<summary>Parked — not in this round</summary>

| # | Question | Type | Options | Logic |
| --- | --- | --- | --- | --- |
| Q4 | Would you pay for a breakfast club? | Yes/No | Yes<br>No | — |

</details>

✅ **Sign-off checklist**
- [x] Catering team reviewed the wording
- [ ] Build in the survey tool
"""
)


def test_wiki_table_cells_broken_by_br_are_one_answer_a_line() -> None:
    meals = by_id(compile_text(_WIKI_TABLES, name="q.md"))["Q1"]
    assert meals.type == "multi"
    assert [(o.code, o.label) for o in meals.options] == [
        ("1", "Breakfast"),
        ("2", "Lunch"),
        ("3", "Dinner"),
        ("4", "I never eat there"),
    ]
    assert [o.code for o in meals.options if o.exclusive] == ["4"]


def test_wiki_table_number_bounds_and_empty_dash_cells() -> None:
    queue = by_id(compile_text(_WIKI_TABLES, name="q.md"))["Q2"]
    assert queue.type == "number"
    assert queue.validation is not None
    assert (queue.validation.min, queue.validation.max) == (0, 90)


def test_wiki_table_matrix_cell_of_rows_and_columns() -> None:
    grid = by_id(compile_text(_WIKI_TABLES, name="q.md"))["Q3"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Hot food", "Salads"]
    assert [o.label for o in grid.options] == ["Poor", "Fine", "Great"]


def test_parked_toggle_and_sign_off_checklist_are_no_entries() -> None:
    questions = by_id(compile_text(_WIKI_TABLES, name="q.md"))
    assert list(questions) == ["Q1", "Q2", "Q3", "END"]
    assert questions["END"].type == "display"
    assert questions["END"].text == "Thanks, that is all!"


_POLISH_SCRIPT = """
BADANIE TESTOWE – SKRYPT CATI

POWITANIE
Dzień dobry, dzwonię w sprawie krótkiej ankiety o komunikacji miejskiej w naszym mieście.

K1. Czy korzysta Pan/Pani z tramwajów?   [JEDNA ODPOWIEDŹ]
      Tak ......................................... 1
      Nie ......................................... 2    → PRZEJŚĆ DO K3
      Odmowa [NIE ODCZYTYWAĆ] ..................... 9    → ZAKOŃCZYĆ WYWIAD

K2. Co decyduje o wyborze tramwaju?
    [NIE ODCZYTYWAĆ. WIELE ODPOWIEDZI, MAKSYMALNIE 2]
      Cena biletu ................................. 1
      Czas przejazdu .............................. 2
      Wygoda ...................................... 3
      Trudno powiedzieć [ODPOWIEDŹ WYKLUCZAJĄCA] ... 8

[K3 ZADAĆ TYLKO OSOBOM, KTÓRE NIE KORZYSTAJĄ (K1 = 2). POZOSTALI → PRZEJŚĆ DO K4]
K3. Dlaczego nie korzysta Pan/Pani z tramwajów?
      Za daleko do przystanku ..................... 1
      Za drogo .................................... 2

[ZADAĆ WSZYSTKIM]
K4. Proszę ocenić każdą linię na skali od 0 do 10.
    SKALA:  0 = bardzo źle   1   2   3   4   5   6   7   8   9   10 = bardzo dobrze
      a. Linia numer jeden          |__|__|
      b. Linia numer dwa            |__|__|

K5. Ile lat mieszka Pan/Pani w mieście?   [ZAPISAĆ LICZBĘ. ZAKRES 0–99]
      |__|__|

ZAKOŃCZENIE
Dziękuję bardzo za rozmowę i życzę miłego dnia.

==================== KONIEC SKRYPTU ====================
"""


def test_polish_script_words_single_multi_routing_and_screens() -> None:
    questions = by_id(compile_text(_POLISH_SCRIPT))
    assert list(questions) == ["POWITANIE", "K1", "K2", "K3", "K4", "K5", "ZAKONCZENIE"]
    assert questions["POWITANIE"].type == "display"
    trams = questions["K1"]
    assert trams.type == "single"
    assert [o.code for o in trams.options] == ["1", "2", "9"]
    assert trams.terminate_if == "K1 == '9'"
    assert [(s.if_, s.to) for s in trams.skip_to] == [("K1 == '2'", "K3")]
    reasons = questions["K2"]
    assert reasons.type == "multi"
    assert reasons.validation is not None
    assert reasons.validation.max_choices == 2
    assert [o.code for o in reasons.options if o.exclusive] == ["8"]


def test_polish_filter_bracket_range_and_closing_banner() -> None:
    questions = by_id(compile_text(_POLISH_SCRIPT))
    assert questions["K3"].display_if == "K1 == '2'"
    assert questions["K4"].display_if is None
    years = questions["K5"]
    assert years.type == "number"
    assert years.validation is not None
    assert (years.validation.min, years.validation.max) == (0, 99)
    assert questions["ZAKONCZENIE"].text == "Dziękuję bardzo za rozmowę i życzę miłego dnia."


def test_scale_line_with_bare_middle_points_and_code_boxes_after_rows() -> None:
    lines = by_id(compile_text(_POLISH_SCRIPT))["K4"]
    assert lines.type == "grid"
    points = [(o.code, o.label) for o in lines.options]
    assert points[0] == ("0", "bardzo źle")
    assert points[1] == ("1", "1")
    assert points[-1] == ("10", "bardzo dobrze")
    assert [r.label for r in lines.rows] == ["Linia numer jeden", "Linia numer dwa"]


_QUIZ_DECK = """
> Dev notes: letters are the stored answer values (A, B, C …).

**Question 1 of 3**
Which pet would you pick?

A) A cat
B) A dog
C) A goldfish 🐟
D) No pet for me → *skip to Question 3*

**Question 2 of 3** *(only shown if you picked A or B in Question 1)*
How often would you walk it?

A) Daily
B) Weekly

**Question 3 of 3**
How much do you like animals?

1 = Not at all · 2 · 3 · 4 · 5 = Very much

**RESULTS**
You are a true [ANIMAL TYPE] person, and the [PET NAME] will love you!

[ Share my result ]   [ Start again ]
"""


def test_quiz_letters_as_codes_in_a_worded_filter() -> None:
    questions = by_id(compile_text(_QUIZ_DECK, name="q.md"))
    assert [o.code for o in questions["Q1"].options] == ["A", "B", "C", "D"]
    assert questions["Q1"].options[2].label == "A goldfish"
    assert questions["Q2"].display_if == "Q1 in ['A','B']"


def test_quiz_star_line_with_dotted_middle_points() -> None:
    stars = by_id(compile_text(_QUIZ_DECK, name="q.md"))["Q3"]
    assert stars.type == "scale"
    assert [(o.code, o.label) for o in stars.options] == [
        ("1", "Not at all"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very much"),
    ]


def test_quiz_results_screen_keeps_placeholders_and_drops_buttons() -> None:
    results = by_id(compile_text(_QUIZ_DECK, name="q.md"))["RESULTS"]
    assert results.type == "display"
    assert results.text == "You are a true person, and the [PET NAME] will love you!"


def test_slider_described_in_words_bounds_the_number() -> None:
    minutes = by_id(
        compile_text(
            """
            **Question 4 of 9**
            Roughly how many minutes do you read each day?

            *Slider from 0 to 120 minutes, step 10, starts at 30.*
            """,
            name="q.md",
        )
    )["Q4"]
    assert minutes.type == "number"
    assert minutes.validation is not None
    assert (minutes.validation.min, minutes.validation.max) == (0, 120)
