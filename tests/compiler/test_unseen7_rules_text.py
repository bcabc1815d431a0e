"""Conventions of the seventh blind batch's text and HTML files (Turkish CATI scripts, barometer
master questionnaires, SMS flows, CMS pages), one small case each, in their own words."""

from __future__ import annotations

from fielder.compiler.glossary import to_english
from tests.compiler.conftest import by_id, compile_text

_TURKISH = """
    A1. Hangi içecekleri düzenli olarak alıyorsunuz? (OKUYUNUZ – ÇOKLU CEVAP)
        Maden suyu .......................... 1  -> GÖRÜŞMEYİ SONLANDIRIN
        Ayran ............................... 2
        Şalgam .............................. 3
        Hiçbiri (TEK CEVAP) ................. 4

    A0. Hangi kanalları izliyorsunuz? (OKUYUNUZ – ÇOKLU CEVAP)
        Ulusal kanallar ..................... 1
        Yerel kanallar ...................... 2
        Bilmiyor (OKUMAYINIZ) ............... 98 (TEK CEVAP)

    A2. Kaç yaşındasınız? (OKUMAYINIZ – YAŞI YAZINIZ)
        YAŞ: |__|__|
        21 YAŞINDAN KÜÇÜK VEYA 70 YAŞINDAN BÜYÜK İSE ANKETİ SONLANDIRIN.

    A3. Evde çay demliyor musunuz? (TEK CEVAP)
        Evet ................................ 1
        Hayır ............................... 2  -> A5'E GEÇİNİZ

    A4. Günde kaç bardak içersiniz? (SAYIYI YAZINIZ – 1 İLE 30 ARASI)   BARDAK: |__|__|

    A5. Çayınızı 1 ile 7 arasında bir puanla değerlendirir misiniz? (TEK CEVAP)
        Hiç beğenmedim  1   2   3   4   5   6   7  Çok beğendim
        Bilmiyor/Fikri yok .................. 98
"""


def test_turkish_answer_formats_and_routing_read_as_their_english_words() -> None:
    questions = by_id(compile_text(_TURKISH))
    a1, a3 = questions["A1"], questions["A3"]
    assert a1.type == "multi"
    assert a1.text == "Hangi içecekleri düzenli olarak alıyorsunuz?"
    assert [o.label for o in a1.options] == ["Maden suyu", "Ayran", "Şalgam", "Hiçbiri"]
    assert a1.terminate_if is not None
    assert "'1'" in a1.terminate_if
    assert [s.to for s in a3.skip_to] == ["A5"]
    # "(TEK CEVAP)" beside an answer of a multi: given alone; "(OKUMAYINIZ)" is never read out
    assert [(o.label, o.exclusive) for o in questions["A0"].options][-1] == ("Bilmiyor", True)
    assert questions["A4"].type == "number"
    assert questions["A4"].validation is not None
    assert (questions["A4"].validation.min, questions["A4"].validation.max) == (1, 30)


def test_a_turkish_age_limit_written_as_a_sentence_terminates() -> None:
    english = to_english("21 YAŞINDAN KÜÇÜK VEYA 70 YAŞINDAN BÜYÜK İSE ANKETİ SONLANDIRIN.")
    assert english == "IF UNDER 21 OR OVER 70, TERMINATE."
    assert by_id(compile_text(_TURKISH))["A2"].terminate_if == "A2 < 21 or A2 > 70"


def test_turkish_words_do_not_touch_english_notes() -> None:
    assert to_english("IF UNDER 18, TERMINATE. Is it in the list?") == (
        "IF UNDER 18, TERMINATE. Is it in the list?"
    )


def test_end_words_in_any_alphabet_around_points_make_a_scale_with_its_dont_know() -> None:
    a5 = by_id(compile_text(_TURKISH))["A5"]
    assert a5.type == "scale"
    labels = [o.label for o in a5.options]
    assert labels[0] == "Hiç beğenmedim"
    assert labels[6] == "Çok beğendim"
    assert a5.options[-1].code == "98"


