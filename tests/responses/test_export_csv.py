"""The CSV export as the endpoint streams it is, byte for byte, `iter_csv` over decoded rows.

On PostgreSQL `export_csv` formats answers cut out by the server (see `responses.export_csv`);
on SQLite it is `iter_csv` itself. Either way the file must be the one `iter_csv` writes.
"""

from __future__ import annotations

import itertools
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.ir.models import Survey
from fielder.models.response import Response
from fielder.responses import export_csv as export_csv_module
from fielder.responses.export_csv import export_csv
from fielder.responses.export_rows import export_rows
from fielder.responses.exports.csv import iter_csv
from tests.responses.conftest import MakeLive
from tests.responses.ir_samples import EVERY_TYPE, every_type

#: Answers of every shape the formatting rules tell apart.
VALUES: list[Any] = [
    "1",
    "97",
    "",
    "plain text that is rather longer than a short code, and has a comma",
    'a "quoted" word',
    "line\nbreak",
    "carriage\rreturn",
    "tab\there",
    "back\\slash",
    "=SUM(A1:A2)",
    "+1",
    "-1",
    "@cmd",
    "\tstarts with a tab",
    "\rstarts with a CR",
    "Ünïcödé ✓ 🎉",
    "line\u2028separator and \x0b vertical tab and \x1f unit separator",
    "x" * 100,
    0,
    7,
    -3,
    12345678901234567890,
    1.0,
    2.5,
    -0.5,
    1e20,
    1.5e-7,
    True,
    False,
    None,
    [],
    ["1", "2"],
    ["1", "a,b"],
    ["=1", "2"],
    ['a"b'],
    [1, 2.0, True, None],
    ["1", {"code": "97", "text": 'Brand Ü, "best"'}],
    [["nested"], {"deep": [1, 2]}],
    {},
    {"r1": "5", "r2": "1"},
    {"code": "97", "text": "=formula"},
    {"a": 1.0, "b": [1e20, "x\ny"], "ü": None},
]

EMAILS = [None, "a@example.org", "=cmd@example.org", "a,b@example.org", 'q"@example.org', ""]
#: Token prefixes (tokens are unique per survey: a number follows).
TOKENS = ["tok", "-tok", "tab\ttoken", "back\\slash", "=x,"]


def _answers(number: int, ids: list[str]) -> Any:
    if number % 17 == 5:
        return ["not", "an", "object"]  # a stored answers document that is no object
    if number % 19 == 7:
        return {}
    cycle = itertools.cycle(VALUES)
    answers: dict[str, Any] = {}
    for offset, qid in enumerate(ids):
        for _ in range((number * 7 + offset * 3) % len(VALUES)):
            next(cycle)
        if (number + offset) % 5 != 4:  # some questions unanswered
            answers[qid] = next(cycle)
    return answers


def _fill(settings: Settings, survey_id: str, org_id: str, count: int) -> None:
    ids = ["S1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "EXTRA"]
    began = datetime(2026, 5, 10, 10, 5, tzinfo=UTC)
    with session_scope(settings) as session:
        for number in range(count):
            # Whole seconds (Python writes no fraction then), and times with microseconds.
            at = began + timedelta(seconds=number, microseconds=(number % 3) * 250_001)
            session.add(
                Response(
                    org_id=org_id,
                    survey_id=survey_id,
                    answers=_answers(number, ids),
                    status=("completed", "in_progress", "abandoned")[number % 3],
                    outcome=("complete", None, "screened_out")[number % 3],
                    respondent_email=EMAILS[number % len(EMAILS)],
                    respondent_token=None
                    if number % 2
                    else f"{TOKENS[number % len(TOKENS)]}{number}",
                    started_at=at,
                    completed_at=at + timedelta(minutes=3) if number % 3 == 0 else None,
                    last_saved_at=at,
                    created_at=at,
                )
            )


def _both(settings: Settings, survey_id: str, survey: Survey, *, bom: bool) -> tuple[bytes, bytes]:
    fast = b"".join(export_csv(settings, survey_id, survey, bom=bom))
    reference = b"".join(iter_csv(survey, export_rows(settings, survey_id), bom=bom))
    return fast, reference


@pytest.mark.parametrize("bom", [False, True])
def test_export_csv_is_iter_csv_byte_for_byte(
    settings: Settings, make_live: MakeLive, bom: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = make_live(EVERY_TYPE)
    _fill(settings, live.survey_id, live.org.org_id, 300)
    monkeypatch.setattr(export_csv_module, "_CACHE_SIZE", 10)  # the cache starts afresh often
    monkeypatch.setattr(export_csv_module, "EXPORT_BATCH", 13)  # rows fetched in many pieces
    monkeypatch.setattr(export_csv_module, "ROWS_PER_CHUNK", 7)
    fast, reference = _both(settings, live.survey_id, every_type(), bom=bom)
    assert fast.count(b"\r\n") > 300  # the rows are there (some cells hold line breaks too)
    assert fast == reference


def test_a_survey_without_questions_or_responses(settings: Settings, make_live: MakeLive) -> None:
    live = make_live(EVERY_TYPE)
    empty = Survey(title="No questions")
    assert _both(settings, live.survey_id, empty, bom=True)[0] == "\ufeff".encode() + (
        b"id,respondent_email,respondent_token,status,outcome,started_at,completed_at,"
        b"created_at\r\n"
    )
    _fill(settings, live.survey_id, live.org.org_id, 20)
    fast, reference = _both(settings, live.survey_id, empty, bom=False)
    assert fast == reference


def test_stopping_early_ends_the_fetching_thread(
    settings: Settings, make_live: MakeLive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_csv_module, "EXPORT_BATCH", 2)
    monkeypatch.setattr(export_csv_module, "ROWS_PER_CHUNK", 3)
    live = make_live(EVERY_TYPE)
    _fill(settings, live.survey_id, live.org.org_id, 30)
    before = threading.active_count()
    chunks = export_csv(settings, live.survey_id, every_type())
    assert next(chunks).startswith(b"id,")
    chunks.close()  # a client that goes away mid-download
    assert threading.active_count() == before


def test_more_questions_than_postgresql_has_columns(
    settings: Settings, make_live: MakeLive
) -> None:
    live = make_live(EVERY_TYPE)
    items = [{"id": f"T{n}", "type": "text", "text": f"T{n}?"} for n in range(1_700)]
    survey = Survey.model_validate(
        {"schema": "fielder/ir@1", "title": "Long", "blocks": [{"id": "B1", "items": items}]}
    )
    with session_scope(settings) as session:
        session.add(
            Response(
                org_id=live.org.org_id,
                survey_id=live.survey_id,
                answers={f"T{n}": f"=answer {n}" for n in range(0, 1_700, 3)},
                status="completed",
                started_at=datetime(2026, 5, 10, tzinfo=UTC),
                last_saved_at=datetime(2026, 5, 10, tzinfo=UTC),
                created_at=datetime(2026, 5, 10, tzinfo=UTC),
            )
        )
    fast, reference = _both(settings, live.survey_id, survey, bom=False)
    assert fast == reference
    assert b",'=answer 1698," in fast
