"""The web surface against a real server: gradio_client, REST (httpx), the openai package, auth."""
import os
import subprocess
import sys

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

import json  # noqa: E402
import re  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import httpx  # noqa: E402
import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"
SHARED_ARTICLE = ROOT.parent / "shared" / "articles" / "2018-06-08-bloomberg-putin-xi-partnership.txt"
GRAIN_Q = "What did Veloria pledge about a grain corridor through the Northern Straits?"
XSS_ARTICLE = """---
title: Zanbar minister <img src=x onerror="window.__xss=3"> warns on tariffs
source: Xss Gazette <b>bold</b>
published: 2026-05-02
url: javascript:window.__xss=4
---

Zanbar minister warns on tariffs

ZANBAR CITY, May 2 (Xss Gazette) — The Zanbar trade minister, Ilse Varga, warned on Friday that tariffs on Zanbar's copper exports would be met in kind.

"We will answer every copper tariff with a tariff of our own <script>window.__xss=1</script> and we will not wait <img src=x onerror="window.__xss=2"> for permission," Varga told reporters in Zanbar City.

Trade officials said the copper tariff dispute could reach the Straits Council by the summer.
"""


# ---------------------------------------------------------------------------- fixtures


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn in a background thread of this process (shares the loaded embedder)."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive(), "server did not start"
            time.sleep(0.05)
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def build_store(tmp_dir: Path):
    from assistant.core import Assistant

    xss = tmp_dir / "2026-05-02-xss-gazette-zanbar-tariffs.md"
    xss.write_text(XSS_ARTICLE, encoding="utf-8")
    paths = [SAMPLES, xss] + ([SHARED_ARTICLE] if SHARED_ARTICLE.is_file() else [])
    a = Assistant.open(store=tmp_dir / "store", create=True)
    report = a.ingest(paths)
    assert report.ok, report.failed
    return a


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web"))


def check_cited(answer: dict, text_of) -> None:
    """Every [n] marker has a citation, and every quote is the document text at [start, end)."""
    assert not answer["abstained"], answer["answer"]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer["answer"])}
    assert markers, answer["answer"]
    assert markers <= {c["n"] for c in answer["citations"]}
    for c in answer["citations"]:
        assert c["quote"] and text_of(c["doc_id"])[c["start"]:c["end"]] == c["quote"]


# ---------------------------------------------------------------------------- gradio_client


def test_gradio_client_ask(url, assistant):
    from gradio_client import Client

    client = Client(url + "/", verbose=False)
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/ask", "/search", "/chat"} <= set(endpoints)
    d = client.predict(GRAIN_Q, api_name="/ask")
    assert set(d) == {"question", "answer", "abstained", "citations", "passages", "backend", "notice"}
    check_cited(d, lambda i: assistant.document(i).text)
    filtered = client.predict(question=GRAIN_Q, sources="Global Ledger", api_name="/ask")
    assert {c["source"] for c in filtered["citations"]} == {"Global Ledger"}
    found = client.predict(query="grain corridor escort", k=3, api_name="/search")
    assert 0 < len(found["results"]) <= 3
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", api_name="/ask")


def test_gradio_client_chat_handler(url):
    from gradio_client import Client

    client = Client(url + "/", verbose=False)
    messages, panel, _pick, _box = client.predict(GRAIN_Q, [], [], "", "", api_name="/chat")
    assert [m["role"] for m in messages] == ["user", "assistant"]
    assert "[1]" in str(messages[-1]["content"]) and "<mark>" in panel
    follow = client.predict("And what did Ostmark's foreign minister say?", messages, [], "", "", api_name="/chat")
    assert [m["role"] for m in follow[0]] == ["user", "assistant"] * 2


# ---------------------------------------------------------------------------- REST


def test_rest_ask_matches_answer_to_dict(http, assistant):
    r = http.post("/api/ask", json={"question": GRAIN_Q})
    assert r.status_code == 200, r.text
    d = r.json()
    check_cited(d, lambda i: http.get(f"/api/documents/{i}").json()["text"])
    # exactly Answer.to_dict(), i.e. what `attache ask --json` prints, plus the request's notices
    assert d.pop("notices") == []
    assert d == json.loads(json.dumps(assistant.ask(GRAIN_Q).to_dict()))


