"""Web surface: a Gradio UI plus JSON and OpenAI-compatible HTTP routes over one ``Assistant``.

Everything here is an adapter: questions, documents and ingestion all go through the
``Assistant`` object. All article-derived text (titles, outlets, quotes, bodies) is escaped
before it is put into HTML, so an article carrying markup shows it as text.

No ``from __future__ import annotations`` here: FastAPI and ``gr.api`` read the type hints at
run time to build the OpenAPI schema and the Gradio API signature.
"""
import base64
import hmac
import html
import ipaddress
import json
import os
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from index.errors import AttacheError, BackendError, NotFound, QuestionError, StoreError

from index.models import STATEMENT_KINDS, Document

from .models import Answer, AnswerReady, Passage, StreamEvent
from .query import check_question

MODEL_ID = "attache"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".json", ".jsonl"]
EXAMPLE_QUESTIONS = [
    "What did Veloria pledge about a grain corridor through the Northern Straits?",
    "How has Ostmark's stance on sanctions relief talks with Veloria changed?",
    "What did Koval and Brandt pledge?",
]
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SOURCES_HEADING = "\n\nSources:\n"
CONTEXT_CHARS = 320  # of a very long paragraph, this much is shown each side of a quote

CSS = """
.attache-sources ol { padding-left: 1.2em; margin: 0; }
.attache-sources li { margin-bottom: .8em; }
.attache-sources .context { margin: .3em 0 0 0; padding-left: .6em; border-left: 3px solid #ccc; }
.attache-article .body { white-space: pre-wrap; line-height: 1.5; max-height: 32em; overflow-y: auto; }
.attache-sources mark, .attache-article mark { background: #ffe680; color: inherit; padding: 0 .1em; }
.attache-article mark#cited { outline: 2px solid #e0a800; }
.attache-meta { color: #666; font-size: .92em; }
.attache-errors { color: #b00020; }
"""


# ---------------------------------------------------------------------------- shared helpers


def make_filters(source: str | list[str] | None = None, since: str | None = None,
                 until: str | None = None) -> dict | None:
    """The ``filters`` dict ``Assistant`` takes, or None; bad dates raise ``QuestionError``."""
    sources = [source] if isinstance(source, str) else list(source or [])
    sources = [s.strip() for s in sources if s and s.strip()]
    dates = {}
    for name, value in (("since", since), ("until", until)):
        value = (value or "").strip()
        if value and not _DATE.match(value):
            raise QuestionError(f"{name} must be a date written YYYY-MM-DD, not {value!r}")
        dates[name] = value
    if not (sources or dates["since"] or dates["until"]):
        return None
    return {"sources": sources, **dates}


def answer_events(assistant, question: str, history: list[tuple[str, str]] | None = None,
                  filters: dict | None = None, k: int | None = None,
                  llm: str | None = None) -> Iterator[StreamEvent]:
    """Text deltas (an unverified draft, for display) then one verified ``Answer``."""
    yield from assistant.stream(question, history=history, filters=filters, k=k, llm=llm)


def final_answer(events: Iterator[StreamEvent]) -> Answer:
    answer = None
    for item in events:
        if isinstance(item, AnswerReady):
            answer = item.answer
    if answer is None:
        raise BackendError("the answerer finished without an answer")
    return answer


def answer_with_sources(answer: Answer) -> str:
    """Plain-text reply: the answer, then ``[n] outlet, date, title — “quote”`` lines."""
    if not answer.citations:
        return answer.answer
    lines = [f"[{c.n}] {c.source or 'unknown outlet'}, {(c.published or 'undated')[:10]}, {c.title} — “{c.quote}”"
             for c in answer.citations]
    return answer.answer + _SOURCES_HEADING + "\n".join(lines)


def strip_sources(reply: str) -> str:
    """The answer part of an earlier reply (the history needs no source list)."""
    return reply.split(_SOURCES_HEADING, 1)[0].strip()


