"""The respondent's page (`GET/POST /s/{slug}`), its background save, the chat of `mode: "ai"`
surveys and `GET /embed.js` (API.md § 9, "Respondent page").

Every decision (what is shown, answer checks, termination, completion, quotas, the next AI
question) is made by the same service functions the public API calls (`fielder.responses`);
this module only turns forms into answers and answers into HTML.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Final

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from fielder.db.session import get_session
from fielder.errors import FielderError, NotFound
from fielder.ir.models import Question
from fielder.kit.ratelimit import limit
from fielder.models.response import Response as ResponseRow
from fielder.responses import conversation_service, flow, logic, repository, tasks
from fielder.responses.http import settings_of
from fielder.responses.schemas import NextRequest, ResponseSave, ResponseStart
from fielder.web import forms, i18n, tokens

router = APIRouter(include_in_schema=False)
DB = Annotated[Session, Depends(get_session)]

STATIC: Final = Path(__file__).parent / "static"
_ENV: Final = Environment(
    loader=PackageLoader("fielder.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=False,
)
#: Most a form post may carry (the answers API's JSON limit is larger; pages are small).
MAX_FORM_FIELDS: Final = 2_000


# --- headers ------------------------------------------------------------------------------


def _ancestors(fielded: flow.Fielded | None) -> str:
    """`frame-ancestors`: anywhere by default, or the survey's `settings.embed_origins`."""
    settings = (fielded.survey.settings or {}) if fielded is not None else {}
    origins = settings.get("embed_origins")
    if isinstance(origins, list) and origins:
        clean = [o for o in origins if isinstance(o, str) and o and all(c not in o for c in " ;,'")]
        return " ".join(clean) or "'none'"
    return "*"


def _headers(fielded: flow.Fielded | None) -> dict[str, str]:
    policy = (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; "
        f"frame-ancestors {_ancestors(fielded)}"
    )
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cache-Control": "no-store",
    }


def _html(template: str, status: int, fielded: flow.Fielded | None, **context: Any) -> HTMLResponse:
    body = _ENV.get_template(template).render(**context)
    return HTMLResponse(body, status_code=status, headers=_headers(fielded))


def _closed(request: Request, status: int = 404, key: str = "closed") -> HTMLResponse:
    lang = i18n.pick(list(i18n.WORDS), request.query_params.get("lang"), _accept(request))
    w = i18n.words(lang)
    heading = w["closed_title"] if key == "closed" else w["sorry"]
    return _html("closed.html", status, None, lang=lang, w=w, title=heading, message=w[key])


def _accept(request: Request) -> str | None:
    return request.headers.get("accept-language")


def _cookie_name(slug: str) -> str:
    return "fielder_" + "".join(c if c.isalnum() else "_" for c in slug)[:60]


def _set_cookie(request: Request, response: Response, slug: str, response_id: str) -> None:
    secure = request.url.scheme == "https"
    response.set_cookie(
        _cookie_name(slug),
        response_id,
        max_age=60 * 60 * 24 * 30,
        path=f"/s/{slug}",
        httponly=True,
        secure=secure,
        # Inside a third-party iframe only SameSite=None (which needs Secure) is sent back.
        samesite="none" if secure else "lax",
    )


# --- rendering ----------------------------------------------------------------------------


