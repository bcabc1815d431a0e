"""General conventions met in a fifth blind batch (codebooks, IVR scripts, HTML forms, Markdown
checklists and interview guides), one small case each, written in their own words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_CODEBOOK = """
    PARK USERS STUDY - VARIABLE LIST
    ------------------------------------------------------------
    VARIABLE:   caseno
    LABEL:      Case number
    TYPE:       numeric (system)
    ------------------------------------------------------------
    VARIABLE:   welcome
    QUESTION:   Hello, we are asking park visitors a few short questions.
    TYPE:       information screen
    ------------------------------------------------------------
    VARIABLE:   v1_visits
    LABEL:      Visits per month
    QUESTION:   How many times a month do you visit a park?
                [DO NOT PROMPT]
    TYPE:       numeric range 0-60
    ACTION:     v1_visits < 1: TERMINATE
    ------------------------------------------------------------
    VARIABLE:   v2_dog
    QUESTION:   Do you bring a dog with you?
    TYPE:       numeric, single response
    VALUE LABELS: 1 = Yes
                2 = No
                8 = Not sure
    ACTION:     v2_dog = 2 or 8: SKIP TO v4_notes
    ------------------------------------------------------------
    VARIABLE:   v3_leash
    QUESTION:   Which areas do you use with your dog?
    TYPE:       multiple response
    VALUES:     1 "Leash-free zone"  2 "Paths"  3 "Other (specify)"
                7 "None of these [EXCLUSIVE]"
    BASE:       v2_dog = 1
    ------------------------------------------------------------
    VARIABLE:   v3_leash_txt
    TYPE:       string A40
    BASE:       v3_leash = 3
    ------------------------------------------------------------
    VARIABLE:   v4
    QUESTION:   How would you rate each of these?
    TYPE:       grid header, items share these values
    VALUES:     1 "Good"
                2 "Poor"
    ------------------------------------------------------------
    VARIABLE:   v4a
    QUESTION:   Benches
    ------------------------------------------------------------
    VARIABLE:   v4b
    QUESTION:   Lighting
    ------------------------------------------------------------
    VARIABLE:   v5_score
    QUESTION:   From 1 to 7, how safe do you feel?
    TYPE:       numeric 1-7
    VALUES:     1 "Not safe"
                7 "Very safe"
                9 "No answer"
    ------------------------------------------------------------
    VARIABLE:   v4_notes
    QUESTION:   Anything else to tell us?
    TYPE:       string A1000 (open)
    ------------------------------------------------------------
    VARIABLE:   d_band
    LABEL:      Visits band (DERIVED)
    TYPE:       numeric
"""


def test_a_codebook_is_read_by_its_keys_and_leaves_out_variables_that_are_not_asked() -> None:
    questions = by_id(compile_text(_CODEBOOK))
    assert list(questions) == [
        "welcome",
        "v1_visits",
        "v2_dog",
        "v3_leash",
        "v4",
        "v5_score",
        "v4_notes",
    ]
    assert questions["welcome"].type == "display"
    visits = questions["v1_visits"]
    assert visits.type == "number"
    assert visits.text == "How many times a month do you visit a park?"
    assert visits.validation is not None
    assert (visits.validation.min, visits.validation.max) == (
        0,
        60,
    )
    assert visits.terminate_if == "v1_visits < 1"
    assert questions["v4_notes"].type == "long_text"


def test_a_codebook_s_values_universe_and_actions_become_answers_and_logic() -> None:
    questions = by_id(compile_text(_CODEBOOK))
    dog = questions["v2_dog"]
    assert [(o.code, o.label) for o in dog.options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("8", "Not sure"),
    ]
    assert [(r.if_, r.to) for r in dog.skip_to] == [("v2_dog in ['2','8']", "v4_notes")]
    leash = questions["v3_leash"]
    assert leash.type == "multi"
    assert [o.label for o in leash.options][-1] == "None of these"
    assert [o.code for o in leash.options if o.exclusive] == ["7"]
    assert [o.code for o in leash.options if o.specify] == ["3"]
    assert leash.display_if == "v2_dog == '1'"


def test_a_codebook_battery_header_takes_its_items_as_rows_and_a_ranged_numeric_is_a_scale() -> (
    None
):
    questions = by_id(compile_text(_CODEBOOK))
    grid = questions["v4"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Benches", "Lighting"]
    assert [o.label for o in grid.options] == ["Good", "Poor"]
    score = questions["v5_score"]
    assert score.type == "scale"
    assert [o.label for o in score.options] == [
        "Not safe",
        "2",
        "3",
        "4",
        "5",
        "6",
        "Very safe",
        "No answer",
    ]


_IVR = """
    TRANSIT LINE FEEDBACK - IVR
    Rules: star repeats. After two bad inputs PLAY X_BYE and hang up.

    [A0] GREETING (no input)
    SAY: "Hello from the transit line. This short survey takes a minute."

    [A1] AGREE
    SAY: "Will you answer three questions? Press 1 to continue, or press 2 to stop."
      KEY 2 -> PLAY X_BYE then END CALL

    [A2] MODE
    SAY: "How did you travel today? Press 1 for bus, 2 for tram, or 3 if you walked."
      KEY 3 -> GO TO A5

    [A3] TRIPS
    SAY: "How many trips did you make this week? Enter the number, then press hash."
      Accept 0-40.

    [A4] RATING
    SAY: "Please rate your trip. Press a number from 1 to 5, where 1 is awful and 5 is great."
      IF 1-2 PLAY A4X ELSE PLAY A5

    [A4X] WHY LOW (voice recording)
    SAY: "After the beep, tell us what went wrong."

    [A5] END (no input)
    SAY: "Thanks, goodbye."

    [X_BYE] (no input)
    SAY: "Okay, goodbye."
