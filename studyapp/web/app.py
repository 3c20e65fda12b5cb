"""The phone pages of a round: plain server-rendered HTML forms (Starlette, Jinja2).

A phone sees, in turn: the round code, the names still to be tested, a
confirmation of the name picked, one question per page, the hand-in, and its
own result. Nothing else of the program is reachable: no lesson, no other
member, no summary, no export, no admin action. Every page works with
JavaScript off; the only static file is the app's own stylesheet.

Every decision (the code, who may claim which name, which answer is taken) is
made by `store.phone.PhoneRound`; this module turns HTTP into its calls and
its refusals into pages that say why. A device is known by a random token in
an HTTP-only cookie; every form carries a token derived from the round's CSRF
secret and the device's own token, so a form from another device, an older
round or another site is refused. Request bodies are capped at `MAX_BODY`.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from studyapp.i18n import tr
from studyapp.quiz.describe import format_number
from studyapp.quiz.session import QuizResult
from studyapp.store.phone import (
    PhoneRound,
    PhoneRoundError,
    PhoneView,
    RoundEndedError,
    ThrottledError,
)
from studyapp.text import normalize
from studyapp.web.forms import FormError, letters, read_response, shown_response

COOKIE = "studyapp_phone"
MAX_BODY = 16 * 1024
"""Bytes a phone may send in one request: the largest form is a few hundred."""
MAX_FIELDS = 100

_SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; style-src 'self'; img-src 'self'; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


class _TooLargeError(Exception):
    pass


class BodyLimit:
    """Refuse a request whose body is larger than `limit` bytes with 413, before
    it is read whole (a declared Content-Length, or counting as it arrives)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(scope, receive, send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLargeError
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except _TooLargeError:
            if not started:
                await _too_large(scope, receive, send)


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = HTMLResponse(f"<!doctype html><title>413</title><p>{tr('phone.too_large')}</p>",
                            status_code=413, headers=_SECURITY_HEADERS)
    await response(scope, receive, send)


def _environment() -> Environment:
    environment = Environment(loader=PackageLoader("studyapp.web", "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True)
    # Every value written into a page loses escape codes and invisible characters
    # (safety.md), then is HTML-escaped by autoescape.
    environment.finalize = lambda value: normalize(value) if isinstance(value, str) else value
    environment.globals["t"] = tr
    environment.globals["letters"] = letters
    return environment


@dataclass
class _Device:
    token: str
    new: bool


class PhonePages:
    """The round's pages for phones, as a Starlette app (`app`)."""

    def __init__(self, round_: PhoneRound) -> None:
        self.round = round_
        self.environment = _environment()
        self.stylesheet = resources.files("studyapp.web").joinpath(
            "static/phone.css").read_text(encoding="utf-8")
        self.app = Starlette(routes=[
            Route("/", self.index, methods=["GET"]),
            Route("/code", self.code, methods=["POST"]),
            Route("/choose", self.choose, methods=["POST"]),
            Route("/claim", self.claim, methods=["POST"]),
            Route("/q", self.question, methods=["GET"]),
            Route("/answer", self.answer, methods=["POST"]),
            Route("/finish", self.finish_page, methods=["GET"]),
            Route("/finish", self.finish, methods=["POST"]),
            Route("/result", self.result, methods=["GET"]),
            Route("/phone.css", self.css, methods=["GET"]),
        ], middleware=[Middleware(BodyLimit)],
            exception_handlers={404: self.not_found, 405: self.not_found})

    # --- plumbing ------------------------------------------------------------------------

    def _device(self, request: Request) -> _Device:
        token = request.cookies.get(COOKIE, "")
        if 20 <= len(token) <= 64 and token.isascii():
            return _Device(token, False)
        return _Device(secrets.token_urlsafe(24), True)

    def _csrf(self, token: str) -> str:
        return hmac.new(self.round.csrf.encode("ascii"), token.encode("ascii"),
                        hashlib.sha256).hexdigest()[:32]

    def _page(self, device: _Device, template: str, status: int = 200,
              **context: Any) -> Response:
        html = self.environment.get_template(template).render(
            csrf=self._csrf(device.token), **context)
        response = HTMLResponse(html, status_code=status, headers=_SECURITY_HEADERS)
        return self._with_cookie(device, response)

    def _with_cookie(self, device: _Device, response: Response) -> Response:
        if device.new:
            response.set_cookie(COOKIE, device.token, httponly=True, samesite="strict",
                                max_age=12 * 3600)
        return response

    def _redirect(self, device: _Device, url: str) -> Response:
        return self._with_cookie(device, RedirectResponse(url, status_code=303,
                                                          headers=_SECURITY_HEADERS))

    def _refused(self, device: _Device, error: Exception) -> Response:
        status = 429 if isinstance(error, ThrottledError) else \
            410 if isinstance(error, RoundEndedError) else 409
        return self._page(device, "message.html", status, message=str(error))

    async def _form(self, request: Request, device: _Device) -> dict[str, list[str]] | None:
        """The form's fields, or None when it is not one of ours (no cookie, a
        wrong CSRF token, a file, too many fields)."""
        if device.new:
            return None
        try:
            form: FormData = await request.form(max_files=0, max_fields=MAX_FIELDS)
        except ClientDisconnect:
            return None
        except Exception as error:  # malformed bodies: Starlette raises several kinds
            if isinstance(error, _TooLargeError):
                raise
            return None
        values: dict[str, list[str]] = {}
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                return None
            values.setdefault(key, []).append(value)
        sent = values.pop("csrf", [""])
        if len(sent) != 1 or not hmac.compare_digest(sent[0].encode("utf-8", "replace"),
                                                     self._csrf(device.token).encode()):
            return None
        return values

    def _stale(self, device: _Device) -> Response:
        return self._page(device, "message.html", 403, message=tr("phone.bad_form"))

    async def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        """A round call in a worker thread: a commit never blocks the other phones' pages."""
        return await run_in_threadpool(function, *args)

    # --- pages ---------------------------------------------------------------------------

    async def css(self, request: Request) -> Response:
        return Response(self.stylesheet, media_type="text/css",
                        headers={"Cache-Control": "max-age=3600",
                                 "X-Content-Type-Options": "nosniff"})

    async def not_found(self, request: Request, error: Exception) -> Response:
        return self._page(self._device(request), "message.html", 404,
                          message=tr("phone.not_found"))

    async def index(self, request: Request) -> Response:
        device = self._device(request)
        if self.round.claimed_by(device.token) is not None:
            return self._redirect(device, "/q")
        if self.round.ended:
            return self._page(device, "message.html", 410, message=tr("phone.round_ended"))
        if not self.round.admitted(device.token):
            return self._page(device, "code.html")
        return await self._names(device)

    async def _names(self, device: _Device, status: int = 200, error: str = "") -> Response:
        papers = await self._call(self.round.choosable)
        return self._page(device, "names.html", status, error=error,
                          names=[(p.member.id, p.label) for p in papers])

    async def code(self, request: Request) -> Response:
        device = self._device(request)
        if device.new:
            # First contact by a form: the device gets its token, then the form again.
            return self._page(device, "code.html", 403, error=tr("phone.bad_form"))
        values = await self._form(request, device)
        if values is None:
            return self._page(device, "code.html", 403, error=tr("phone.bad_form"))
        code = (values.get("code") or [""])[0][:32]
        address = request.client.host if request.client else ""
        try:
            await self._call(lambda: self.round.enter_code(device.token, code, address=address))
        except RoundEndedError as error:
            return self._refused(device, error)
        except PhoneRoundError as error:
            status = 429 if isinstance(error, ThrottledError) else 403
            return self._page(device, "code.html", status, error=str(error))
        return self._redirect(device, "/")

    async def choose(self, request: Request) -> Response:
        device = self._device(request)
        values = await self._form(request, device)
        if values is None:
            return self._stale(device)
        if not self.round.admitted(device.token):
            return self._redirect(device, "/")
        if self.round.claimed_by(device.token) is not None:
            # A claim whose reply was lost: the phone already holds its name.
            return self._redirect(device, "/q")
        member_id = (values.get("member") or [""])[0]
        papers = await self._call(self.round.choosable)
        paper = next((p for p in papers if p.member.id == member_id), None)
        if paper is None:
            return await self._names(device, 409, tr("phone.not_choosable"))
        return self._page(device, "confirm.html", member_id=member_id, label=paper.label)

    async def claim(self, request: Request) -> Response:
        device = self._device(request)
        values = await self._form(request, device)
        if values is None:
            return self._stale(device)
        member_id = (values.get("member") or [""])[0]
        try:
            await self._call(self.round.claim, device.token, member_id)
        except RoundEndedError as error:
            return self._refused(device, error)
        except PhoneRoundError as error:
            if not self.round.admitted(device.token):
                return self._redirect(device, "/")
            return await self._names(device, 409, str(error))
        return self._redirect(device, "/q")

    def _view(self, device: _Device, position: int | None) -> PhoneView:
        return self.round.view(device.token, position)

    def _question_page(self, device: _Device, view: PhoneView, *, status: int = 200,
                       saved: int | None = None, error: str = "") -> Response:
        item = view.item
        question = item.question
        minutes = None if view.seconds_left is None else math.ceil(view.seconds_left / 60)
        return self._page(
            device, "question.html", status, view=view, item=item, question=question,
            kind=question.type, shown=shown_response(item, view.response),
            lefts=[left for left, _ in question.pairs], minutes=minutes, saved=saved,
            error=error, number=view.position + 1, name=view.paper.label)

    async def question(self, request: Request) -> Response:
        device = self._device(request)
        raw = request.query_params.get("n", "")
        position = int(raw) - 1 if raw.isdigit() and len(raw) < 6 else None
        saved_raw = request.query_params.get("saved", "")
        saved = int(saved_raw) if saved_raw.isdigit() and len(saved_raw) < 6 else None
        try:
            view = await self._call(self._view, device, position)
        except RoundEndedError as error:
            return self._refused(device, error)
        except PhoneRoundError:
            return self._redirect(device, "/")
        if view.result is not None:
            return self._redirect(device, "/result")
        return self._question_page(device, view, saved=saved)

    async def answer(self, request: Request) -> Response:
        device = self._device(request)
        values = await self._form(request, device)
        if values is None:
            return self._stale(device)
        raw = (values.get("n") or [""])[0]
        question_id = (values.get("q") or [""])[0]
        if not raw.isdigit() or len(raw) > 5:
            return self._stale(device)
        position = int(raw) - 1

        def store() -> tuple[PhoneView, str | None]:
            view = self.round.view(device.token, position)
            if view.result is not None:
                raise PhoneRoundError(tr("phone.already_finished"))
            if view.position != position or view.item.question.full_id != question_id:
                raise PhoneRoundError(tr("phone.not_on_paper"))
            try:
                response = read_response(view.item, values)
            except FormError as error:
                return view, str(error)
            member = self.round.claimed_by(device.token) or ""
            self.round.answer(device.token, member, position, question_id, response)
            return view, None

        try:
            view, problem = await self._call(store)
        except RoundEndedError as error:
            return self._refused(device, error)
        except PhoneRoundError as error:
            if self.round.claimed_by(device.token) is None:
                return self._redirect(device, "/")
            return self._page(device, "message.html", 409, message=str(error), back="/q")
        if problem is not None:
            return self._question_page(device, view, status=422, error=problem)
        # Only now, after the commit returned, does the next page say "đã lưu".
        if (values.get("go") or [""])[0] == "prev" and position > 0:
            return self._redirect(device, f"/q?n={position}&saved={position + 1}")
        if position + 1 < view.size:
            return self._redirect(device, f"/q?n={position + 2}&saved={position + 1}")
        return self._redirect(device, f"/finish?saved={position + 1}")

    async def finish_page(self, request: Request) -> Response:
        device = self._device(request)
        try:
            view = await self._call(self._view, device, None)
        except RoundEndedError as error:
            return self._refused(device, error)
        except PhoneRoundError:
            return self._redirect(device, "/")
        if view.result is not None:
            return self._redirect(device, "/result")
        saved_raw = request.query_params.get("saved", "")
        return self._page(device, "finish.html", view=view,
                          unanswered=view.size - len(view.answered),
                          saved=int(saved_raw) if saved_raw.isdigit() and
                          len(saved_raw) < 6 else None, name=view.paper.label)

    async def finish(self, request: Request) -> Response:
        device = self._device(request)
        values = await self._form(request, device)
        if values is None:
            return self._stale(device)
        try:
            await self._call(self.round.finish, device.token)
        except RoundEndedError as error:
            return self._refused(device, error)
        except PhoneRoundError:
            return self._redirect(device, "/")
        return self._redirect(device, "/result")

    async def result(self, request: Request) -> Response:
        device = self._device(request)
        try:
            view = await self._call(self._view, device, None)
        except PhoneRoundError:
            # A finished member still sees their own result after the round ended
            # (`view` answers for a finished test); anything else starts over.
            return self._redirect(device, "/")
        if view.result is None:
            return self._redirect(device, "/q")
        return self._result_page(device, view.result, view.paper.label)

    def _result_page(self, device: _Device, result: QuizResult, name: str) -> Response:
        score = result.score
        scale = score.grading.scale
        return self._page(device, "result.html", name=name,
                          score=f"{score.shown()}/"
                                f"{format_number(Decimal(scale.numerator) / scale.denominator)}",
                          band=score.band or "", passed=score.passed,
                          answered=result.answered, size=len(result.credits))


def create_app(round_: PhoneRound) -> Starlette:
    """The ASGI app serving `round_` to phones."""
    return PhonePages(round_).app