class View:
    """What one request renders: the survey, the response, the language and the page."""

    def __init__(
        self, request: Request, fielded: flow.Fielded, response: ResponseRow | None, lang: str
    ) -> None:
        self.request = request
        self.fielded = fielded
        self.response = response
        self.lang = lang
        self.w = i18n.words(lang)
        self.key = tokens.secret(settings_of(request))
        self.pages = forms.pages(fielded.ir)
        self.seed = response.id if response is not None else "anonymous"

    @property
    def slug(self) -> str:
        return self.fielded.survey.slug

    def page(self, index: int) -> list[Question]:
        return forms.ordered_page(self.fielded.ir, self.pages[index], self.seed)

    def common(self, src: str) -> dict[str, Any]:
        rid = self.response.id if self.response is not None else None
        return {
            "lang": self.lang,
            "w": self.w,
            "slug": self.slug,
            "src": src,
            "state": tokens.make(self.key, self.slug, rid),
            "survey_title": self.fielded.ir.title or self.fielded.survey.name,
            "title": self.fielded.ir.title or self.fielded.survey.name,
        }

    def message(self, code: str) -> str:
        known = self.w.get("err_" + code)
        return known if known is not None else self.w["err_invalid"].format(detail=code)

    def questions_context(
        self, questions: list[Question], answers: dict[str, Any], errors: dict[str, str]
    ) -> dict[str, Any]:
        evaluator = self.fielded.evaluator
        shown = set(evaluator.visible_ids(answers))
        rendered: list[Question] = []
        options: dict[str, Any] = {}
        chosen: dict[str, set[str]] = {}
        specify: dict[str, dict[str, str]] = {}
        grid: dict[str, dict[str, list[str]]] = {}
        ranks: dict[str, dict[str, int]] = {}
        amounts: dict[str, dict[str, Any]] = {}
        sums: dict[str, Any] = {}
        for question in questions:
            value = answers.get(question.id)
            rendered.append(
                question.model_copy(
                    update={
                        "text": evaluator.pipe(question.text, answers),
                        "instructions": evaluator.pipe(question.instructions, answers)
                        if question.instructions
                        else None,
                    }
                )
            )
            offered = evaluator.options_for(question, answers)
            options[question.id] = forms.ordered_options(question, offered, self.seed)
            items = value if isinstance(value, list) else [value]
            chosen[question.id] = set()
            specify[question.id] = {}
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("code"), str):
                    chosen[question.id].add(item["code"])
                    specify[question.id][item["code"]] = str(item.get("text", ""))
                elif isinstance(item, str):
                    chosen[question.id].add(item)
            grid[question.id] = {}
            amounts[question.id] = {}
            if question.type == "grid" and isinstance(value, dict):
                grid[question.id] = {
                    k: (v if isinstance(v, list) else [v]) for k, v in value.items()
                }
            if question.type == "constant_sum" and isinstance(value, dict):
                amounts[question.id] = value
            ranks[question.id] = (
                {code: n for n, code in enumerate(value, 1) if isinstance(code, str)}
                if question.type == "ranking" and isinstance(value, list)
                else {}
            )
            sums[question.id] = sum(
                v for v in amounts[question.id].values() if isinstance(v, int | float)
            )
        return {
            "questions": rendered,
            "shown": [q.id for q in questions if q.id in shown],
            "errors": {qid: self.message(code) for qid, code in errors.items()},
            "values": {q.id: answers.get(q.id) for q in questions},
            "options": options,
            "chosen": chosen,
            "specify": specify,
            "grid": grid,
            "ranks": ranks,
            "amounts": amounts,
            "sums": sums,
        }

    def render_page(
        self,
        index: int,
        answers: dict[str, Any],
        src: str,
        errors: dict[str, str] | None = None,
        notice: str | None = None,
    ) -> HTMLResponse:
        errors = errors or {}
        context = self.common(src) | self.questions_context(self.page(index), answers, errors)
        context |= {
            "page_index": index,
            "page_number": index + 1,
            "page_count": len(self.pages),
            "last": self.next_page(index, answers) is None,
            "notice": notice,
        }
        return _html("page.html", 422 if errors else 200, self.fielded, **context)

    def next_page(self, index: int, answers: dict[str, Any]) -> int | None:
        shown = set(self.fielded.evaluator.visible_ids(answers))
        for later in range(index + 1, len(self.pages)):
            if any(q.id in shown for q in self.pages[later]):
                return later
        return None

    def previous_page(self, index: int, answers: dict[str, Any]) -> int:
        shown = set(self.fielded.evaluator.visible_ids(answers))
        for earlier in range(min(index, len(self.pages)) - 1, -1, -1):
            if any(q.id in shown for q in self.pages[earlier]):
                return earlier
        return 0

    def resume_page(self, answers: dict[str, Any]) -> int:
        """The first page with a shown question left unanswered (the last page otherwise)."""
        shown = self.fielded.evaluator.visible_ids(answers)
        for index, page in enumerate(self.pages):
            ids = {q.id for q in page if q.type not in forms.NO_ANSWER}
            if any(qid in ids and qid not in answers for qid in shown):
                return index
        return max(len(self.pages) - 1, 0)

    def render_ending(self, response: ResponseRow) -> HTMLResponse:
        evaluator = self.fielded.evaluator
        answers = response.answers or {}
        endings = {e.id: e.text for e in self.fielded.ir.endings}
        jumped = evaluator.ending(answers)
        if jumped is not None and jumped in endings:
            text = endings[jumped]
        elif response.outcome in ("screened_out", "over_quota"):
            text = (
                endings.get(response.outcome)
                or endings.get("screened_out")
                or self.w["screened_out"]
            )
        else:
            text = endings.get("complete") or endings.get("thank_you") or self.w["thanks"]
        context = self.common("") | {
            "text": evaluator.pipe(text, answers),
            "completed": response.outcome or "complete",
        }
        page = _html("ending.html", 200, self.fielded, **context)
        return page


