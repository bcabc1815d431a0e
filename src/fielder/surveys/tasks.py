"""The surveys domain's jobs."""

from __future__ import annotations

from fielder.worker.tasks import task


@task("surveys.program", max_attempts=5)
def program_survey(changeset_id: str) -> None:
    """Run (or resume) programming run `changeset_id`."""
    from fielder.surveys import programming

    programming.run(changeset_id)
