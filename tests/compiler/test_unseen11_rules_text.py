"""General conventions met in the text files of an eleventh blind batch (chatbot flow scripts,
box-drawn storyboards, wiki pages with a Mermaid flowchart, Kano studies), one small case each,
in their own words."""

from __future__ import annotations

from tests.compiler.conftest import by_id, compile_text

_BOT_FLOW = """
Pet clinic follow-up bot
// legend: ▶ = one bot turn, the name is the stored variable

▶ greet
BOT: Hello {{owner_name}}! Got a moment to tell us about {{pet_name}}'s visit?
   [btn] Yes {1}
   [btn] Maybe later {2}     ⇒ END   // say goodbye first

▶ visit_score
BOT: How was the visit overall?
   [list] button text: "Pick a score"
      Great {3}
      Fine {2}
      Bad {1}
   {1}  ⇒ bad_why
   {2} {3} ⇒ vet_kind

▶ bad_why
BOT: What went badly?
   [list] button text: "Pick one"
      Waiting time {21}
      Price {22}
      Something else {29}    ⇒ bad_other
   all other rows ⇒ vet_kind

▶ bad_other
BOT: Tell us more, please.
   ⌨ [any text, up to 800 characters]

▶ vet_kind
BOT: Was the vet kind to your pet?
   [btn] Yes {1}
   [btn] No {2}

▶ weight
BOT: How many kilos does {{pet_name}} weigh? Reply with a number.
   ⌨ [whole number 1-90]

▶ mail
BOT: Want a copy of the invoice? Type your email address.
   ⌨ [email address]

▶ bye
BOT: Thanks, and a wag from us! 🐾

▶ nudge_reminder
// System block, not part of the flow: sent after 2 h of silence.
BOT: Still with us? Tap a button above.
"""


def test_chatbot_flow_blocks_are_questions_named_by_their_block() -> None:
    questions = by_id(compile_text(_BOT_FLOW))
    assert list(questions) == [
        "greet",
        "visit_score",
        "bad_why",
        "bad_other",
        "vet_kind",
        "weight",
        "mail",
        "bye",
    ]
    greet = questions["greet"]
    assert greet.text.startswith("Hello {owner_name}! Got a moment")
    assert [(o.code, o.label) for o in greet.options] == [("1", "Yes"), ("2", "Maybe later")]
    assert greet.terminate_if == "greet == '2'"
    assert [(o.code, o.label) for o in questions["visit_score"].options] == [
        ("3", "Great"),
        ("2", "Fine"),
        ("1", "Bad"),
    ]
    assert questions["bye"].type == "display"


def test_chatbot_flow_typed_replies_take_their_type_and_range() -> None:
    questions = by_id(compile_text(_BOT_FLOW))
    assert questions["bad_other"].type == "long_text"
    weight = questions["weight"]
    assert weight.type == "number"
    assert weight.validation is not None
    assert (weight.validation.min, weight.validation.max) == (1, 90)
    assert questions["mail"].type == "email"


def test_chatbot_flow_arrows_skip_or_show_the_one_block_they_pass() -> None:
    questions = by_id(compile_text(_BOT_FLOW))
    # {2} {3} jump over two blocks: a skip; the list's rest jumps over one: a filter on it
    assert [(s.if_, s.to) for s in questions["visit_score"].skip_to] == [
        ("visit_score in ['3','2']", "vet_kind")
    ]
    assert questions["bad_why"].skip_to == []
    assert questions["bad_other"].display_if == "bad_why == '29'"


_WIKI_PAGE = """# Library visit survey

## Flow

```mermaid
flowchart TD
    INTRO --> LB1
    LB1 -->|"1 or 2 (members)"| LB2
    LB1 -->|"3 (not a member)"| LB7
    LB2 -->|"1 Yes"| LB3
    LB2 -->|"2 No"| LB4
    LB3 --> LB4
    LB4 -->|"0-4"| LB5
    LB4 -->|"5-10"| LB6
    LB5 --> LB6
    LB6 --> LB8
    LB7 --> LB8
```

## Questions

### INTRO

Welcome! This takes two minutes.

### LB1

Are you a member of the library?

- Yes, adult member · 1
- Yes, junior member · 2
- No · 3

### LB2

Did you borrow a book today?

- Yes · 1
- No · 2

### LB3

What was the book about?

### LB4

How likely are you to recommend the library?

`0` Not at all likely · `1` · `2` · `3` · `4` · `5` · `6` · `7` · `8` · `9` · `10` Very likely

### LB5

What should we improve?

### LB6

How would you rate each room?

| | Poor | Good | Not used |
|---|---|---|---|
| **code** | 1 | 2 | 9 |
| Reading room | ○ | ○ | ○ |
| Children's corner | ○ | ○ | ○ |

### LB7

Why are you not a member?

- Too far away · 1
- No time · 2

### LB8

Your postcode?

---

**Open comments from review**

- @sam: should LB7 list "Other"?
- @kim: the form goes live on Monday.
"""