def _view(
    request: Request, fielded: flow.Fielded, response: ResponseRow | None, asked: str | None
) -> View:
    lang = i18n.pick(fielded.ir.languages, asked, _accept(request))
    return View(request, fielded, response, lang)


def _client(request: Request, src: str | None) -> flow.Client:
    headers = request.headers
    return flow.Client(
        ip=request.client.host if request.client else None,
        user_agent=headers.get("user-agent"),
        referrer=headers.get("referer"),
        source=(src or None),
    )


def _found_response(session: Session, fielded: flow.Fielded, rid: str | None) -> ResponseRow | None:
    if not rid or not repository.storable(rid):
        return None
    try:
        return repository.survey_response(session, fielded.survey.id, rid)
    except NotFound:
        return None


# --- GET ----------------------------------------------------------------------------------


@router.get("/s/{slug}", response_class=HTMLResponse)
def survey_page(request: Request, slug: str, session: DB) -> Response:
    """The survey: resumes the cookie's (or `?r=` token's) response where it stopped."""
    return _open(request, slug, session, request.query_params.get("r"))


@router.get("/s/{slug}/{token}", response_class=HTMLResponse)
def invitation_page(request: Request, slug: str, token: str, session: DB) -> Response:
    """A respondent's own link (`/s/{slug}/{token}`, API.md § 9)."""
    return _open(request, slug, session, token)


def _open(request: Request, slug: str, session: Session, token: str | None) -> Response:
    try:
        fielded = flow.live_survey(session, slug)
    except NotFound:
        return _closed(request)
    query = request.query_params
    src = (query.get("src") or "")[:64]
    response = _found_response(session, fielded, request.cookies.get(_cookie_name(slug)))
    if token is not None and 0 < len(token) <= 64:
        response, _ = flow.start(
            session, fielded, ResponseStart(respondent_token=token), _client(request, src)
        )
        tasks.schedule_abandon(session)
        session.commit()
    view = _view(request, fielded, response, query.get("lang"))
    if response is not None and response.status == "completed":
        return view.render_ending(response)
    answers = dict(response.answers or {}) if response is not None else {}
    if fielded.survey.mode == "ai":
        try:
            page: Response = _chat(view, session, request, answers, src, {})
        except FielderError as error:
            if error.status < 500:
                raise
            return _closed(request, error.status, "unavailable")
    else:
        index = view.resume_page(answers) if answers else 0
        asked = query.get("page", "")
        if asked.isdigit() and int(asked) < max(len(view.pages), 1) and response is not None:
            index = int(asked)
        if not view.pages:
            return _closed(request)
        page = view.render_page(index, answers, src)
    if response is not None:
        _set_cookie(request, page, slug, response.id)
    return page


