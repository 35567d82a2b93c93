"""HTTP API over one ``Assistant``: REST routes under ``/api``, OpenAI-compatible routes under
``/v1``, and the Gradio UI mounted at ``/`` (``build_app``).

Responses are the domain dataclasses (``Answer``, ``Passage``, ``Document``, ``Claim``,
``ActorSummary``); FastAPI derives their OpenAPI schema, so the JSON of ``/api/ask`` is
``Answer.to_dict()``, what ``attache ask --json`` prints, plus ``notices`` (``AskOut``: e.g. a
``sources`` name matching no outlet, which ``attache`` says on stderr). Request bodies are
pydantic models; their filters use the one grammar of ``Filters`` (``sources``, ``since``,
``until``).

The filters go at the top level of a body or in a ``filters`` object, as the Python API takes
them (``FilterFields``). ``k``, ``kind`` and the date range are checked by ``assistant.core``'s
``check_arguments`` functions, as the Python API and the CLI check them. Every error about one
request field names it: JSON ``{"error": message, "field": name}`` (422 for a field of the wrong
type or a bad ``k``/``kind``, 400 for ``since`` after ``until``, a malformed date, an empty
question, query or actor, a refused ``llm``; ``filters.since`` for a field of the ``filters``
object; OpenAI's shape, with ``param``, under ``/v1``). A ``QuestionError`` carries its field.

Access (``Guard``): with a login (``auth``) or an API token, EVERY route of the app needs
credentials (HTTP Basic, ``Authorization: Bearer``, or the session cookie that ``POST /login``
sets, as gradio_client's ``auth=`` does): REST, ``/v1``, the OpenAPI docs, the Gradio page and
all of Gradio's own routes (``/config``, ``/gradio_api/...``, files, uploads, assets). Gradio is
mounted without its own login so that a browser gets one HTTP Basic prompt and nothing, not
even the login page's API description, is served before it. Request bodies are bounded
(``MAX_API_BODY`` for ``/api`` and ``/v1``; uploads: Gradio's ``max_file_size``, the largest
``index.loaders.file_limit``; ``ui.keep_uploads`` then checks type and size per file).

No ``from __future__ import annotations`` here: FastAPI reads the type hints at run time.
"""
import base64
import binascii
import dataclasses
import hmac
import json
import re
import secrets
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, get_type_hints
from urllib.parse import parse_qs

from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from index.errors import AttacheError, BackendError, NotFound, QuestionError, StoreError
from index.loaders import MAX_JSON_DEPTH, file_limit, json_depth
from index.models import STATEMENT_KINDS

from .chat import question_and_history
from .core import InvalidArgument, check_arguments, check_k, check_kind
from .models import ActorSummary, Answer, AnswerReady, Claim, Document, Filters, Passage, StreamEvent
from .query import check_question
from .render import answer_with_sources
from .ui import CSS, EXAMPLE_QUESTIONS, UI_I18N, build_ui

if TYPE_CHECKING:
    from .core import Assistant

MODEL_ID = "attache"
#: Largest request body (bytes) for /api and /v1 routes: questions are at most 2,000 characters,
#: so this bounds chat histories and filter lists. Larger bodies get 413.
MAX_API_BODY = 1_000_000
#: Largest body for the other routes (Gradio's), except uploads, which Gradio bounds per file.
MAX_OTHER_BODY = 10_000_000
#: Longest actor, topic or document id in a query string or path.
MAX_NAME_CHARS = 200
#: Most passages (``k``) a request may ask for.
MAX_API_K = 100
#: Largest total size of a request's headers (bytes); more gets 431.
MAX_HEADER_BYTES = 64_000
UPLOAD_PATHS = ("/gradio_api/upload", "/upload")
LOGIN_PATHS = ("/login", "/login/")
SESSION_COOKIE = "attache-session"

# ---------------------------------------------------------------------------- request bodies


