"""Scripting houses' spec conventions (round specs76c): routing in fenced code, heads that list
their type's parts, a loop's rows, capital follow-up letters, tool property lines, `Precode`
and `Row` / `Column` tables, a barred scale under lettered statements, a routed capitals
answer, a bare test before GOTO, mrScript's `[min..max]`, and a coded top heading as title."""

from __future__ import annotations

from fielder.compiler.compile import compile_document
from fielder.compiler.instructions import interpret
from fielder.documents.model import Block, Cell, Document
from tests.compiler.conftest import by_id, compile_text, read_text

_MD_SPEC = """# KTX-4 Views on garden tools among hobby growers

### H1 — categorical [1..1]

Do you own a garden?

| Code | Name | Label |
|---|---|---|
| 1 | yes | Yes |
| 2 | no | No |

### H2 — long [0..40]

**Filter:** `H1 = {yes}`

How many hours a week do you spend in it?

```
If H2 = 0 Then GoTo H5
```

### H3 — categorical [1..1], 5-point

**Filter:** `H1 = {yes}`

How tidy is your garden?

| Code | Name | Label |
|---|---|---|
| 1 | _1 | Very untidy |
| 2 | _2 | 2 |
| 3 | _3 | 3 |
| 4 | _4 | 4 |
| 5 | _5 | Very tidy |

### H4 — loop grid, categorical [1..1] per row

How much do you like each of these jobs?

Loop rows (iterations, rotated):

- Mowing the lawn
- Weeding the beds
- Pruning the hedges

| Code | Name | Label |
|---|---|---|
| 1 | dis | Dislike |
| 2 | neu | Neutral |
| 3 | lik | Like |

### H5 — text

Anything else about your garden?
"""


def test_markdown_spec_heads_fence_and_loop() -> None:
    survey = compile_text(_MD_SPEC, name="spec.md")
    questions = by_id(survey)
    assert list(questions) == ["H1", "H2", "H3", "H4", "H5"]  # the coded title is no question
    assert questions["H2"].validation is not None
    assert (questions["H2"].validation.min, questions["H2"].validation.max) == (0.0, 40.0)
    assert [(s.if_, s.to) for s in questions["H2"].skip_to] == [("H2 == 0", "H5")]
    # the filter between a comma'd head and its words is that question's, not the next one's
    assert questions["H3"].text == "How tidy is your garden?"
    assert questions["H3"].display_if == "H1 == '1'"
    assert questions["H4"].display_if is None
    assert questions["H4"].type == "grid"
    assert [r.label for r in questions["H4"].rows] == [
        "Mowing the lawn",
        "Weeding the beds",
        "Pruning the hedges",
    ]
    assert [o.label for o in questions["H4"].options] == ["Dislike", "Neutral", "Like"]


def test_fenced_routing_is_read_and_a_placeholder_stays_a_box() -> None:
    document = read_text(
        "Your name?\n\n```\nType here\n```\n\n```\nIf B2 = 1 Then GoTo B4\n```\n", "f.md"
    )
    texts = [block.text for block in document.blocks]
    assert "__________" in texts
    assert "If B2 = 1 Then GoTo B4" in texts


_CATI = """K1\t[Single]
Have you been to a garden centre this year?
1\tYes
2\tNo\t-> TERMINATE
8\tDON'T KNOW\t-> TERMINATE
K2\t[Single]
Did you buy anything?
1\tYes
2\tNo
K2A\t[Numeric]
Condition: K2 = 1
How much did you spend, in pounds?
K3\t[Grid]
How would you rate the centre on each of these?
a) Choice of plants
b) Helpful staff
c) Parking
Scale: 1 Poor | 2 | 3 | 4 Very good | 9 DON'T KNOW
K4\t[Single]
Would you go back?
1\tYes
2\tNo
"""


def test_cati_script_answers_follow_ups_and_barred_scale() -> None:
    questions = by_id(compile_text(_CATI))
    assert [o.code for o in questions["K1"].options] == ["1", "2", "8"]
    assert questions["K1"].terminate_if == "K1 in ['2','8']"
    assert "K2A" in questions
    assert questions["K2A"].display_if == "K2 == '1'"
    assert questions["K3"].type == "grid"
    assert [r.label for r in questions["K3"].rows] == [
        "Choice of plants",
        "Helpful staff",
        "Parking",
    ]
    assert [(o.code, o.label) for o in questions["K3"].options] == [
        ("1", "Poor"),
        ("2", "2"),
        ("3", "3"),
        ("4", "Very good"),
        ("9", "DON'T KNOW"),
    ]


def test_property_lines_are_notes() -> None:
    questions = by_id(
        compile_text(
            """P1. Which of these fruits do you eat?
1. Apples
2. Pears
3. Plums
P2. Which ONE do you eat most?
1. Apples
2. Pears
3. Plums
Answer mask: f("P1")
P3. What is your favourite recipe?
Properties: Max 40 characters
"""
        )
    )
    assert [o.label for o in questions["P2"].options] == ["Apples", "Pears", "Plums"]
    assert not questions["P3"].options


def test_bare_test_before_goto_is_a_jump() -> None:
    (directive,) = interpret("B4=2 GOTO B7")
    assert (directive.kind, directive.target) == ("skip", "B7")
    assert interpret("Q5 = 1-3 SKIP TO Q9")[0].kind == "skip"


def test_mrscript_range_note() -> None:
    (directive,) = interpret("0..250")
    assert directive.kind == "range"
    assert directive.numbers == (0.0, 250.0)


def _table(*rows: tuple[str, ...]) -> Block:
    cells = tuple(tuple(Cell(text=t) for t in row) for row in rows)
    return Block(kind="table", text="\n".join("\t".join(r) for r in rows), rows=cells)


def test_precode_and_row_column_tables() -> None:
    document = Document(
        name="spec.docx",
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        blocks=[
            Block(kind="paragraph", text="T1   ·   Single   ·   variable: t1_when"),
            Block(kind="paragraph", text="When did you last visit a park?"),
            _table(("Precode", "Answer text"), ("1", "This week"), ("2", "This month")),
            Block(kind="paragraph", text='Routing: if (f("T1") == "2") goto T3'),
            Block(kind="paragraph", text="T2   ·   Grid   ·   variable: t2_park"),
            Block(kind="paragraph", text="How much do you agree with each statement?"),
            _table(("Row", "Statement"), ("r1", "Parks are clean"), ("r2", "Parks are safe")),
            _table(("Column", "Scale"), ("1", "Disagree"), ("2", "Neutral"), ("3", "Agree")),
            Block(kind="paragraph", text="T3   ·   Single   ·   variable: t3_go"),
            Block(kind="paragraph", text="Will you go again?"),
            _table(("Precode", "Answer text"), ("1", "Yes"), ("2", "No")),
        ],
    )
    questions = by_id(compile_document(document).survey)
    assert [o.label for o in questions["T1"].options] == ["This week", "This month"]
    assert questions["T2"].type == "grid"
    assert [r.label for r in questions["T2"].rows] == ["Parks are clean", "Parks are safe"]
    assert [o.label for o in questions["T2"].options] == ["Disagree", "Neutral", "Agree"]


def test_capital_follow_up_letter_needs_its_mark() -> None:
    from fielder.compiler.classify import find_label
    from fielder.compiler.lines import Line

    marked = find_label(Line(text="K7B. How often?", raw="K7B. How often?"))
    assert marked is not None
    assert marked.id == "K7B"
    assert find_label(Line(text="B2B Buyers Study", raw="B2B Buyers Study")) is None