def safe_url(url: str) -> str:
    """Only http(s) links are rendered (no ``javascript:`` and friends)."""
    return url if re.match(r"^https?://", url or "", re.I) else ""


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line block) around text[start:end], trimmed when very long."""
    ps = text.rfind("\n", 0, start) + 1
    pe = text.find("\n", end)
    pe = len(text) if pe < 0 else pe
    ps = max(ps, start - CONTEXT_CHARS)
    pe = min(pe, end + CONTEXT_CHARS)
    return ps, pe


def _e(s: Any) -> str:
    return html.escape(str(s or ""), quote=True)


def _meta_line(source: str, published: str, title: str, url: str) -> str:
    link = safe_url(url)
    title_html = (f'<a href="{_e(link)}" target="_blank" rel="noopener noreferrer">{_e(title)}</a>'
                  if link else _e(title))
    return (f'<span class="outlet"><b>{_e(source or "unknown outlet")}</b></span>, '
            f'<span class="date">{_e((published or "undated")[:10])}</span> — '
            f'<span class="title">{title_html}</span>')


def sources_html(assistant, citations: list[dict] | None) -> str:
    """Numbered sources, each quote highlighted inside its paragraph (None: before any answer)."""
    if citations is None:
        return '<div class="attache-sources"><p class="attache-meta">The sources of an answer appear here.</p></div>'
    if not citations:
        return '<div class="attache-sources"><p class="attache-meta">No sources for this answer.</p></div>'
    texts: dict[str, str | None] = {}
    items = []
    for c in citations:
        if c["doc_id"] not in texts:
            try:
                texts[c["doc_id"]] = assistant.document(c["doc_id"]).text
            except AttacheError:
                texts[c["doc_id"]] = None  # deleted since the answer was given
        text = texts[c["doc_id"]]
        start, end = int(c["start"]), int(c["end"])
        if text is not None and text[start:end] == c["quote"]:
            ps, pe = paragraph_bounds(text, start, end)
            context = (("…" if ps > 0 and text[ps - 1] != "\n" else "") + _e(text[ps:start])
                       + f"<mark>{_e(text[start:end])}</mark>" + _e(text[end:pe])
                       + ("…" if pe < len(text) and text[pe] != "\n" else ""))
        else:
            context = f"<mark>{_e(c['quote'])}</mark>"
        speaker = f' <span class="attache-meta">(speaker: {_e(c.get("speaker"))})</span>' if c.get("speaker") else ""
        items.append(f'<li id="source-{int(c["n"])}" value="{int(c["n"])}" class="source">'
                     f'{_meta_line(c["source"], c["published"], c["title"], c["url"])}{speaker}'
                     f'<blockquote class="context">{context}</blockquote></li>')
    return f'<div class="attache-sources"><ol>{"".join(items)}</ol></div>'


def article_html(doc: Document, start: int | None = None, end: int | None = None) -> str:
    """A whole article; text[start:end] (if given) highlighted as ``<mark id="cited">``."""
    text = doc.text
    if start is not None and end is not None and 0 <= start <= end <= len(text):
        body = _e(text[:start]) + f'<mark id="cited">{_e(text[start:end])}</mark>' + _e(text[end:])
    else:
        body = _e(text)
    url = safe_url(doc.url)
    link = f' · <a href="{_e(url)}" target="_blank" rel="noopener noreferrer">original</a>' if url else ""
    return (f'<article class="attache-article" data-doc-id="{_e(doc.doc_id)}">'
            f'<h3>{_e(doc.title)}</h3>'
            f'<p class="attache-meta"><b>{_e(doc.source or "unknown outlet")}</b>, '
            f'{_e((doc.published or "undated")[:10])}{link} · id {_e(doc.doc_id)}</p>'
            f'<div class="body">{body}</div></article>')


def chat_markdown(answer: Answer) -> str:
    """The answer as Chatbot markdown: article text escaped, abstentions flagged."""
    text = _md_escape(answer.answer)
    if answer.abstained:
        text = "**Not in the articles.** " + text
    if answer.notice:
        text += f"\n\n_{_md_escape(answer.notice)}_"
    return text


def _md_escape(s: str) -> str:
    s = html.escape(s or "", quote=False)
    return re.sub(r"([*_`~#|\\])", r"\\\1", s)


def _md_unescape(s: str) -> str:
    return html.unescape(re.sub(r"\\([*_`~#|\\])", r"\1", s))


def pairs_from_messages(messages: list) -> list[tuple[str, str]]:
    """(question, answer) pairs from Chatbot messages (dicts or ChatMessage objects)."""
    def text(m) -> tuple[str, str]:
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", "")
        content = m.get("content") if isinstance(m, dict) else getattr(m, "content", "")
        if isinstance(content, list):
            content = " ".join(p.get("text", "") if isinstance(p, dict) else str(getattr(p, "text", ""))
                               for p in content)
        return role, _md_unescape(str(content or ""))

    out, pending = [], None
    for role, content in map(text, messages):
        if role == "user":
            pending = content
        elif role == "assistant" and pending is not None:
            out.append((pending, content))
            pending = None
    return out


def source_choices(citations: list[dict]) -> list[tuple[str, str]]:
    return [(f"[{c['n']}] {c['source'] or 'unknown'} — {c['title'][:80]}", str(c["n"])) for c in citations]


# ---------------------------------------------------------------------------- Gradio UI


def build_ui(assistant):
    import gradio as gr

    with gr.Blocks(title="attache") as ui:
        gr.Markdown("## attache\nAnswers about foreign policy from your news articles; "
                    "every sentence cites a verbatim passage.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                outlets = chat_tab(assistant)
            with gr.Tab("Library", id="library"):
                table = library_tab(assistant, outlets)
            if hasattr(assistant, "positions"):
                with gr.Tab("Positions", id="positions") as tab:
                    positions_tab(assistant, tab)
        api_endpoints(assistant)

        def current():  # another process (CLI ingest) may have changed the store
            return _document_rows(assistant), gr.update(choices=assistant.sources())

        ui.load(current, None, [table, outlets], api_visibility="private", show_progress="hidden")
    return ui


def _gr_error(e: Exception):
    import gradio as gr

    return gr.Error(str(e), print_exception=False)


def api_endpoints(assistant) -> None:
    """`/ask` and `/search` for gradio_client: the same JSON as `attache ask/search --json`."""
    import gradio as gr

    def ask(question: str, source: str | list[str] | None = None, since: str | None = None,
            until: str | None = None, k: int | None = None) -> dict:
        """Answer a question from the indexed articles; returns Answer.to_dict()."""
        try:
            answer = assistant.ask(question, filters=make_filters(source, since, until), k=k or None)
        except AttacheError as e:
            raise _gr_error(e) from None
        return answer.to_dict()

    def search(query: str, k: int = 10, source: str | list[str] | None = None, since: str | None = None,
               until: str | None = None, rerank: bool = False) -> dict:
        """Hybrid passage search; returns {query, results: [passage dicts]}."""
        try:
            passages = assistant.search(query, k=k or 10, filters=make_filters(source, since, until),
                                        rerank=bool(rerank))
        except AttacheError as e:
            raise _gr_error(e) from None
        return {"query": query, "results": [p.to_dict() for p in passages]}

    gr.api(ask, api_name="ask")
    gr.api(search, api_name="search")


def chat_tab(assistant):
    """Chatbot + sources panel + article view. Returns the outlet filter (the Library refreshes it)."""
    import gradio as gr

    turns = gr.State([])  # (question, answer text) pairs passed to ask/stream as history
    cites = gr.State([])  # citation dicts of the latest answer
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Conversation", height=460, elem_id="chatbot", buttons=["copy"],
                                 feedback_options=None,
                                 placeholder="Ask about the articles in your library. Each sentence of "
                                             "the answer cites its source as [n].")
            with gr.Row():
                question = gr.Textbox(show_label=False, placeholder="Ask a question…", scale=5,
                                      elem_id="question", max_lines=4)
                send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask-button")
            with gr.Accordion("Filters", open=False):
                with gr.Row():
                    outlets = gr.Dropdown(choices=assistant.sources(), value=[], multiselect=True,
                                          label="Outlets", elem_id="outlets")
                    since = gr.Textbox(label="From (YYYY-MM-DD)", max_lines=1, elem_id="since")
                    until = gr.Textbox(label="To (YYYY-MM-DD)", max_lines=1, elem_id="until")
            gr.Examples(EXAMPLE_QUESTIONS, inputs=question, label="Example questions")
            clear = gr.Button("New conversation", size="sm")
        with gr.Column(scale=2):
            gr.Markdown("### Sources")
            panel = gr.HTML(sources_html(assistant, None), label="Sources", elem_id="sources-panel")
            pick = gr.Radio(choices=[], label="Open a source", elem_id="source-picker")
            article = gr.HTML("", elem_id="article-view")

    def respond(message, history, pairs, sources, since_, until_):
        history, pairs = list(history or []), list(pairs or [])
        if not pairs and history:  # an API caller passes the chatbot history but has no session state
            pairs = pairs_from_messages(history)
        try:
            q = check_question(message)
            filters = make_filters(sources, since_, until_)
        except AttacheError as e:
            raise _gr_error(e) from None
        history += [{"role": "user", "content": _md_escape(q)},
                    {"role": "assistant", "content": "_Searching the articles…_"}]
        yield history, gr.skip(), gr.skip(), gr.skip(), pairs, ""
        draft, last = "", 0.0
        try:
            for item in answer_events(assistant, q, history=pairs or None, filters=filters):
                if isinstance(item, AnswerReady):
                    d = [c.to_dict() for c in item.answer.citations]
                    history[-1] = {"role": "assistant", "content": chat_markdown(item.answer)}
                    pairs.append((q, item.answer.answer))
                    yield (history, sources_html(assistant, d), gr.update(choices=source_choices(d), value=None),
                           d, pairs, "")
                    return
                draft += item.text
                if time.monotonic() - last > 0.1:  # the draft, until the verified answer replaces it
                    history[-1] = {"role": "assistant", "content": _md_escape(draft) + " …"}
                    last = time.monotonic()
                    yield history, gr.skip(), gr.skip(), gr.skip(), pairs, ""
        except AttacheError as e:
            history[-1] = {"role": "assistant", "content": f"**Error:** {_md_escape(str(e))}"}
            yield history, gr.skip(), gr.skip(), gr.skip(), pairs, ""

    outputs = [chatbot, panel, pick, cites, turns, question]
    inputs = [question, chatbot, turns, outlets, since, until]
    send.click(respond, inputs, outputs, api_name="chat")
    question.submit(respond, inputs, outputs, api_visibility="private")

    def open_source(n, citations):
        c = next((c for c in citations or [] if str(c["n"]) == str(n)), None)
        if c is None:
            return ""
        try:
            return article_html(assistant.document(c["doc_id"]), int(c["start"]), int(c["end"]))
        except AttacheError as e:
            return f'<p class="attache-errors">{_e(e)}</p>'

    pick.change(open_source, [pick, cites], article, api_visibility="private").then(
        None, js="() => { const m = document.getElementById('cited'); if (m) m.scrollIntoView({block: 'center'}); }")

    def reset():
        return [], [], [], sources_html(assistant, None), gr.update(choices=[], value=None), ""

    clear.click(reset, None, [chatbot, turns, cites, panel, pick, article], api_visibility="private")
    chatbot.clear(reset, None, [chatbot, turns, cites, panel, pick, article], api_visibility="private")
    return outlets


def _document_rows(assistant) -> list[list]:
    return [[d.doc_id, d.published[:10], d.source, d.title, d.n_chunks] for d in assistant.documents()]


def library_tab(assistant, outlets=None):
    """Upload and ingest files, list documents, open or delete one."""
    import gradio as gr

    with gr.Row():
        with gr.Column(scale=1):
            files = gr.File(label="Articles (.txt .md .html .json .jsonl)", file_count="multiple",
                            file_types=UPLOAD_TYPES, elem_id="upload")
            ingest_btn = gr.Button("Add to library", variant="primary", elem_id="ingest-button")
            report = gr.HTML("", elem_id="ingest-report")
        with gr.Column(scale=2):
            table = gr.Dataframe(value=_document_rows(assistant),
                                 headers=["id", "date", "outlet", "title", "chunks"],
                                 datatype=["str", "str", "str", "str", "number"],
                                 interactive=False, wrap=True, label="Documents (click a row to select it)",
                                 elem_id="documents", column_widths=["19%", "12%", "19%", "42%", "8%"],
                                 max_height=420)
            with gr.Row():
                doc_id = gr.Textbox(label="Document id", max_lines=1, scale=3, elem_id="doc-id")
                show = gr.Button("Open", scale=1, elem_id="open-doc")
                delete = gr.Button("Delete", variant="stop", scale=1, elem_id="delete-doc")
            doc_view = gr.HTML("", elem_id="doc-view")

    def refreshed():
        choices = gr.update(choices=assistant.sources()) if outlets is not None else gr.skip()
        return _document_rows(assistant), choices

    def ingest(paths, progress=gr.Progress()):
        if not paths:
            raise gr.Error("Choose one or more files first.", print_exception=False)
        paths = [p if isinstance(p, str) else getattr(p, "name", str(p)) for p in paths]
        progress(0, desc="Reading files")

        def step(done: int, total: int, what: str) -> None:
            progress((done, total), desc=f"Indexing articles ({what})", unit="articles")

        try:
            r = assistant.ingest(paths, progress=step)
        except AttacheError as e:
            raise _gr_error(e) from None
        parts = [f"<p>Added {r.added}, updated {r.updated}, unchanged {r.unchanged}, failed {len(r.failed)} "
                 f"({r.chunks} passages, {r.claims} statements, {r.seconds:.1f} s).</p>"]
        if r.failed:
            errs = "".join(f"<li><b>{_e(os.path.basename(f['path']))}</b>: {_e(f['error'])}</li>" for f in r.failed)
            parts.append(f'<ul class="attache-errors">{errs}</ul>')
        rows, choices = refreshed()
        return "".join(parts), rows, choices, None

    out_outlets = outlets if outlets is not None else gr.State()
    ingest_btn.click(ingest, files, [report, table, out_outlets, files], api_name="ingest")

    def select(evt: gr.SelectData):
        row = evt.row_value or []
        return row[0] if row else gr.skip()

    table.select(select, None, doc_id, api_visibility="private")

    def open_doc(i):
        try:
            return article_html(assistant.document((i or "").strip()))
        except AttacheError as e:
            return f'<p class="attache-errors">{_e(e)}</p>'

    show.click(open_doc, doc_id, doc_view, api_visibility="private")

    def remove(i):
        i = (i or "").strip()
        if not i:
            raise gr.Error("Enter a document id (click a row to fill it in).", print_exception=False)
        try:
            r = assistant.delete(i)
        except AttacheError as e:
            raise _gr_error(e) from None
        rows, choices = refreshed()
        return f"<p>Deleted {_e(r['doc_id'])} — {_e(r.get('title'))}</p>", rows, choices, ""

    delete.click(remove, doc_id, [doc_view, table, out_outlets, doc_id], api_name="delete")
    return table


def positions_tab(assistant, tab=None):
    """Statements by one actor, date-ordered, each opening its passage with the span highlighted.
    ``tab`` (the enclosing gr.Tab), if given, refreshes the actor list when selected."""
    import gradio as gr

    def actor_choices():
        return [(f"{a.actor} ({a.statements})", a.actor) for a in assistant.actors()]

    claims = gr.State([])
    with gr.Row():
        actor = gr.Dropdown(choices=actor_choices(), label="Actor", elem_id="actor", scale=2)
        topic = gr.Textbox(label="Topic (word or phrase)", max_lines=1, scale=2, elem_id="topic")
        kind = gr.Dropdown(choices=["", *STATEMENT_KINDS],
                           value="", label="Kind", scale=1, elem_id="kind")
        go = gr.Button("Show", variant="primary", scale=1, elem_id="positions-button")
    with gr.Row():
        with gr.Column(scale=3):
            timeline = gr.HTML("", elem_id="timeline")
            pick = gr.Dropdown(choices=[], value=None, label="Open a statement (# in the timeline)",
                               elem_id="statement-picker")
        with gr.Column(scale=2):
            passage = gr.HTML("", elem_id="statement-view")

    def show(a, t, k):
        if not a:
            raise gr.Error("Choose an actor.", print_exception=False)
        try:
            rows = [c.to_dict() for c in assistant.positions(a, topic=(t or "").strip() or None, kind=k or None)]
        except AttacheError as e:
            raise _gr_error(e) from None
        rows = sorted(rows, key=lambda c: (c.get("date") or c.get("published") or "", c.get("start") or 0))
        if not rows:
            return '<p class="attache-meta">No statements found.</p>', gr.update(choices=[], value=None), []
        items = []
        for i, c in enumerate(rows, 1):
            who = c.get("speaker") or c.get("actor")
            role = f", {_e(c['role'])}" if c.get("role") else ""
            direct = "quoted" if c.get("direct") else "reported"
            items.append(
                f'<tr><td>{i}</td><td>{_e((c.get("date") or c.get("published") or "")[:10])}</td>'
                f'<td>{_e(c.get("kind"))}</td><td>{_e(who)}{role} <span class="attache-meta">'
                f'({_e(c.get("cue"))}, {direct})</span></td><td>{_e(c.get("text"))}</td>'
                f'<td>{_e(c.get("source"))}</td></tr>')
        table = ('<table class="attache-timeline"><thead><tr><th>#</th><th>date</th><th>kind</th><th>who</th>'
                 f'<th>statement</th><th>outlet</th></tr></thead><tbody>{"".join(items)}</tbody></table>')
        choices = [(f"{i}. {(c.get('date') or '')[:10]} {c.get('kind')}: {(c.get('text') or '')[:70]}", str(i))
                   for i, c in enumerate(rows, 1)]
        return table, gr.update(choices=choices, value=None), rows

    go.click(show, [actor, topic, kind], [timeline, pick, claims], api_name="positions")
    if tab is not None:
        tab.select(lambda: gr.update(choices=actor_choices()), None, actor, api_visibility="private",
                   show_progress="hidden")

    def open_statement(i, rows):
        if not i or not rows:
            return ""
        c = rows[int(i) - 1]
        try:
            return article_html(assistant.document(c["doc_id"]), int(c["start"]), int(c["end"]))
        except AttacheError as e:
            return f'<p class="attache-errors">{_e(e)}</p>'

    pick.change(open_statement, [pick, claims], passage, api_visibility="private").then(
        None, js="() => { const m = document.getElementById('cited'); if (m) m.scrollIntoView({block: 'center'}); }")


# ---------------------------------------------------------------------------- HTTP API models


class Turn(BaseModel):
    question: str
    answer: str


class AskRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"question": EXAMPLE_QUESTIONS[0], "source": ["The Meridian Herald"], "since": "2026-01-01"}]})

    question: str = Field(description="the question (at most 2000 characters)")
    history: list[tuple[str, str]] | None = Field(
        None, description="earlier turns as [question, answer] pairs, oldest first")
    k: int | None = Field(None, ge=1, le=100, description="number of passages to retrieve")
    source: str | list[str] | None = Field(None, description="only these outlets")
    since: str | None = Field(None, description="published on or after (YYYY-MM-DD)")
    until: str | None = Field(None, description="published on or before (YYYY-MM-DD)")
    llm: str | None = Field(None, description="LLM backend spec for this question (default: server's)")


class SearchRequest(BaseModel):
    query: str
    k: int = Field(10, ge=1, le=100)
    source: str | list[str] | None = None
    since: str | None = None
    until: str | None = None
    rerank: bool = Field(False, description="re-order the top 30 passages by their best sentence")


# Responses reuse the domain dataclasses (FastAPI derives their OpenAPI schema), so the
# JSON of /api/ask is Answer.to_dict() by construction.


class SearchOut(BaseModel):
    query: str
    results: list[Passage]


class DocumentSummary(BaseModel):
    doc_id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    n_chunks: int | None = None
    chars: int | None = None


class DocumentOut(BaseModel):
    doc_id: str
    title: str | None = None
    source: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    text: str
    meta: dict = {}
    chunks: int | None = None


class ErrorOut(BaseModel):
    error: str


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict] | None = None


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, ... are accepted and ignored
    model: str = MODEL_ID
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    k: int | None = Field(None, ge=1, le=100)
    source: str | list[str] | None = None
    since: str | None = None
    until: str | None = None
    llm: str | None = None


_ERRORS = {400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 422: {"model": ErrorOut},
           503: {"model": ErrorOut}}


def _status(e: AttacheError) -> int:
    if isinstance(e, NotFound):
        return 404
    if isinstance(e, (BackendError, StoreError)):
        return 503
    return 400


def _error_response(request: Request, status: int, message: str, headers: dict | None = None) -> JSONResponse:
    if request.url.path.startswith("/v1/"):  # what OpenAI clients parse
        kind = "invalid_request_error" if status < 500 else "server_error"
        body: dict = {"error": {"message": message, "type": kind, "code": status}}
    else:
        body = {"error": message}
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_message(e: RequestValidationError) -> str:
    parts = []
    for err in e.errors():
        where = ".".join(str(x) for x in err.get("loc", ()) if x != "body")
        parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _message_text(content) -> str:
    if isinstance(content, list):  # OpenAI content parts
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return content or ""


def chat_request_to_turns(messages: list[ChatMessage]) -> tuple[str, list[tuple[str, str]]]:
    """The last user message is the question; earlier user/assistant pairs are the history."""
    users = [i for i, m in enumerate(messages) if m.role == "user"]
    if not users:
        raise QuestionError("messages need at least one user message")
    last = users[-1]
    history: list[tuple[str, str]] = []
    pending: str | None = None
    for m in messages[:last]:
        if m.role == "user":
            pending = _message_text(m.content)
        elif m.role == "assistant" and pending is not None:
            history.append((pending, strip_sources(_message_text(m.content))))
            pending = None
    return _message_text(messages[last].content), history


# ---------------------------------------------------------------------------- app


def _auth_guard(auth: tuple[str, str] | None, api_token: str | None) -> Callable:
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


def build_app(assistant, auth: tuple[str, str] | None = None, api_token: str | None = None) -> FastAPI:
    """FastAPI app: REST routes under /api, OpenAI-compatible routes under /v1, Gradio UI at /."""
    import gradio as gr

    app = FastAPI(title="attache", version="0.1.0",
                  description="Answers about foreign policy from news articles; every sentence of an "
                              "answer cites a verbatim passage (`quote == document.text[start:end]`).")

    @app.exception_handler(AttacheError)
    async def _attache_error(request: Request, e: AttacheError):
        return _error_response(request, _status(e), str(e))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError):
        return _error_response(request, 422, _validation_message(e))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, e: HTTPException):
        return _error_response(request, e.status_code, str(e.detail), getattr(e, "headers", None))

    api = APIRouter(dependencies=[Depends(_auth_guard(auth, api_token))], responses=_ERRORS)

    @api.post("/api/ask", response_model=Answer, tags=["answers"],
              summary="Answer a question; same JSON as `attache ask --json`")
    def api_ask(req: AskRequest):
        filters = make_filters(req.source, req.since, req.until)
        history = [(q, a) for q, a in req.history] if req.history else None
        return assistant.ask(req.question, history=history, filters=filters, k=req.k, llm=req.llm).to_dict()

    @api.post("/api/search", response_model=SearchOut, tags=["answers"], summary="Hybrid passage search")
    def api_search(req: SearchRequest):
        passages = assistant.search(req.query, k=req.k, filters=make_filters(req.source, req.since, req.until),
                                    rerank=req.rerank)
        return {"query": req.query, "results": [p.to_dict() for p in passages]}

    @api.get("/api/documents", response_model=list[DocumentSummary], tags=["library"])
    def api_documents(source: str | None = None, since: str | None = None, until: str | None = None):
        return [d.to_dict(text=False) for d in assistant.documents(make_filters(source, since, until))]

    @api.get("/api/documents/{doc_id}", response_model=DocumentOut, tags=["library"],
             responses={404: {"model": ErrorOut}})
    def api_document(doc_id: str):
        return assistant.document(doc_id).to_dict()

    @api.delete("/api/documents/{doc_id}", tags=["library"], responses={404: {"model": ErrorOut}})
    def api_delete(doc_id: str) -> dict:
        return assistant.delete(doc_id)

    if hasattr(assistant, "positions"):
        @api.get("/api/actors", tags=["positions"], summary="Actors with attributed statements")
        def api_actors() -> list[dict]:
            return [a.to_dict() for a in assistant.actors()]

        @api.get("/api/positions", tags=["positions"], summary="An actor's statements, date-ordered")
        def api_positions(actor: str, topic: str | None = None, kind: str | None = None) -> list[dict]:
            return [c.to_dict() for c in assistant.positions(actor, topic=topic or None, kind=kind or None)]

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
        question, history = chat_request_to_turns(req.messages)
        check_question(question)
        filters = make_filters(req.source, req.since, req.until)
        events = answer_events(assistant, question, history=history or None, filters=filters, k=req.k,
                               llm=req.llm)
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if not req.stream:
            answer = final_answer(events)
            return {"id": cid, "object": "chat.completion", "created": created, "model": req.model,
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": answer_with_sources(answer)}}],
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    "citations": [c.to_dict() for c in answer.citations], "abstained": answer.abstained}
        first = next(events)  # errors before the first byte still get a proper status code
        return StreamingResponse(_sse(first, events, cid, created, req.model), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    app.include_router(api)
    css = CSS
    gr.mount_gradio_app(app, build_ui(assistant), path="/", auth=auth, css=css, footer_links=["api"],
                        show_error=True, max_file_size="50mb")
    return app


def _sse(first, events, cid: str, created: int, model: str) -> Iterator[str]:
    """Chunks of the *verified* reply. The draft deltas are not sent (they may contain sentences
    verification drops); SSE comments keep the connection alive while the draft is written."""

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        body = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

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
    except AttacheError as e:
        yield f"data: {json.dumps({'error': {'message': str(e), 'type': 'server_error'}})}\n\n"
        yield "data: [DONE]\n\n"
        return
    if answer is None:
        yield f"data: {json.dumps({'error': {'message': 'no answer', 'type': 'server_error'}})}\n\n"
        yield "data: [DONE]\n\n"
        return
    for piece in re.findall(r"\S+\s*|\s+", answer_with_sources(answer)):
        yield chunk({"content": piece})
    yield chunk({}, "stop", citations=[c.to_dict() for c in answer.citations], abstained=answer.abstained)
    yield "data: [DONE]\n\n"


# ---------------------------------------------------------------------------- serving


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    user, sep, pw = value.partition(":")
    if not sep or not user or not pw:
        raise AttacheError("--auth / ATTACHE_AUTH must be USER:PASS")
    return user, pw


def is_local(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, auth: tuple[str, str] | None) -> str | None:
    """The warning printed when the server is reachable from other machines without a login."""
    if is_local(host) or auth:
        return None
    return (f"attache: WARNING: serving on {host} without authentication: anyone who can reach this "
            f"machine can read, add and delete your articles. Use --auth USER:PASS (or ATTACHE_AUTH) or "
            f"bind to 127.0.0.1.")


def serve(assistant, host: str = "127.0.0.1", port: int = 7860, auth: str | tuple[str, str] | None = None,
          api_token: str | None = None, log_level: str = "warning") -> None:
    """Run the app with uvicorn (blocks). ``auth`` is USER:PASS or (user, pass); env ATTACHE_AUTH,
    ATTACHE_API_TOKEN are used when not given."""
    import uvicorn

    creds = auth if isinstance(auth, tuple) else parse_auth(auth or os.environ.get("ATTACHE_AUTH"))
    token = api_token or os.environ.get("ATTACHE_API_TOKEN") or None
    warning = exposure_warning(host, creds)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    app = build_app(assistant, auth=creds, api_token=token)
    shown = f"[{host}]" if ":" in host else host
    print(f"attache: serving http://{shown}:{port}/  (REST /api, OpenAI /v1, API docs /docs); Ctrl-C stops",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