def _check_text(data: Any) -> Any:
    """Refuse strings holding lone surrogates (``"\\ud800"`` in JSON): they are not Unicode text
    and would fail deep in tokenisation. Walks nested lists and objects without recursion."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError(f"{where or 'text'} is not valid Unicode text (a lone surrogate)") from None
        elif isinstance(value, dict):
            stack.extend((f"{where}.{k}" if where else str(k), v) for k, v in value.items())
        elif isinstance(value, (list, tuple)):
            stack.extend((f"{where}.{i}" if where else str(i), v) for i, v in enumerate(value))
    return data


class Body(BaseModel):
    """A JSON request body: its text must be valid Unicode."""

    @model_validator(mode="before")
    @classmethod
    def _unicode(cls, data: Any) -> Any:
        return _check_text(data)


Name = Annotated[str, Field(max_length=MAX_NAME_CHARS)]


class FilterObject(Body):
    """The ``Filters`` grammar as an object: ``{"sources": [...], "since": ..., "until": ...}``."""

    model_config = ConfigDict(extra="forbid")

    sources: Name | Annotated[list[Name], Field(max_length=100)] | None = Field(
        None, description="only these outlets (one name or a list of at most 100)")
    since: str | None = Field(None, max_length=40, description="published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    until: str | None = Field(None, max_length=40, description="published on or before (YYYY, YYYY-MM or YYYY-MM-DD)")


FILTER_FIELDS = ("sources", "since", "until")


class FilterFields(FilterObject):
    """The ``Filters`` grammar as request fields: ``sources``, ``since``, ``until`` at the top level
    of the body, or inside a ``filters`` object as the Python API takes them (``filters={"sources":
    [...]}``), or both when no field is given twice with different values."""

    model_config = ConfigDict(extra="ignore")

    filters: FilterObject | None = Field(
        None, description="the same sources/since/until as an object, as `Assistant.ask(filters=...)` takes them "
                          "(either place; a field given in both must have the same value)")

    def to_filters(self) -> Filters:
        """Raises ``QuestionError`` (400, with ``field``) for a malformed date, ``InvalidArgument``
        (400, with ``field``) for ``since`` after ``until`` or a field given twice with different
        values: ``check_arguments``, as the Python API and CLI. A field of the ``filters`` object
        is named ``filters.since`` etc."""
        merged: dict[str, Any] = {}
        nested: set[str] = set()
        for key in FILTER_FIELDS:
            top, inner = getattr(self, key), getattr(self.filters, key) if self.filters else None
            if top is not None and inner is not None and top != inner:
                raise InvalidArgument(f"filters.{key}", f"{key} is given twice with different values, at the top "
                                                        f"level ({top!r}) and in filters ({inner!r}); give it once")
            if inner is not None:
                nested.add(key)
            merged[key] = inner if inner is not None else top
        try:
            return check_arguments(filters=merged)
        except QuestionError as err:
            if err.field in nested:
                err.field = f"filters.{err.field}"
            raise


def _k_field(default: int | None) -> Any:
    """A request's ``k``: checked by ``check_k`` (as the Python API and the CLI check it), so a
    bad one gets 422 and the same message; the schema still says 1 to ``MAX_API_K``."""
    return Field(default, description=f"number of passages to retrieve (1 to {MAX_API_K})",
                 json_schema_extra={"minimum": 1, "maximum": MAX_API_K})


def _checked_k(value: Any) -> int | None:
    return check_k(value, default=True, maximum=MAX_API_K)


K = Annotated[int | None, AfterValidator(_checked_k)]


class AskRequest(FilterFields):
    """A question for POST /api/ask: the question, earlier turns, filters, k, backend."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"question": EXAMPLE_QUESTIONS[0], "sources": ["The Meridian Herald"], "since": "2026-01-01"}]})

    question: str = Field(description="the question (at most 2000 characters)")
    history: list[tuple[str, str]] | None = Field(
        None, max_length=100, description="earlier turns as [question, answer] pairs, oldest first (at most 100)")
    k: K = _k_field(None)
    llm: str | None = Field(None, max_length=500, description="'extractive' (offline) or the server's own LLM "
                                                             "spec (default: the server's)")


class SearchRequest(FilterFields):
    """A retrieval request for POST /api/search: query, k, filters, optional sentence re-ranking."""

    model_config = ConfigDict(extra="forbid")

    query: str = Field(description="what to search for (at most 2000 characters)")
    k: Annotated[int, AfterValidator(_checked_k)] = _k_field(10)
    rerank: bool = Field(True, description="re-order the top 30 passages by their best sentence (false: plain hybrid)")


class ChatMessage(Body):
    """One OpenAI chat message (role, content as text or parts)."""

    model_config = ConfigDict(extra="allow")
    role: str = Field(max_length=40)
    content: str | list[dict] | None = None


