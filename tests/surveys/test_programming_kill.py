"""A `fielder worker` process killed in the middle of a programming run: the job is picked
up again by another worker and finishes without a duplicated change."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from sqlalchemy import func, select

from fielder.config import Settings
from fielder.db.session import session_scope
from fielder.files import service as files
from fielder.files.upload import Upload
from fielder.history import chain
from fielder.kit.storage import storage_for
from fielder.models.change import Change
from fielder.models.changeset import Changeset
from fielder.models.survey import Survey
from fielder.surveys import programming
from fielder.surveys import service as surveys
from fielder.surveys.schemas import SurveyCreate

QUESTIONS = 300


def _questionnaire() -> bytes:
    lines = ["Big tracker", ""]
    for n in range(1, QUESTIONS + 1):
        lines += [f"Q{n}. How much do you like thing {n}?", "1. A lot", "2. A little", ""]
    return "\n".join(lines).encode()


def _start_run(settings: Settings, org_id: str) -> tuple[str, str]:
    with session_scope(settings) as session:
        upload = Upload("big.txt", _questionnaire(), "text/plain")
        _, media_type = files.check_upload(upload, settings.max_upload_bytes)
        survey = surveys.create_survey(session, org_id, SurveyCreate(name="Big tracker"))
        row = files.store_file(
            session, storage_for(str(settings.data_dir)), org_id, upload, media_type, survey.id
        )
        survey.file_id = row.id
        survey.target_platform = "fielder"
        programming.start(session, survey, qa=None, force=False, actor=None)
        changeset_id = session.scalars(
            select(Changeset.id).where(Changeset.survey_id == survey.id)
        ).one()
        return survey.id, changeset_id


def _change_count(settings: Settings, changeset_id: str) -> int:
    with session_scope(settings) as session:
        count = session.scalar(
            select(func.count()).select_from(Change).where(Change.changeset_id == changeset_id)
        )
        return int(count or 0)


@pytest.fixture
def worker_process(tmp_path: Path) -> Iterator[Any]:
    """Start `fielder worker` processes (env overrides allowed); all are killed afterwards."""
    started: list[subprocess.Popen[bytes]] = []
    logs: list[BinaryIO] = []

    def start(**env: str) -> subprocess.Popen[bytes]:
        logs.append((tmp_path / f"worker-{len(started)}.log").open("wb"))
        command = [str(Path(sys.executable).parent / "fielder"), "worker", "--workers", "1"]
        process = subprocess.Popen(
            command, env=os.environ | env, stdout=logs[-1], stderr=subprocess.STDOUT
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    for log in logs:
        log.close()


@pytest.mark.slow
def test_killed_worker_job_resumes_without_duplicates(
    settings: Settings, org: Any, worker_process: Any
) -> None:
    survey_id, changeset_id = _start_run(settings, org.org_id)
    first = worker_process()
    deadline = time.monotonic() + 60
    while _change_count(settings, changeset_id) < 20:
        assert time.monotonic() < deadline, "the worker never started the run"
        assert first.poll() is None, "the worker exited"
        time.sleep(0.02)
    first.kill()  # SIGKILL: no cleanup, the job row stays `running`
    first.wait(timeout=30)
    written = _change_count(settings, changeset_id)
    assert written < QUESTIONS, "the run finished before the kill; make the questionnaire longer"
    time.sleep(1.5)  # let the killed job's lease (1 s for the next worker) run out
    second = worker_process(FIELDER_JOB_LEASE_SECONDS="1")
    deadline = time.monotonic() + 120
    while True:
        with session_scope(settings) as session:
            status = session.get(Survey, survey_id).status  # type: ignore[union-attr]
        if status in {"reviewing", "pending"}:
            break
        assert time.monotonic() < deadline, "the run never finished after the restart"
        assert second.poll() is None, "the second worker exited"
        time.sleep(0.1)
    assert status == "reviewing"
    with session_scope(settings) as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        changes = list(
            session.scalars(
                select(Change).where(Change.changeset_id == changeset_id).order_by(Change.ordinal)
            )
        )
        elements = [c.element_id for c in changes if c.element_id]
        assert elements == [f"Q{n}" for n in range(1, QUESTIONS + 1)]
        assert [c.ordinal for c in changes] == list(range(len(changes)))
        assert chain.state_at(session, survey_id, survey.history_seq) == survey.platform_ir
        assert survey.question_count == QUESTIONS
        assert session.get(Changeset, changeset_id).status == "complete"  # type: ignore[union-attr]