def test_wiki_id_headings_name_their_question_and_dotted_codes_are_codes() -> None:
    questions = by_id(compile_text(_WIKI_PAGE, "library.md"))
    assert list(questions) == [
        "INTRO",
        "LB1",
        "LB2",
        "LB3",
        "LB4",
        "LB5",
        "LB6",
        "LB7",
        "LB8",
    ]
    assert [(o.code, o.label) for o in questions["LB1"].options] == [
        ("1", "Yes, adult member"),
        ("2", "Yes, junior member"),
        ("3", "No"),
    ]
    lb4 = questions["LB4"]
    assert lb4.type == "scale"
    assert [o.code for o in lb4.options] == [str(n) for n in range(11)]
    assert (lb4.options[0].label, lb4.options[5].label) == ("Not at all likely", "5")
    lb6 = questions["LB6"]
    assert [(o.code, o.label) for o in lb6.options] == [
        ("1", "Poor"),
        ("2", "Good"),
        ("9", "Not used"),
    ]
    assert [r.label for r in lb6.rows] == ["Reading room", "Children's corner"]


def test_review_comments_after_the_questions_are_no_answers() -> None:
    questions = by_id(compile_text(_WIKI_PAGE, "library.md"))
    assert questions["LB8"].options == []


def test_mermaid_flowchart_edges_are_the_routing() -> None:
    questions = by_id(compile_text(_WIKI_PAGE, "library.md"))
    assert [(s.if_, s.to) for s in questions["LB1"].skip_to] == [("LB1 == '3'", "LB7")]
    assert questions["LB3"].display_if == "LB2 == '1'"
    assert questions["LB5"].display_if == "LB4 in ['0','1','2','3','4']"
    # LB6 --> LB8 jumps over LB7: only the non-members' edge leads into it
    assert questions["LB7"].display_if == "LB1 == '3'"
    assert questions["LB6"].display_if is None


_STORYBOARD = """BAKERY STUDY - SCREEN STORYBOARD

┌─ B01 ─────────────────────────────────────────────── INFO ─┐
│ Hello! A few questions about bread, about two minutes.     │
└────────────────────────────────────────────────────────────┘

┌─ B02 ───────────────────────────────────────────── SINGLE ─┐
│ How often do you buy fresh bread from a bakery, rather     │
│ than from a supermarket?                                   │
│                                                            │
│   ( ) Every day ...................................... 1   │
│   ( ) Most weeks ..................................... 2   │
│   ( ) Hardly ever .................................... 3   │
├────────────────────────────────────────────────────────────┤
│ » 3 → SO                                                   │
└────────────────────────────────────────────────────────────┘

┌─ B03 ───────────────────────────────────────────── NUMBER ─┐
│ How many loaves does your household eat in a week?         │
│       [______] loaves                                      │
├────────────────────────────────────────────────────────────┤
│ » Whole number 0-40.  More than 30 → SO                    │
└────────────────────────────────────────────────────────────┘

┌─ B04 ──────────────────────────────── SINGLE · TASK 1 ─────┐
│ Task 1 of 4                                                │
│ Which loaf would you buy?                                  │
│                                                            │
│                  Loaf X         Loaf Y         Loaf Z      │
│   Flour          Rye            Spelt          Wheat       │
│   Price          $3             $4             $5          │
│                  ( ) 1          ( ) 2          ( ) 3       │
│                                                            │
│   ( ) None of these .................................. 4   │
└────────────────────────────────────────────────────────────┘

┌─ B05 ─────────────────────────────── NUMBER × 2 ───────────┐
│ Please type a price in dollars.                            │
│                                                            │
│ a) At what price would a loaf be too dear to buy?          │
│                                        $[______]           │
│ b) At what price would a loaf seem too cheap to trust?     │
│                                        $[______]           │
├────────────────────────────────────────────────────────────┤
│ » Store as B05a-B05b. Each 0.50-20.00.                     │
└────────────────────────────────────────────────────────────┘
"""


