"""The Gradio UI over one ``Assistant``: Chat, Library, Positions and Compare tabs, plus the
``/ask`` and ``/search`` endpoints for gradio_client.

Everything here is an adapter: questions, documents and ingestion go through the ``Assistant``;
HTML and Markdown come from ``render`` (which escapes all article-derived text).

No ``from __future__ import annotations`` here: ``gr.api`` reads the type hints at run time to
build the Gradio API signature.
"""
import atexit
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import gradio as gr

from index.errors import AttacheError
from index.fetch import is_url
from index.loaders import SPEECH_OUTLET
from index.models import STATEMENT_KINDS

from .chat import history_pairs
from .models import AnswerReady, Citation, Claim, Filters
from .query import check_question
from .render import (
    actors_html,
    answer_markdown,
    article_html,
    chat_markdown,
    chat_text,
    claims_csv,
    compare_html,
    e,
    md_escape,
    source_line,
    sources_html,
    timeline_html,
)

if TYPE_CHECKING:
    from index.ingest import IngestReport

    from .core import Assistant

UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".json", ".jsonl"]
MAX_UPLOAD_NAME = 150  # characters of a kept upload's file name
EXAMPLE_QUESTIONS = [
    "What did Veloria pledge about a grain corridor through the Northern Straits?",
    "How has Ostmark's stance on sanctions relief talks with Veloria changed?",
    "What did Koval and Brandt pledge?",
]
#: "What did X <verb>?" for an actor's most frequent statement kind (the examples of a store
#: without the sample articles).
KIND_QUESTIONS = {"pledge": "What did {} pledge?", "proposal": "What did {} propose?",
                  "demand": "What did {} demand?", "rejection": "What did {} reject?",
                  "criticism": "What did {} criticise?", "position": "What is {}’s position?",
                  "statement": "What did {} say?"}
# Names read with "the" ("the United States", "the Netherlands", "the European Commission").
_WITH_THE = re.compile(r"^(?:United|European|Netherlands$|Philippines$|Gambia$|Bahamas$|Holy See$|Vatican$|"
                       r"Kremlin$|White House$|Pentagon$|International|World|Federal|Security Council$|"
                       r"Justice Department$|State Department$)")


def _kind_question(kind: str, actor: str) -> str:
    """The example question for an actor's kind of statement, its name read as English writes it:
    "What is the United States’ position?" (not "What is United States's position?")."""
    name = f"the {actor}" if _WITH_THE.match(actor) else actor
    template = KIND_QUESTIONS.get(kind, KIND_QUESTIONS["statement"])
    if "{}’s" in template and name.endswith("s"):
        template = template.replace("{}’s", "{}’")
    return template.format(name)
#: Gradio 6's status announcer (a screen-reader line, also in the page's text) says
#: ``i18n("common.complete")`` when an event ends, a key its English locale lacks: without this
#: the page reads "common.complete". Passed to ``mount_gradio_app(i18n=...)``.
UI_I18N = gr.I18n(en={"common.complete": "Complete"})


def sample_titles() -> set[str]:
    """The titles of the bundled sample articles (``index/samples``), from their front matter."""
    from importlib.resources import files

    from index.cleaning import split_front_matter

    titles = set()
    for f in (files("index") / "samples").iterdir():
        if f.name.endswith(".md"):
            titles.add(split_front_matter(f.read_text(encoding="utf-8"))[0].get("title", ""))
    return titles - {""}


def example_questions(assistant: "Assistant", n: int = 3) -> list[str]:
    """The chat's example questions: ``EXAMPLE_QUESTIONS`` (about the sample articles) when the
    samples are in the store; else a question for each of the ``n`` most quoted actors, asking
    about their most frequent kind of statement ("What did Lavrov propose?"); none for a store
    without statements."""
    titles = {d.title for d in assistant.documents()}
    if titles and sample_titles() <= titles:
        return list(EXAMPLE_QUESTIONS)
    questions = []
    for row in assistant.actors()[:n]:
        kinds = Counter(c.kind for c in assistant.positions(row.actor))
        kind = kinds.most_common(1)[0][0] if kinds else "statement"
        questions.append(_kind_question(kind, row.actor))
    return questions


