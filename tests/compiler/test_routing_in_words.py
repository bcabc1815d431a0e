"""Routing written in hurried words (an e-mailed draft): a colleague's name before a routing
note, the respondent as the routing verb's object, a misspelt verb after an arrow. Invented
wording, one small case each."""

from __future__ import annotations

from fielder.compiler.options import strip_routing
from tests.compiler.conftest import by_id, compile_text

_AFTER = (
    "\n\n2. Which park do you walk in most?\n"
    "   1 = Riverside\n"
    "   2 = Hilltop\n\n"
    "3. How often do you walk there?\n"
    "   1 = Daily\n"
    "   2 = Weekly\n"
)


def test_a_named_colleague_before_a_routing_note() -> None:
    survey = by_id(
        compile_text(
            "1. How many dogs do you own?  [numbers only, 0 to 9]\n\n"
            "[Tomas: if they put 0 at Q1, skip them straight to Q3]" + _AFTER
        )
    )
    routes = survey["Q1"].skip_to
    assert routes
    assert routes[0].to == "Q3"
    assert "0" in routes[0].if_


def test_the_respondent_as_the_verbs_object() -> None:
    survey = by_id(
        compile_text(
            "1. Do you own a bicycle?\n   1 = Yes\n   2 = No\n\n"
            "[If No at Q1, route the respondent directly to Q3]" + _AFTER
        )
    )
    routes = survey["Q1"].skip_to
    assert routes
    assert routes[0].to == "Q3"


def test_a_short_word_between_an_arrow_and_the_question_it_leads_to() -> None:
    assert strip_routing("Not interested --> jmup to Q7") == ("Not interested", "Q7", False)
    assert strip_routing("Not at all  → then B4") == ("Not at all", "B4", False)
    # a condition after the arrow is no target
    assert strip_routing("Sometimes --> if Q7")[1] is None


def test_an_earlier_email_quoted_under_the_questionnaire_is_left_out() -> None:
    survey = by_id(
        compile_text(
            "From: Ana Ruiz <ana@example.org>\n"
            "Sent: Monday, 2 March 2026 10:00\n"
            "To: Field team <field@example.com>\n"
            "Subject: Tram survey wording\n\n"
            "Here it is.\n\n"
            "1. Which tram line do you use most?\n"
            "   1 = Line A\n"
            "   2 = Line B\n\n"
            "[Closing screen]\n"
            "Thanks for riding with us today.\n\n"
            "------------------------------------------------\n"
            "From: Ben Okafor <ben@example.org>\n"
            "Sent: Friday, 27 February 2026 09:30\n"
            "To: Ana Ruiz <ana@example.org>\n"
            "Subject: RE: Tram survey wording\n"
            "> Could we drop the email question? Everything else is fine.\n"
            "This email is confidential and meant for the addressee only.\n"
        )
    )
    assert survey["CLOSE"].type == "display"
    assert survey["CLOSE"].text == "Thanks for riding with us today."


def test_a_slash_list_wrapped_at_a_slash() -> None:
    survey = by_id(
        compile_text(
            "1. How do you rate each stop?  [grid]\n"
            "   Rows:\n"
            "     Central Square\n"
            "     Harbour Gate\n"
            "   Columns:\n"
            "     Very clean (4) / Fairly clean (3) /\n"
            "     Fairly dirty (2) / Very dirty (1)\n"
        )
    )
    assert [(o.code, o.label) for o in survey["Q1"].options] == [
        ("4", "Very clean"),
        ("3", "Fairly clean"),
        ("2", "Fairly dirty"),
        ("1", "Very dirty"),
    ]
