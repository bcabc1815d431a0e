"""Questionnaires written as scripting specs: starred CATI heads with ids and bracketed tests,
dotted type badges, and tests read through a platform's `f("ID")` calls (round specs76)."""

from __future__ import annotations

from fielder.compiler import compile_document
from fielder.compiler.bracket_tests import plain_routing
from fielder.compiler.function_refs import routing_note
from fielder.compiler.passes.script_boxes import box_test
from fielder.compiler.type_badges import type_badge
from fielder.documents.model import Block, Cell, Document
from fielder.ir.models import Question
from tests.compiler.conftest import by_id, compile_text

_SCRIPT = """*PAGE WELCOME   (TEXT SCREEN)
Hello, we are phoning about gardening today and it takes five minutes.

*QUESTION A1   *SINGLE
Do you have a garden of your own?
     1   Yes
     2   No
*IF [A1,2] *END

*QUESTION A2   *MULTI
Which of these do you grow?
     1   Roses
     2   Tomatoes
     3   Herbs
     9   NONE OF THESE   *NMUL

*QUESTION A3   *SINGLE
*ASK IF NOT [A2,9]
Which of those takes most of your time?
     1   Roses
     2   Tomatoes
     3   Herbs
*IF [A3,1-2] *GOTO A5

*QUESTION A4   *NUMBER
How many hours a week do you spend on herbs?
*RANGE 0-40

*QUESTION A5   *SINGLE
Would you take part again?
     1   Yes
     2   No
"""


def test_starred_heads_with_ids_and_bracketed_routing() -> None:
    questions = by_id(compile_text(_SCRIPT))
    assert list(questions) == ["WELCOME", "A1", "A2", "A3", "A4", "A5"]
    assert questions["A1"].terminate_if == "A1 == '2'"
    assert questions["A2"].type == "multi"
    assert [o.code for o in questions["A2"].options] == ["1", "2", "3", "9"]
    assert questions["A3"].display_if == "not (A2 contains '9')"
    assert questions["A3"].type == "single"
    assert [(r.if_, r.to) for r in questions["A3"].skip_to] == [("A3 in ['1','2']", "A5")]


def test_bracketed_tests_read_and_near_misses_left() -> None:
    assert plain_routing("*IF [B4,1,3] *END") == "TERMINATE IF B4 = 1,3"
    assert plain_routing("*ASK IF [B2,0-6]") == "ASK IF B2 = 0-6"
    assert plain_routing("*IF [B1,2] *GOTO B9") == "IF B1 = 2 GO TO B9"
    assert plain_routing("*ASK IF NOT [C2,98]") == "ASK IF C2 NOT = 98"
    assert plain_routing("See [B4,1] in the appendix") is None
    assert plain_routing("*IF [B4] *END") is None


def test_dotted_type_badge_and_plain_words() -> None:
    assert type_badge("K2   ·   Multi   ·   variable: k2_use") == (
        "K2",
        ["Multi   ·   variable: k2_use", "MULTI"],
    )
    assert type_badge("WELCOME · Info · variable: hello")[0] == "WELCOME"  # type: ignore[index]
    assert type_badge("K3 Single parents were asked first") is None
    assert type_badge("K3 · Single parents were asked first") is None


def test_function_call_tests_as_routing_notes() -> None:
    assert routing_note('Condition: f("K1").none("97")') == "ASK IF K1 NOT IN (97)"
    assert routing_note('Folder condition: f("K4").any("2","3")  // keen ones') == (
        "ASK IF K4 IN (2,3)"
    )
    assert routing_note('Stop node after K5: f("K5") == "4"  → status Screened') == (
        "TERMINATE IF K5 == 4"
    )
    assert routing_note('Condition: f("K6").toNumber() >= 9') == "ASK IF K6 >= 9"
    assert routing_note('Routing: if (f("K7") == "2") goto K9') == "IF K7 == 2 GO TO K9"
    assert routing_note("Condition: only ask if they own a bike") is None
    assert routing_note('Answer mask: f("K1")') is None