def test_rest_ask_filters_and_history(http):
    r = http.post("/api/ask", json={"question": GRAIN_Q, "sources": ["Global Ledger"], "since": "2026-01-01"})
    assert r.status_code == 200, r.text
    cits = r.json()["citations"]
    assert cits and all(c["source"] == "Global Ledger" and c["published"] >= "2026-01-01" for c in cits)
    first = http.post("/api/ask", json={"question": GRAIN_Q}).json()
    r = http.post("/api/ask", json={"question": "And what did Ostmark say about the escort ships?",
                                    "history": [[GRAIN_Q, first["answer"]]]})
    assert r.status_code == 200, r.text
    assert r.json()["answer"]


def test_rest_abstains_when_articles_do_not_say(http):
    q = "What did Brazil decide about lithium mining royalties in 1998?"
    d = http.post("/api/ask", json={"question": q}).json()
    assert d["abstained"] is True and d["answer"] and not d["citations"]


@pytest.mark.parametrize("body, status, words", [
    ({"question": ""}, 400, "empty"),
    ({"question": "   "}, 400, "empty"),
    ({}, 422, "question"),
    ({"question": "x" * 3000}, 400, "too long"),
    ({"question": GRAIN_Q, "since": "March 2026"}, 400, "YYYY-MM-DD"),
    ({"question": GRAIN_Q, "until": "2026-02-30"}, 400, "not a date in the calendar"),
    ({"question": GRAIN_Q, "k": 0}, 422, "k"),
    ({"question": GRAIN_Q, "llm": "nosuchbackend:x"}, 503, ""),
])
def test_rest_errors_are_clear_json(http, body, status, words):
    r = http.post("/api/ask", json=body)
    assert r.status_code in ((status, 400) if status == 503 else (status,)), r.text
    err = r.json()["error"]
    assert isinstance(err, str) and words in err


def test_rest_documents_search_health(http, assistant):
    docs = http.get("/api/documents").json()
    assert len(docs) == len(assistant.documents()) >= 13
    one = http.get(f"/api/documents/{docs[0]['doc_id']}").json()
    assert one["text"] and one["doc_id"] == docs[0]["doc_id"]
    r = http.get("/api/documents/ffffffffffffffff")
    assert r.status_code == 404 and "no document" in r.json()["error"]
    r = http.post("/api/search", json={"query": "phased sanctions deal", "k": 4, "sources": "The Meridian Herald"})
    assert r.status_code == 200
    res = r.json()["results"]
    assert res and all(p["source"] == "The Meridian Herald" for p in res)
    r = http.post("/api/search", json={"query": "phased sanctions deal", "k": 3, "rerank": True})
    assert r.status_code == 200
    reranked = r.json()["results"]
    assert [p["rank"] for p in reranked] == [1, 2, 3] and "phased" in reranked[0]["text"]
    assert http.post("/api/search", json={"query": "x y z", "rerank": "maybe"}).status_code == 422
    h = http.get("/api/health").json()
    assert h["status"] == "ok" and h["documents"] == len(docs)