"""


def test_an_ivr_script_s_prompts_are_entries_with_spoken_answers() -> None:
    questions = by_id(compile_text(_IVR))
    assert list(questions) == ["A0", "A1", "A2", "A3", "A4", "A4X", "A5"]
    assert questions["A0"].type == "display"
    mode = questions["A2"]
    assert mode.text == "How did you travel today?"
    assert [(o.code, o.label) for o in mode.options] == [
        ("1", "bus"),
        ("2", "tram"),
        ("3", "you walked"),
    ]
    assert [o.label for o in questions["A1"].options] == ["continue", "stop"]
    trips = questions["A3"]
    assert trips.type == "number"
    assert trips.validation is not None
    assert (trips.validation.min, trips.validation.max) == (0, 40)
    assert questions["A4X"].type == "long_text"


def test_an_ivr_script_s_key_routing_and_score_branches_become_logic() -> None:
    questions = by_id(compile_text(_IVR))
    assert questions["A1"].terminate_if == "A1 == '2'"
    assert [(r.if_, r.to) for r in questions["A2"].skip_to] == [("A2 == '3'", "A5")]
    rating = questions["A4"]
    assert rating.type == "scale"
    assert [o.label for o in rating.options] == ["awful", "2", "3", "4", "great"]
    assert questions["A4X"].display_if == "A4 in ['1','2']"


_FORM = """
    <html><head><title>Enquête</title></head><body>
    <nav>Accueil | Contact</nav>
    <form method="post">
      <input type="hidden" name="token" value="x1">
      <fieldset id="q_pet">
        <legend>A. Avez-vous un animal ? *</legend>
        <label><input type="radio" name="pet" value="1"> Oui</label>
        <label><input type="radio" name="pet" value="0"> Non</label>
      </fieldset>
      <fieldset data-show-if="pet=1">
        <legend>B. Lesquels ?</legend>
        <label><input type="checkbox" name="kinds" value="1"> Chien</label>
        <label><input type="checkbox" name="kinds" value="2"> Chat</label>
        <label><input type="checkbox" name="kinds" value="8"> Autre :</label>
        <input type="text" name="kinds_other">
        <label><input type="checkbox" name="kinds" value="9" class="opt exclusive"> Aucun</label>
      </fieldset>
      <fieldset>
        <legend>C. Combien de sorties par jour ?</legend>
        <input type="number" name="walks" min="0" max="12">
      </fieldset>
      <fieldset>
        <legend>D. Note globale</legend>
        <span>mauvais</span>
        <label><input type="radio" name="score" value="1">1</label>
        <label><input type="radio" name="score" value="2">2</label>
        <label><input type="radio" name="score" value="3">3</label>
        <label><input type="radio" name="score" value="4">4</label>
        <span>excellent</span>
      </fieldset>
      <fieldset data-show-if="score<=2">
        <legend>E. Pourquoi ?</legend>
        <textarea name="why"></textarea>
      </fieldset>
      <fieldset>
        <legend>F. Votre avis</legend>
        <table>
          <tr><th></th><th>Oui</th><th>Non</th></tr>
          <tr><th>Prix</th><td><input type="radio" name="g_1" value="1"></td>
              <td><input type="radio" name="g_1" value="2"></td></tr>
          <tr><th>Accueil</th><td><input type="radio" name="g_2" value="1"></td>
              <td><input type="radio" name="g_2" value="2"></td></tr>
        </table>
      </fieldset>
    </form></body></html>