# --- POST ---------------------------------------------------------------------------------


async def _form(request: Request) -> FormData:
    return await request.form(max_fields=MAX_FORM_FIELDS, max_files=0)


@router.post("/s/{slug}", response_class=HTMLResponse, dependencies=[Depends(limit("public_save"))])
async def post_page(request: Request, slug: str) -> Response:
    """A page's answers (no JavaScript needed): check, save, go back or on, complete."""
    try:
        form = await _form(request)
    except Exception:  # a malformed or oversized form body is the client's fault
        return _closed(request, 400, "expired")
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_post_page_sync, request, slug, form)


def _post_page_sync(request: Request, slug: str, form: FormData) -> Response:
    settings = settings_of(request)
    from fielder.db.session import session_scope

    with session_scope(settings) as session:
        try:
            fielded = flow.live_survey(session, slug)
        except NotFound:
            return _closed(request)
        valid, rid = tokens.read(tokens.secret(settings), slug, str(form.get("state", "")))
        if not valid:
            return _closed(request, 403, "expired")
        src = str(form.get("src", "") or "")[:64]
        response = _found_response(session, fielded, rid)
        if rid is not None and response is None:
            return _closed(request, 404, "expired")
        if response is None:
            # A first post that raced the script's first background save: continue that one
            # (the cookie is SameSite=Lax, so another site's post never carries it).
            response = _found_response(session, fielded, request.cookies.get(_cookie_name(slug)))
            if response is not None and response.status == "completed":
                response = None
        if response is None:
            response, _ = flow.start(session, fielded, ResponseStart(), _client(request, src))
            tasks.schedule_abandon(session)
        view = _view(request, fielded, response, str(form.get("lang", "") or "") or None)
        if not view.pages and fielded.survey.mode != "ai":
            return _closed(request)
        if response.status == "completed":
            page: Response = view.render_ending(response)
        elif fielded.survey.mode == "ai":
            try:
                page = _chat_post(view, session, request, form, src)
            except FielderError as error:
                if error.status < 500:
                    raise
                return _closed(request, error.status, "unavailable")
        else:
            page = _page_post(view, session, form, src)
        _set_cookie(request, page, slug, response.id)
        return page


def _page_number(form: FormData, view: View) -> int:
    text = str(form.get("page", "0") or "0")
    index = int(text) if text.isdigit() and len(text) < 6 else 0
    return min(index, max(len(view.pages) - 1, 0))


def _valid_only(view: View, answers: dict[str, Any]) -> dict[str, Any]:
    evaluator = view.fielded.evaluator
    return {k: v for k, v in answers.items() if not evaluator.check_answer(k, v)}


def _save(view: View, session: Session, answers: dict[str, Any]) -> ResponseRow:
    assert view.response is not None
    versions = {
        qid: view.fielded.evaluator.questions[qid].version
        for qid in answers
        if qid in view.fielded.evaluator.questions
    }
    body = ResponseSave(answers=answers, question_versions=versions)
    return flow.save(session, view.fielded, view.response.id, body)


def _page_post(view: View, session: Session, form: FormData, src: str) -> Response:
    assert view.response is not None
    evaluator = view.fielded.evaluator
    index = _page_number(form, view)
    page = view.page(index)
    parsed = forms.read_page(form, evaluator, page, view.response.answers or {})
    answers = parsed.answers
    if form.get("action") == "back":
        _save(view, session, forms.without_hidden(evaluator, _valid_only(view, answers)))
        return view.render_page(view.previous_page(index, answers), answers, src)
    errors = forms.page_errors(evaluator, page, answers, parsed.errors)
    was_shown = set(str(form.get("shown", "")).split())
    appeared = [
        q.id
        for q in page
        if q.id in set(evaluator.visible_ids(answers))
        and q.id not in was_shown
        and q.type not in forms.NO_ANSWER
        and q.id not in answers
    ]
    kept = forms.without_hidden(evaluator, _valid_only(view, answers))
    _save(view, session, kept)
    if errors or appeared:
        notice = view.w["appeared"] if appeared and not errors else None
        return view.render_page(index, answers, src, errors, notice)
    following = view.next_page(index, kept)
    if following is not None and not logic.terminated(evaluator, kept):
        if evaluator.ending(kept) is None:
            return view.render_page(following, kept, src)
    return _complete(view, session, kept, src)