def test_a_scale_key_wrapped_mid_point_over_three_lines() -> None:
    survey = compile_text(
        """
        B0. Bu mağazaya daha önce geldiniz mi? (TEK CEVAP)
            Evet ............. 1
            Hayır ............ 2

        B1. Her ifadeye ne kadar katılıyorsunuz? (HER SATIR İÇİN TEK CEVAP)
            ÖLÇEK: Hiç katılmıyorum 1 / Pek katılmıyorum 2 / Ne katılıyorum ne
            katılmıyorum 3 / Katılıyorum 4 / Tamamen katılıyorum 5 /
            Fikrim yok 98 (OKUMAYINIZ)
            a) Fiyatlar uygundur                          |__|__|
            b) Personel güler yüzlüdür                    |__|__|
        """
    )
    b1 = by_id(survey)["B1"]
    assert b1.type == "grid"
    assert [o.code for o in b1.options] == ["1", "2", "3", "4", "5", "98"]
    assert b1.options[2].label == "Ne katılıyorum ne katılmıyorum"
    assert b1.options[-1].label == "Fikrim yok"
    assert [r.label for r in b1.rows] == ["Fiyatlar uygundur", "Personel güler yüzlüdür"]


def test_turkish_opening_and_closing_screens_are_displays() -> None:
    survey = compile_text(
        """
        GİRİŞ
        Merhaba, kısa bir araştırma için arıyorum. Görüşme beş dakika sürecektir.

        K1. Bu hafta sinemaya gittiniz mi? (TEK CEVAP)
            Evet ............. 1
            Hayır ............ 2

        KAPANIŞ
        Katıldığınız için teşekkür ederiz.
        """
    )
    questions = by_id(survey)
    assert questions["GIRIS"].type == "display"
    assert questions["KAPANIS"].type == "display"


_FLOW = """
    # Library text survey

    ## Rules

    - Send T1 after the loan is returned.

    ### T1 – Welcome (no reply needed)

    > Hi {name}, the city library would like to hear about your visit. Reply STOP to opt out.

    ### T2 – Stars

    > How many stars would you give the reading room? Reply 1-5 (1 = awful, 5 = superb)

    Valid replies: `1` to `5` → T3

    ### T3 – Return

    > Will you come back this month? Reply YES or NO

    | Reply | Next |
    |---|---|
    | `YES` | T5 |
    | `NO` | T4 |

    ### T4 – Why not

    > What kept you away? Reply 1 for Opening hours, 2 for Parking, 3 for Something else

    Valid replies: `1`–`3` → T5

    ### T5 – Books

    > About how many books did you borrow this year? Reply with a number.

    Valid: whole number 0-300 → T6

    ### T6 – Thanks (no reply needed)

    > Thank you, {name}!
"""


def test_a_message_flow_spec_gives_each_quoted_message_with_its_replies() -> None:
    questions = by_id(compile_text(_FLOW, "flow.md"))
    assert list(questions) == ["T1", "T2", "T3", "T4", "T5", "T6"]
    assert questions["T1"].type == "display"
    assert "STOP" not in questions["T1"].text
    t2, t3, t4, t5 = questions["T2"], questions["T3"], questions["T4"], questions["T5"]
    assert t2.type == "scale"
    assert [o.label for o in t2.options] == ["awful", "2", "3", "4", "superb"]
    assert t3.text == "Will you come back this month?"
    assert [o.code for o in t3.options] == ["YES", "NO"]
    # the row going on to the next message is no skip
    assert [(s.if_, s.to) for s in t3.skip_to] == [("T3 == 'YES'", "T5")]
    assert [o.label for o in t4.options] == ["Opening hours", "Parking", "Something else"]
    assert t5.type == "number"
    assert t5.validation is not None
    assert (t5.validation.min, t5.validation.max) == (0, 300)
    assert questions["T6"].type == "display"


_MASTER = """
    ASK ALL

    K1  How would you rate each of the following in your region?
        (SHOW CARD - ONE ANSWER PER LINE)

                                              Very   Fairly Fairly Very
                                              good   good   poor   poor   DK
                                              (1)    (2)    (3)    (4)    (5)

    K1.1  Bus services                         1      2      3      4      5
    K1.2  The state of the roads in
          (OUR REGION)                         1      2      3      4      5

                                               WV12.1 QC4 TREND

    K2 (M)  Which of these do you do at least once a week?
            (READ OUT - MULTIPLE ANSWERS POSSIBLE)

            Cycle ........................................ 1
            Walk ......................................... 2
            Drive ........................................ 3
            DK ........................................... 4

                                               NEW

    K3  How far do you live from the nearest station in (OUR
        REGION) in minutes?
        (WRITE IN - RANGE 0-120)

            ______ minutes
"""