"""


def test_an_html_form_in_fieldsets_is_read_by_its_field_names_values_and_types() -> None:
    questions = by_id(compile_text(_FORM, "form.html"))
    assert list(questions) == ["pet", "kinds", "walks", "score", "why", "g"]
    pet = questions["pet"]
    assert pet.text == "Avez-vous un animal ?"
    assert [(o.code, o.label) for o in pet.options] == [("1", "Oui"), ("0", "Non")]
    kinds = questions["kinds"]
    assert kinds.type == "multi"
    assert [o.label for o in kinds.options] == ["Chien", "Chat", "Autre", "Aucun"]
    assert [o.code for o in kinds.options if o.specify] == ["8"]
    assert [o.code for o in kinds.options if o.exclusive] == ["9"]
    walks = questions["walks"]
    assert walks.type == "number"
    assert walks.validation is not None
    assert (walks.validation.min, walks.validation.max) == (0, 12)
    assert questions["why"].type == "long_text"


def test_an_html_form_s_number_row_is_a_scale_its_table_a_grid_and_show_if_rules_logic() -> None:
    questions = by_id(compile_text(_FORM, "form.html"))
    score = questions["score"]
    assert score.type == "scale"
    assert [o.label for o in score.options] == ["mauvais", "2", "3", "excellent"]
    grid = questions["g"]
    assert grid.type == "grid"
    assert [r.label for r in grid.rows] == ["Prix", "Accueil"]
    assert [o.label for o in grid.options] == ["Oui", "Non"]
    assert questions["kinds"].display_if == "pet == '1'"
    assert questions["why"].display_if == "score in ['1','2']"


_ISSUE_FORM = """
    # Garden club poll

    ### 1) Do you grow vegetables? (pick one)

    - [ ] Yes
    - [ ] No

    <!-- routing: show if 1 = Yes -->
    ### 2) Which ones? (choose all that apply - max. 2, please)

    - [ ] Beans
    - [ ] Tomatoes
    - [ ] Squash

    ### 3) What keeps you from growing more? (select all that apply)

    - [ ] I don't know how to start
    - [ ] Space
    - [ ] Don't know

    ### 4) Your name (optional)

    ____
"""


def test_bracketed_type_markers_on_every_question_are_notes_and_set_limits() -> None:
    questions = by_id(compile_text(_ISSUE_FORM, "poll.md"))
    assert questions["Q1"].text == "Do you grow vegetables?"
    which = questions["Q2"]
    assert which.text == "Which ones?"
    assert which.type == "multi"
    assert which.validation is not None
    assert which.validation.max_choices == 2
    assert questions["Q4"].text == "Your name"


def test_a_markdown_comment_holding_a_rule_filters_the_question_below_it() -> None:
    questions = by_id(compile_text(_ISSUE_FORM, "poll.md"))
    assert questions["Q2"].display_if == "Q1 == '1'"
    assert questions["Q1"].display_if is None


def test_i_dont_know_followed_by_more_words_is_a_reason_not_a_dont_know_answer() -> None:
    questions = by_id(compile_text(_ISSUE_FORM, "poll.md"))
    assert [o.label for o in questions["Q3"].options if o.exclusive] == ["Don't know"]


def test_an_occasional_bracketed_mark_stays_in_the_question() -> None:
    questions = by_id(
        compile_text(
            """
            Q1. Which pets do you keep? (select all that apply)
            1 Dog
            2 Cat

            Q2. How old are you?
            ____ years

            Q3. Where do you live?
            1 Town
            2 Country
            """
        )
    )
    assert questions["Q1"].text == "Which pets do you keep? (select all that apply)"


def test_a_task_list_typed_across_one_line_under_arrowed_end_words_is_a_scale() -> None:
    questions = by_id(
        compile_text(
            """
            ### 1) How easy was the setup?

            Very hard → Very easy

            - [ ] 1  - [ ] 2  - [ ] 3  - [ ] 4  - [ ] 5

            ### 2) Anything to add?

            ```text
            (type here)
            ```
            """,
            "setup.md",
        )
    )
    easy = questions["Q1"]
    assert easy.type == "scale"
    assert [(o.code, o.label) for o in easy.options] == [
        ("1", "Very hard"),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", "Very easy"),
    ]


_GUIDE = """
    ## 1. Warm-up (5 min)

    **Q1.** Do you own a bicycle?

    1 = Yes   2 = No   3 = Used to

    → If No, skip to Q3.

    **Q2.** Tell me about your last ride.

    - Probe: Where did you go?
    - Prompt: Who with?

    **Q3.** How often do you take the bus? READ OUT

    1 – Daily · 2 – Weekly · 3 – Rarely

    **Q4.** Which of these have you tried? SHOW CARD B — CODE ALL THAT APPLY

        1  Car share
        2  E-scooter
        3  None of these — SINGLE CODE

    **Q5.** On a scale of 0 to 4, where 0 is very unsafe and 4 is very safe, how safe are the roads?

    0 · 1 · 2 · 3 · 4

    **Q6.** Would you pay for secure parking? READ OUT

    1 = Yes, gladly   2 = Maybe   3 = Probably not   4 = No   9 = Don't know (do not read)

    **Q7.** Put these in order of how much they matter to you, from 1 for the most important to 3.

        a) Price
        b) Speed
        c) Comfort