class ChatRequest(FilterFields):
    """An OpenAI-compatible chat-completions request (POST /v1/chat/completions)."""

    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, ... are accepted and ignored
    model: str = Field(MODEL_ID, max_length=200)
    messages: list[ChatMessage] = Field(min_length=1, max_length=200)
    stream: bool = False
    k: K = _k_field(None)
    llm: str | None = Field(None, max_length=500)


# ---------------------------------------------------------------------------- responses


NOTICES_DOC = ("notices about the request, one line each, e.g. a `sources` name that matches no outlet of the "
               "index (`Assistant.source_notices`; `attache` prints the same on stderr)")


class SearchOut(BaseModel):
    """Search results: the query, the passages (best first) and ``notices`` (see ``AskOut``)."""

    query: str
    results: list[Passage]
    notices: list[str] = Field(default_factory=list, description=NOTICES_DOC)


@dataclasses.dataclass
class AskOut(Answer):
    """``Answer`` (what ``attache ask --json`` prints) and ``notices``: lines about the request,
    e.g. ``"no outlet named 'X' in the index (outlets: ...)"`` for a ``sources`` name that
    matches no outlet (``Assistant.source_notices``; the CLI prints them on stderr)."""

    notices: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def of(cls, answer: Answer, notices: list[str]) -> "AskOut":
        return cls(**{f.name: getattr(answer, f.name) for f in dataclasses.fields(Answer)}, notices=notices)


def _summary_model(cls: type, name: str, drop: set[str]) -> type[BaseModel]:
    """A pydantic model of dataclass ``cls`` without the fields in ``drop`` (a listing's rows)."""
    hints = get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in drop:
            continue
        if f.default is not dataclasses.MISSING:
            fields[f.name] = (hints[f.name], f.default)
        elif f.default_factory is not dataclasses.MISSING:
            fields[f.name] = (hints[f.name], Field(default_factory=f.default_factory))
        else:
            fields[f.name] = (hints[f.name], ...)
    return create_model(name, __doc__=f"{cls.__name__} without {', '.join(sorted(drop))}", **fields)


DocumentSummary = _summary_model(Document, "DocumentSummary", {"text"})


class ErrorOut(BaseModel):
    """An error body: ``{"error": message}``, with ``field`` when one request field is at fault."""

    error: str
    field: str | None = None


class OpenAIErrorDetail(BaseModel):
    """What went wrong, its kind and the HTTP status."""

    message: str
    type: str
    code: int
    param: str | None = None


class OpenAIErrorOut(BaseModel):
    """An error body of the OpenAI-compatible routes: ``{"error": {"message", "type", "code"}}``."""

    error: OpenAIErrorDetail


_STATUSES = (400, 401, 413, 422, 503)
_ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": ErrorOut} for s in _STATUSES}
_V1_ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": OpenAIErrorOut} for s in _STATUSES}


def _status(err: AttacheError) -> int:
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, (BackendError, StoreError)):
        return 503
    return 400


def _error_body(path: str, status: int, message: str, field: str | None = None) -> dict:
    """``{"error": message}`` (and ``"field"``); under /v1, OpenAI's ``{"error": {"message",
    "type", "code"}}`` (and ``"param"``)."""
    if path.startswith("/v1/"):  # what OpenAI clients parse
        kind = "invalid_request_error" if status < 500 else "server_error"
        return {"error": {"message": message, "type": kind, "code": status, **({"param": field} if field else {})}}
    return {"error": message, **({"field": field} if field else {})}


def _error_response(request: Request, status: int, message: str, headers: dict | None = None,
                    field: str | None = None) -> JSONResponse:
    return JSONResponse(_error_body(request.url.path, status, message, field), status_code=status, headers=headers)


_UNION_TAG = re.compile(r"^(constrained-)?(str|int|float|bool|dict|list)$|\[")  # pydantic's union branch names


def _validation_message(err: RequestValidationError | ValidationError) -> str:
    """One line naming each bad field and why; a body that is not a JSON object, or not JSON at
    all, is said so plainly."""
    parts = []
    for item in err.errors():
        loc = tuple(item.get("loc", ()))
        kind = item.get("type", "")
        if kind == "json_invalid":
            cause = (item.get("ctx") or {}).get("error", "")
            at = f" at character {loc[1]}" if len(loc) > 1 and isinstance(loc[1], int) else ""
            parts.append(f"the request body is not valid JSON{at}" + (f": {cause}" if cause else ""))
            continue
        if loc == ("body",) and kind in ("model_attributes_type", "dict_type", "missing"):
            parts.append("the request body must be a JSON object (Content-Type: application/json)")
            continue
        where = _field_of(item)
        msg = str(item.get("msg")).removeprefix("Value error, ")
        parts.append(f"{where}: {msg}" if where and not msg.startswith(f"{where} ") else msg)
    return "; ".join(dict.fromkeys(parts)) or "invalid request"