def _complete(view: View, session: Session, answers: dict[str, Any], src: str) -> Response:
    assert view.response is not None
    try:
        done = flow.complete(session, view.fielded, view.response.id)
    except FielderError as error:
        # An earlier page lost an answer the logic now needs (e.g. after going back).
        problems = [d for d in (error.details or []) if isinstance(d, dict)]
        wanted = {str(d.get("question_id")): str(d.get("code", "invalid")) for d in problems}
        for index in range(len(view.pages)):
            on_page = {q.id: wanted[q.id] for q in view.pages[index] if q.id in wanted}
            if on_page:
                return view.render_page(index, answers, src, on_page)
        raise
    return view.render_ending(done)


# --- background save (JavaScript on) -------------------------------------------------------


@router.post("/s/{slug}/save", dependencies=[Depends(limit("public_save"))])
async def background_save(request: Request, slug: str) -> Response:
    """The script's save as the respondent answers: the page's answers are stored (those that
    are valid so far) and the questions of the page the logic shows come back, so the script
    shows and hides them with the server's own rules (`{"visible": [ids], "state": …}`)."""
    try:
        form = await _form(request)
    except Exception:
        return JSONResponse({"error": "bad_form"}, status_code=400)
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_save_sync, request, slug, form)


def _save_sync(request: Request, slug: str, form: FormData) -> Response:
    settings = settings_of(request)
    from fielder.db.session import session_scope

    with session_scope(settings) as session:
        try:
            fielded = flow.live_survey(session, slug)
        except NotFound:
            return JSONResponse({"error": "survey_not_found"}, status_code=404)
        valid, rid = tokens.read(tokens.secret(settings), slug, str(form.get("state", "")))
        if not valid:
            return JSONResponse({"error": "bad_state"}, status_code=403)
        response = _found_response(session, fielded, rid)
        if rid is not None and response is None:
            return JSONResponse({"error": "response_not_found"}, status_code=404)
        src = str(form.get("src", "") or "")[:64]
        view = _view(request, fielded, response, None)
        if not view.pages:
            return JSONResponse({"visible": [], "state": str(form.get("state", ""))})
        page = view.page(_page_number(form, view))
        parsed = forms.read_page(
            form, fielded.evaluator, page, response.answers if response is not None else {}
        )
        visible = set(fielded.evaluator.visible_ids(parsed.answers))
        if response is not None and response.status == "completed":
            return JSONResponse({"error": "response_completed"}, status_code=409)
        if response is None:
            response, _ = flow.start(session, fielded, ResponseStart(), _client(request, src))
            tasks.schedule_abandon(session)
            view = _view(request, fielded, response, None)
        kept = forms.without_hidden(fielded.evaluator, _valid_only(view, parsed.answers))
        _save(view, session, kept)
        body = {
            "visible": [q.id for q in page if q.id in visible],
            "state": tokens.make(view.key, slug, response.id),
        }
        result = JSONResponse(body, headers={"Cache-Control": "no-store"})
        _set_cookie(request, result, slug, response.id)
        return result


# --- mode: "ai" as a chat ------------------------------------------------------------------