CSS = """
.attache-sources ol { padding-left: 1.2em; margin: 0; }
.attache-sources li { margin-bottom: .8em; }
.attache-sources .context { margin: .3em 0 0 0; padding-left: .6em; border-left: 3px solid #ccc; }
.attache-article .body { white-space: pre-wrap; line-height: 1.5; max-height: 32em; overflow-y: auto; }
.attache-sources mark, .attache-article mark { background: #ffe680; color: inherit; padding: 0 .1em; }
.attache-article mark#cited { outline: 2px solid #e0a800; }
.attache-meta { color: #666; font-size: .92em; }
.attache-errors { color: #b00020; }
.attache-sources li:target, .attache-sources li.attache-target { background: #fff4cc; outline: 2px solid #e0a800;
  border-radius: 4px; transition: background .3s; }
#chatbot a[href^="#source-"] { text-decoration: none; font-weight: 600; }
.attache-timeline td.who .role, .attache-timeline td.who .as { color: #555; font-size: .92em; }
.attache-actors td, .attache-actors th { padding: .25em .8em .25em 0; text-align: left; }
.attache-compare .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 1em; }
.attache-compare .attache-column h4 { margin: 0 0 .4em 0; padding-bottom: .2em; border-bottom: 2px solid #e0a800; }
.attache-compare .attache-column ol { list-style: none; padding: 0; margin: 0; }
.attache-compare .attache-column li { margin: 0 0 1em 0; }
.attache-compare .attache-column p.when { margin: 0 0 .2em 0; }
.attache-compare .attache-column .n { color: #555; }
.attache-compare .attache-column blockquote { margin: 0 0 .2em 0 !important; padding-left: .6em;
  border-left: 3px solid #ccc; }
.attache-compare .attache-column p.attache-meta { margin: 0; }
"""
#: Colours of the statement kinds in the Positions chart (the same for every actor).
KIND_COLOURS = {"pledge": "#2e7d32", "proposal": "#1565c0", "demand": "#c62828", "rejection": "#4e342e",
                "criticism": "#ef6c00",
                "position": "#6a1b9a", "statement": "#607d8b"}
# [n] in a chat answer is a link to #source-n: scroll the sources panel to it and highlight it
# (a document-level listener, installed once by the sources panel; the chat's links would
# otherwise open in a new tab).
_JUMP_TO_SOURCE = """
if (!window.__attacheJump) {
  window.__attacheJump = true;
  document.addEventListener('click', (ev) => {
    const a = ev.target && ev.target.closest ? ev.target.closest('a[href^="#source-"]') : null;
    if (!a) return;
    const target = document.getElementById(a.getAttribute('href').slice(1));
    ev.preventDefault();
    ev.stopPropagation();
    if (!target) return;
    document.querySelectorAll('.attache-target').forEach((x) => x.classList.remove('attache-target'));
    target.classList.add('attache-target');
    const folded = target.closest('details');
    if (folded) folded.open = true;  // an earlier answer's sources
    target.scrollIntoView({block: 'center'});
  }, true);
}
"""
_SCROLL_TO_CITED = "() => { const m = document.getElementById('cited'); if (m) m.scrollIntoView({block: 'center'}); }"