def test_a_master_questionnaires_stacked_headings_and_coded_items_make_a_grid() -> None:
    k1 = by_id(compile_text(_MASTER))["K1"]
    assert k1.type == "grid"
    assert [o.label for o in k1.options] == [
        "Very good",
        "Fairly good",
        "Fairly poor",
        "Very poor",
        "DK",
    ]
    # the codes after each item only show where to circle; a wrapped item is joined to its codes
    assert [r.label for r in k1.rows] == ["Bus services", "The state of the roads in (OUR REGION)"]


def test_margin_trend_notes_and_a_multi_mark_after_the_label() -> None:
    questions = by_id(compile_text(_MASTER))
    assert list(questions) == ["K1", "K2", "K3"]
    k2 = questions["K2"]
    assert k2.type == "multi"
    assert k2.text == "Which of these do you do at least once a week?"
    assert [o.code for o in k2.options if o.exclusive] == ["4"]  # "DK" alone stands alone


def test_a_placeholder_wrapped_inside_its_bracket_stays_in_the_sentence() -> None:
    k3 = by_id(compile_text(_MASTER))["K3"]
    assert k3.text == "How far do you live from the nearest station in (OUR REGION) in minutes?"
    assert k3.type == "number"


_PAGE = """
<html><body>
<nav><ul><li><a href="/">Home</a></li></ul></nav>
<main>
<ol>
<li><p>Which pool do you swim in most? <strong>Choose one.</strong></p>
<ul><li>Northgate pool</li><li>Riverside pool</li>
<li>None of these <strong>(only tick this on its own)</strong></li></ul></li>
<li><p>Do you swim before work?</p>
<ul><li>Yes</li><li>Sometimes</li><li>No</li></ul></li>
<li><p class="cond"><em>This question is shown if you answered “Yes” or “Sometimes”
to question 2.</em></p>
<p>What time do you usually arrive?</p>
<ul><li>Before 7am</li><li>7am to 8am</li><li>After 8am</li></ul></li>
</ol>
</main></body></html>
"""


def test_a_bold_sentence_after_a_web_question_tells_how_to_answer() -> None:
    questions = by_id(compile_text(_PAGE, "page.html"))
    assert questions["Q1"].text == "Which pool do you swim in most?"
    assert [o.label for o in questions["Q1"].options][-1] == "None of these"


def test_a_condition_told_to_the_respondent_names_answers_by_their_words() -> None:
    questions = by_id(compile_text(_PAGE, "page.html"))
    assert questions["Q3"].display_if == "Q2 in ['1','2']"


_SCRIPT = """
' a reviewer copy
Metadata(en-GB, Question, Label)
    Stores define
    {
        north "North Mall",
        south "South Arcade"
    };

    Shops "Which of our stores have you shopped at?"
    categorical [1..]
    {
        use Stores,
        elsewhere "Somewhere else" other,
        none "None of them" exclusive
    };

    Main "Which is your main store?"
    categorical [1..1]
    {
        use Stores
    };

    Spend "About how much did you spend last time, in pounds?"
    long [0..900];

    Note "Anything else to tell us?"
    style(Control(Type = "MultiLineEdit"))
    text [..1000];
End Metadata

Routing(Web)
    Shops.Ask()
    If Not Shops.ContainsAny({none}) Then
        Main.Ask()
        Spend.Ask()
    End If
    Note.Ask()
End Routing
"""


def test_an_mrscript_metadata_script_with_shared_lists_and_if_blocks() -> None:
    questions = by_id(compile_text(_SCRIPT))
    shops, main = questions["Shops"], questions["Main"]
    assert shops.type == "multi"
    assert [(o.code, o.exclusive, o.specify) for o in shops.options] == [
        ("north", False, False),
        ("south", False, False),
        ("elsewhere", False, True),
        ("none", True, False),
    ]
    assert [o.label for o in main.options] == ["North Mall", "South Arcade"]
    assert main.display_if == "not (Shops contains 'none')"
    spend = questions["Spend"]
    assert spend.type == "number"
    assert spend.validation is not None
    assert (spend.validation.min, spend.validation.max) == (0, 900)
    assert questions["Note"].type == "long_text"
    assert questions["Note"].display_if is None