"""


def test_a_guide_s_probes_are_notes_and_open_questions_stay_open() -> None:
    questions = by_id(compile_text(_GUIDE, "guide.md"))
    assert questions["Q2"].type == "long_text"
    assert questions["Q2"].options == []


def test_codes_first_across_a_line_are_answers() -> None:
    questions = by_id(compile_text(_GUIDE, "guide.md"))
    assert [(o.code, o.label) for o in questions["Q1"].options] == [
        ("1", "Yes"),
        ("2", "No"),
        ("3", "Used to"),
    ]
    assert [o.label for o in questions["Q3"].options] == ["Daily", "Weekly", "Rarely"]
    assert questions["Q3"].text == "How often do you take the bus?"
    pay = questions["Q6"]
    assert [(o.code, o.label) for o in pay.options][-1] == ("9", "Don't know")


def test_a_dotted_row_of_points_takes_the_ends_the_question_names() -> None:
    safe = by_id(compile_text(_GUIDE, "guide.md"))["Q5"]
    assert safe.type == "scale"
    assert [o.label for o in safe.options] == ["very unsafe", "1", "2", "3", "very safe"]


def test_capitals_after_a_spaced_dash_are_notes_on_the_ask_and_on_an_answer() -> None:
    tried = by_id(compile_text(_GUIDE, "guide.md"))["Q4"]
    assert tried.text == "Which of these have you tried?"
    assert tried.type == "multi"
    assert [(o.label, o.exclusive) for o in tried.options][-1] == ("None of these", True)


def test_an_arrowed_routing_sentence_routes_the_question_above() -> None:
    bike = by_id(compile_text(_GUIDE, "guide.md"))["Q1"]
    assert [(r.if_, r.to) for r in bike.skip_to] == [("Q1 == '2'", "Q3")]


def test_a_ranking_asked_as_putting_in_order_keeps_its_item_letters() -> None:
    order = by_id(compile_text(_GUIDE, "guide.md"))["Q7"]
    assert order.type == "ranking"
    assert [(o.code, o.label) for o in order.options] == [
        ("a", "Price"),
        ("b", "Speed"),
        ("c", "Comfort"),
    ]


def test_a_codebook_rule_that_cannot_be_read_or_names_no_asked_variable_is_flagged() -> None:
    questions = by_id(
        compile_text(
            """
            VARIABLE   a1
            QUESTION   Are you a member?
            TYPE       numeric, single response
            VALUES     1 "Yes"
                       2 "No"
            ACTION     a1 = 2: GO TO zz_missing
            ------------------------------------------
            VARIABLE   a2
            QUESTION   Since when?
            TYPE       date
            UNIVERSE   members who joined online
            ------------------------------------------
            VARIABLE   a3
            QUESTION   Any comments?
            TYPE       string A500 (open verbatim)
            """
        )
    )
    assert questions["a1"].skip_to == []
    assert questions["a1"].attention is not None
    assert questions["a2"].display_if is None
    assert questions["a2"].attention is not None
    assert "UNIVERSE" in questions["a2"].attention.reason


def test_a_keyed_spec_that_lists_options_is_left_to_the_layout_rules() -> None:
    questions = by_id(
        compile_text(
            """
            Variable: q1
            Question: Do you cycle?
            Options: Yes / No
            Variable: q2
            Question: How far do you ride?
            Options: Under 5 km / 5 km or more
            Variable: q3
            Question: Why?
            """
        )
    )
    assert "q1" not in questions


def test_an_html_show_if_rule_that_cannot_be_read_is_flagged() -> None:
    form = _FORM.replace('data-show-if="score<=2"', 'data-show-if="mood in (sad, cross)"')
    why = by_id(compile_text(form, "form.html"))["why"]
    assert why.display_if is None
    assert why.attention is not None


def test_an_ivr_answer_said_before_its_key_is_an_answer() -> None:
    questions = by_id(
        compile_text(
            """
            [L1] LANGUAGE
            PLAY: "Which language do you prefer? For English, press 1. For French, press 2."

            [L2] AGREE
            PLAY: "Did the agent help you? Press 1 for yes or 2 for no."

            [L3] THANKS (no input)
            PLAY: "Thank you. Goodbye."
            """
        )
    )
    language = questions["L1"]
    assert language.text == "Which language do you prefer?"
    assert [(o.code, o.label) for o in language.options] == [("1", "English"), ("2", "French")]


def test_an_html_form_may_group_its_questions_as_labelled_radio_groups() -> None:
    questions = by_id(
        compile_text(
            """
            <html><body><form>
            <p id="h1">How did you hear about us?</p>
            <div role="radiogroup" aria-labelledby="h1">
              <label><input type="radio" name="heard" value="1"> Friend</label>
              <label><input type="radio" name="heard" value="2"> Advert</label>
            </div>
            <div role="group" aria-label="Which days do you visit?">
              <label><input type="checkbox" name="days" value="1"> Weekdays</label>
              <label><input type="checkbox" name="days" value="2"> Weekends</label>
            </div>
            <div role="radiogroup" aria-label="Would you come back?" data-show-if="heard=1">
              <label><input type="radio" name="back" value="1"> Yes</label>
              <label><input type="radio" name="back" value="2"> No</label>
            </div>
            </form></body></html>
            """,
            "groups.html",
        )
    )
    assert list(questions) == ["heard", "days", "back"]
    assert questions["heard"].text == "How did you hear about us?"
    assert questions["days"].type == "multi"
    assert questions["back"].display_if == "heard == '1'"


def test_an_ivr_script_in_another_language_says_its_answers_the_same_way() -> None:
    questions = by_id(
        compile_text(
            """
            [E1] INICIO (no input)
            PLAY: "Hola, gracias por llamar."

            [E2] SATISFECHO
            PLAY: "¿Quedó satisfecho con la atención? Marque 1 para sí, o marque 2 para no."

            [E3] VOLVER
            PLAY: "¿Volvería a llamarnos? Marque 1 para sí, 2 para no."
            """
        )
    )
    happy = questions["E2"]
    assert happy.text == "¿Quedó satisfecho con la atención?"
    assert [(o.code, o.label) for o in happy.options] == [("1", "sí"), ("2", "no")]


def test_a_codebook_may_put_several_unquoted_values_on_one_line() -> None:
    questions = by_id(
        compile_text(
            """
            VARIABLE   b1
            QUESTION   Do you rent or own?
            TYPE       numeric, single response
            VALUES     1 = Rent   2 = Own   9 = Refused
            ------------------------------------------
            VARIABLE   b2
            QUESTION   How many rooms?
            TYPE       numeric range 1-20
            ------------------------------------------
            VARIABLE   b3
            QUESTION   Your postcode?
            TYPE       string A8
            """
        )
    )
    assert [(o.code, o.label) for o in questions["b1"].options] == [
        ("1", "Rent"),
        ("2", "Own"),
        ("9", "Refused"),
    ]


def test_an_html_show_if_rule_may_list_several_answers_and_a_slider_is_a_number() -> None:
    form = _FORM.replace('data-show-if="pet=1"', 'data-show-if="pet=1,0"').replace(
        '<input type="number" name="walks" min="0" max="12">',
        '<input type="range" name="walks" min="0" max="12">',
    )
    questions = by_id(compile_text(form, "form.html"))
    assert questions["kinds"].display_if == "pet in ['1','0']"
    walks = questions["walks"]
    assert walks.type == "number"
    assert walks.validation is not None
    assert walks.validation.max == 12


def test_a_keyed_format_s_survey_has_the_usual_closing_screens() -> None:
    survey = compile_text(_CODEBOOK)
    assert [e.id for e in survey.endings] == ["complete", "screened_out"]
