"""Every question type read from a plain form post; back, background save, pages, chat."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fielder.models.response import Response
from tests.responses.ir_samples import full_answers
from tests.web.conftest import Live, MakeLive, state_of

EVERY_FORM: dict[str, Any] = {
    "S1": "2",
    "Q2": ["1", "97"],
    "Q2__text__97": "Brand Ü",
    "Q3__r1": "5",
    "Q3__r2": "1",
    "Q4": "3",
    "Q5": '=HYPERLINK("x")',
    "Q6__a": "2",
    "Q6__b": "1",
    "Q7__1": "60",
    "Q7__2": "40",
    "Q8": "2026-05-01",
    "Q9": "de",
    "action": "next",
}


def _base(html: str, page: int = 0) -> dict[str, Any]:
    return {"state": state_of(html), "page": str(page), "lang": "", "src": ""}


def test_every_type_round_trip(client: TestClient, every_type_live: Live, session: Session) -> None:
    page = client.get(f"/s/{every_type_live.slug}")
    for control in ('type="checkbox" name="Q2"', 'name="Q3__r1"', 'type="date"', "<select"):
        assert control in page.text
    assert '<th scope="row"' in page.text
    done = client.post(f"/s/{every_type_live.slug}", data=_base(page.text) | EVERY_FORM)
    assert done.status_code == 200, done.text
    stored = session.query(Response).filter_by(survey_id=every_type_live.survey_id).one()
    assert stored.status == "completed"
    assert stored.answers == full_answers()


def test_ranking_needs_distinct_ranks(client: TestClient, every_type_live: Live) -> None:
    page = client.get(f"/s/{every_type_live.slug}")
    form = EVERY_FORM | {"Q6__a": "1", "Q6__b": "1", "Q7__1": "x"}
    again = client.post(f"/s/{every_type_live.slug}", data=_base(page.text) | form)
    assert again.status_code == 422
    assert "Give each item a different rank." in again.text
    assert "Please enter a number." in again.text


PAGED: dict[str, Any] = {
    "schema": "fielder/ir@1",
    "title": "Paged",
    "blocks": [
        {
            "id": "B1",
            "items": [
                {
                    "id": "Q1",
                    "type": "single",
                    "text": "Pick",
                    "randomize_options": True,
                    "options": [
                        {"code": "a", "label": "Alpha"},
                        {"code": "b", "label": "Beta"},
                        {"code": "c", "label": "Gamma"},
                        {"code": "d", "label": "Delta"},
                        {"code": "z", "label": "None of these", "fixed": True},
                    ],
                },
                {"type": "page_break"},
                {"id": "Q2", "type": "text", "text": "You picked {{Q1}}; why?"},
            ],
        }
    ],
}


def test_pages_piping_back_and_resume(client: TestClient, make_live: MakeLive) -> None:
    live = make_live(PAGED)
    first = client.get(f"/s/{live.slug}")
    assert 'max="2" value="1"' in first.text
    assert first.text.index("None of these") > max(
        first.text.index(label) for label in ("Alpha", "Beta", "Gamma", "Delta")
    )
    second = client.post(f"/s/{live.slug}", data=_base(first.text) | {"Q1": "b"})
    assert second.status_code == 200
    assert "You picked Beta; why?" in second.text
    back = client.post(
        f"/s/{live.slug}", data=_base(second.text, 1) | {"Q2": "Nice", "action": "back"}
    )
    assert 'value="b" checked' in back.text
    resumed = client.get(f"/s/{live.slug}")  # the first unanswered page: none left, the last
    assert 'value="Nice"' in resumed.text


def test_randomised_order_is_stable_per_respondent(client: TestClient, make_live: MakeLive) -> None:
    live = make_live(PAGED)
    first = client.get(f"/s/{live.slug}")
    client.post(f"/s/{live.slug}", data=_base(first.text) | {"Q1": "a"})
    orders = []
    for _ in range(2):
        page = client.get(f"/s/{live.slug}?page=0")
        orders.append([page.text.index(x) for x in ("Alpha", "Beta", "Gamma", "Delta")])
    assert orders[0] == orders[1]


def test_background_save_gives_visibility(client: TestClient, live: Live, session: Session) -> None:
    page = client.get(f"/s/{live.slug}")
    answer = client.post(f"/s/{live.slug}/save", data=_base(page.text) | {"S1": "3"})
    assert answer.status_code == 200
    assert answer.json()["visible"] == ["S1", "S2", "Q3", "Q4"]
    stored = session.query(Response).filter_by(survey_id=live.survey_id).one()
    assert stored.answers == {"S1": "3"}
    state = answer.json()["state"]
    answer = client.post(
        f"/s/{live.slug}/save", data={"state": state, "page": "0", "S1": "2", "Q4": "x"}
    )
    assert answer.json()["visible"] == ["S1", "S2", "Q4"]
    session.expire_all()
    assert session.query(Response).filter_by(survey_id=live.survey_id).one().answers == {"S1": "2"}
    assert client.post(f"/s/{live.slug}/save", data={"state": "bad"}).status_code == 403
    assert client.post("/s/nope/save", data={"state": state}).status_code == 404


def test_malformed_form_posts_are_not_500(client: TestClient, live: Live) -> None:
    page = client.get(f"/s/{live.slug}")
    state = state_of(page.text)
    cases: list[dict[str, Any]] = [
        {"state": state, "page": "99999999999"},
        {"state": state, "page": "-1", "S1": "nope"},
        {"state": state, "S1": ["1", "2"], "Q4": "1e999"},
    ]
    for data in cases:
        answer = client.post(f"/s/{live.slug}", data=data)
        assert answer.status_code in (200, 422), answer.text
    raw = client.post(
        f"/s/{live.slug}", content=b"\xff\xfe=%%%", headers={"content-type": "text/plain"}
    )
    assert raw.status_code < 500


def test_ai_mode_is_a_chat(client: TestClient, make_live: MakeLive, session: Session) -> None:
    ir = {
        "schema": "fielder/ir@1",
        "title": "Chat",
        "blocks": [
            {
                "id": "B1",
                "items": [
                    {
                        "id": "Q1",
                        "type": "single",
                        "text": "Tea or coffee?",
                        "options": [
                            {"code": "t", "label": "Tea"},
                            {"code": "c", "label": "Coffee"},
                        ],
                    },
                    {"id": "Q2", "type": "number", "text": "How many cups?"},
                ],
            }
        ],
    }
    live = make_live(ir, mode="ai")
    page = client.get(f"/s/{live.slug}")
    assert "Tea or coffee?" in page.text
    assert 'class="chat"' in page.text
    data = {"state": state_of(page.text), "asked": "Q1", "action": "chat"}
    page = client.post(f"/s/{live.slug}", data=data | {"Q1": "c"})
    assert "How many cups?" in page.text
    assert "Coffee" in page.text
    data = {"state": state_of(page.text), "asked": "Q2", "action": "chat"}
    page = client.post(f"/s/{live.slug}", data=data | {"Q2": "3"})
    assert 'data-completed="complete"' in page.text
    stored = session.query(Response).filter_by(survey_id=live.survey_id).one()
    assert stored.answers == {"Q1": "c", "Q2": 3}
    assert stored.status == "completed"
    assert len(stored.ai_conversation) == 4


def test_chat_without_an_engine_is_a_human_page(
    app: Any, client: TestClient, make_live: MakeLive
) -> None:
    ir = {
        "schema": "fielder/ir@1",
        "title": "Chat",
        "blocks": [{"id": "B1", "items": [{"id": "Q1", "type": "text", "text": "Hi?"}]}],
    }
    live = make_live(ir, mode="ai")
    app.state.settings.engine = "no-such-engine"
    page = client.get(f"/s/{live.slug}")
    assert page.status_code == 503
    assert "Please try again" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_a_survey_with_no_questions(app: Any, client: TestClient, make_live: MakeLive) -> None:
    from fielder.web import tokens

    live = make_live({"schema": "fielder/ir@1", "title": "Empty", "blocks": []})
    page = client.get(f"/s/{live.slug}")
    assert page.status_code == 404
    assert client.post(f"/s/{live.slug}", data={"state": "x"}).status_code == 403
    state = tokens.make(tokens.secret(app.state.settings), live.slug, None)
    assert client.post(f"/s/{live.slug}", data={"state": state}).status_code == 404
    saved = client.post(f"/s/{live.slug}/save", data={"state": state})
    assert saved.json()["visible"] == []
