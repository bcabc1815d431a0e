"""End to end in headless Chromium (Debian's, never a downloaded one) through Playwright:
the sample surveys through their logic paths with JavaScript on and off, on a desktop and a
phone, the stored responses checked against what was clicked, the embed on another port,
and screenshots of every question type under tests/artifacts/web/."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from fielder.models.response import Response
from tests.responses.ir_samples import full_answers
from tests.web.conftest import Live, MakeLive
from tests.web.test_types import PAGED

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "web"
VIEWPORTS: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
TIMEOUT_MS = 20_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt install chromium)"
    ),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs playwright (pip install -e .[dev])"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _page(browser: Any, viewport: str, js: bool) -> Any:
    context = browser.new_context(java_script_enabled=js, **VIEWPORTS[viewport])
    context.set_default_timeout(TIMEOUT_MS)
    return context, context.new_page()


def _responses(session: Session, live: Live) -> list[Response]:
    session.expire_all()
    return session.query(Response).filter_by(survey_id=live.survey_id).all()


def _submit(page: Any) -> None:
    with page.expect_navigation():
        page.click("button[value=next]")


@pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_screener_paths(
    browser: Any, live_server: str, live: Live, session: Session, viewport: str, js: bool
) -> None:
    # Path 1: 35+ shows Q3 (on the page with JS, after a round trip without), completes.
    context, page = _page(browser, viewport, js)
    try:
        page.goto(f"{live_server}/s/{live.slug}?src=")
        assert page.is_hidden("#q-Q3")
        page.check("input[name=S1][value='3']")
        page.check("input[name=S2][value='2']")
        if js:
            page.wait_for_selector("#q-Q3", state="visible")
        else:
            _submit(page)
            assert page.is_visible("#q-Q3")
            assert page.is_visible("[role=alert]")
        page.fill("#i-Q3", "The taste <b>")
        page.fill("#i-Q4", "2")
        _submit(page)
        page.wait_for_selector(".ending")
        assert "Thank you for your answers." in page.inner_text(".ending")
    finally:
        context.close()
    # Path 2: under 18 terminates.
    context, page = _page(browser, viewport, js)
    try:
        page.goto(f"{live_server}/s/{live.slug}")
        page.check("input[name=S1][value='1']")
        _submit(page)
        assert "Thanks, that is all." in page.inner_text(".ending")
    finally:
        context.close()
    stored = sorted(_responses(session, live), key=lambda r: r.started_at)
    assert [(r.status, r.outcome) for r in stored] == [
        ("completed", "complete"),
        ("completed", "screened_out"),
    ]
    assert stored[0].answers == {"S1": "3", "S2": "2", "Q3": "The taste <b>", "Q4": 2}
    assert stored[1].answers == {"S1": "1"}


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_type_with_keyboard_and_screenshots(
    browser: Any, live_server: str, every_type_live: Live, session: Session, viewport: str
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context, page = _page(browser, viewport, True)
    try:
        page.goto(f"{live_server}/s/{every_type_live.slug}")
        page.screenshot(path=str(ARTIFACTS / f"every-type-{viewport}-empty.png"), full_page=True)
        page.check("input[name=S1][value='2']")
        page.check("input[name=Q2][value='1']")
        page.check("input[name=Q2][value='97']")
        page.fill("input[name=Q2__text__97]", "Brand Ü")
        page.check("input[name=Q3__r1][value='5']")
        page.check("input[name=Q3__r2][value='1']")
        page.fill("#i-Q4", "3")
        page.fill("#i-Q5", '=HYPERLINK("x")')
        # Ranking without a mouse: focus each rank and type it.
        page.focus("select[name=Q6__b]")
        page.keyboard.press("1")
        page.focus("select[name=Q6__a]")
        page.keyboard.press("2")
        page.fill("input[name=Q7__1]", "60")
        page.fill("input[name=Q7__2]", "40")
        page.wait_for_function(
            "document.querySelector('.sum output').textContent === '100'", timeout=TIMEOUT_MS
        )
        page.fill("#i-Q8", "2026-05-01")
        page.select_option("#i-Q9", "de")
        for section in page.query_selector_all("section[data-q]"):
            qid = section.get_attribute("data-q")
            section.screenshot(path=str(ARTIFACTS / f"type-{qid}-{viewport}.png"))
        page.screenshot(path=str(ARTIFACTS / f"every-type-{viewport}-filled.png"), full_page=True)
        _submit(page)
        page.wait_for_selector(".ending")
    finally:
        context.close()
    stored = _responses(session, every_type_live)
    assert len(stored) == 1
    assert stored[0].status == "completed"
    assert stored[0].answers == full_answers()


def test_errors_back_and_resume_without_js(
    browser: Any, live_server: str, make_live: MakeLive, session: Session
) -> None:
    live = make_live(PAGED)
    context, page = _page(browser, "desktop", False)
    try:
        page.goto(f"{live_server}/s/{live.slug}")
        _submit(page)  # nothing chosen: the error is announced
        assert "Please answer this question." in page.inner_text("[role=alert]")
        page.check("input[name=Q1][value='c']")
        _submit(page)
        assert "You picked Gamma; why?" in page.inner_text("#q-Q2")
        page.fill("#i-Q2", "Because")
        with page.expect_navigation():
            page.click("button[value=back]")
        assert page.is_checked("input[name=Q1][value='c']")
        page.goto(f"{live_server}/s/{live.slug}")  # reopened: resumes with the answers kept
        assert page.input_value("#i-Q2") == "Because"
        _submit(page)
        page.wait_for_selector(".ending")
    finally:
        context.close()
    (stored,) = _responses(session, live)
    assert stored.answers == {"Q1": "c", "Q2": "Because"}


class _HostPage(BaseHTTPRequestHandler):
    html = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.html)))
        self.end_headers()
        self.wfile.write(self.html)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def host_site() -> Iterator[tuple[str, type[_HostPage]]]:
    handler = type("Host", (_HostPage,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="host-site", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=15)


def test_embed_on_another_site(
    browser: Any,
    live_server: str,
    live: Live,
    session: Session,
    host_site: tuple[str, type[_HostPage]],
) -> None:
    host, handler = host_site
    handler.html = (
        "<!doctype html><html><body><h1>Client site</h1><ul id='log'></ul>"
        "<script>window.addEventListener('message', function (e) {"
        " if (e.data && e.data.type === 'fielder:completed') {"
        "  var li = document.createElement('li'); li.textContent = e.data.outcome;"
        "  document.getElementById('log').appendChild(li); } });</script>"
        f"<script src='{live_server}/embed.js' data-survey='{live.slug}'></script>"
        "</body></html>"
    ).encode()
    context, page = _page(browser, "desktop", True)
    try:
        page.goto(host)
        frame = page.frame_locator("iframe")
        frame.locator("input[name=S1][value='2']").check()
        frame.locator("input[name=S2][value='1']").check()
        frame.locator("#i-Q4").fill("4")
        frame.locator("button[value=next]").click()
        page.wait_for_selector("#log li")
        assert page.inner_text("#log li") == "complete"
        height = page.eval_on_selector("iframe", "f => f.getBoundingClientRect().height")
        assert 200 <= height < 480  # the ending page is short: the frame shrank to it
    finally:
        context.close()
    (stored,) = _responses(session, live)
    assert (stored.status, stored.answers) == ("completed", {"S1": "2", "S2": "1", "Q4": 4})


def test_ai_survey_as_a_chat_on_a_phone(
    browser: Any, live_server: str, make_live: MakeLive, session: Session
) -> None:
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
                    {"id": "Q2", "type": "text", "text": "Why {{Q1}}?"},
                ],
            }
        ],
    }
    live = make_live(ir, mode="ai")
    context, page = _page(browser, "phone", True)
    try:
        page.goto(f"{live_server}/s/{live.slug}")
        page.check("input[name=Q1][value='t']")
        with page.expect_navigation():
            page.click("button[value=chat]")
        assert "Why Tea?" in page.inner_text("main")
        page.fill("#i-Q2", "It is calm and warm")
        with page.expect_navigation():
            page.click("button[value=chat]")
        page.wait_for_selector(".ending")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "chat-phone-done.png"), full_page=True)
    finally:
        context.close()
    (stored,) = _responses(session, live)
    assert stored.answers == {"Q1": "t", "Q2": "It is calm and warm"}
    assert stored.status == "completed"