def test_openapi_schema(http):
    spec = http.get("/openapi.json").json()
    assert {"/api/ask", "/api/search", "/api/documents", "/api/documents/{doc_id}", "/api/health",
            "/v1/chat/completions", "/v1/models"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert "question" in schemas["AskRequest"]["required"]
    assert {"answer", "abstained", "citations"} <= set(schemas["Answer"]["properties"])


# ---------------------------------------------------------------------------- OpenAI-compatible


def _reply_answer(content: str) -> dict:
    """The answer part of a chat reply and its listed sources."""
    answer, _, sources = content.partition("\n\nSources:\n")
    return {"answer": answer, "sources": sources}


def test_openai_chat_completion(url, assistant):
    import openai

    client = openai.OpenAI(base_url=url + "/v1", api_key="unused")
    assert [m.id for m in client.models.list()] == ["attache"]
    r = client.chat.completions.create(model="attache", messages=[
        {"role": "system", "content": "You are helpful."}, {"role": "user", "content": GRAIN_Q}])
    content = r.choices[0].message.content
    citations = r.model_extra["citations"]
    parts = _reply_answer(content)
    check_cited({"answer": parts["answer"], "abstained": False, "citations": citations},
                lambda i: assistant.document(i).text)
    for c in citations:  # "[n] outlet, date, title — “quote”"
        assert f"[{c['n']}] {c['source']}, {c['published'][:10]}, {c['title']} — “{c['quote']}”" in parts["sources"]

    # a follow-up: earlier turns become the history
    r2 = client.chat.completions.create(model="attache", messages=[
        {"role": "user", "content": GRAIN_Q}, {"role": "assistant", "content": content},
        {"role": "user", "content": "What did Ostmark's foreign minister say about it?"}])
    assert r2.choices[0].message.content


def test_openai_chat_completion_stream(url, assistant):
    import openai

    client = openai.OpenAI(base_url=url + "/v1", api_key="unused")
    stream = client.chat.completions.create(model="attache", stream=True,
                                            messages=[{"role": "user", "content": GRAIN_Q}])
    pieces, last, n_chunks = [], None, 0
    for chunk in stream:
        n_chunks += 1
        assert chunk.object == "chat.completion.chunk"
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
        last = chunk
    content = "".join(pieces)
    assert n_chunks > 3 and last.choices[0].finish_reason == "stop"
    citations = last.model_extra["citations"]
    check_cited({"answer": _reply_answer(content)["answer"], "abstained": False, "citations": citations},
                lambda i: assistant.document(i).text)
    assert content == client.chat.completions.create(
        model="attache", messages=[{"role": "user", "content": GRAIN_Q}]).choices[0].message.content


def test_openai_stream_raw_sse_ends_with_done(http):
    body = {"model": "attache", "stream": True, "messages": [{"role": "user", "content": GRAIN_Q}]}
    with http.stream("POST", "/v1/chat/completions", json=body) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        data = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    assert data[-1] == "[DONE]"
    assert all(json.loads(d)["object"] == "chat.completion.chunk" for d in data[:-1])


def test_openai_errors(url, http):
    import openai

    client = openai.OpenAI(base_url=url + "/v1", api_key="unused", max_retries=0)
    with pytest.raises(openai.BadRequestError, match="empty"):
        client.chat.completions.create(model="attache", messages=[{"role": "user", "content": "  "}])
    r = http.post("/v1/chat/completions", json={"model": "attache", "messages": [{"role": "system", "content": "x"}]})
    assert r.status_code == 400 and "user message" in r.json()["error"]["message"]


# ---------------------------------------------------------------------------- rendering


def test_xi_putin_question(http):
    if not SHARED_ARTICLE.is_file():
        pytest.skip("shared article absent")
    d = http.post("/api/ask", json={"question": "What did Xi and Putin pledge about Iran?"}).json()
    check_cited(d, lambda i: http.get(f"/api/documents/{i}").json()["text"])
    assert any(c["source"] == "Bloomberg" for c in d["citations"])


def test_html_escapes_article_text(assistant):
    from assistant.render import article_html, sources_html

    answer = assistant.ask("What did Varga say about copper tariffs?")
    assert answer.citations
    panel = sources_html(answer.citations, assistant.document)
    doc = next(x for x in assistant.documents() if x.source.startswith("Xss"))
    page = article_html(assistant.document(doc.doc_id), 10, 20)
    for out in (panel, page):
        assert "<script" not in out and "<img" not in out and "<b>bold" not in out and "javascript:" not in out
        assert "&lt;" in out and "<mark" in out
    assert '<mark id="cited">' in page


# ---------------------------------------------------------------------------- serve / auth


def test_serve_warns_on_public_bind_without_auth(assistant, monkeypatch, capsys):
    from assistant import serve

    calls = []
    # nothing is bound or served: the warning is printed before either
    monkeypatch.setattr(serve, "bind", lambda host, port: socket.socket())
    monkeypatch.setattr(serve, "run_app", lambda app, sock, host, port, log_level: calls.append({"host": host}))
    monkeypatch.delenv("ATTACHE_AUTH", raising=False)
    serve.serve(assistant, host="0.0.0.0", port=9)
    assert "WARNING" in capsys.readouterr().err and calls[-1]["host"] == "0.0.0.0"
    serve.serve(assistant, host="0.0.0.0", port=9, auth="u:p")
    assert "WARNING" not in capsys.readouterr().err
    for host in ("127.0.0.1", "localhost", "::1"):
        assert serve.exposure_warning(host, None) is None
    assert serve.exposure_warning("192.168.1.5", None)
    with pytest.raises(Exception, match="USER:PASS"):
        serve.parse_auth("nocolon")
    # ATTACHE_AUTH is read through the one settings object
    from dataclasses import replace

    from index.config import load_settings

    monkeypatch.setenv("ATTACHE_AUTH", "env:pw")
    monkeypatch.setenv("ATTACHE_API_TOKEN", "tok")
    assert (load_settings().auth, load_settings().api_token) == ("env:pw", "tok")
    monkeypatch.setattr(assistant, "settings", replace(assistant.settings, auth="env:pw"))
    serve.serve(assistant, host="0.0.0.0", port=9)
    assert "WARNING" not in capsys.readouterr().err


def test_one_chat_history_parser():
    from assistant.chat import history_pairs, question_and_history
    from assistant.render import md_escape, md_unescape

    gradio = [{"role": "user", "content": md_escape("What did *Koval* say?")},
              {"role": "assistant", "content": [{"type": "text", "text": md_escape("Koval said_x [1].")}]},
              {"role": "user", "content": "unanswered"}]
    assert history_pairs(gradio, unescape=md_unescape) == [("What did *Koval* say?", "Koval said_x [1].")]
    openai = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "Q1"},
              {"role": "assistant", "content": "A1 [1].\n\nSources:\n[1] X, 2026-01-01, T — “q”"},
              {"role": "user", "content": [{"type": "text", "text": "Q2"}, {"type": "image_url"}]}]
    assert question_and_history(openai) == ("Q2", [("Q1", "A1 [1].")])