def _field_of(item: Any) -> str:
    """The request field a validation error is about ("k", "history.0"; "" for the whole body)."""
    if item.get("type") == "json_invalid":
        return ""  # the whole body: its loc holds a character position, not a field
    loc = tuple(item.get("loc", ()))
    if loc and loc[0] in ("body", "query", "path", "header"):  # where it came from, not a field
        loc = loc[1:]  # (a body field may itself be called "query": POST /api/search)
    return ".".join(str(x) for x in loc if not _UNION_TAG.search(str(x)))


def _validation_field(err: RequestValidationError | ValidationError) -> str | None:
    """The one field a validation error is about; None when it is about several, or the body."""
    fields = {_field_of(item) for item in err.errors()}
    return fields.pop() if len(fields) == 1 and "" not in fields else None


# ---------------------------------------------------------------------------- access


class Credentials:
    """Who may use the app: the login ``auth`` (user, password) and/or an API ``token``.

    Accepted: HTTP Basic ``user:password``; ``Authorization: Bearer TOKEN`` (the token, else the
    password); HTTP Basic with any user name and the token as password (so a browser can open the
    UI when only a token is set); a session cookie from ``POST /login``. No credentials are
    needed when neither is set."""

    MAX_SESSIONS = 10_000

    def __init__(self, auth: tuple[str, str] | None = None, token: str | None = None):
        self.auth = auth
        self.token = token or (auth[1] if auth else None)
        self.sessions: dict[str, str] = {}  # cookie value -> user

    @property
    def required(self) -> bool:
        return bool(self.auth or self.token)

    def login(self, user: str, password: str) -> bool:
        """True for the login user and password, or (any user and) the API token."""
        ok = False
        if self.auth:
            ok = hmac.compare_digest(user.encode(), self.auth[0].encode()) & hmac.compare_digest(
                password.encode(), self.auth[1].encode())
        if not ok and self.token:
            ok = hmac.compare_digest(password.encode(), self.token.encode())
        return bool(ok)

    def user(self, headers: dict[str, str]) -> str | None:
        """The user a request's Authorization header or session cookie names; None without valid credentials."""
        scheme, _, cred = headers.get("authorization", "").partition(" ")
        if scheme.lower() == "basic":
            try:
                user, _, pw = base64.b64decode(cred.strip(), validate=True).decode("utf-8").partition(":")
            except (ValueError, binascii.Error, UnicodeDecodeError):
                return None
            return (user or "user") if self.login(user, pw) else None
        if scheme.lower() == "bearer" and self.token:
            return "token" if hmac.compare_digest(cred.strip().encode(), self.token.encode()) else None
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == SESSION_COOKIE and value in self.sessions:
                return self.sessions[value]
        return None

    def new_session(self, user: str) -> str:
        while len(self.sessions) >= self.MAX_SESSIONS:
            self.sessions.pop(next(iter(self.sessions)))
        value = secrets.token_urlsafe(32)
        self.sessions[value] = user
        return value


