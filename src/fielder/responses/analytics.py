"""Survey analytics computed in the database (API.md § 9).

Totals and durations are one grouped query; each question's breakdown is one grouped query
over the JSON answers (`json_extract`/`json_each` on SQLite, `->>`/`jsonb_array_elements` on
PostgreSQL). Breakdowns count completed responses.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from fielder.ir.models import Question
from fielder.ir.models import Survey as IRSurvey
from fielder.models.response import Response
from fielder.models.survey import Survey

CHOICE = frozenset({"single", "dropdown", "scale"})
LISTS = frozenset({"multi", "ranking"})
TEXTS = frozenset({"text", "long_text", "email", "date", "hidden"})
#: Distinct values listed in a number's distribution.
DISTRIBUTION_SIZE = 50


def compute(session: Session, survey: Survey, ir: IRSurvey) -> dict[str, Any]:
    """The analytics object of a survey."""
    totals = _totals(session, survey.id)
    questions = {
        question.id: breakdown
        for question in ir.questions()
        if (breakdown := _question(session, survey.id, question)) is not None
    }
    return totals | {"questions": questions}


def _totals(session: Session, survey_id: str) -> dict[str, Any]:
    counts = {"completed": 0, "in_progress": 0, "abandoned": 0}
    screened = 0
    rows = session.execute(
        select(Response.status, Response.outcome, func.count())
        .where(Response.survey_id == survey_id)
        .group_by(Response.status, Response.outcome)
    )
    for status, outcome, count in rows:
        counts[status] = counts.get(status, 0) + count
        screened += count if outcome == "screened_out" else 0
    total = sum(counts.values())
    return {
        "total_responses": total,
        **counts,
        "screened_out": screened,
        "completion_rate": round(counts["completed"] / total, 4) if total else 0.0,
        "avg_duration_seconds": _avg_duration(session, survey_id),
    }


def _avg_duration(session: Session, survey_id: str) -> float | None:
    if session.get_bind().dialect.name == "postgresql":
        seconds: Any = func.extract("epoch", Response.completed_at - Response.started_at)
    else:
        seconds = (
            func.julianday(Response.completed_at) - func.julianday(Response.started_at)
        ) * 86400
    value = session.scalar(
        select(func.avg(seconds)).where(
            Response.survey_id == survey_id, Response.status == "completed"
        )
    )
    return None if value is None else round(float(value), 3)


def _completed(survey_id: str) -> list[ColumnElement[bool]]:
    return [Response.survey_id == survey_id, Response.status == "completed"]


def _question(session: Session, survey_id: str, question: Question) -> dict[str, Any] | None:
    if question.type in CHOICE:
        return _choice(session, survey_id, question.id, question)
    if question.type in LISTS:
        return _listed(session, survey_id, question)
    if question.type == "number":
        return _number(session, survey_id, question.id)
    if question.type in TEXTS:
        return _text(session, survey_id, question.id)
    if question.type == "grid":
        return {
            "type": "grid",
            "rows": {
                row.id: _choice(session, survey_id, question.id, question, row.id)
                for row in question.rows
            },
        }
    if question.type == "constant_sum":
        return _sums(session, survey_id, question)
    return None


def _choice(
    session: Session, survey_id: str, qid: str, question: Question, row_id: str | None = None
) -> dict[str, Any]:
    element = Response.answers[qid] if row_id is None else Response.answers[(qid, row_id)]
    path_code = (
        Response.answers[(qid, "code")]
        if row_id is None
        else Response.answers[(qid, row_id, "code")]
    )
    code = func.coalesce(path_code.as_string(), element.as_string())
    rows = session.execute(
        select(code, func.count()).where(*_completed(survey_id), code.is_not(None)).group_by(code)
    )
    return _counts(question, {str(value): count for value, count in rows})


def _counts(question: Question, found: dict[str, int]) -> dict[str, Any]:
    answered = sum(found.values())
    return {
        "type": question.type,
        "answered": answered,
        "options": {
            code: {
                "count": count,
                "percentage": round(100 * count / answered, 2) if answered else 0.0,
            }
            for code, count in sorted(found.items(), key=lambda item: -item[1])
        },
    }


def _listed(session: Session, survey_id: str, question: Question) -> dict[str, Any]:
    """Counts of each code chosen in a list answer (multi, ranking), and how many answered."""
    if session.get_bind().dialect.name == "postgresql":
        sql = (
            "SELECT CASE WHEN jsonb_typeof(e) = 'object' THEN e->>'code' ELSE e #>> '{}' END, "
            "count(DISTINCT r.id) FROM responses r, jsonb_array_elements(r.answers->:qid) e "
            "WHERE r.survey_id = :sid AND r.status = 'completed' "
            "AND jsonb_typeof(r.answers->:qid) = 'array' GROUP BY 1"
        )
    else:
        sql = (
            "SELECT CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.code') "
            "ELSE e.value END, "
            "count(DISTINCT r.id) FROM responses r, json_each(r.answers, :path) e "
            "WHERE r.survey_id = :sid AND r.status = 'completed' "
            "AND json_type(r.answers, :path) = 'array' GROUP BY 1"
        )
    params = {"qid": question.id, "sid": survey_id, "path": f'$."{question.id}"'}
    found = {
        str(code): count for code, count in session.execute(text(sql), params) if code is not None
    }
    breakdown = _counts(question, found)
    breakdown["answered"] = _answered_count(session, survey_id, question.id)
    for item in breakdown["options"].values():
        item["percentage"] = (
            round(100 * item["count"] / breakdown["answered"], 2) if breakdown["answered"] else 0.0
        )
    return breakdown


def _answered_count(session: Session, survey_id: str, qid: str) -> int:
    # Both databases give a list answer as its JSON text here.
    value = Response.answers[qid].as_string()
    count = session.scalar(
        select(func.count()).where(*_completed(survey_id), value.is_not(None), value != "[]")
    )
    return int(count or 0)


def _number(session: Session, survey_id: str, qid: str) -> dict[str, Any]:
    value = Response.answers[qid].as_float()
    stats = session.execute(
        select(func.count(value), func.avg(value), func.min(value), func.max(value)).where(
            *_completed(survey_id), value.is_not(None)
        )
    ).one()
    distribution = session.execute(
        select(value, func.count())
        .where(*_completed(survey_id), value.is_not(None))
        .group_by(value)
        .order_by(func.count().desc(), value)
        .limit(DISTRIBUTION_SIZE)
    )
    return {
        "type": "number",
        "answered": stats[0],
        "mean": None if stats[1] is None else round(float(stats[1]), 4),
        "min": stats[2],
        "max": stats[3],
        "distribution": [{"value": v, "count": c} for v, c in distribution],
    }


def _text(session: Session, survey_id: str, qid: str) -> dict[str, Any]:
    value = Response.answers[qid].as_string()
    count = session.scalar(
        select(func.count()).where(*_completed(survey_id), value.is_not(None), value != "")
    )
    return {"type": "text", "count": int(count or 0)}


def _sums(session: Session, survey_id: str, question: Question) -> dict[str, Any]:
    means = {}
    for option in question.options:
        value = Response.answers[(question.id, option.code)].as_float()
        mean = session.scalar(
            select(func.avg(value)).where(*_completed(survey_id), value.is_not(None))
        )
        means[option.code] = None if mean is None else round(float(mean), 4)
    return {"type": "constant_sum", "means": means}