def test_filters_use_the_one_grammar(http):
    r = http.post("/api/ask", json={"question": GRAIN_Q, "source": "Global Ledger"})
    assert r.status_code == 422 and "source" in r.json()["error"]
    r = http.post("/api/search", json={"query": "grain", "until": "May 2026"})
    assert r.status_code == 400 and "until" in r.json()["error"]
    docs = http.get("/api/documents", params={"sources": "Global Ledger"}).json()
    assert docs and {d["source"] for d in docs} == {"Global Ledger"} and "text" not in docs[0]


def test_auth_protects_ui_and_apis(assistant):
    import openai
    from gradio_client import Client

    from assistant.api import build_app

    with ServerThread(build_app(assistant, auth=("alice", "s3cret"), api_token="tok-123")) as u:
        assert httpx.get(u + "/api/documents").status_code == 401
        assert httpx.post(u + "/api/ask", json={"question": GRAIN_Q}).status_code == 401
        assert httpx.get(u + "/api/documents", auth=("alice", "wrong")).status_code == 401
        assert httpx.get(u + "/api/documents", auth=("alice", "s3cret")).status_code == 200
        ok = httpx.get(u + "/v1/models", headers={"Authorization": "Bearer tok-123"})
        assert ok.status_code == 200
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=u + "/v1", api_key="wrong", max_retries=0).models.list()
        assert openai.OpenAI(base_url=u + "/v1", api_key="tok-123").models.list().data[0].id == "attache"
        # the Gradio UI and its API need the login too
        assert httpx.get(u + "/config").status_code in (401, 403)
        with pytest.raises(Exception):
            Client(u + "/", verbose=False).predict(GRAIN_Q, api_name="/ask")
        d = Client(u + "/", auth=("alice", "s3cret"), verbose=False).predict(GRAIN_Q, api_name="/ask")
        assert d["citations"]


