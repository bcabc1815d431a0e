"""The rules of integrations: the built-in ones of every org, API connections, sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fielder.errors import NotFound, Unprocessable
from fielder.integrations import secrets_box
from fielder.integrations.schemas import IntegrationCreate, PlatformSurvey, SourceCreate, SourceRead
from fielder.models.integration import Integration
from fielder.models.publication import Publication
from fielder.models.source import Source
from fielder.models.survey import Survey
from fielder.platforms.registry import PLATFORMS
from fielder.responses.repository import storable

HOSTED = "fielder"
#: Platforms an API connection can be made to (the hosted runtime needs none).
API_PLATFORMS = tuple(name for name in PLATFORMS if name != HOSTED)
_NAMES = {
    "fielder": "fielder (hosted)",
    "qualtrics": "Qualtrics (QSF file)",
    "limesurvey": "LimeSurvey (LSS file)",
    "surveyjs": "SurveyJS (JSON file)",
    "xlsform": "XLSForm (ODK/KoboToolbox file)",
    "decipher": "Decipher (XML file)",
}


def ensure_builtin(session: Session, org_id: str) -> None:
    """Create the org's hosted integration and one file integration per export platform."""
    wanted = {f"hosted:{HOSTED}": (HOSTED, "hosted")}
    wanted |= {f"file:{name}": (name, "file") for name in API_PLATFORMS}
    existing = set(
        session.scalars(
            select(Integration.builtin_key).where(
                Integration.org_id == org_id, Integration.builtin_key.is_not(None)
            )
        )
    )
    for key, (platform, kind) in wanted.items():
        if key in existing:
            continue
        row = Integration(
            org_id=org_id,
            platform=platform,
            kind=kind,
            name=_NAMES.get(platform, platform),
            builtin_key=key,
        )
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            continue  # a concurrent first request made it


def list_statement(org_id: str) -> Any:
    """The org's integrations: hosted first, then files, then API connections."""
    return (
        select(Integration)
        .where(Integration.org_id == org_id)
        .order_by(
            Integration.kind.desc(), Integration.platform, Integration.created_at, Integration.id
        )
    )


def get(session: Session, org_id: str, integration_id: str) -> Integration:
    """One of the org's integrations; 404 otherwise."""
    ensure_builtin(session, org_id)
    row = session.get(Integration, integration_id) if storable(integration_id) else None
    if row is None or row.org_id != org_id:
        raise NotFound("integration_not_found", f"No integration {integration_id}.")
    return row


def create_api(
    session: Session, org_id: str, data_dir: Path, body: IntegrationCreate
) -> Integration:
    """An API connection to a platform; its credentials are stored encrypted."""
    if body.platform not in API_PLATFORMS:
        raise Unprocessable(
            "unknown_platform",
            f"Unknown platform '{body.platform}'.",
            details=[{"field": "platform", "allowed": list(API_PLATFORMS)}],
        )
    row = Integration(
        org_id=org_id,
        platform=body.platform,
        name=body.name.strip() or body.platform,
        kind="api",
        credentials_encrypted=secrets_box.seal(data_dir, body.credentials),
    )
    session.add(row)
    session.flush()
    return row


def platform_surveys(
    session: Session, integration: Integration, base_url: str
) -> list[PlatformSurvey]:
    """The org's surveys on this integration's platform, with their links and counts."""
    statement = (
        select(Survey).where(Survey.org_id == integration.org_id).order_by(Survey.created_at)
    )
    if integration.platform != HOSTED:
        statement = statement.where(Survey.target_platform == integration.platform)
    pushed = dict(
        session.execute(
            select(Publication.survey_id, func.max(Publication.published_at))
            .where(Publication.org_id == integration.org_id)
            .group_by(Publication.survey_id)
        ).all()
    )
    found = []
    for survey in session.scalars(statement):
        if integration.platform == HOSTED and survey.id not in pushed:
            continue
        found.append(
            PlatformSurvey(
                id=survey.id,
                survey_id=survey.id,
                name=survey.name,
                status=survey.status,
                url=_survey_url(integration, survey, base_url),
                response_count=survey.response_count,
                last_pushed_at=pushed.get(survey.id)
                if integration.platform == HOSTED
                else survey.ir_updated_at,
            )
        )
    return found


def _survey_url(integration: Integration, survey: Survey, base_url: str, **params: str) -> str:
    base = base_url.rstrip("/")
    if integration.platform == HOSTED:
        query = f"?{urlencode(params)}" if params else ""
        return f"{base}/s/{survey.slug}{query}"
    return f"{base}/api/v1/surveys/{survey.id}/export?platform={integration.platform}"


def org_survey(session: Session, org_id: str, survey_id: str) -> Survey:
    """One of the org's surveys; 404 otherwise."""
    survey = session.get(Survey, survey_id) if storable(survey_id) else None
    if survey is None or survey.org_id != org_id:
        raise NotFound("survey_not_found", f"No survey {survey_id}.")
    return survey


def add_source(
    session: Session, integration: Integration, survey: Survey, body: SourceCreate, base_url: str
) -> SourceRead:
    """A new distribution link of the survey through the integration."""
    source = Source(
        org_id=integration.org_id,
        integration_id=integration.id,
        survey_id=survey.id,
        name=body.name.strip(),
        params=body.params or {},
        response_count=0,
    )
    session.add(source)
    session.flush()
    return source_read(integration, survey, source, base_url)


def sources(
    session: Session, integration: Integration, survey: Survey, base_url: str
) -> list[SourceRead]:
    """The survey's sources through this integration, oldest first."""
    rows = session.scalars(
        select(Source)
        .where(Source.integration_id == integration.id, Source.survey_id == survey.id)
        .order_by(Source.created_at, Source.id)
    )
    return [source_read(integration, survey, row, base_url) for row in rows]


def source_read(
    integration: Integration, survey: Survey, source: Source, base_url: str
) -> SourceRead:
    """The API view of a source, with its link (`?src=<id>` on the hosted platform)."""
    url = _survey_url(integration, survey, base_url, src=source.id)
    return SourceRead(
        id=source.id,
        name=source.name,
        survey_id=survey.id,
        url=url,
        params=source.params or {},
        response_count=source.response_count,
        created_at=source.created_at,
    )