class Guard:
    """ASGI middleware in front of the whole app (REST, /v1, docs, Gradio and its files):
    refuses requests without credentials (401, JSON, ``WWW-Authenticate: Basic``), answers
    ``POST /login`` (form ``username``, ``password``: sets the session cookie, as Gradio's login
    did), and refuses request bodies over the limits (413) before the app reads them."""

    def __init__(self, app: ASGIApp, credentials: Credentials) -> None:
        self.app = app
        self.credentials = credentials

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        raw_headers = scope.get("headers", [])
        if sum(len(k) + len(v) for k, v in raw_headers) > MAX_HEADER_BYTES and scope["type"] == "http":
            await self._reply(scope, receive, send, 431,
                              f"request headers too large (at most {MAX_HEADER_BYTES:,} bytes)")
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in raw_headers}
        if self.credentials.required:
            if scope["type"] == "http" and path in LOGIN_PATHS and scope.get("method") == "POST":
                await self._login(scope, receive, send, headers)
                return
            if self.credentials.user(headers) is None:
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await self._reply(scope, receive, send, 401, "authentication required (HTTP Basic or Bearer token)",
                                  {"WWW-Authenticate": 'Basic realm="attache", charset="UTF-8"'})
                return
        if scope["type"] == "http" and scope.get("method") not in ("GET", "HEAD", "OPTIONS"):
            if any(path.startswith(p) for p in UPLOAD_PATHS):
                limit = None  # Gradio checks each file against max_file_size
            elif path.startswith(("/api/", "/v1/")):
                limit = MAX_API_BODY
            else:
                limit = MAX_OTHER_BODY
            if limit is not None:
                declared = headers.get("content-length", "")
                if declared and not declared.isdigit():
                    await self._reply(scope, receive, send, 400, "malformed Content-Length header")
                    return
                if declared and int(declared) > limit:
                    await self._too_large(scope, receive, send, limit)
                    return
                if path.startswith(("/api/", "/v1/")):  # small bodies: read here, bounded, then replay
                    body = await _read_body(receive, limit)
                    if body is None:
                        await self._too_large(scope, receive, send, limit)
                        return
                    if json_depth(body.decode("utf-8", "replace")) > MAX_JSON_DEPTH:
                        await self._reply(scope, receive, send, 400,
                                          f"the request body nests JSON deeper than {MAX_JSON_DEPTH} levels")
                        return
                    receive = _replay(body, receive)
        await self.app(scope, receive, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        await self._reply(scope, receive, send, 413, f"request body too large (at most {limit:,} bytes)")

    async def _reply(self, scope: Scope, receive: Receive, send: Send, status: int, message: str,
                     headers: dict | None = None) -> None:
        response = JSONResponse(_error_body(scope.get("path", ""), status, message), status_code=status,
                                headers={**(headers or {}), "Connection": "close"} if status == 413 else headers)
        await response(scope, receive, send)

    async def _login(self, scope: Scope, receive: Receive, send: Send, headers: dict[str, str]) -> None:
        body = await _read_body(receive, 10_000)
        form = parse_qs((body or b"").decode("utf-8", "replace"))
        user, pw = (form.get("username") or [""])[0].strip(), (form.get("password") or [""])[0]
        if body is None or not self.credentials.login(user, pw):
            await self._reply(scope, receive, send, 401, "Incorrect credentials.")
            return
        response = JSONResponse({"success": True})
        response.set_cookie(SESSION_COOKIE, self.credentials.new_session(user or "user"), httponly=True,
                            samesite="lax")
        await response(scope, receive, send)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None once it passes ``limit`` bytes (or the client left)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # waits for the disconnect (streaming responses listen for it)

    return replayed


def _allowed_llm(assistant: "Assistant", llm: str | None) -> str | None:
    """The ``llm`` a request may choose: the offline answerer ("", "none", "extractive") or the
    server's own backend. Any other spec is refused (``QuestionError``, 400): it would let a
    client point the server, and the API key it holds, at any URL, or load any file as a model."""
    if llm is None:
        return None
    text = llm.strip()
    own = (assistant.settings.llm or "").strip()
    if text.lower() in ("", "none", "extractive") or (own and text == own):
        return text
    raise QuestionError(f"llm {text[:80]!r} is not allowed here: a request may use the server's backend "
                        f"({own or 'extractive'}) or 'extractive'; start the server with --llm to change it",
                        field="llm")


def _check_name(value: str | None, what: str) -> str | None:
    if value is not None and not value.strip():
        raise QuestionError(f"{what} is empty", field=what)
    return value


@contextmanager
def _about(field: str) -> Iterator[None]:
    """A ``QuestionError`` raised inside, naming no field, is about request field ``field``."""
    try:
        yield
    except QuestionError as err:
        if not err.field:
            err.field = field
        raise


# ---------------------------------------------------------------------------- app


def build_app(assistant: "Assistant", auth: tuple[str, str] | None = None, api_token: str | None = None) -> FastAPI:
    """FastAPI app: REST routes under /api, OpenAI-compatible routes under /v1, Gradio UI at /,
    all behind ``Guard`` (credentials when ``auth`` or ``api_token`` is set; body limits)."""
    import gradio as gr

    app = FastAPI(title="attache", version="0.1.0",
                  description="Answers about foreign policy from news articles; every sentence of an "
                              "answer cites a verbatim passage (`quote == document.text[start:end]`).")

    @app.exception_handler(AttacheError)
    async def _attache_error(request: Request, err: AttacheError):
        field = getattr(err, "field", None) if isinstance(err, QuestionError) else None
        return _error_response(request, _status(err), str(err), field=field)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError):
        return _error_response(request, 422, _validation_message(err), field=_validation_field(err))

    @app.exception_handler(ValidationError)
    async def _invalid_value(request: Request, err: ValidationError):  # a model built inside a route
        return _error_response(request, 422, _validation_message(err), field=_validation_field(err))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, err: HTTPException):
        return _error_response(request, err.status_code, str(err.detail), getattr(err, "headers", None))

    @app.exception_handler(Exception)
    async def _bug(request: Request, err: Exception):  # logged by the server; the client gets no trace
        print(f"attache: internal error on {request.method} {request.url.path}: {type(err).__name__}: {err}",
              file=sys.stderr, flush=True)
        return _error_response(request, 500, f"internal error ({type(err).__name__}); see the server log")

    api = APIRouter(responses=_ERRORS)
    v1 = APIRouter(responses=_V1_ERRORS)

    @api.post("/api/ask", response_model=AskOut, tags=["answers"],
              summary="Answer a question; the JSON of `attache ask --json`, and `notices`")
    def api_ask(req: AskRequest):
        history = [(q, a) for q, a in req.history] if req.history else None
        with _about("question"):
            check_question(req.question)
        filters = req.to_filters()
        answer = assistant.ask(req.question, history=history, filters=filters, k=req.k,
                               llm=_allowed_llm(assistant, req.llm))
        return AskOut.of(answer, assistant.source_notices(filters))

    @api.post("/api/search", response_model=SearchOut, tags=["answers"], summary="Hybrid passage search")
    def api_search(req: SearchRequest):
        filters = req.to_filters()
        with _about("query"):
            results = assistant.search(req.query, k=req.k, filters=filters, rerank=req.rerank)
        return SearchOut(query=req.query, notices=assistant.source_notices(filters), results=results)

    @api.get("/api/documents", response_model=list[DocumentSummary],  # type: ignore[valid-type]
             tags=["library"], summary="Documents (without their text), by date then title")
    def api_documents(sources: list[Name] | None = Query(None, max_length=100,
                                                         description="only these outlets (repeatable)"),
                      since: str | None = Query(None, max_length=40), until: str | None = Query(None, max_length=40)):
        return assistant.documents(FilterFields(sources=sources, since=since, until=until, filters=None).to_filters())

    doc_id_path = Path(max_length=MAX_NAME_CHARS, description="a document id (or a unique prefix of one)")

    @api.get("/api/documents/{doc_id}", response_model=Document, tags=["library"],
             responses={404: {"model": ErrorOut}})
    def api_document(doc_id: str = doc_id_path):
        return assistant.document(doc_id)

    @api.delete("/api/documents/{doc_id}", tags=["library"], responses={404: {"model": ErrorOut}})
    def api_delete(doc_id: str = doc_id_path) -> dict:
        return assistant.delete(doc_id)

    @api.get("/api/actors", response_model=list[ActorSummary], tags=["positions"],
             summary="Actors with attributed statements")
    def api_actors():
        return assistant.actors()

    # checked by check_kind, as the Python API and the CLI check it (422 naming the kinds)
    Kind = Annotated[str | None, AfterValidator(check_kind),
                     Query(description=f"one of: {', '.join(STATEMENT_KINDS)} (empty: all)",
                           json_schema_extra={"enum": ["", *STATEMENT_KINDS]})]

    @api.get("/api/positions", response_model=list[Claim], tags=["positions"],
             summary="An actor's statements, date-ordered")
    def api_positions(actor: str = Query(max_length=MAX_NAME_CHARS, description="an actor's name or surname"),
                      topic: str | None = Query(None, max_length=MAX_NAME_CHARS), kind: Kind = None):
        return assistant.positions(_check_name(actor, "actor") or actor, topic=topic or None, kind=kind or None)

    @api.get("/api/compare", response_model=Answer, tags=["positions"],
             summary="Two or more actors' statements on a topic side by side, each cited")
    def api_compare(actor: list[Name] = Query(..., max_length=20, description="an actor (repeat: at least two)"),
                    topic: str = Query("", max_length=MAX_NAME_CHARS), kind: Kind = None):
        with _about("actor"):
            return assistant.compare(actor, topic=topic, kind=kind or None)[1]

    @api.get("/api/health", tags=["service"])
    def api_health() -> dict:
        s = assistant.stats()
        return {"status": "ok", "documents": s.documents, "chunks": s.chunks, "claims": s.claims,
                "mode": s.mode, "llm": assistant.settings.llm or "extractive"}

    @v1.get("/v1/models", tags=["openai"])
    def v1_models() -> dict:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "attache"}]}

    @v1.post("/v1/chat/completions", tags=["openai"],
             summary="OpenAI chat-completions shape; extra top-level `citations`")
    def v1_chat(req: ChatRequest):
        with _about("messages"):
            question, history = question_and_history(req.messages)
            check_question(question)
        filters, llm = req.to_filters(), _allowed_llm(assistant, req.llm)
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        notices = assistant.source_notices(filters)
        if not req.stream:
            answer = assistant.ask(question, history=history or None, filters=filters, k=req.k, llm=llm)
            return {"id": cid, "object": "chat.completion", "created": created, "model": req.model,
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": answer_with_sources(answer)}}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    "citations": [c.to_dict() for c in answer.citations], "abstained": answer.abstained,
                    "notices": notices}
        events = assistant.stream(question, history=history or None, filters=filters, k=req.k, llm=llm)
        first = next(events)  # errors before the first byte still get a proper status code
        return StreamingResponse(_sse(first, events, cid, created, req.model, notices), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    app.include_router(api)
    app.include_router(v1)

    known = [(r.path_regex, r.methods or set()) for r in api.routes + v1.routes if isinstance(r, APIRoute)]

    @app.api_route("/api/{rest:path}", methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
                   include_in_schema=False)
    @app.api_route("/v1/{rest:path}", methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
                   include_in_schema=False)
    def no_such_route(request: Request):
        """Unknown /api and /v1 routes and methods: a JSON 404 or 405, not the UI's 404 page."""
        allowed = sorted({m for regex, methods in known if regex.match(request.url.path) for m in methods})
        if allowed:
            return _error_response(request, 405, f"{request.method} is not allowed on {request.url.path} "
                                                 f"(allowed: {', '.join(allowed)})", {"Allow": ", ".join(allowed)})
        return _error_response(request, 404, f"no such endpoint: {request.url.path} (see /docs)")

    gr.mount_gradio_app(app, build_ui(assistant), path="/", css=CSS, footer_links=["api"],
                        show_error=True, max_file_size=file_limit("json"), run_history=False, i18n=UI_I18N)
    app.add_middleware(Guard, credentials=Credentials(auth, api_token))
    return app


async def _sse(first: StreamEvent, events: Iterator[StreamEvent], cid: str, created: int,
               model: str, notices: list[str] | None = None) -> AsyncIterator[str]:
    """Chunks of the *verified* reply (the last one carries ``citations``, ``abstained`` and
    ``notices``, as the non-streamed reply does). The draft deltas are not sent (they may contain sentences
    verification drops); SSE comments keep the connection alive while the draft is written.

    Asynchronous, so only the drafting (``next(events)``) runs in the thread pool: the word-sized
    chunks of the reply are sent without a thread hop each (with a synchronous generator, 16
    streaming clients made each reply wait about 2 s for pool threads)."""

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    def error(message: str) -> str:
        return f"data: {json.dumps({'error': {'message': message, 'type': 'server_error'}})}\n\ndata: [DONE]\n\n"

    yield chunk({"role": "assistant", "content": ""})
    answer = None
    item: StreamEvent | None = first
    try:
        while item is not None:
            if isinstance(item, AnswerReady):
                answer = item.answer
                break
            yield ": drafting\n\n"
            item = await run_in_threadpool(next, events, None)
    except AttacheError as err:
        yield error(str(err))
        return
    if answer is None:
        yield error("no answer")
        return
    text = answer_with_sources(answer)
    for piece in re.findall(r"\S+\s*|\s+", text):
        yield chunk({"content": piece})
    yield chunk({}, "stop", citations=[c.to_dict() for c in answer.citations], abstained=answer.abstained,
                notices=notices or [])
    yield "data: [DONE]\n\n"