def test_rest_compare(http, assistant):
    r = http.get("/api/compare", params=[("actor", "Sorvik"), ("actor", "Koval"), ("topic", "sanctions")])
    assert r.status_code == 200, r.text
    ans = r.json()
    assert not ans["abstained"] and ans["citations"]
    assert ans["answer"].startswith("Lena Sorvik:")
    for c in ans["citations"]:
        assert assistant.document(c["doc_id"]).text[c["start"]:c["end"]] == c["quote"]
    one = http.get("/api/compare", params={"actor": "Sorvik"})
    assert one.status_code == 400 and "at least two" in one.json()["error"]


def test_export_folders_of_processes_gone_are_removed(tmp_path, monkeypatch):
    """A server killed before its exit handlers ran left its CSV export folder behind (hundreds had
    piled up in /tmp): the next export folder made removes the ones whose process no longer runs."""
    import tempfile

    from assistant.ui import _export_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"attache-positions-{dead.pid}-abc"
    stale.mkdir()
    (stale / "positions-x.csv").write_text("a,b\n", encoding="utf-8")
    alive = tmp_path / f"attache-positions-{os.getpid()}-keep"
    alive.mkdir()
    made = _export_folder()
    assert not stale.exists() and alive.exists() and os.path.isdir(made)
    assert os.path.basename(made).startswith(f"attache-positions-{os.getpid()}-")


def test_positions_export_folder_is_made_on_first_export_only(url, assistant):
    """Building the UI makes no temporary folder (each start used to leave one behind); the first
    CSV export of the Positions tab makes one, holding the CSV."""
    import glob
    import tempfile

    from gradio_client import Client

    from assistant.ui import build_ui

    pattern = os.path.join(tempfile.gettempdir(), "attache-positions-*")
    before = set(glob.glob(pattern))
    build_ui(assistant)
    assert set(glob.glob(pattern)) == before
    actor = assistant.actors()[0].actor
    Client(url + "/", verbose=False).predict(actor, "", "", api_name="/positions")
    made = set(glob.glob(pattern)) - before  # the only /positions call of this module: the first export
    assert len(made) == 1, made
    assert [f for f in os.listdir(made.pop()) if f.startswith("positions-") and f.endswith(".csv")]


def test_chat_examples_come_from_the_store_when_the_samples_are_not_in_it(tmp_path):
    """A store of other articles gets example questions about its own most quoted actors (the
    samples' questions would find nothing there); an empty store gets none."""
    from assistant.core import Assistant
    from assistant.ui import EXAMPLE_QUESTIONS, example_questions

    article = tmp_path / "2026-05-02-xss-gazette-zanbar-tariffs.md"
    article.write_text(XSS_ARTICLE, encoding="utf-8")
    empty = Assistant.open(store=tmp_path / "empty", create=True)
    a = Assistant.open(store=tmp_path / "store", create=True)
    assert a.ingest([article]).ok
    top = a.actors()[0].actor
    assert example_questions(empty) == []

    def dataset(config: dict) -> dict:
        [found] = [c["props"] for c in config["components"] if c["props"].get("elem_id") == "example-questions"]
        return found

    for store, expected in ((a, True), (empty, False)):
        from assistant.api import build_app

        with ServerThread(build_app(store)) as u, httpx.Client(base_url=u, timeout=120) as http:
            props = dataset(http.get("/config").json())
        questions = [row[0] for row in props["samples"] if row and row[0]]
        assert not set(questions) & set(EXAMPLE_QUESTIONS), questions
        if expected:
            assert props["visible"] is not False and questions and top in questions[0], questions
        else:
            assert props["visible"] is False and questions == [], props


def test_an_example_question_reads_a_name_as_english_writes_it():
    """From a new-user pass: the first example question read "What is United States's position?"."""
    from assistant.ui import _kind_question

    assert _kind_question("position", "United States") == "What is the United States’ position?"
    assert _kind_question("pledge", "Netherlands") == "What did the Netherlands pledge?"
    assert _kind_question("position", "Xi Jinping") == "What is Xi Jinping’s position?"