def _chat(
    view: View,
    session: Session,
    request: Request,
    answers: dict[str, Any],
    src: str,
    errors: dict[str, str],
) -> HTMLResponse:
    turns = list(view.response.ai_conversation or []) if view.response is not None else []
    rid = view.response.id if view.response is not None else None
    found = conversation_service.next_question(
        session,
        view.fielded,
        NextRequest(conversation=turns, response_id=rid, context={"answers": answers}),
        request,
    )
    question_id = found.get("question_id")
    ir_question = view.fielded.evaluator.questions.get(question_id or "")
    if found.get("probe") or ir_question is None:
        asked = Question(id="PROBE", type="long_text", text=found["question"], required=False)
    else:
        asked = ir_question.model_copy(update={"text": found["question"]})
    shown_turns = [t for t in turns if isinstance(t, dict)]
    context = view.common(src) | view.questions_context([asked], answers, errors)
    context |= {
        "turns": shown_turns,
        "asked_id": question_id or "",
        "probe": bool(found.get("probe")),
        "shown": [asked.id],
    }
    return _html("chat.html", 422 if errors else 200, view.fielded, **context)


def _chat_post(
    view: View, session: Session, request: Request, form: FormData, src: str
) -> Response:
    assert view.response is not None
    evaluator = view.fielded.evaluator
    answers = dict(view.response.answers or {})
    asked_id = str(form.get("asked", "") or "")
    probe = bool(form.get("probe"))
    question = evaluator.questions.get(asked_id)
    turns = list(view.response.ai_conversation or [])
    if question is None or probe:
        text = str(form.get("PROBE", "") or "").strip()
        turns.append(
            {
                "role": "respondent",
                "question_id": asked_id or None,
                "text": text,
                "answer": text,
                "probe": True,
            }
        )
    else:
        parsed = forms.read_page(form, evaluator, [question], answers)
        errors = forms.page_errors(evaluator, [question], parsed.answers, parsed.errors)
        if errors:
            return _chat(view, session, request, answers, src, errors)
        value = parsed.answers.get(question.id)
        asked_text = evaluator.pipe(question.text, answers)
        turns.append(
            {
                "role": "assistant",
                "question_id": question.id,
                "text": asked_text,
                "type": question.type,
            }
        )
        shown_value = evaluator.pipe("{{" + question.id + "}}", parsed.answers)
        turns.append(
            {
                "role": "respondent",
                "question_id": question.id,
                "answer": value,
                "text": shown_value or "—",
            }
        )
        answers = forms.without_hidden(evaluator, _valid_only(view, parsed.answers))
    saved = flow.save(
        session,
        view.fielded,
        view.response.id,
        ResponseSave(answers=answers, ai_conversation=turns),
    )
    view.response = saved
    found = conversation_service.next_question(
        session,
        view.fielded,
        NextRequest(conversation=turns, context={"answers": answers}),
        request,
    )
    if found.get("done"):
        return _complete(view, session, answers, src)
    return _chat(view, session, request, answers, src, {})


# --- static files and the embed --------------------------------------------------------------


@lru_cache(maxsize=8)
def _static(name: str) -> bytes:
    return (STATIC / name).read_bytes()


_TYPES: Final = {
    "fielder.css": "text/css; charset=utf-8",
    "fielder.js": "text/javascript; charset=utf-8",
}


@router.get("/s-static/{name}")
def static_file(name: str) -> Response:
    """Our one stylesheet and one script (cached for a day)."""
    if name not in _TYPES:
        return Response(status_code=404)
    return Response(
        _static(name),
        media_type=_TYPES[name],
        headers={"Cache-Control": "public, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )


@router.get("/embed.js")
def embed_script(request: Request) -> Response:
    """`<script src="…/embed.js" data-survey="slug">`: the survey in a self-sizing iframe."""
    origin = f"{request.url.scheme}://{request.url.netloc}"
    body = _static("embed.js").decode().replace("__FIELDER_ORIGIN__", origin)
    return Response(
        body,
        media_type="text/javascript; charset=utf-8",
        headers={
            "Cache-Control": "public, max-age=300",
            "Access-Control-Allow-Origin": "*",
            "X-Content-Type-Options": "nosniff",
        },
    )