_FORSTA = """K1   ·   Single   ·   variable: k1_own
Do you own a bicycle?
1  Yes
2  No
Stop node after K1: f("K1") == "2"  → status Screened
K2   ·   Multi   ·   variable: k2_use
What do you use it for?
1  Commuting
2  Leisure
99  None of these
K3   ·   Single   ·   variable: k3_most
Which use is the most frequent?
Condition: f("K2").none("99")
1  Commuting
2  Leisure
"""


def test_dotted_heads_and_function_tests_compile() -> None:
    questions = by_id(compile_text(_FORSTA))
    assert list(questions) == ["K1", "K2", "K3"]
    assert questions["K1"].terminate_if == "K1 == '2'"
    assert questions["K2"].type == "multi"
    assert questions["K3"].display_if == "not (K2 contains '99')"


def _shortcut_document() -> Document:
    def para(text: str) -> Block:
        return Block(kind="paragraph", text=text, runs=())

    def table(*rows: tuple[str, ...]) -> Block:
        return Block(
            kind="table",
            text="\n".join("\t".join(r) for r in rows),
            runs=(),
            rows=tuple(tuple(Cell(text=c, runs=()) for c in r) for r in rows),
        )

    blocks = [
        table(("Pets", "Closed – single")),
        para("Do you keep any pets?"),
        table(("Entry code", "Caption"), ("1", "Yes"), ("2", "No")),
        para("Routing · Screen out · Condition: ??Pets?? Has {2}"),
        table(("Kinds", "Closed – multiple")),
        para("Which kinds of pet do you keep?"),
        table(("Entry code", "Caption"), ("1", "Dogs"), ("2", "Cats"), ("3", "Fish")),
        table(("Walks", "Numeric")),
        para("How many walks a day does your dog get?"),
        para("Routing · Display this question · Condition: ??Kinds?? Has {1}"),
        table(("Vet", "Closed – single")),
        para("How often do you visit the vet?"),
        table(("Entry code", "Caption"), ("1", "Monthly"), ("2", "Yearly"), ("3", "Never")),
        para("Routing · Go to Bye · Condition: ??Vet?? Has {2 To 3}"),
        table(("Why", "Open-ended")),
        para("Why so often?"),
        table(("Bye", "Chapter – information")),
        para("Thanks, that is all for today."),
    ]
    return Document(name="pets.html", media_type="text/html", blocks=blocks)


def test_shortcut_heads_and_script_boxes() -> None:
    questions = by_id(compile_document(_shortcut_document()).survey)
    assert list(questions) == ["Pets", "Kinds", "Walks", "Vet", "Why", "Bye"]
    assert questions["Pets"].terminate_if == "Pets == '2'"
    assert questions["Kinds"].type == "multi"
    assert questions["Walks"].display_if == "Kinds contains '1'"
    assert [(r.if_, r.to) for r in questions["Vet"].skip_to] == [("Vet in ['2','3']", "Bye")]
    assert questions["Bye"].type == "display"


def test_script_box_tests_by_type() -> None:
    qs = {
        "Pets": Question(id="Pets", type="single", text="x?"),
        "Kinds": Question(id="Kinds", type="multi", text="x?"),
        "Age": Question(id="Age", type="number", text="x?"),
    }
    assert box_test("??Pets?? HasNone {1}", qs) == "not (Pets == '1')"
    assert box_test("??Kinds?? Has {1; 3}", qs) == "Kinds contains '1' or Kinds contains '3'"
    assert box_test("??Age?? < 18", qs) == "Age < 18"
    assert box_test("??Other?? Has {1}", qs) is None  # no such question
    assert box_test("??Pets?? Has {dogs}", qs) is None


def test_category_names_read_as_codes() -> None:
    from fielder.compiler.category_names import formal_names

    tables = {"K1": {"bus": "1", "tram": "2", "walk": "3"}, "K2": {"yes": "1", "no": "2"}}
    assert formal_names("K1.ContainsAny({bus, tram})", tables) == "K1 IN (1,2)"
    assert formal_names("K2 = {no}", tables) == "K2 = 2"
    assert formal_names("Not K1.ContainsAny({walk})", tables) == "NOT K1 IN (3)"
    assert formal_names("K1.ContainsAny({bus}) Or K2 = {yes}", tables) == "K1 IN (1) OR K2 = 1"
    assert formal_names("K1.ContainsAny({car})", tables) is None  # no such name
    assert formal_names("ask the respondent to confirm", tables) is None
