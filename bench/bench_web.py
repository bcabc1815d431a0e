"""Respondent page figures (in process, embedded SQLite, a TestClient; no network):

- `web_render_40q_ms`: median time of `GET /s/{slug}` for a page of 40 questions of mixed
  types (single, multi, grid, number, text), after a warm-up; and its HTML size.
- `web_typical_page_bytes`: HTML + CSS + JS sent for a typical page (the 10-question page of
  every question type), before compression, and `web_external_requests` (URLs in it that point
  to another origin: aim 0).

`python -m bench.bench_web` prints one JSON line per figure.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bench.bench_fielding import forty_questions

ROUNDS = int(os.environ.get("FIELDER_BENCH_WEB_ROUNDS", "200"))

TYPICAL: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "A typical page",
    "blocks": [
        {
            "id": "B1",
            "items": [
                {"id": "INTRO", "type": "display", "text": "Welcome, this takes five minutes."},
                {
                    "id": "S1",
                    "type": "single",
                    "text": "How old are you?",
                    "options": [{"code": str(i), "label": f"Age band {i}"} for i in range(1, 7)],
                },
                {
                    "id": "Q2",
                    "type": "multi",
                    "text": "Which brands do you know?",
                    "options": [{"code": str(i), "label": f"Brand {i}"} for i in range(1, 9)],
                },
                {
                    "id": "Q3",
                    "type": "grid",
                    "text": "Rate each",
                    "rows": [{"id": f"r{i}", "label": f"Aspect {i}"} for i in range(1, 6)],
                    "options": [{"code": str(i), "label": f"{i}"} for i in range(1, 6)],
                },
                {"id": "Q4", "type": "number", "text": "How many cups a day?"},
                {"id": "Q5", "type": "long_text", "text": "Why?"},
                {
                    "id": "Q6",
                    "type": "ranking",
                    "text": "Rank",
                    "options": [{"code": c, "label": c.upper()} for c in "abcd"],
                },
                {
                    "id": "Q7",
                    "type": "constant_sum",
                    "text": "Split 100",
                    "total": 100,
                    "options": [{"code": "1", "label": "Home"}, {"code": "2", "label": "Work"}],
                },
                {"id": "Q8", "type": "date", "text": "When?"},
                {
                    "id": "Q9",
                    "type": "dropdown",
                    "text": "Country",
                    "options": [{"code": f"c{i}", "label": f"Country {i}"} for i in range(30)],
                },
            ],
        }
    ],
}


def emit(figure: str, value: float, unit: str, **extra: Any) -> None:
    """Print one figure as a JSON line."""
    print(
        json.dumps({"figure": figure, "value": round(value, 3), "unit": unit, **extra}), flush=True
    )


def _live(settings: Any, ir: dict[str, Any], slug: str) -> None:
    from fielder.db.base import utcnow
    from fielder.db.session import session_scope
    from fielder.keys import service as keys_service
    from fielder.models.survey import Survey
    from fielder.responses import publishing

    with session_scope(settings) as session:
        org = keys_service.create_org(session, f"Bench {slug}")
        survey = Survey(
            org_id=org.id,
            name=slug,
            slug=slug,
            mode="manual",
            status="reviewing",
            target_platform="fielder",
            platform_ir=ir,
        )
        session.add(survey)
        session.flush()
        publishing.publish(session, survey)
        survey.status = "live"
        survey.live_at = utcnow()


def main() -> None:
    """Measure and print the figures."""
    with tempfile.TemporaryDirectory() as directory:
        os.environ["FIELDER_DATA_DIR"] = directory
        os.environ["FIELDER_DATABASE_URL"] = f"sqlite:///{Path(directory) / 'fielder.db'}"
        os.environ["FIELDER_EMBEDDED_WORKER"] = "false"
        os.environ["FIELDER_RATE_LIMIT_ENABLED"] = "false"
        os.environ.pop("FIELDER_REDIS_URL", None)
        from fielder.app import create_app
        from fielder.config import get_settings
        from fielder.db.migrate import upgrade
        from fielder.db.session import dispose_engines

        get_settings.cache_clear()
        settings = get_settings()
        upgrade(settings)
        _live(settings, forty_questions(), "bench-forty")
        _live(settings, TYPICAL, "bench-typical")
        with TestClient(create_app(settings)) as client:
            for _ in range(10):
                client.get("/s/bench-forty")
            times = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                page = client.get("/s/bench-forty")
                times.append((time.perf_counter() - started) * 1000)
            assert page.status_code == 200
            emit(
                "web_render_40q_ms",
                statistics.median(times),
                "ms",
                p99=round(sorted(times)[int(len(times) * 0.99) - 1], 3),
                html_bytes=len(page.content),
                rounds=ROUNDS,
            )
            typical = client.get("/s/bench-typical").content
            css = client.get("/s-static/fielder.css").content
            js = client.get("/s-static/fielder.js").content
            emit(
                "web_typical_page_bytes",
                len(typical) + len(css) + len(js),
                "bytes",
                html=len(typical),
                css=len(css),
                js=len(js),
                aim=50_000,
            )
            urls = re.findall(rb"""(?:src|href|action)=["'](https?:)?//""", typical + css + js)
            emit("web_external_requests", len(urls), "requests")
        dispose_engines()
        get_settings.cache_clear()


if __name__ == "__main__":
    main()
