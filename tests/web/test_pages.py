"""The respondent page with JavaScript off: plain GETs and form posts through a TestClient."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fielder.models.response import Response
from tests.web.conftest import Live, MakeLive, state_of


def _post(client: TestClient, live: Live, html: str, data: dict[str, Any]) -> Any:
    body = {"state": state_of(html), "page": "0", "lang": "", "src": "", "shown": "S1 S2 Q4"}
    return client.post(f"/s/{live.slug}", data=body | data)


def test_page_renders_with_security_headers(client: TestClient, live: Live) -> None:
    page = client.get(f"/s/{live.slug}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors *" in csp
    assert "<script>" not in page.text
    assert "style=" not in page.text
    assert 'type="radio" name="S1"' in page.text
    assert "<legend>How old are you?" in page.text
    # Q3 is shown only for S1 == '3': rendered hidden, for the script to show.
    assert 'id="q-Q3" data-q="Q3" data-type="text" hidden' in page.text


def test_complete_without_javascript(client: TestClient, live: Live, session: Session) -> None:
    page = client.get(f"/s/{live.slug}?src=")
    done = _post(client, live, page.text, {"S1": "3", "S2": "1", "action": "next"})
    # Q3 appeared (S1 == '3'): the page comes back asking for it.
    assert done.status_code == 422
    assert "Please answer this question." in done.text
    done = _post(client, live, done.text, {"S1": "3", "S2": "1", "Q3": "Taste", "Q4": "2"})
    assert done.status_code == 200, done.text
    assert "Thank you for your answers." in done.text
    assert 'data-completed="complete"' in done.text
    stored = session.query(Response).filter_by(survey_id=live.survey_id).one()
    assert stored.status == "completed"
    assert stored.answers == {"S1": "3", "S2": "1", "Q3": "Taste", "Q4": 2}


def test_terminate_shows_the_screen_out_ending(
    client: TestClient, live: Live, session: Session
) -> None:
    page = client.get(f"/s/{live.slug}")
    done = _post(client, live, page.text, {"S1": "1", "action": "next"})
    assert done.status_code == 200
    assert "Thanks, that is all." in done.text
    stored = session.query(Response).filter_by(survey_id=live.survey_id).one()
    assert (stored.status, stored.outcome, stored.answers) == (
        "completed",
        "screened_out",
        {"S1": "1"},
    )


def test_required_and_bad_number_messages(client: TestClient, live: Live) -> None:
    page = client.get(f"/s/{live.slug}")
    again = _post(client, live, page.text, {"S1": "2", "Q4": "lots", "action": "next"})
    assert again.status_code == 422
    assert 'role="alert"' in again.text
    assert "Please enter a number." in again.text
    assert again.text.count("Please answer this question.") == 2  # S2: summary and question
    assert 'value="2" checked' in again.text  # the answer given is kept


def test_csrf_refuses_a_forged_or_missing_state(client: TestClient, live: Live) -> None:
    for state in ("", "new-00.deadbeef", "x"):
        answer = client.post(f"/s/{live.slug}", data={"state": state, "S1": "2"})
        assert answer.status_code == 403
        assert "expired" in answer.text
    other = client.get(f"/s/{live.slug}")
    # A state signed for another survey does not carry over.
    answer = client.post("/s/another-survey-slug", data={"state": state_of(other.text)})
    assert answer.status_code == 404


def test_closed_survey_is_a_human_page(client: TestClient) -> None:
    page = client.get("/s/no-such-survey")
    assert page.status_code == 404
    assert "This survey is closed" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_resume_with_the_cookie(client: TestClient, live: Live) -> None:
    page = client.get(f"/s/{live.slug}")
    _post(client, live, page.text, {"S1": "2", "action": "next"})  # S2 missing: saved, stays
    again = client.get(f"/s/{live.slug}")
    assert 'value="2" checked' in again.text


def test_invitation_token_resumes(client: TestClient, live: Live, session: Session) -> None:
    first = client.get(f"/s/{live.slug}?r=tok-123")
    assert first.status_code == 200
    client.cookies.clear()
    second = client.get(f"/s/{live.slug}/tok-123")
    assert second.status_code == 200
    rows = session.query(Response).filter_by(survey_id=live.survey_id).all()
    assert [r.respondent_token for r in rows] == ["tok-123"]


def test_questionnaire_text_is_escaped(client: TestClient, make_live: MakeLive) -> None:
    evil = "<script>alert(1)</script>"
    ir = {
        "schema": "fielder/ir@1",
        "title": f"T {evil}",
        "blocks": [
            {
                "id": "B1",
                "items": [
                    {
                        "id": "Q1",
                        "type": "single",
                        "text": f'Q "{evil}',
                        "instructions": evil,
                        "options": [{"code": 'a"><b>', "label": evil}],
                    }
                ],
            }
        ],
    }
    live = make_live(ir)
    page = client.get(f"/s/{live.slug}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert '"><b>' not in page.text


def test_language_from_query_and_accept_language(client: TestClient, make_live: MakeLive) -> None:
    ir = {
        "schema": "fielder/ir@1",
        "title": "L",
        "languages": ["en", "fr"],
        "blocks": [{"id": "B1", "items": [{"id": "Q1", "type": "text", "text": "?"}]}],
    }
    live = make_live(ir)
    assert '<html lang="fr">' in client.get(f"/s/{live.slug}?lang=fr").text
    page = client.get(f"/s/{live.slug}", headers={"Accept-Language": "de, fr-CH;q=0.8"})
    assert '<html lang="fr">' in page.text
    assert "Terminer" in page.text
    assert '<html lang="en">' in client.get(f"/s/{live.slug}?lang=xx").text


def test_embed_script_and_static_files(client: TestClient) -> None:
    script = client.get("/embed.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "fielder:completed" in script.text
    assert "__FIELDER_ORIGIN__" not in script.text
    assert client.get("/s-static/fielder.css").status_code == 200
    assert client.get("/s-static/fielder.js").status_code == 200
    assert client.get("/s-static/../config.py").status_code == 404
    assert client.get("/s-static/nothing.js").status_code == 404


def test_embed_origins_limit_frame_ancestors(
    client: TestClient, make_live: MakeLive, session: Session
) -> None:
    from fielder.models.survey import Survey

    live = make_live()
    survey = session.get(Survey, live.survey_id)
    assert survey is not None
    survey.settings = {"embed_origins": ["https://client.example"]}
    session.commit()
    page = client.get(f"/s/{live.slug}")
    assert "frame-ancestors https://client.example" in page.headers["content-security-policy"]
