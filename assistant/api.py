"""HTTP API over one ``Assistant``: REST routes under ``/api``, OpenAI-compatible routes under
``/v1``, and the Gradio UI mounted at ``/`` (``build_app``).

Responses are the domain dataclasses (``Answer``, ``Passage``, ``Document``, ``Claim``,
``ActorSummary``); FastAPI derives their OpenAPI schema, so the JSON of ``/api/ask`` is
``Answer.to_dict()``, what ``attache ask --json`` prints. Request bodies are pydantic models;
their filters use the one grammar of ``Filters`` (``sources``, ``since``, ``until``).

No ``from __future__ import annotations`` here: FastAPI reads the type hints at run time.
"""
import base64
import hmac
import json
import re
import time
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from index.errors import AttacheError, BackendError, NotFound, StoreError

from .chat import question_and_history
from .models import ActorSummary, Answer, AnswerReady, Claim, Document, Filters, Passage, StreamEvent
from .query import check_question
from .render import answer_with_sources
from .ui import CSS, EXAMPLE_QUESTIONS, build_ui

if TYPE_CHECKING:
    from .core import Assistant

MODEL_ID = "attache"

# ---------------------------------------------------------------------------- request bodies


class FilterFields(BaseModel):
    """The ``Filters`` grammar as request fields."""

    sources: str | list[str] | None = Field(None, description="only these outlets (one name or a list)")
    since: str | None = Field(None, description="published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    until: str | None = Field(None, description="published on or before (YYYY, YYYY-MM or YYYY-MM-DD)")

    def filters(self) -> Filters:
        """Raises ``QuestionError`` (400) for a malformed date."""
        return Filters.from_dict(self.model_dump(include={"sources", "since", "until"}))


class AskRequest(FilterFields):
    """A question for POST /api/ask: the question, earlier turns, filters, k, backend."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"question": EXAMPLE_QUESTIONS[0], "sources": ["The Meridian Herald"], "since": "2026-01-01"}]})

    question: str = Field(description="the question (at most 2000 characters)")
    history: list[tuple[str, str]] | None = Field(
        None, description="earlier turns as [question, answer] pairs, oldest first")
    k: int | None = Field(None, ge=1, le=100, description="number of passages to retrieve")
    llm: str | None = Field(None, description="LLM backend spec for this question (default: server's)")


class SearchRequest(FilterFields):
    """A retrieval request for POST /api/search: query, k, filters, optional sentence re-ranking."""

    model_config = ConfigDict(extra="forbid")

    query: str
    k: int = Field(10, ge=1, le=100)
    rerank: bool = Field(True, description="re-order the top 30 passages by their best sentence (false: plain hybrid)")


class ChatMessage(BaseModel):
    """One OpenAI chat message (role, content as text or parts)."""

    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict] | None = None


class ChatRequest(FilterFields):
    """An OpenAI-compatible chat-completions request (POST /v1/chat/completions)."""

    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, ... are accepted and ignored
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    k: int | None = Field(None, ge=1, le=100)
    llm: str | None = None


# ---------------------------------------------------------------------------- responses


class SearchOut(BaseModel):
    """Search results: the query and the passages, best first."""

    query: str
    results: list[Passage]


class ErrorOut(BaseModel):
    """An error body: ``{"error": message}``."""

    error: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 422: {"model": ErrorOut}, 503: {"model": ErrorOut}}


def _status(err: AttacheError) -> int:
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, (BackendError, StoreError)):
        return 503
    return 400


def _error_response(request: Request, status: int, message: str, headers: dict | None = None) -> JSONResponse:
    if request.url.path.startswith("/v1/"):  # what OpenAI clients parse
        kind = "invalid_request_error" if status < 500 else "server_error"
        body: dict = {"error": {"message": message, "type": kind, "code": status}}
    else:
        body = {"error": message}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for item in err.errors():
        where = ".".join(str(x) for x in item.get("loc", ()) if x != "body")
        parts.append(f"{where}: {item.get('msg')}" if where else str(item.get("msg")))
    return "; ".join(parts) or "invalid request"


# ---------------------------------------------------------------------------- auth


def _auth_guard(auth: tuple[str, str] | None, api_token: str | None) -> Callable[[Request], None]:
    """HTTP Basic (USER:PASS) or ``Authorization: Bearer TOKEN``; a no-op when neither is set."""
    token = api_token or (auth[1] if auth else None)

    def guard(request: Request) -> None:
        if not auth and not api_token:
            return
        scheme, _, cred = request.headers.get("authorization", "").partition(" ")
        ok = False
        if scheme.lower() == "basic" and auth:
            try:
                user, _, pw = base64.b64decode(cred.strip()).decode("utf-8").partition(":")
            except (ValueError, UnicodeDecodeError):
                user, pw = "", ""
            ok = hmac.compare_digest(user.encode(), auth[0].encode()) & hmac.compare_digest(pw.encode(),
                                                                                            auth[1].encode())
        elif scheme.lower() == "bearer" and token:
            ok = hmac.compare_digest(cred.strip().encode(), token.encode())
        if not ok:
            raise HTTPException(401, "authentication required (HTTP Basic or Bearer token)",
                                headers={"WWW-Authenticate": 'Basic realm="attache"'})

    return guard


# ---------------------------------------------------------------------------- app


def build_app(assistant: "Assistant", auth: tuple[str, str] | None = None, api_token: str | None = None) -> FastAPI:
    """FastAPI app: REST routes under /api, OpenAI-compatible routes under /v1, Gradio UI at /."""
    import gradio as gr

    app = FastAPI(title="attache", version="0.1.0",
                  description="Answers about foreign policy from news articles; every sentence of an "
                              "answer cites a verbatim passage (`quote == document.text[start:end]`).")

    @app.exception_handler(AttacheError)
    async def _attache_error(request: Request, err: AttacheError):
        return _error_response(request, _status(err), str(err))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError):
        return _error_response(request, 422, _validation_message(err))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, err: HTTPException):
        return _error_response(request, err.status_code, str(err.detail), getattr(err, "headers", None))

    api = APIRouter(dependencies=[Depends(_auth_guard(auth, api_token))], responses=_ERRORS)

    @api.post("/api/ask", response_model=Answer, tags=["answers"],
              summary="Answer a question; same JSON as `attache ask --json`")
    def api_ask(req: AskRequest):
        history = [(q, a) for q, a in req.history] if req.history else None
        return assistant.ask(req.question, history=history, filters=req.filters(), k=req.k, llm=req.llm)

    @api.post("/api/search", response_model=SearchOut, tags=["answers"], summary="Hybrid passage search")
    def api_search(req: SearchRequest):
        return SearchOut(query=req.query,
                         results=assistant.search(req.query, k=req.k, filters=req.filters(), rerank=req.rerank))

    @api.get("/api/documents", response_model=list[Document], response_model_exclude={"__all__": {"text"}},
             tags=["library"], summary="Documents (without their text), by date then title")
    def api_documents(sources: list[str] | None = Query(None, description="only these outlets (repeatable)"),
                      since: str | None = None, until: str | None = None):
        return assistant.documents(FilterFields(sources=sources, since=since, until=until).filters())

    @api.get("/api/documents/{doc_id}", response_model=Document, tags=["library"],
             responses={404: {"model": ErrorOut}})
    def api_document(doc_id: str):
        return assistant.document(doc_id)

    @api.delete("/api/documents/{doc_id}", tags=["library"], responses={404: {"model": ErrorOut}})
    def api_delete(doc_id: str) -> dict:
        return assistant.delete(doc_id)

    @api.get("/api/actors", response_model=list[ActorSummary], tags=["positions"],
             summary="Actors with attributed statements")
    def api_actors():
        return assistant.actors()

    @api.get("/api/positions", response_model=list[Claim], tags=["positions"],
             summary="An actor's statements, date-ordered")
    def api_positions(actor: str, topic: str | None = None, kind: str | None = None):
        return assistant.positions(actor, topic=topic or None, kind=kind or None)

    @api.get("/api/compare", response_model=Answer, tags=["positions"],
             summary="Two or more actors' statements on a topic side by side, each cited")
    def api_compare(actor: list[str] = Query(..., description="an actor (repeat: at least two)"),
                    topic: str = "", kind: str | None = None):
        return assistant.compare(actor, topic=topic, kind=kind or None)[1]

    @api.get("/api/health", tags=["service"])
    def api_health() -> dict:
        s = assistant.stats()
        return {"status": "ok", "documents": s.documents, "chunks": s.chunks, "claims": s.claims,
                "mode": s.mode, "llm": assistant.settings.llm or "extractive"}

    @api.get("/v1/models", tags=["openai"])
    def v1_models() -> dict:
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "attache"}]}

    @api.post("/v1/chat/completions", tags=["openai"],
              summary="OpenAI chat-completions shape; extra top-level `citations`")
    def v1_chat(req: ChatRequest):
        question, history = question_and_history(req.messages)
        check_question(question)
        filters = req.filters()
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if not req.stream:
            answer = assistant.ask(question, history=history or None, filters=filters, k=req.k, llm=req.llm)
            return {"id": cid, "object": "chat.completion", "created": created, "model": req.model,
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": answer_with_sources(answer)}}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    "citations": [c.to_dict() for c in answer.citations], "abstained": answer.abstained}
        events = assistant.stream(question, history=history or None, filters=filters, k=req.k, llm=req.llm)
        first = next(events)  # errors before the first byte still get a proper status code
        return StreamingResponse(_sse(first, events, cid, created, req.model), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    app.include_router(api)
    gr.mount_gradio_app(app, build_ui(assistant), path="/", auth=auth, css=CSS, footer_links=["api"],
                        show_error=True, max_file_size="50mb")
    return app


def _sse(first: StreamEvent, events: Iterator[StreamEvent], cid: str, created: int, model: str) -> Iterator[str]:
    """Chunks of the *verified* reply. The draft deltas are not sent (they may contain sentences
    verification drops); SSE comments keep the connection alive while the draft is written."""

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    def error(message: str) -> Iterator[str]:
        yield f"data: {json.dumps({'error': {'message': message, 'type': 'server_error'}})}\n\n"
        yield "data: [DONE]\n\n"

    yield chunk({"role": "assistant", "content": ""})
    answer = None
    try:
        item = first
        while True:
            if isinstance(item, AnswerReady):
                answer = item.answer
                break
            yield ": drafting\n\n"
            item = next(events)
    except StopIteration:
        pass
    except AttacheError as err:
        yield from error(str(err))
        return
    if answer is None:
        yield from error("no answer")
        return
    for piece in re.findall(r"\S+\s*|\s+", answer_with_sources(answer)):
        yield chunk({"content": piece})
    yield chunk({}, "stop", citations=[c.to_dict() for c in answer.citations], abstained=answer.abstained)
    yield "data: [DONE]\n\n"