def test_box_storyboard_screens_are_questions_with_their_ids_and_types() -> None:
    questions = by_id(compile_text(_STORYBOARD, "bakery.txt"))
    assert list(questions) == ["B01", "B02", "B03", "B04", "B05a", "B05b"]
    assert questions["B01"].type == "display"
    b02 = questions["B02"]
    assert b02.text == (
        "How often do you buy fresh bread from a bakery, rather than from a supermarket?"
    )
    assert [(o.code, o.label) for o in b02.options] == [
        ("1", "Every day"),
        ("2", "Most weeks"),
        ("3", "Hardly ever"),
    ]
    assert questions["B03"].type == "number"


def test_box_storyboard_notes_screen_out_on_the_screens_own_answer() -> None:
    questions = by_id(compile_text(_STORYBOARD, "bakery.txt"))
    assert questions["B02"].terminate_if == "B02 == '3'"
    b03 = questions["B03"]
    assert b03.terminate_if == "B03 > 30"
    assert b03.validation is not None
    assert (b03.validation.min, b03.validation.max) == (0, 40)


def test_box_storyboard_choice_task_answers_are_named_by_their_columns() -> None:
    task = by_id(compile_text(_STORYBOARD, "bakery.txt"))["B04"]
    assert task.type == "single"
    assert task.text == "Which loaf would you buy?"
    assert [(o.code, o.label) for o in task.options] == [
        ("1", "Loaf X"),
        ("2", "Loaf Y"),
        ("3", "Loaf Z"),
        ("4", "None of these"),
    ]


def test_box_storyboard_lettered_parts_with_boxes_are_questions_of_their_own() -> None:
    questions = by_id(compile_text(_STORYBOARD, "bakery.txt"))
    first = questions["B05a"]
    assert first.type == "number"
    assert first.text == "At what price would a loaf be too dear to buy?"
    assert first.validation is not None
    assert (first.validation.min, first.validation.max) == (0.5, 20)


_SHARED_SET = """# Garden app ideas

## Answer set G

Use these answers for every question marked *(set G)*.

| Code | Answer |
|---:|---|
| 1 | I would love that |
| 2 | I would not mind |
| 3 | I would hate that |

## Survey

**S1** Do you grow vegetables?
1. Yes, a lot
2. A few
3. None

> 🔀 Show idea 2 (G2Y, G2N) only to growers (S1 = 1 or 2).

### Idea 1 – Frost alerts

**G1Y** *(set G)* If the app warned you of frost, how would you feel?

**G1N** *(set G)* If the app did NOT warn you of frost, how would you feel?

### Idea 2 – Harvest diary

**G2Y** *(set G)* If the app kept a harvest diary, how would you feel?

**G2N** *(set G)* If the app kept NO harvest diary, how would you feel?

**PAY** Would you pay for these ideas?
1. Yes
2. No
"""


def test_a_shared_answer_set_is_written_out_under_each_question_naming_it() -> None:
    questions = by_id(compile_text(_SHARED_SET, "garden.md"))
    assert list(questions) == ["S1", "G1Y", "G1N", "G2Y", "G2N", "PAY"]
    for qid in ("G1Y", "G1N", "G2Y", "G2N"):
        assert questions[qid].type == "single"
        assert [(o.code, o.label) for o in questions[qid].options] == [
            ("1", "I would love that"),
            ("2", "I would not mind"),
            ("3", "I would hate that"),
        ]
    assert questions["G1Y"].text == "If the app warned you of frost, how would you feel?"
    assert [o.label for o in questions["S1"].options] == ["Yes, a lot", "A few", "None"]


def test_a_bold_id_of_capitals_opens_its_question() -> None:
    pay = by_id(compile_text(_SHARED_SET, "garden.md"))["PAY"]
    assert pay.text == "Would you pay for these ideas?"
    assert [o.label for o in pay.options] == ["Yes", "No"]


def test_a_filter_naming_its_questions_in_brackets_filters_each_of_them() -> None:
    questions = by_id(compile_text(_SHARED_SET, "garden.md"))
    assert questions["G2Y"].display_if == "S1 in ['1','2']"
    assert questions["G2N"].display_if == "S1 in ['1','2']"
    assert questions["G1Y"].display_if is None