def build_ui(assistant: "Assistant") -> gr.Blocks:
    """The Gradio app: Chat (answers with sources), Library (upload or fetch, list, open, delete),
    Positions (an actor's statements, charted) and Compare (actors side by side) tabs over one
    ``Assistant``."""
    with gr.Blocks(title="attache") as ui:
        gr.Markdown("## attache\nAnswers about foreign policy from your news articles; "
                    "every sentence cites a verbatim passage.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                outlets, examples = chat_tab(assistant)
            with gr.Tab("Library", id="library"):
                table = library_tab(assistant, outlets)
            with gr.Tab("Positions", id="positions") as tab:
                positions_tab(assistant, tab)
            with gr.Tab("Compare", id="compare") as ctab:
                compare_tab(assistant, ctab)
        api_endpoints(assistant)

        def current():  # another process (CLI ingest) may have changed the store
            shown = example_questions(assistant)
            return (_document_rows(assistant), gr.update(choices=assistant.sources()),
                    gr.Dataset(samples=[[q] for q in shown] or [[""]], visible=bool(shown)))

        ui.load(current, None, [table, outlets, examples], api_visibility="private", show_progress="hidden")
    return ui


def _gr_error(err: Exception) -> gr.Error:
    return gr.Error(str(err), print_exception=False)


def _filters(sources, since, until) -> Filters:
    """The one filter grammar (``Filters``) from UI and API inputs; raises ``gr.Error`` when bad."""
    try:
        return Filters.from_dict({"sources": sources or [], "since": since or "", "until": until or ""})
    except AttacheError as err:
        raise _gr_error(err) from None


def api_endpoints(assistant: "Assistant") -> None:
    """`/ask` and `/search` for gradio_client: the same JSON as `attache ask/search --json`."""

    def ask(question: str, sources: str | list[str] | None = None, since: str | None = None,
            until: str | None = None, k: int | None = None) -> dict:
        """Answer a question from the indexed articles; returns Answer.to_dict()."""
        try:
            answer = assistant.ask(question, filters=_filters(sources, since, until), k=k or None)
        except AttacheError as err:
            raise _gr_error(err) from None
        return answer.to_dict()

    def search(query: str, k: int = 10, sources: str | list[str] | None = None, since: str | None = None,
               until: str | None = None, rerank: bool = True) -> dict:
        """Hybrid passage search; returns {query, results: [passage dicts]}."""
        try:
            passages = assistant.search(query, k=k or 10, filters=_filters(sources, since, until),
                                        rerank=bool(rerank))
        except AttacheError as err:
            raise _gr_error(err) from None
        return {"query": query, "results": [p.to_dict() for p in passages]}

    gr.api(ask, api_name="ask")
    gr.api(search, api_name="search")


def source_choices(citations: list[Citation]) -> list[tuple[str, str]]:
    """The source picker's (label, value) pairs: ``[n] outlet, date, title``."""
    def label(c: Citation) -> str:
        line = source_line(c.n, c)
        return line if len(line) <= 110 else line[:109] + "…"

    return [(label(c), str(c.n)) for c in citations]


def chat_tab(assistant: "Assistant") -> tuple[gr.Dropdown, gr.Dataset]:
    """Chatbot + sources panel + article view. Returns the outlet filter (the Library refreshes it)
    and the example questions (``example_questions``; refreshed when the page loads)."""
    turns = gr.State([])  # (question, answer text) pairs passed to stream() as history
    cites = gr.State([])  # the Citations of the latest answer
    last = gr.State(None)  # the latest Answer, for "Copy as Markdown"
    answered = gr.State([])  # the Citations of every answer so far, in order (their sources stay reachable)
    with gr.Row():
        with gr.Column(scale=3):
            gr.Markdown("### Conversation")
            chatbot = gr.Chatbot(label="Conversation", show_label=False, height=460, elem_id="chatbot",
                                 buttons=["copy"],
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
            shown = example_questions(assistant)
            examples = gr.Examples([[q] for q in shown] or [[""]], inputs=question, label="Example questions")
            examples.dataset.visible = bool(shown)
            examples.dataset.elem_id = "example-questions"
            with gr.Row():
                clear = gr.Button("New conversation", size="sm")
                copy_md = gr.Button("Copy as Markdown", size="sm", elem_id="copy-markdown")
            markdown_box = gr.Code("", language="markdown", label="The last answer as Markdown (copy icon at "
                                   "the top right)", visible=False, elem_id="answer-markdown", wrap_lines=True,
                                   interactive=False, buttons=["copy", "download"], max_lines=20)
        with gr.Column(scale=2):
            gr.Markdown("### Sources")
            panel = gr.HTML(sources_html(None, assistant.document), label="Sources", elem_id="sources-panel",
                            js_on_load=_JUMP_TO_SOURCE)
            pick = gr.Radio(choices=[], label="Open a source", elem_id="source-picker", visible=False)
            article = gr.HTML("", elem_id="article-view")

    def respond(message, history, pairs, past, sources, since_, until_):
        history, pairs, past = list(history or []), list(pairs or []), list(past or [])
        if not pairs and history:  # an API caller passes the chatbot history but has no session state
            pairs = history_pairs(history, unescape=chat_text)
        try:
            q = check_question(message)
        except AttacheError as err:
            raise _gr_error(err) from None
        filters = _filters(sources, since_, until_)
        history += [{"role": "user", "content": md_escape(q)},
                    {"role": "assistant", "content": "_Searching the articles…_"}]
        yield history, gr.skip(), gr.skip(), gr.skip(), pairs, "", gr.skip(), gr.skip()
        draft, shown = "", 0.0
        try:
            for item in assistant.stream(q, history=pairs or None, filters=filters):
                if isinstance(item, AnswerReady):
                    answer = item.answer
                    turn = len(past) + 1  # markers link to this answer's own sources: #source-TURN-n
                    history[-1] = {"role": "assistant", "content": chat_markdown(answer, turn)}
                    pairs.append((q, answer.answer))
                    yield (history, sources_html(answer.citations, assistant.document, turn, past),
                           gr.update(choices=source_choices(answer.citations), value=None,
                                     visible=bool(answer.citations)),
                           list(answer.citations), pairs, "", answer, past + [list(answer.citations)])
                    return
                draft += item.text
                if time.monotonic() - shown > 0.1:  # the draft, until the verified answer replaces it
                    history[-1] = {"role": "assistant", "content": md_escape(draft) + " …"}
                    shown = time.monotonic()
                    yield history, gr.skip(), gr.skip(), gr.skip(), pairs, "", gr.skip(), gr.skip()
        except AttacheError as err:
            history[-1] = {"role": "assistant", "content": f"**Error:** {md_escape(str(err))}"}
            yield history, gr.skip(), gr.skip(), gr.skip(), pairs, "", gr.skip(), gr.skip()

    outputs = [chatbot, panel, pick, cites, turns, question, last, answered]
    inputs = [question, chatbot, turns, answered, outlets, since, until]
    send.click(respond, inputs, outputs, api_name="chat")
    question.submit(respond, inputs, outputs, api_visibility="private")
    # clicking an example question asks it (with the filters), as the Ask button would, once it is in the box
    examples.load_input_event.then(respond, inputs, outputs, api_visibility="private")

    def open_source(n, citations: list[Citation]):
        c = next((c for c in citations or [] if str(c.n) == str(n)), None)
        return _article(assistant, c.doc_id, c.start, c.end) if c else ""

    pick.change(open_source, [pick, cites], article, api_visibility="private").then(None, js=_SCROLL_TO_CITED)

    def as_markdown(answer):
        if answer is None:
            raise gr.Error("Ask a question first.", print_exception=False)
        return gr.update(value=answer_markdown(answer), visible=True)

    copy_md.click(as_markdown, last, markdown_box, api_visibility="private")

    def reset():
        return ([], [], [], sources_html(None, assistant.document), gr.update(choices=[], value=None, visible=False),
                "", None, gr.update(value="", visible=False), [])

    cleared = [chatbot, turns, cites, panel, pick, article, last, markdown_box, answered]
    clear.click(reset, None, cleared, api_visibility="private")
    chatbot.clear(reset, None, cleared, api_visibility="private")
    return outlets, examples.dataset


def _article(assistant: "Assistant", doc_id: str, start: int | None = None, end: int | None = None) -> str:
    """A document as HTML with [start, end) highlighted, or the error in its place."""
    try:
        return article_html(assistant.document(doc_id), start, end)
    except AttacheError as err:
        return f'<p class="attache-errors">{e(err)}</p>'


def _document_rows(assistant: "Assistant") -> list[list]:
    return [[d.doc_id, d.published[:10], d.source, d.title + ("  [truncated in the export]" if d.meta.get("truncated")
                                                                else ""), d.n_chunks] for d in assistant.documents()]


def upload_name(name: str) -> str:
    """A name safe to create inside the uploads folder for an uploaded file called ``name``: its
    last path component (``/`` or ``\\``), without control or format characters, leading dots
    or trailing dots and spaces, at most ``MAX_UPLOAD_NAME`` characters (extension kept);
    ``"upload"`` plus the extension when no name is left (``".txt"`` -> ``"upload.txt"``)."""
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(ch for ch in base if not unicodedata.category(ch).startswith("C"))
    base = " ".join(base.split()).rstrip(". ")
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    stem, ext = stem.lstrip(". "), f".{ext}" if ext else ""
    stem = stem[:max(MAX_UPLOAD_NAME - len(ext), 1)].rstrip(". ")
    return (stem or "upload") + ext[:MAX_UPLOAD_NAME]


def keep_uploads(folder: Path, paths: list[str]) -> tuple[list[str], list[str]]:
    """Copy uploaded files (Gradio's temporary paths) to ``folder/<original file name>``, so a
    file uploaded again under the same name has the same identity and updates its document.

    Every file is checked before any is kept: its type by extension (``UPLOAD_TYPES``) and its
    size (at most ``index.loaders.file_limit``: ``ATTACHE_MAX_FILE_BYTES``, default 20 MB, for
    .txt/.md/.html; ten times that for .json/.jsonl exports).
    Names are made safe with ``upload_name`` (no path traversal, no control characters), so a
    kept file is always directly inside ``folder``.

    Returns (the kept paths, the names whose earlier upload had different bytes). A name given
    twice in one upload gets " (2)", " (3)"... Raises ``AttacheError`` naming each refused file
    and why (wrong type, too large), and ``OSError`` when the folder cannot be written.
    """
    from index.loaders import EXTENSIONS, file_limit

    refused: list[str] = []
    for p in paths:
        src = Path(p)
        shown = upload_name(src.name)
        ext = Path(shown).suffix.lower()
        if ext not in UPLOAD_TYPES:
            refused.append(f"{shown}: not an article file (accepted: {' '.join(UPLOAD_TYPES)})")
        elif src.stat().st_size > (limit := file_limit(EXTENSIONS[ext])):
            refused.append(f"{shown}: file too large ({src.stat().st_size / 1e6:.1f} MB; "
                           f"at most {limit / 1e6:.1f} MB for {ext} files, ATTACHE_MAX_FILE_BYTES)")
    if refused:
        raise AttacheError("refused " + "; ".join(refused))
    folder.mkdir(parents=True, exist_ok=True)
    kept: list[str] = []
    replaced: list[str] = []
    used: set[str] = set()
    for p in paths:
        src = Path(p)
        first = upload_name(src.name)
        name, n = first, 1
        while name in used:
            n += 1
            name = f"{Path(first).stem} ({n}){Path(first).suffix}"
        used.add(name)
        dest = folder / name
        if dest.parent.resolve() != folder.resolve():  # upload_name makes this impossible; never trust it
            raise AttacheError(f"refused {name!r}: not a plain file name")
        data = src.read_bytes()
        if dest.exists() and dest.read_bytes() != data:
            replaced.append(name)
        if not dest.exists() or dest.read_bytes() != data:
            tmp = dest.with_name(f".{name}.part")
            tmp.write_bytes(data)
            os.replace(tmp, dest)
        kept.append(str(dest))
    return kept, replaced


def _input_name(path: str) -> str:
    """How an ingested input is named in a report: a URL whole, a file by its name."""
    return path if is_url(path) else os.path.basename(path)


def ingest_report_html(r: "IngestReport", replaced: list[str] | None = None,
                       rejected: list[tuple[str, str]] | None = None) -> str:
    """An ``IngestReport`` as HTML for the Library tab: the counts, replaced uploads, exact
    duplicates, each failed input (``r.failed`` plus ``rejected`` (input, reason) pairs that
    were not tried) with its cause, and each skipped one (``r.skipped``), all escaped."""
    failed = [(_input_name(f["path"]), f["error"]) for f in r.failed] + list(rejected or [])
    parts = [f"<p>Added {r.added}, updated {r.updated}, unchanged {r.unchanged}, failed {len(failed)} "
             f"({r.chunks} passages, {r.claims} statements, {r.seconds:.1f} s).</p>"]
    if replaced and r.updated:
        parts.append("<p>Replaced the earlier upload of " + ", ".join(f"<b>{e(n)}</b>" for n in replaced)
                     + " with the new version.</p>")
    if r.duplicates:
        dups = "".join(f"<li><b>{e(_input_name(d['path']))}</b>: same text as {e(d['title'])} "
                       f"({e(d['duplicate_of'])}), not added again</li>" for d in r.duplicates)
        parts.append(f'<ul class="attache-duplicates">{dups}</ul>')
    if failed:
        errs = "".join(f"<li><b>{e(name)}</b>: {e(error)}</li>" for name, error in failed)
        parts.append(f'<ul class="attache-errors">{errs}</ul>')
    if r.skipped:  # not articles (an upload of a .docx, an image): not read, not failed
        skips = "".join(f"<li><b>{e(_input_name(s['path']))}</b>: skipped, {e(s['reason'])}</li>" for s in r.skipped)
        parts.append(f'<ul class="attache-skipped">{skips}</ul>')
    return "".join(parts)


def web_links(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The http(s) links in ``text`` (separated by spaces or new lines), and (input, reason)
    for each other word: only web links are fetched (never a path on the server)."""
    from urllib.parse import urlsplit

    links: list[str] = []
    bad: list[tuple[str, str]] = []
    for word in dict.fromkeys((text or "").split()):
        parts = urlsplit(word)
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            links.append(word)
        else:
            bad.append((word, "not a web link: enter an address starting with http:// or https://"))
    return links, bad


def library_tab(assistant: "Assistant", outlets: gr.Dropdown | None = None) -> gr.Dataframe:
    """Upload files or fetch links and feeds to ingest, list documents, open or delete one."""
    with gr.Row():
        with gr.Column(scale=1):
            files = gr.File(label="Articles (.txt .md .html .json .jsonl)", file_count="multiple",
                            file_types=UPLOAD_TYPES, elem_id="upload")
            ingest_btn = gr.Button("Add to library", variant="primary", elem_id="ingest-button")
            link = gr.Textbox(label="Add from a link or feed", placeholder="https://… (a page or an RSS/Atom feed; "
                              "several: separated by spaces)", lines=1, max_lines=4, elem_id="ingest-url")
            link_btn = gr.Button("Fetch and add", elem_id="ingest-url-button")
            report = gr.HTML("", elem_id="ingest-report")
        with gr.Column(scale=2):
            table = gr.Dataframe(value=_document_rows(assistant),
                                 headers=["id", "date", "outlet", "title", "chunks"],
                                 datatype=["str", "str", "str", "str", "number"],
                                 interactive=False, wrap=True, label="Documents (click a row to select it)",
                                 elem_id="documents", column_widths=["20%", "13%", "17%", "40%", "10%"],
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
        try:  # the original file name is the identity: a corrected re-upload replaces the document
            paths, replaced = keep_uploads(Path(assistant.store.path) / "uploads", paths)
        except (OSError, AttacheError) as err:  # a refused file (type, size) or an unwritable folder
            raise gr.Error(f"Cannot keep the uploaded files: {err}", print_exception=False) from None
        progress(0, desc="Reading files")

        def step(done: int, total: int, what: str) -> None:
            progress((done, total), desc=f"Indexing articles ({what})", unit="articles")

        try:
            r = assistant.ingest(paths, progress=step)
        except AttacheError as err:
            raise _gr_error(err) from None
        rows, choices = refreshed()
        return ingest_report_html(r, replaced), rows, choices, None

    out_outlets = outlets if outlets is not None else gr.State()
    ingest_btn.click(ingest, files, [report, table, out_outlets, files], api_name="ingest")

    def ingest_links(text, progress=gr.Progress()):
        """The same path as `attache ingest https://...`; the links that failed stay in the box."""
        links, rejected = web_links(text)
        if not links and not rejected:
            raise gr.Error("Enter the address of a page or a feed (https://…).", print_exception=False)
        if not links:  # nothing to fetch: the reasons, and the text stays to be corrected
            errs = "".join(f"<li><b>{e(w)}</b>: {e(why)}</li>" for w, why in rejected)
            return f'<ul class="attache-errors">{errs}</ul>', gr.skip(), gr.skip(), gr.skip()
        progress(0, desc="Fetching")

        def step(done: int, total: int, what: str) -> None:
            progress((done, total), desc=f"Indexing articles ({what})", unit="articles")

        try:
            r = assistant.ingest(list(links), progress=step)
        except AttacheError as err:
            raise _gr_error(err) from None
        failed = {w for w, _ in rejected} | {f["path"] for f in r.failed}
        keep = [w for w in dict.fromkeys((text or "").split()) if w in failed]  # in the order given
        rows, choices = refreshed()
        return ingest_report_html(r, rejected=rejected), rows, choices, " ".join(keep)

    link_outputs = [report, table, out_outlets, link]
    link_btn.click(ingest_links, link, link_outputs, api_name="ingest_url")
    link.submit(ingest_links, link, link_outputs, api_visibility="private")

    def select(evt: gr.SelectData):
        row = evt.row_value or []
        return row[0] if row else gr.skip()

    table.select(select, None, doc_id, api_visibility="private")
    show.click(lambda i: _article(assistant, (i or "").strip()), doc_id, doc_view, api_visibility="private")

    def remove(i):
        i = (i or "").strip()
        if not i:
            raise gr.Error("Enter a document id (click a row to fill it in).", print_exception=False)
        try:
            r = assistant.delete(i)
        except AttacheError as err:
            raise _gr_error(err) from None
        rows, choices = refreshed()
        return f"<p>Deleted {e(r['doc_id'])} — {e(r.get('title'))}</p>", rows, choices, ""

    delete.click(remove, doc_id, [doc_view, table, out_outlets, doc_id], api_name="delete")
    return table


def _day(when: str, source: str = "") -> str:
    """``YYYY[-MM[-DD]]...`` as a full ``YYYY-MM-DD``: a year plotted at its middle (1 July), or for
    a UN General Debate speech (``source``) at the debate's days in late September, a month at its
    15th, so that neither reads as its first day; "" when undated."""
    d = (when or "")[:10]
    if len(d) == 4 and d.isdigit():
        return d + ("-09-22" if source.startswith(SPEECH_OUTLET) else "-07-01")
    if len(d) == 7 and d[4] == "-":
        return d + "-15"
    return d if len(d) == 10 else ""


def positions_chart(claims: list[Claim]):
    """The chart data of a timeline (``claims`` in the table's order): a pandas DataFrame with one
    row per dated statement, columns ``#`` (its number in the table), ``date`` (datetime64: where
    it is plotted, a year-only date at mid-year or a speech's in late September, statements of one
    such rough date a day apart; statements of one day and kind spread around its noon,
    ``SAME_DAY_STEP`` of the chart's x range apart), ``when`` (the date as precise as it is known:
    "2023", "2023-09" or "2023-09-20": what the tooltip shows), ``kind``, ``statement`` (the first
    100 characters) and ``outlet``. Undated statements are left out."""
    import pandas as pd

    rows = [(i, day, c.when[:10], c.kind, c.text if len(c.text) <= 100 else c.text[:99] + "…",
             c.source or "unknown outlet") for i, c in enumerate(claims, 1) if (day := _day(c.when, c.source))]
    frame = pd.DataFrame(rows, columns=["#", "date", "when", "kind", "statement", "outlet"])
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    # statements known only to a year or a month share one point: spread a day apart around it, so that
    # each can be hovered (a speech's twenty statements were one point showing one tooltip)
    rough = frame["when"].str.len() < 10
    rank = frame[rough].groupby("date").cumcount()
    size = frame[rough].groupby("date")["date"].transform("size")
    frame.loc[rough, "date"] = frame.loc[rough, "date"] + pd.to_timedelta(rank - (size - 1) / 2, unit="D")
    # statements of one day and one kind (one row of the chart) were one point too, the last drawn hiding the
    # others: spread around the day's noon, a fixed share of the x range apart (a few pixels at any range,
    # the whole group within SAME_DAY_SPAN of it), so that each shows and hovers; the tooltip's ``when`` is the day
    exact = ~rough & frame["date"].notna()
    if exact.any():
        lo, hi = chart_limits(frame.dropna(subset=["date"])) or (0.0, 0.0)
        group = frame[exact].groupby(["date", "kind"])
        nth, size = group.cumcount(), group["date"].transform("size")
        step = ((hi - lo) * SAME_DAY_SPAN / (size - 1).clip(lower=1)).clip(upper=(hi - lo) * SAME_DAY_STEP)
        offset = (43200 + (nth - (size - 1) / 2) * step).where(size > 1, 0)
        frame.loc[exact, "date"] = frame.loc[exact, "date"] + pd.to_timedelta(offset, unit="s")
    frame["kind"] = frame["kind"].astype(str)
    return frame.dropna(subset=["date"])


#: Shortest x range of the Positions chart: a month either side of one day, so that the axis never
#: ticks at less than a day (day labels would repeat) on a wide screen.
MIN_CHART_PAD = 30 * 86400
#: Statements of one day and kind on the Positions chart: this share of its x range apart (about 8 px on an
#: 800 px wide chart; 14 hours at the shortest range), all of them within ``SAME_DAY_SPAN`` of it.
SAME_DAY_STEP = 0.01
SAME_DAY_SPAN = 0.05
#: Below this x range the axis labels days ("%d %b %Y"); above it months ("%b %Y"). Vega places
#: up to one tick per ~40 px, so under two years they may be weeks apart: month labels would then
#: repeat ("Jan 2026, Jan 2026, Feb 2026").
DAY_LABELS_UNDER = 2 * 365 * 86400


def chart_limits(frame) -> list[float] | None:
    """The x range of a ``positions_chart`` frame in epoch seconds (what ``gr.ScatterPlot``'s
    ``x_lim`` takes for dates), padded so that the first and last points are drawn whole, and at
    least ``2 * MIN_CHART_PAD`` wide."""
    if not len(frame):
        return None
    lo, hi = frame["date"].min().timestamp(), frame["date"].max().timestamp()
    pad = max((hi - lo) * 0.04, MIN_CHART_PAD)
    return [lo - pad, hi + pad]


def chart_axis_format(limits: list[float] | None) -> str:
    """The x axis' date format for ``limits`` (``chart_limits``): days under ``DAY_LABELS_UNDER``,
    else months, so that no two ticks read the same."""
    if limits and limits[1] - limits[0] < DAY_LABELS_UNDER:
        return "%d %b %Y"
    return "%b %Y"


def positions_tab(assistant: "Assistant", tab: gr.Tab | None = None) -> None:
    """Statements by one actor, date-ordered, each opening its passage with the span highlighted.
    ``tab`` (the enclosing gr.Tab), if given, refreshes the actor list when selected."""

    def actor_choices():
        return _actor_choices(assistant)

    claims = gr.State([])  # the Claims of the timeline, in its order
    exports: list[str] = []  # the folder of CSV exports, made on the first export, removed at exit
    with gr.Row():
        # (a name typed by hand is taken as typed, not snapped back to a choice: a state, a surname, any
        # spelling ``Assistant.positions`` resolves, as `attache positions NAME` does)
        actor = gr.Dropdown(choices=actor_choices(), label="Actor", elem_id="actor", scale=2, allow_custom_value=True,
                            info="Pick one, or type a name (a surname, a state)")
        topic = gr.Textbox(label="Topic (word or phrase)", max_lines=1, scale=2, elem_id="topic")
        kind = gr.Dropdown(choices=[("any kind", ""), *STATEMENT_KINDS], value="", label="Kind", scale=1,
                           elem_id="kind")
        go = gr.Button("Show", variant="primary", scale=1, elem_id="positions-button")
    with gr.Row():
        with gr.Column(scale=3):
            chart = gr.ScatterPlot(x="date", y="kind", color="kind", color_map=KIND_COLOURS, colors_in_legend=[],
                                   tooltip=["#", "when", "statement", "outlet"], x_title="statement date", y_title="",
                                   x_axis_format="%b %Y", height=230, visible=False, elem_id="positions-chart",
                                   label="Statements by kind over time (hover a point; # is the row below)",
                                   show_label=True)
            timeline = gr.HTML(actors_html(assistant.actors()), elem_id="timeline")
        with gr.Column(scale=2):
            with gr.Row():
                pick = gr.Dropdown(choices=[], value=None, label="Open a statement (# in the timeline)",
                                   elem_id="statement-picker", scale=3)
                download = gr.DownloadButton("Download CSV", value=None, visible=False, scale=1, size="sm",
                                             elem_id="positions-csv")
            passage = gr.HTML("", elem_id="statement-view")

    def show(a, t, k):
        a = picked_actor(assistant, a)
        if not a:
            raise gr.Error("Choose an actor.", print_exception=False)
        topic_ = (t or "").strip() or None
        try:
            found = assistant.positions(a, topic=topic_, kind=k or None)
            rows = sorted(found, key=lambda c: (c.when, c.start))
            empty = "" if rows else no_positions_html(assistant, a, topic_, k or None)
        except AttacheError as err:
            raise _gr_error(err) from None
        choices = [(f"{i}. {c.when[:10]} {c.kind}: {c.text[:70]}", str(i)) for i, c in enumerate(rows, 1)]
        csv_file = None
        if rows:
            slug = "".join(ch if ch.isalnum() else "-" for ch in a.lower()).strip("-")[:40] or "actor"
            if not exports:
                exports.append(_export_folder())
            csv_file = os.path.join(exports[0], f"positions-{slug}.csv")  # Gradio serves a copy from its cache
            with open(csv_file, "w", encoding="utf-8", newline="") as f:
                f.write(claims_csv(rows))
        points = positions_chart(rows)
        limits = chart_limits(points)
        return (empty or timeline_html(rows), gr.update(choices=choices, value=None), rows,
                gr.update(value=csv_file, visible=bool(rows)), "",
                gr.update(value=points, x_lim=limits, x_axis_format=chart_axis_format(limits),
                          visible=len(points) > 0))

    go.click(show, [actor, topic, kind], [timeline, pick, claims, download, passage, chart], api_name="positions")
    if tab is not None:
        def refresh(rows):
            shown = gr.skip() if rows else actors_html(assistant.actors())
            return gr.update(choices=actor_choices()), shown

        tab.select(refresh, claims, [actor, timeline], api_visibility="private", show_progress="hidden")

    def open_statement(i, rows: list[Claim]):
        if not i or not rows:
            return ""
        c = rows[int(i) - 1]
        return _article(assistant, c.doc_id, c.start, c.end)

    pick.change(open_statement, [pick, claims], passage, api_visibility="private").then(None, js=_SCROLL_TO_CITED)


def _export_folder() -> str:
    """A temporary folder for this process's CSV exports (removed at exit), after removing the ones
    processes that no longer run left behind (a server killed before its exit handlers ran)."""
    root = tempfile.gettempdir()
    for name in os.listdir(root):
        m = re.fullmatch(r"attache-positions-(\d+)-\w+", name)
        if m and not _running(int(m.group(1))):
            shutil.rmtree(os.path.join(root, name), ignore_errors=True)
    folder = tempfile.mkdtemp(prefix=f"attache-positions-{os.getpid()}-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _actor_choices(assistant: "Assistant") -> list[tuple[str, str]]:
    """(``Actor (n statements)``, actor) pairs for the actor pickers, most quoted first."""
    return [(f"{a.actor} ({a.statements})", a.actor) for a in assistant.actors()]


_COUNT_SUFFIX = re.compile(r"\s*\(\d+\)$")  # the " (50)" of a picker's label "Samoa (50)"


def picked_actor(assistant: "Assistant", value: str | None) -> str:
    """The actor name of the Positions picker's value (a choice's actor, or text typed by hand, which
    ``Assistant.positions`` resolves as `attache positions NAME` does): a choice's label typed or pasted
    whole ("Samoa (50)") is its actor, and any other text loses a statement count after it ("Gabor
    Kertesz (6)"), unless it is an actor's own name; "" for none."""
    name = re.sub(r"\s+", " ", value or "").strip()
    if not _COUNT_SUFFIX.search(name):
        return name
    choices = _actor_choices(assistant)
    if name in {v for _, v in choices}:
        return name
    return {label: v for label, v in choices}.get(name) or _COUNT_SUFFIX.sub("", name) or name


def no_positions_html(assistant: "Assistant", actor: str, topic: str | None, kind: str | None) -> str:
    """Why the Positions tab lists nothing for ``actor`` (in place of the table): none of its
    statements are in the index, or none of the kind or topic asked (with how many it has else)."""
    why = f"No statements by {actor}"
    if kind or topic:
        n = len(assistant.positions(actor))
        what = " ".join(x for x in (f"of kind {kind}" if kind else "", f"on “{topic}”" if topic else "") if x)
        if n:
            return (f'<p class="attache-meta">{e(why)} {e(what)}; {e(actor)} has {n} statement{"s" * (n != 1)} '
                    'of other kinds or topics (clear the topic and kind to list them).</p>')
    return (f'<p class="attache-meta">{e(why)} in the index. Pick an actor from the list, or type another '
            'spelling, a surname or a state.</p>')


COMPARE_HINT = ('<p class="attache-meta">Choose two or more actors (and a topic, if you like), then '
                '<b>Compare</b>: their statements appear side by side, one column each, earliest first.</p>')


def compare_tab(assistant: "Assistant", tab: gr.Tab | None = None) -> None:
    """Two or more actors' statements on a topic side by side (``Assistant.compare``), one column
    per actor in date order, each cited and opening its article with the sentence highlighted.
    ``tab`` (the enclosing gr.Tab), if given, refreshes the actor list when selected."""
    cites = gr.State([])  # the Citations of the comparison, numbered as in the columns
    with gr.Row():
        actors = gr.Dropdown(choices=_actor_choices(assistant), value=[], multiselect=True,
                             label="Actors (two or more)", elem_id="compare-actors", scale=3)
        topic = gr.Textbox(label="Topic (optional)", max_lines=1, scale=2, elem_id="compare-topic")
        go = gr.Button("Compare", variant="primary", scale=1, elem_id="compare-button")
    with gr.Row():
        with gr.Column(scale=3):
            columns = gr.HTML(COMPARE_HINT, elem_id="compare-columns")
        with gr.Column(scale=2):
            pick = gr.Dropdown(choices=[], value=None, label="Open a statement ([n] in the columns)",
                               elem_id="compare-picker", visible=False)
            article = gr.HTML("", elem_id="compare-view")

    def run(chosen, t):
        chosen = [a for a in (chosen or []) if a and a.strip()]
        if len(chosen) < 2:
            raise gr.Error("Choose two or more actors.", print_exception=False)
        try:
            comparison, answer = assistant.compare(chosen, topic=(t or "").strip())
        except AttacheError as err:
            raise _gr_error(err) from None
        actor_of = {(c.doc_id, c.sent_start, c.sent_end): (a, c) for a, cs in comparison.columns for c in cs}
        choices = []
        for c in answer.citations:
            who, claim = actor_of.get((c.doc_id, c.start, c.end), (c.speaker, None))
            when = (claim.when if claim else c.published)[:10] or "undated"
            label = f"[{c.n}] {who}, {when}" + (f" {claim.kind}" if claim else "") + f": {c.shown}"
            choices.append((label if len(label) <= 110 else label[:109] + "…", str(c.n)))
        return (compare_html(comparison, answer), gr.update(choices=choices, value=None, visible=bool(choices)),
                list(answer.citations), "")

    go.click(run, [actors, topic], [columns, pick, cites, article], api_name="compare")
    topic.submit(run, [actors, topic], [columns, pick, cites, article], api_visibility="private")

    def open_statement(n, citations: list[Citation]):
        c = next((c for c in citations or [] if str(c.n) == str(n)), None)
        return _article(assistant, c.doc_id, c.start, c.end) if c else ""

    pick.change(open_statement, [pick, cites], article, api_visibility="private").then(None, js=_SCROLL_TO_CITED)
    if tab is not None:
        tab.select(lambda: gr.update(choices=_actor_choices(assistant)), None, actors, api_visibility="private",
                   show_progress="hidden")
