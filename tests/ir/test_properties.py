"""Properties over generated documents: validity, round trips, diffs, total evaluation."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fielder.ir.evaluate import Evaluator
from fielder.ir.expressions import parse, print_expr
from fielder.ir.models import OptionsFrom, SkipRule, Survey
from fielder.ir.patch import apply_json_patch, canonical_json, checksum, diff
from fielder.ir.validate import validate
from tests.strategies import answers_for, surveys

SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _expressions(survey):
    for question in survey.questions():
        yield from filter(None, [question.display_if, question.terminate_if])
        yield from (rule.if_ for rule in question.skip_to)
    yield from (quota.condition for quota in survey.quotas)
    yield from (variable.expression for variable in survey.variables)


@SLOW
@given(surveys())
def test_generated_documents_validate_clean(survey):
    assert validate(survey) == []


@SLOW
@given(surveys())
def test_json_round_trip(survey):
    data = survey.to_json()
    assert Survey.model_validate(data) == survey
    assert Survey.model_validate(json.loads(json.dumps(data))) == survey
    assert Survey.model_validate_json(canonical_json(survey)) == survey


@SLOW
@given(surveys())
def test_expressions_print_back(survey):
    for text in _expressions(survey):
        tree = parse(text)
        assert parse(print_expr(tree)) == tree


@SLOW
@given(surveys(), surveys())
def test_diff_then_apply_gives_the_target(a, b):
    assert apply_json_patch(a, diff(a, b)) == b
    assert (checksum(a) == checksum(b)) == (a == b)


@SLOW
@given(st.data())
def test_evaluation_never_raises(data):
    survey = data.draw(surveys())
    answers = data.draw(answers_for(survey))
    evaluator = Evaluator(survey)
    shown = evaluator.visible_questions(answers)
    assert [q.id for q in shown] == evaluator.visible_ids(answers)
    terminated = evaluator.terminated(answers)
    assert terminated is None or terminated in {q.id for q in survey.questions()}
    evaluator.quotas_met(answers)
    for question in survey.questions():
        evaluator.pipe(question.text, answers)
        evaluator.options_for(question, answers)
        for message in evaluator.check_answer(question, answers.get(question.id)):
            assert isinstance(message, str)
    for complete in (False, True):
        for error in evaluator.check_response(answers, complete=complete):
            assert error.question_id is None or isinstance(error.question_id, str)


@SLOW
@given(st.data())
def test_well_shaped_unknown_keys_only_are_reported(data):
    survey = data.draw(surveys())
    answers = data.draw(answers_for(survey))
    known = {q.id for q in survey.questions()}
    errors = Evaluator(survey).check_response(answers, complete=False)
    unknown = {e.question_id for e in errors if e.code == "unknown_question"}
    assert unknown == {key for key in answers if key not in known}


@SLOW
@given(st.data())
def test_an_injected_unknown_reference_is_reported_where_it_is(data):
    survey = data.draw(surveys())
    located = [
        (b, i, item)
        for b, block in enumerate(survey.blocks)
        for i, item in enumerate(block.items)
        if item.type != "page_break"
    ]
    b, i, question = data.draw(st.sampled_from(located))
    question = question.model_copy(update={"display_if": "NOSUCHQ == '1'"})
    survey.blocks[b].items[i] = question
    problems = [(p.code, p.element_id, p.pointer) for p in validate(survey)]
    assert ("unknown_reference", question.id, f"/blocks/{b}/items/{i}/display_if") in problems


_junk_expressions = st.one_of(
    st.text(alphabet="Q1234 ()[]'=!<>andornotincontainsanyall,.-+*/", max_size=25),
    st.sampled_from(["true", "Q1 == Q1", "v1 + 1", "count(Q2) > Q1.r1", "answered(Q1.r9)"]),
)
_ids = st.sampled_from(["Q1", "Q2", "Q3", "B1", "B2", "end", "screened_out", "v1", "nope"])


@SLOW
@given(st.data())
def test_validation_and_evaluation_survive_any_wiring(data):
    survey = data.draw(surveys())
    for question in survey.questions():
        if data.draw(st.booleans()):
            question.display_if = data.draw(_junk_expressions)
            question.terminate_if = data.draw(st.none() | _junk_expressions)
        if data.draw(st.booleans()):
            rule = SkipRule.model_validate(
                {"if": data.draw(_junk_expressions), "to": data.draw(_ids)}
            )
            question.skip_to = [rule]
        if data.draw(st.integers(0, 3)) == 0:
            question.options_from = OptionsFrom(question=data.draw(_ids))
    survey = Survey.model_validate(survey.model_dump(by_alias=True))
    for problem in validate(survey):
        assert problem.message.startswith(problem.element_id or "")
    evaluator = Evaluator(survey)
    answers = data.draw(answers_for(survey))
    evaluator.visible_ids(answers)
    evaluator.check_response(answers, complete=True)
    for question in survey.questions():
        evaluator.options_for(question, answers)
