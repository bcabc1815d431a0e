"""Settings from the environment (prefix `FIELDER_`), read once per process by `get_settings()`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of a fielder server; each field is `FIELDER_<NAME>` in the environment."""

    model_config = SettingsConfigDict(env_prefix="FIELDER_", extra="ignore")

    data_dir: Path = Path("./fielder-data")
    # Empty means SQLite in the data dir (filled in by the validator below).
    database_url: str = ""
    redis_url: str | None = None
    public_base_url: str = "http://127.0.0.1:8000"
    # Signs the respondent page's form state (CSRF); empty = a secret kept in data_dir/web_secret.
    web_secret: str | None = None
    engine: str = "builtin"
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str | None = None
    # The llm engine's limits (docs/llm.md): seconds per model call (and between streamed
    # chunks), the SDK's retries (429 honours Retry-After), model calls one org may run at once
    # (across processes with Redis) and how long a call waits for a slot, the questionnaire
    # characters per programming chunk, and streaming (off for servers that cannot stream).
    llm_timeout_seconds: float = Field(default=60, gt=0)
    llm_max_retries: int = Field(default=2, ge=0)
    llm_max_concurrent_per_org: int = Field(default=4, ge=1)
    llm_slot_wait_seconds: float = Field(default=10, ge=0)
    llm_chunk_chars: int = Field(default=6000, ge=500)
    llm_stream: bool = True
    # The longest answer a model call may give, in tokens (sent as `max_tokens`).
    llm_max_tokens: int = Field(default=4000, ge=16)
    # Model name → {"input": cents, "output": cents} per million tokens: ai_cost_cents.
    llm_prices: dict[str, dict[str, float]] = Field(default_factory=dict)
    webhook_allow_private: bool = False
    # Seconds to wait before each retry of a failed webhook delivery (± 20 % jitter); one
    # attempt plus one per entry. API.md § 10: about 1 s, 2 s, 4 s, 8 s, 30 s, 2 min, 10 min, 1 h.
    webhook_retry_schedule: list[float] = Field(
        default=[1, 2, 4, 8, 30, 120, 600, 3600], max_length=20
    )
    webhook_timeout_seconds: float = Field(default=30, gt=0)
    # Delivered and failed webhook deliveries are deleted this many days after their last change.
    webhook_retention_days: float = Field(default=30, gt=0)
    max_upload_mb: int = Field(default=25, ge=1)
    max_json_body_mb: float = Field(default=1.0, gt=0)
    max_text_answer_chars: int = Field(default=10_000, ge=1)
    rate_limit_public_start: str = "30/minute"
    rate_limit_public_save: str = "120/minute"
    rate_limit_authenticated: str = "1200/minute"
    rate_limit_enabled: bool = True
    abandon_after_hours: float = Field(default=24, gt=0)
    # The job consumer inside the server: None = only when embedded (no Redis); True = always
    # (tests on Redis); False = never (only `fielder worker` processes consume).
    embedded_worker: bool | None = None
    # Keeps servers (or test runs) sharing one Redis apart: the job queue's name, the rate-limit
    # counters and the pub/sub channels all carry it.
    namespace: str = "fielder"
    # A running job whose heartbeat is older than this is taken to be dead and run again.
    job_lease_seconds: float = Field(default=60, gt=0)

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.data_dir / 'fielder.db').as_posix()}"
        if self.redis_url == "":
            self.redis_url = None
        return self

    @property
    def runs_embedded_worker(self) -> bool:
        """True when the server process should consume jobs itself."""
        if self.embedded_worker is None:
            return self.redis_url is None
        return self.embedded_worker

    @property
    def is_sqlite(self) -> bool:
        """True when the database is a SQLite file."""
        return self.database_url.startswith("sqlite")

    @property
    def max_upload_bytes(self) -> int:
        """The largest multipart upload in bytes."""
        return self.max_upload_mb * 1024 * 1024

    @property
    def max_json_body_bytes(self) -> int:
        """The largest JSON (or other non-multipart) request body in bytes."""
        return int(self.max_json_body_mb * 1024 * 1024)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read from the environment on first use."""
    return Settings()
