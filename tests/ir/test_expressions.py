"""The expression language: parse → AST, canonical printing, errors with positions."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fielder.ir.expressions import (
    Arith,
    Bool,
    BoolOp,
    Call,
    Compare,
    Contains,
    ExpressionError,
    In,
    ListLit,
    Neg,
    Not,
    Num,
    Ref,
    Str,
    parse,
    print_expr,
    references,
    walk,
)

# text → the AST it must parse to
PARSES = [
    ("S1 == '1'", Compare("==", Ref("S1"), Str("1"))),
    ('S1 == "x"', Compare("==", Ref("S1"), Str("x"))),
    ("S1 = 1", Compare("==", Ref("S1"), Num(1))),
    ("S1 <> 1", Compare("!=", Ref("S1"), Num(1))),
    ("Q5 >= 3", Compare(">=", Ref("Q5"), Num(3))),
    ("Q5 < 1.5", Compare("<", Ref("Q5"), Num(1.5))),
    ("Q5 <= -2", Compare("<=", Ref("Q5"), Num(-2))),
    ("Q5 > 18", Compare(">", Ref("Q5"), Num(18))),
    ("Q5 != 0", Compare("!=", Ref("Q5"), Num(0))),
    ("Q10.r2 == '1'", Compare("==", Ref("Q10", "r2"), Str("1"))),
    ("S1 in ['2','3']", In(Ref("S1"), ListLit((Str("2"), Str("3"))))),
    ("S1 not in [1, 2,]", In(Ref("S1"), ListLit((Num(1), Num(2))), negated=True)),
    ("S1 in []", In(Ref("S1"), ListLit(()))),
    ("S1 in [-1, true]", In(Ref("S1"), ListLit((Num(-1), Bool(True))))),
    ("Q3 contains '97'", Contains(Ref("Q3"), "one", Str("97"))),
    ("Q3 contains any ['1', '2']", Contains(Ref("Q3"), "any", ListLit((Str("1"), Str("2"))))),
    ("Q3 contains all [1]", Contains(Ref("Q3"), "all", ListLit((Num(1),)))),
    ("answered(Q3)", Call("answered", Ref("Q3"))),
    ("count(Q3) >= 2", Compare(">=", Call("count", Ref("Q3")), Num(2))),
    ("ANSWERED(Q10.r1)", Call("answered", Ref("Q10", "r1"))),
    ("true", Bool(True)),
    ("FALSE", Bool(False)),
    ("not answered(Q1)", Not(Call("answered", Ref("Q1")))),
    ("not not x", Not(Not(Ref("x")))),
    ("a and b or c", BoolOp("or", BoolOp("and", Ref("a"), Ref("b")), Ref("c"))),
    ("a or b and c", BoolOp("or", Ref("a"), BoolOp("and", Ref("b"), Ref("c")))),
    ("a AND (b OR c)", BoolOp("and", Ref("a"), BoolOp("or", Ref("b"), Ref("c")))),
    ("a and b and c", BoolOp("and", BoolOp("and", Ref("a"), Ref("b")), Ref("c"))),
    ("not a and b", BoolOp("and", Not(Ref("a")), Ref("b"))),
    ("not a == 1", Not(Compare("==", Ref("a"), Num(1)))),
    ("1 + 2 * 3", Arith("+", Num(1), Arith("*", Num(2), Num(3)))),
    ("(1 + 2) * 3", Arith("*", Arith("+", Num(1), Num(2)), Num(3))),
    ("a - b - c", Arith("-", Arith("-", Ref("a"), Ref("b")), Ref("c"))),
    ("a / b * c", Arith("*", Arith("/", Ref("a"), Ref("b")), Ref("c"))),
    ("-a", Neg(Ref("a"))),
    ("- 4", Num(-4)),
    ("Q1 + Q2 > 10", Compare(">", Arith("+", Ref("Q1"), Ref("Q2")), Num(10))),
    ("1e3", Num(1000.0)),
    (r"'it\'s'", Str("it's")),
    (r"'a\\b'", Str("a\\b")),
    ("((Q1))", Ref("Q1")),
]


@pytest.mark.parametrize(("text", "tree"), PARSES, ids=[t for t, _ in PARSES])
def test_parse(text, tree):
    assert parse(text) == tree


# text → its canonical form
CANONICAL = [
    ("S1=='1'", "S1 == '1'"),
    ('S1 == "x"', "S1 == 'x'"),
    ("S1 IN ['2','3']", "S1 in ['2', '3']"),
    ("S1 not   in [1,2,]", "S1 not in [1, 2]"),
    ("Q3 CONTAINS ANY ['1']", "Q3 contains any ['1']"),
    ("(a and b) or c", "a and b or c"),
    ("a and (b or c)", "a and (b or c)"),
    ("a or (b or c)", "a or (b or c)"),
    ("not (a and b)", "not (a and b)"),
    ("(not a) and b", "not a and b"),
    ("a - (b - c)", "a - (b - c)"),
    ("(a - b) - c", "a - b - c"),
    ("(1 + 2) * 3", "(1 + 2) * 3"),
    ("-(a + b)", "-(a + b)"),
    ("2 * -1", "2 * -1"),
    ("1.50", "1.5"),
    ("(a == b) == true", "(a == b) == true"),
    ("'it\\'s'", "'it\\'s'"),
    ("count( Q3 )", "count(Q3)"),
    ("Q10 . r2", "Q10.r2"),
]


@pytest.mark.parametrize(("text", "canonical"), CANONICAL)
def test_print_canonical(text, canonical):
    tree = parse(text)
    assert print_expr(tree) == canonical
    assert parse(canonical) == tree


# text → the error message, with line and col
ERRORS = [
    ("", "line 1, col 1: empty expression"),
    ("   ", "line 1, col 4: empty expression"),
    ("S1 ==", "line 1, col 6: expression ends too early"),
    ("S1 == '1", "line 1, col 7: unterminated string"),
    ("S1 == 1 2", "line 1, col 9: unexpected '2'"),
    ("S1 # 1", "line 1, col 4: unexpected character '#'"),
    ("(S1 == 1", "line 1, col 9: expected ')', found end of expression"),
    ("S1 in '1'", "line 1, col 7: expected '[', found \"'1'\""),
    ("S1 in [Q2]", "line 1, col 8: expected a literal ('1', 18, true), found 'Q2'"),
    ("S1 in [1 2]", "line 1, col 10: expected ']' or ',', found '2'"),
    ("S1 not 1", "line 1, col 8: expected 'in' after 'not', found '1'"),
    ("foo(Q1)", "line 1, col 1: unknown function foo (known: answered, count)"),
    ("answered('1')", "line 1, col 10: expected a question id, found \"'1'\""),
    ("answered(Q1", "line 1, col 12: expected ')', found end of expression"),
    ("Q1.", "line 1, col 4: expected a row id after '.', found end of expression"),
    ("Q1 == 1 ==", "line 1, col 9: unexpected '=='"),
    ("S1 == 1 and\n  Q2 == ", "line 2, col 9: expression ends too early"),
    ("S1 == 1\nor )", "line 2, col 4: unexpected ')'"),
    ("and", "line 1, col 1: unexpected 'and'"),
    ("1e999", "line 1, col 1: number 1e999 is too large"),
]


@pytest.mark.parametrize(("text", "message"), ERRORS, ids=[t for t, _ in ERRORS])
def test_errors(text, message):
    with pytest.raises(ExpressionError) as caught:
        parse(text)
    assert str(caught.value) == message
    line, col = message.split(":")[0].replace("line ", "").split(", col ")
    assert (caught.value.line, caught.value.col) == (int(line), int(col))


def test_positions_of_nodes():
    tree = parse("S1 == '1' and\n  count(Q3) > 2")
    assert isinstance(tree, BoolOp)
    assert (tree.line, tree.col) == (1, 1)
    right = tree.right
    assert isinstance(right, Compare)
    assert (right.line, right.col) == (2, 3)
    assert isinstance(right.left, Call)
    assert (right.left.arg.line, right.left.arg.col) == (2, 9)


def test_references():
    tree = parse("S1 == '1' and Q10.r2 > Q5 + count(Q3) or answered(Q5) or heavy_user")
    assert references(tree) == {
        Ref("S1"),
        Ref("Q10", "r2"),
        Ref("Q5"),
        Ref("Q3"),
        Ref("heavy_user"),
    }
    assert references(parse("1 + 2")) == set()


def test_walk_order():
    names = [n.name for n in walk(parse("a and b or c")) if isinstance(n, Ref)]
    assert names == ["a", "b", "c"]


def test_error_is_value_error():
    assert issubclass(ExpressionError, ValueError)


# --- round trip property: parse ∘ print ∘ parse = parse -----------------------------

_idents = st.sampled_from(["Q1", "S2", "Q10", "heavy_user", "x"])
_literals = st.one_of(
    st.text(max_size=5).map(Str),
    st.integers(-1000, 1000).map(Num),
    st.floats(-1e6, 1e6, allow_nan=False).map(Num),
    st.booleans().map(Bool),
)
_refs = st.builds(Ref, _idents, st.none() | st.sampled_from(["r1", "r2"]))
_lists = st.lists(_literals, max_size=3).map(lambda items: ListLit(tuple(items)))


def _extend(children):
    return st.one_of(
        st.builds(BoolOp, st.sampled_from(["and", "or"]), children, children),
        st.builds(Not, children),
        st.builds(Neg, children),
        st.builds(Compare, st.sampled_from(["==", "!=", "<", "<=", ">", ">="]), children, children),
        st.builds(In, children, _lists, st.booleans()),
        st.builds(Contains, children, st.just("one"), children),
        st.builds(Contains, children, st.sampled_from(["any", "all"]), _lists),
        st.builds(Arith, st.sampled_from(["+", "-", "*", "/"]), children, children),
    )


_trees = st.recursive(
    st.one_of(
        _literals, _refs, _lists, st.builds(Call, st.sampled_from(["answered", "count"]), _refs)
    ),
    _extend,
    max_leaves=12,
)


@given(_trees)
def test_print_then_parse_is_stable(tree):
    reparsed = parse(print_expr(tree))
    assert parse(print_expr(reparsed)) == reparsed


@given(st.text(alphabet="Q1 ()[]'\"=!<>and or not in contains,.-+*/", max_size=30))
def test_parse_never_raises_anything_but_expression_error(text):
    try:
        tree = parse(text)
    except ExpressionError:
        return
    assert parse(print_expr(tree)) == tree
