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
    assert greet.text.startswith("Hello {{owner_name}}! Got a moment")
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
