"""Ingestion end to end with the real parts: real Chroma (embedded and `chroma run` server), the
real packaged all-MiniLM-L6-v2, real SQLite catalogs in temporary folders, the real CLI.

Inputs are kept small (the shared Bloomberg article, the 12 packaged samples, a few records) so
the file runs in about a minute on 2 cores; the shared datasets are only loaded, never ingested.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant import cli
from assistant.core import Assistant
from index.chunking import chunk_article, chunk_spans, split_sentences
from index.config import Settings
from index.errors import NotFound
from index.loaders import load_paths
from index.models import Document
from index.store import Store

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
CHROMA = Path(sys.executable).parent / "chroma"
HEADLINE = "Putin, Xi Hail Partnership as Trump's North Korea Summit Looms"
PLAIN_DATE_SAMPLE = "2026-03-14-meridian-herald-veloria-grain-pledge.md"


# ---------------------------------------------------------------------------------- helpers
@pytest.fixture(autouse=True, scope="module")
def _isolated_settings(tmp_path_factory):
    """No user config file or ATTACHE_* variables leak into the runs (claims extraction on)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ATTACHE_CONFIG", str(tmp_path_factory.mktemp("cfg") / "absent.toml"))
        for k in ("ATTACHE_STORE", "ATTACHE_CHROMA_URL", "ATTACHE_COLLECTION", "ATTACHE_EMBED_DTYPE",
                  "ATTACHE_LLM"):
            mp.delenv(k, raising=False)
        yield


def cli_env(tmp_path: Path, claims: bool = False) -> dict:
    """Environment for CLI subprocesses; claims off by default (spaCy's load is not under test there)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ATTACHE_")}
    cfg = tmp_path / "attache-test.toml"
    cfg.write_text(f"extract_claims = {'true' if claims else 'false'}\n", encoding="utf-8")
    env["ATTACHE_CONFIG"] = str(cfg)
    return env


def run_cli(args: list[str], env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([PY, "-m", "assistant.cli", *map(str, args)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def cli_here(capsys, *args) -> tuple[int, str, str]:
    """The CLI in this process (shares the loaded model: a subprocess costs ~6 s of imports)."""
    capsys.readouterr()
    rc = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def attache_lines(stderr: str) -> list[str]:
    return [l for l in stderr.splitlines() if l.startswith("attache:")]


def snapshot(settings: Settings) -> dict:
    """Everything the consistency guarantees talk about, read straight from SQLite and Chroma."""
    store = Store(settings, create=False)
    try:
        db = store.db
        one = lambda sql, *a: db.execute(sql, a).fetchone()[0]  # noqa: E731
        got = store.collection.get(include=["metadatas"])
        return {
            "states": dict(db.execute("SELECT doc_id, state FROM documents").fetchall()),
            "source_ids": [r[0] for r in db.execute("SELECT source_id FROM documents")],
            "chunk_ids": {r[0] for r in db.execute("SELECT chunk_id FROM chunks")},
            "chunks": one("SELECT count(*) FROM chunks"),
            "fts": one("SELECT count(*) FROM chunks_fts"),
            "fts_orphans": one("SELECT count(*) FROM chunks_fts WHERE rowid NOT IN (SELECT rid FROM chunks)"),
            "claims": one("SELECT count(*) FROM claims"),
            "vectors": store.collection.count(),
            "vector_ids": set(got["ids"]),
            "vector_docs": {i: m["doc_id"] for i, m in zip(got["ids"], got["metadatas"])},
        }
    finally:
        store.close()


def assert_consistent(snap: dict, n_docs: int) -> None:
    assert set(snap["states"].values()) == {"ready"}, snap["states"]  # nothing pending or deleting
    assert len(snap["states"]) == n_docs
    assert len(snap["source_ids"]) == len(set(snap["source_ids"])) == n_docs  # each document once
    assert snap["vectors"] == snap["chunks"] == len(snap["chunk_ids"]) == snap["fts"]
    assert snap["vector_ids"] == snap["chunk_ids"]
    assert snap["fts_orphans"] == 0


def fts_hits(settings: Settings, word: str) -> int:
    db = sqlite3.connect(Path(settings.store) / "catalog.sqlite3")
    try:
        return db.execute("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH ?", (f'"{word}"',)).fetchone()[0]
    finally:
        db.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------- loaders
def test_load_plain_text_article(article_path):
    [art] = list(load_paths([article_path]))
    assert isinstance(art, Document)
    assert art.title == HEADLINE
    assert art.source == "Bloomberg"
    assert art.published == "2018-06-08"  # from the file name
    assert art.path == str(article_path)


def test_load_markdown_with_front_matter(samples_dir):
    [art] = list(load_paths([samples_dir / PLAIN_DATE_SAMPLE]))
    assert art.title == "Veloria pledges grain corridor as Ostmark talks resume"
    assert art.source == "The Meridian Herald"
    assert art.published == "2026-03-14"
    assert art.author == "Jane Doe"
    assert art.url == art.source_id == "https://example.org/meridian-herald/veloria-grain-corridor"
    assert "fictional" in art.meta["note"]  # unknown front-matter keys are kept
    assert not art.text.startswith("---") and "title:" not in art.text
    assert "President Anna Koval told reporters in Castrova." in art.text


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ostmark and Veloria agree on grain corridor | The Harbour Post</title>
<meta property="og:title" content="Ostmark and Veloria agree on grain corridor">
<meta property="og:site_name" content="The Harbour Post">
<meta property="og:type" content="article">
<meta property="og:url" content="https://harbourpost.example/world/2026/05/02/grain-corridor">
<meta property="article:published_time" content="2026-05-02T09:30:00+00:00">
<meta name="author" content="Maria Lindqvist">
<link rel="canonical" href="https://harbourpost.example/world/2026/05/02/grain-corridor">
<script>window.dataLayer = window.dataLayer || []; function track(){}</script>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/subscribe">Subscribe today for unlimited access</a></li></ul></nav></header>
<div class="ad-slot" id="ad-top">ADVERTISEMENT Buy the new Harbour Phone now at half price</div>
<main>
<article>
<h1>Ostmark and Veloria agree on grain corridor</h1>
<p class="byline">By Maria Lindqvist, May 2, 2026</p>
<p>PORTMERE (The Harbour Post) — Ostmark and Veloria agreed on Saturday to open a protected grain corridor through the Northern Straits, ending a standoff that had stranded dozens of cargo ships for more than a month.</p>
<p>“The corridor will open on Monday and it will stay open for as long as ships need it,” Veloria's Foreign Minister Tomas Ruiz told reporters after the talks in the Calderran capital.</p>
<div class="ad-slot inline-ad">Advertisement</div>
<p>Ostmark's Foreign Minister Lena Sorvik said her government would lift inspections of grain ships once the first convoy had passed, provided escort vessels remained outside its territorial waters.</p>
<p>Shipping insurers said premiums for vessels crossing the straits could fall by half within weeks if the corridor held, and grain traders in Castrova welcomed the deal as a sign that the wider sanctions talks could resume.</p>
</article>
</main>
<aside class="related"><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens floating restaurant</a></li>
<li><a href="/b">Ten best beaches on the straits</a></li></ul></aside>
<footer><p>© 2026 Harbour Post Media Ltd. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | Contact us at newsdesk@harbourpost.example</p></footer>
</body>
</html>
"""


def test_load_html_page(tmp_path):
    page = tmp_path / "grain-corridor.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    [art] = list(load_paths([page]))
    assert isinstance(art, Document), art
    assert art.title == "Ostmark and Veloria agree on grain corridor"
    assert art.source == "The Harbour Post"
    assert art.published.startswith("2026-05-02")
    assert art.author == "Maria Lindqvist"
    assert art.url == "https://harbourpost.example/world/2026/05/02/grain-corridor"
    for sentence in ("Ostmark and Veloria agreed on Saturday to open a protected grain corridor through the "
                     "Northern Straits, ending a standoff that had stranded dozens of cargo ships for more than a month.",
                     "Veloria's Foreign Minister Tomas Ruiz told reporters after the talks in the Calderran capital.",
                     "provided escort vessels remained outside its territorial waters.",
                     "welcomed the deal as a sign that the wider sanctions talks could resume."):
        assert sentence in art.text
    for furniture in ("Home", "Subscribe", "ADVERTISEMENT", "Advertisement", "Harbour Phone", "Most read",
                      "Celebrity chef", "Privacy policy", "Terms of use", "©", "newsdesk@", "dataLayer"):
        assert furniture not in art.text, furniture


def test_load_json_records(tmp_path):
    body_a = "The council agreed on Monday to extend the ceasefire by 30 days. Both sides welcomed it."
    body_b = "Ministers met in Geneva to discuss the grain deal. No agreement was reached."
    records = [
        {"title": "Ceasefire extended", "text": body_a, "source": "Wire", "authors": ["Ann One", "Bob Two"],
         "published_at": "2023-10-01T14:00:29+00:00", "url": "https://wire.example/a", "category": "politics",
         "word_count": 17, "nested": {"dropped": True}},
        {"headline": "Grain talks", "content": body_b, "publisher": "The Post", "date": "2024-01-02",
         "author": "Cy Three", "id": "b-1", "region": "Europe"},
    ]
    (tmp_path / "arr.json").write_text(json.dumps(records), encoding="utf-8")
    a, b = list(load_paths([tmp_path / "arr.json"]))
    assert (a.title, a.text, a.source, a.author, a.url) == (
        "Ceasefire extended", body_a, "Wire", "Ann One, Bob Two", "https://wire.example/a")
    assert a.published == "2023-10-01T14:00:29+00:00"
    # extra scalar fields kept, and where the date came from
    assert a.meta == {"category": "politics", "word_count": 17, "date_source": "published_at", "date_precision": "day"}
    assert (b.title, b.text, b.source, b.author, b.published) == (
        "Grain talks", body_b, "The Post", "Cy Three", "2024-01-02")  # `content` read as the text
    assert b.source_id == "arr.json#b-1" and b.meta == {"id": "b-1", "region": "Europe", "date_source": "date", "date_precision": "day"}

    lines = [{"title": "One", "body": body_a, "url": "https://x.example/1"}, {"title": "Two", "text": body_b}]
    (tmp_path / "recs.jsonl").write_text("\n".join(json.dumps(r) for r in lines) + "\n\n", encoding="utf-8")
    one, two = list(load_paths([tmp_path / "recs.jsonl"]))
    assert (one.title, one.text, two.title, two.text) == ("One", body_a, "Two", body_b)
    assert one.source_id != two.source_id

    (tmp_path / "single.json").write_text(json.dumps(records[0]), encoding="utf-8")
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": records}), encoding="utf-8")
    assert [x.title for x in load_paths([tmp_path / "single.json"])] == ["Ceasefire extended"]
    assert [x.title for x in load_paths([tmp_path / "wrapped.json"])] == ["Ceasefire extended", "Grain talks"]


def test_load_folders_recurse(tmp_path):
    root = tmp_path / "inbox"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    text = "Officials met on Tuesday. They agreed to meet again."
    (root / "a.txt").write_text(text, encoding="utf-8")
    (root / "sub" / "deeper" / "b.md").write_text("---\ntitle: B\n---\n" + text, encoding="utf-8")
    (root / "sub" / "c.jsonl").write_text(json.dumps({"title": "C", "text": text}) + "\n", encoding="utf-8")
    (root / ".hidden" / "d.txt").write_text(text, encoding="utf-8")  # hidden: skipped
    (root / "e.pdf").write_bytes(b"%PDF-1.4")  # unknown extension in a folder: skipped
    got = list(load_paths([root]))
    assert all(isinstance(x, Document) for x in got), got
    assert sorted(Path(x.path).name for x in got) == ["a.txt", "b.md", "c.jsonl"]


def test_load_shared_datasets_as_they_are(datasets_dir):
    corpus = datasets_dir / "multihop-rag" / "corpus.json"
    speeches = datasets_dir / "un-general-debates" / "ungdc_speeches_2015-2024.jsonl"
    if not (corpus.is_file() and speeches.is_file()):
        pytest.skip("MultiHop-RAG corpus or UN speeches not found")
    arts = list(load_paths([corpus]))
    assert len(arts) == 609 and all(isinstance(a, Document) for a in arts)
    assert len({a.doc_id for a in arts}) == 609  # url is the identity
    first = json.loads(corpus.read_text(encoding="utf-8"))[0]
    a = arts[0]
    assert (a.title, a.source, a.url) == (first["title"], first["source"], first["url"])
    assert a.published.startswith(first["published_at"][:10]) and a.meta["category"] == first["category"]
    assert all(a.text and a.title and a.source and a.published for a in arts)

    arts = list(load_paths([speeches]))
    assert len(arts) == 1938 and all(isinstance(a, Document) for a in arts)
    assert len({a.doc_id for a in arts}) == 1938
    with speeches.open(encoding="utf-8") as f:
        rec = json.loads(f.readline())
    a = arts[0]
    assert a.source_id == f"{speeches.name}#{rec['id']}"
    assert a.published == str(rec["year"])
    assert rec["speaker"] in a.title and rec["country"] in a.title
    assert a.meta["iso3"] == rec["iso3"] and a.meta["year"] == rec["year"] and a.meta["post"] == rec["post"]
    assert a.source == f"UN General Debate, session {rec['session']}"  # never "unknown outlet"


def test_a_speech_record_without_an_outlet_names_where_it_was_given(tmp_path):
    """A record shaped as the UN General Debate corpus (a state's speech at a numbered session)
    with no outlet field is cited as given there; one that names its outlet keeps it."""
    path = tmp_path / "speeches.jsonl"
    rows = [{"id": "NOR_78_2023", "iso3": "NOR", "session": 78, "year": 2023, "country": "Norway",
             "speaker": "Anne Beathe Tvinnereim", "post": "Minister", "text": "Norway will keep its promise."},
            {"id": "KEN_78_2023", "iso3": "KEN", "session": 78, "year": 2023, "country": "Kenya",
             "speaker": "William Ruto", "post": "President", "source": "UN Web TV", "text": "Kenya stands ready."}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    sources = {a.meta["iso3"]: a.source for a in load_paths([path])}
    assert sources == {"NOR": "UN General Debate, session 78", "KEN": "UN Web TV"}


# ---------------------------------------------------------------------------------- cleaning, chunks, search
@pytest.fixture(scope="module")
def bloomberg(tmp_path_factory, article_path, embedder):
    """The shared article ingested (claims on) into a store shared by the read-only tests."""
    settings = Settings(store=str(tmp_path_factory.mktemp("bloomberg") / "store"))
    a = Assistant.open(store=settings.store, create=True)
    report = a.ingest([article_path])
    assert (report.added, report.failed) == (1, [])
    [doc_id] = report.doc_ids
    return settings, doc_id, a


def test_cleaning_of_the_shared_article(bloomberg, article_path, tmp_path):
    settings, doc_id, _ = bloomberg
    r = run_cli(["docs", "show", doc_id, "--store", settings.store, "--json"], cli_env(tmp_path))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    text = doc["text"]
    for furniture in ("ADVERTISEMENT", "To contact", "©", "@bloomberg.net", "Photograph:", "With assistance"):
        assert furniture not in text, furniture
    assert doc["title"] == HEADLINE and doc["source"] == "Bloomberg" and doc["published"] == "2018-06-08"
    assert text.startswith(HEADLINE) and text.count(HEADLINE) == 1  # the repeated headline is dropped
    raw = article_path.read_text(encoding="utf-8")
    body = raw[raw.index("(Bloomberg) --"): raw.index("--With assistance")]
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    assert len(paragraphs) >= 12
    for p in paragraphs:  # every body paragraph survives verbatim
        assert p in text, p


def test_chunk_offsets_are_whole_sentences(bloomberg):
    settings, doc_id, a = bloomberg
    text = a.document(doc_id).text
    chunks = a.store.chunks_of(doc_id)
    assert len(chunks) >= 4
    sents = split_sentences(text)
    starts, ends = {s.start for s in sents}, {s.end for s in sents}
    for c in chunks:
        assert text[c.start:c.end] == c.text
        assert c.start in starts and c.end in ends, (c.start, c.end, c.text[:60])
        single = any(s.start == c.start and s.end == c.end for s in sents)
        assert len(c.text) <= settings.chunk_max or single
    for prev, nxt in zip(chunks, chunks[1:]):
        assert nxt.start < prev.end, "consecutive chunks overlap by a sentence"
        assert nxt.start > prev.start
    # Every sentence is in some chunk.
    assert all(any(c.start <= s.start and s.end <= c.end for c in chunks) for s in sents)


def test_chunking_long_sentence_and_budget():
    long = "The delegates " + "discussed the corridor and the sanctions and the ships, " * 30 + "then left."
    text = "Short opening line here. " + long + " Another short sentence follows. " * 40
    art = Document(source_id="x", text=text)
    chunks = chunk_article(art, max_chars=300, target_chars=200)
    sents = split_sentences(text)
    over = [c for c in chunks if len(c.text) > 300]
    assert over and all(any(s.start == c.start and s.end == c.end for s in sents) for c in over)
    assert all(text[c.start:c.end] == c.text for c in chunks)
    assert chunk_spans("") == [] and chunk_spans("   \n  ") == []


def test_search_results_cite_exact_offsets(bloomberg, capsys):
    settings, doc_id, _ = bloomberg
    rc, out, _ = cli_here(capsys, "docs", "show", doc_id, "--store", settings.store, "--json")
    assert rc == 0
    text = json.loads(out)["text"]
    for q in ("Korean peninsula denuclearization sanctions", "Iran nuclear deal", "trade protection"):
        rc, out, err = cli_here(capsys, "search", q, "--store", settings.store, "--json", "--k", "5")
        assert rc == 0, err
        results = json.loads(out)["results"]
        assert results
        for r in results:
            assert r["doc_id"] == doc_id and r["text"] == text[r["start"]:r["end"]]


# ---------------------------------------------------------------------------------- incremental runs
@pytest.fixture
def samples_copy(tmp_path, samples_dir) -> Path:
    dst = tmp_path / "inputs"
    shutil.copytree(samples_dir, dst, ignore=shutil.ignore_patterns("README"))
    return dst


def _ingest_json(capsys, inputs, settings, *extra) -> dict:
    rc, out, err = cli_here(capsys, "ingest", inputs, "--store", settings.store, "--json", "--quiet", *extra)
    assert rc == 0, err
    return json.loads(out)


def test_reingest_is_idempotent(samples_copy, tmp_store, capsys, embedder):
    first = _ingest_json(capsys, samples_copy, tmp_store)
    n = first["added"]
    assert n == 12 and first["chunks"] > n and first["claims"] > 0
    before = snapshot(tmp_store)
    assert_consistent(before, n)
    rc, out, err = cli_here(capsys, "ingest", samples_copy, "--store", tmp_store.store, "--quiet")
    assert rc == 0, err
    assert out.startswith(f"added 0, updated 0, unchanged {n}, failed 0, chunks 0")
    after = snapshot(tmp_store)
    assert after == before


def test_changed_file_replaces_its_chunks(samples_copy, tmp_store, capsys, embedder):
    _ingest_json(capsys, samples_copy, tmp_store)
    path = samples_copy / PLAIN_DATE_SAMPLE
    [art] = list(load_paths([path]))
    store = Store(tmp_store, create=False)
    old_ids = {c.chunk_id for c in store.chunks_of(art.doc_id)}
    store.close()
    assert old_ids and fts_hits(tmp_store, "businesslike") == 1
    path.write_text(path.read_text(encoding="utf-8").replace("businesslike", "quarrelsome"), encoding="utf-8")

    report = _ingest_json(capsys, samples_copy, tmp_store)
    assert (report["added"], report["updated"], report["unchanged"]) == (0, 1, 11)
    snap = snapshot(tmp_store)
    assert_consistent(snap, 12)
    new_ids = {c for c, d in snap["vector_docs"].items() if d == art.doc_id}
    assert new_ids and not (new_ids & old_ids)
    assert not (old_ids & snap["vector_ids"]) and not (old_ids & snap["chunk_ids"])  # gone from Chroma and catalog
    assert new_ids <= snap["chunk_ids"]
    assert fts_hits(tmp_store, "businesslike") == 0 and fts_hits(tmp_store, "quarrelsome") >= 1
    assert report["chunks"] == len(new_ids)


def test_docs_rm_removes_everything(samples_copy, tmp_store, capsys, embedder):
    _ingest_json(capsys, samples_copy, tmp_store)
    [art] = list(load_paths([samples_copy / PLAIN_DATE_SAMPLE]))
    before = snapshot(tmp_store)
    db = sqlite3.connect(Path(tmp_store.store) / "catalog.sqlite3")
    n_claims = db.execute("SELECT count(*) FROM claims WHERE doc_id=?", (art.doc_id,)).fetchone()[0]
    n_chunks = db.execute("SELECT count(*) FROM chunks WHERE doc_id=?", (art.doc_id,)).fetchone()[0]
    db.close()
    assert n_claims > 0 and n_chunks > 0

    rc, out, err = cli_here(capsys, "docs", "rm", art.doc_id, "--store", tmp_store.store, "--json")
    assert rc == 0, err
    assert json.loads(out)["deleted"] is True
    after = snapshot(tmp_store)
    assert art.doc_id not in after["states"]
    assert_consistent(after, 11)
    assert after["chunks"] == before["chunks"] - n_chunks
    assert after["claims"] == before["claims"] - n_claims
    assert art.doc_id not in set(after["vector_docs"].values())
    assert fts_hits(tmp_store, "businesslike") == 0
    rc, _, err = cli_here(capsys, "docs", "show", art.doc_id, "--store", tmp_store.store)
    assert rc == NotFound.exit_code and "no document" in err


# ---------------------------------------------------------------------------------- interruptions
# A real CLI run whose Chroma write of the second batch stops halfway and waits to be killed:
# by then batch 1 is ready, batch 2 is staged (pending) with some vectors in Chroma, the rest unseen.
INTERRUPTIBLE = r'''
import sys, time
import index.ingest
from index.store import Store

index.ingest.BATCH_CHUNKS = 6  # several batches from a dozen small articles
marker = sys.argv[1]
original = Store.write_vectors
calls = []

def write_vectors(self, doc_ids, chunk_ids, vectors):
    calls.append(len(chunk_ids))
    if len(calls) == 2:
        half = max(1, len(chunk_ids) // 2)
        original(self, doc_ids, chunk_ids[:half], vectors[:half])
        with open(marker, "w") as f:
            f.write("staged")
        time.sleep(600)
    return original(self, doc_ids, chunk_ids, vectors)

Store.write_vectors = write_vectors
from assistant.cli import main
sys.exit(main(sys.argv[2:]))
'''


def default_sigint() -> None:
    """In the child before exec: SIGINT back to its default. A test run started in the background
    from a non-interactive shell inherits SIGINT as ignored, and Python keeps an ignored SIGINT
    ignored, so without this the Ctrl-C the test sends would never arrive."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory, samples_dir):
    """Two interrupted CLI ingests of the samples, run side by side: one SIGKILLed, one Ctrl-C'd."""
    base = tmp_path_factory.mktemp("interrupted")
    script = base / "interruptible.py"
    script.write_text(INTERRUPTIBLE, encoding="utf-8")
    env = cli_env(base)
    env["OMP_NUM_THREADS"] = "1"  # two runs side by side on 2 cores: no thread oversubscription
    runs = {}
    for name in ("kill", "int"):
        marker = base / f"{name}.staged"
        store = base / f"store-{name}"
        proc = subprocess.Popen([PY, str(script), str(marker), "ingest", str(samples_dir), "--store", str(store),
                                 "--quiet"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, preexec_fn=default_sigint)
        runs[name] = {"proc": proc, "marker": marker, "settings": Settings(store=str(store))}
    try:
        deadline = time.monotonic() + 240
        for name, sig in (("kill", signal.SIGKILL), ("int", signal.SIGINT)):
            run = runs[name]
            while not run["marker"].exists():
                if run["proc"].poll() is not None or time.monotonic() > deadline:
                    run["proc"].kill()
                    out, err = run["proc"].communicate()
                    pytest.fail(f"ingest ended before staging (rc {run['proc'].returncode}): {err[-2000:]}")
                time.sleep(0.05)
            run["proc"].send_signal(sig)
        for run in runs.values():
            run["stdout"], run["stderr"] = run["proc"].communicate(timeout=120)
            run["rc"] = run["proc"].returncode
    finally:
        for run in runs.values():  # never leave a sleeping ingest behind, whatever happened above
            if run["proc"].poll() is None:
                run["proc"].kill()
                run["proc"].communicate()
    return runs


def _check_interrupted_then_resume(run, samples_dir, capsys):
    settings = run["settings"]
    snap = snapshot(settings)
    pending = {d for d, s in snap["states"].items() if s == "pending"}
    ready = {d for d, s in snap["states"].items() if s == "ready"}
    assert pending and ready and len(snap["states"]) < 12  # really stopped mid-run
    pending_chunks = {c for c, d in snap["vector_docs"].items() if d in pending}
    assert pending_chunks, "some of the pending batch's vectors reached Chroma before the interruption"

    # Staged-but-unfinished documents are invisible to every reader.
    a = Assistant.open(store=settings.store, create=False)
    assert {d.doc_id for d in a.documents()} == ready
    assert a.stats().documents == len(ready) and a.stats().pending == len(pending)
    store = Store(settings, create=False)
    titles = [r[0] for r in store.db.execute("SELECT title FROM documents WHERE state='pending'")]
    staged_chunks = {r[0] for r in store.db.execute(
        "SELECT c.chunk_id FROM chunks c JOIN documents d ON d.doc_id=c.doc_id WHERE d.state='pending'")}
    assert staged_chunks >= pending_chunks
    for t in titles:
        assert not {p.doc_id for p in a.search(t, k=20)} & pending
        assert not {cid for cid, _ in store.search_lexical(t, 50)} & staged_chunks
    for d in pending:
        with pytest.raises(NotFound):
            a.document(d)
    store.close()

    # Re-run the same ingest: everything completes, once.
    rc, out, err = cli_here(capsys, "ingest", samples_dir, "--store", settings.store, "--json", "--quiet")
    assert rc == 0, err
    report = json.loads(out)
    assert report["resumed"] == len(pending)
    assert report["added"] == 12 - len(ready) - len(pending)
    assert report["unchanged"] == len(ready)  # the resumed ones are counted once, as resumed
    assert report["added"] + report["unchanged"] + report["resumed"] == 12
    final = snapshot(settings)
    assert_consistent(final, 12)
    expected = {a.doc_id for a in load_paths([samples_dir])}
    assert set(final["states"]) == expected


def test_sigkill_mid_ingest_then_rerun(interrupted, samples_dir, capsys, embedder):
    run = interrupted["kill"]
    assert run["rc"] == -signal.SIGKILL
    _check_interrupted_then_resume(run, samples_dir, capsys)


def test_ctrl_c_mid_ingest_then_rerun(interrupted, samples_dir, capsys, embedder):
    run = interrupted["int"]
    assert run["rc"] == 130, run["stderr"][-2000:]
    lines = attache_lines(run["stderr"])
    assert len(lines) == 1 and "interrupted" in lines[0]
    assert "Traceback" not in run["stderr"]
    _check_interrupted_then_resume(run, samples_dir, capsys)


# ---------------------------------------------------------------------------------- Chroma server
def _start_chroma(path: Path, port: int, log: Path) -> subprocess.Popen:
    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log.open("ab"), stderr=subprocess.STDOUT, env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"chroma run exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("chroma server did not answer its heartbeat within 60 s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.skipif(not CHROMA.exists(), reason="chroma executable not in the venv")
def test_chroma_server_mode(tmp_path, samples_dir, capsys, embedder):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    data, log = tmp_path / "chroma-data", tmp_path / "chroma.log"
    settings = Settings(store=str(tmp_path / "catalog"), chroma_url=url)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    names = sorted(p.name for p in samples_dir.glob("*.md"))
    for name in names[:4]:
        shutil.copy(samples_dir / name, inputs)
    server = _start_chroma(data, port, log)
    try:
        report = _ingest_json(capsys, inputs, settings, "--chroma-url", url)
        assert report["added"] == 4 and not report["failed"]
        assert not (Path(settings.store) / "chroma").exists()  # vectors live in the server
        rc, out, err = cli_here(capsys, "search", "grain corridor escort", "--store", settings.store,
                                "--chroma-url", url, "--json", "--k", "3")
        assert rc == 0, err
        assert json.loads(out)["results"]
        rc, out, _ = cli_here(capsys, "stats", "--store", settings.store, "--chroma-url", url, "--json")
        stats = json.loads(out)
        assert stats["mode"] == "server" and stats["chroma_url"] == url
        assert stats["documents"] == 4 and stats["vectors"] == stats["chunks"] > 0
        before = snapshot(settings)
        assert_consistent(before, 4)
    finally:
        _stop(server)

    # Server down: a clear one-line failure naming the server, non-zero exit, nothing lost.
    shutil.copy(samples_dir / names[4], inputs)
    r = run_cli(["ingest", inputs, "--store", settings.store, "--chroma-url", url, "--quiet"], cli_env(tmp_path))
    assert r.returncode != 0
    lines = attache_lines(r.stderr)
    assert len(lines) == 1, r.stderr
    assert f"127.0.0.1:{port}" in lines[0] and "Chroma server" in lines[0]
    assert "Traceback" not in r.stderr

    server = _start_chroma(data, port, log)
    try:
        after = snapshot(settings)
        assert after == before
    finally:
        _stop(server)


# ---------------------------------------------------------------------------------- bad input
def test_bad_inputs_are_reported_and_the_rest_ingested(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    good = "Envoys met in Vienna on Monday. They agreed to resume talks next week."
    (d / "good.txt").write_text("Envoys meet in Vienna\n\n" + good, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("Le ministre a déclaré que la réunion était utile.".encode("latin-1"))
    (d / "broken.json").write_text('[{"title": "A", "text": "Some text here."},\n {"title": "B", ', encoding="utf-8")
    (d / "mixed.jsonl").write_text(
        json.dumps({"title": "L1", "text": "Line one article text. It is fine."}) + "\n"
        + '{"title": "L2", "text": "unterminated\n'
        + json.dumps({"title": "L3", "text": "Line three article text. Also fine."}) + "\n", encoding="utf-8")
    (d / "notext.json").write_text(json.dumps([{"title": "No body here", "tags": ["x"]},
                                               {"title": "Has body", "text": "A body. With two sentences."}]),
                                   encoding="utf-8")
    missing = d / "missing.txt"
    no_articles = tmp_path / "pictures"  # a folder with nothing attache reads
    no_articles.mkdir()
    (no_articles / "map.png").write_bytes(b"\x89PNG")
    links = tmp_path / "links"  # a folder of one article and entries that cannot be read
    links.mkdir()
    (links / "article.md").write_text("Talks in Ravna\n\nThe envoys said talks would resume in Ravna.",
                                      encoding="utf-8")
    (links / "loop1.txt").symlink_to(links / "loop2.txt")
    (links / "loop2.txt").symlink_to(links / "loop1.txt")
    (links / "gone.md").symlink_to(tmp_path / "deleted.md")
    os.mkfifo(links / "pipe.txt")
    (links / "notes.png").symlink_to(tmp_path / "nowhere.png")  # not an article name: passed over
    paths = [d / n for n in ("good.txt", "empty.txt", "binary.txt", "latin1.txt", "broken.json",
                             "mixed.jsonl", "notext.json")] + [missing, no_articles, links, links / "loop1.txt"]
    expected = {  # path (as reported) -> words of its message
        str(d / "empty.txt"): "empty file",
        str(d / "binary.txt"): "binary file",
        str(d / "broken.json"): "malformed JSON",
        f"{d / 'mixed.jsonl'}: line 2": "malformed JSON",
        f"{d / 'notext.json'}: record 1": "no text field",
        str(missing): "no such file",
        str(no_articles): "no article files in this folder",
        str(links / "loop1.txt"): "too many levels of symbolic links",  # in the folder, and named (reported once)
        str(links / "loop2.txt"): "too many levels of symbolic links",
        str(links / "gone.md"): f"broken symbolic link (it points to {tmp_path / 'deleted.md'}",
        str(links / "pipe.txt"): "not a regular file",
    }
    if os.geteuid() != 0:  # root reads anything: permission errors cannot happen there
        locked = d / "locked.txt"
        locked.write_text(good, encoding="utf-8")
        locked.chmod(0)
        paths.append(locked)
        expected[str(locked)] = "permission denied"
    store = tmp_path / "store"
    r = run_cli(["ingest", *paths, "--store", store, "--json", "--quiet"], cli_env(tmp_path))
    assert r.returncode == 1, r.stderr
    report = json.loads(r.stdout)
    assert {"added", "updated", "unchanged", "failed", "chunks"} <= set(report)
    assert all(set(f) == {"path", "error"} for f in report["failed"])
    assert {f["path"]: f["error"] for f in report["failed"]}.keys() == expected.keys()
    for f in report["failed"]:
        assert expected[f["path"]] in f["error"], f
    assert report["added"] == 6 and report["updated"] == 0 and report["chunks"] >= 6  # + links/article.md
    lines = attache_lines(r.stderr)
    # loop1.txt twice (in its folder and named); latin1.txt is read as cp1252, with a warning;
    # the two .png files are skipped (not articles), one line each
    assert len(lines) == len(expected) + 4, r.stderr
    assert sum(line.startswith("attache: skipped: ") and line.endswith("(--format to read others as one format)")
               for line in lines) == 2, r.stderr
    assert f"attache: warning: {d / 'latin1.txt'}: not UTF-8" in r.stderr
    for where, words in expected.items():
        assert any(l.startswith(f"attache: failed: {where}: ") and words in l for l in lines), where
    assert "Traceback" not in r.stderr
    titles = {x.title for x in Assistant.open(store=store, create=False).documents()}
    assert titles == {"Envoys meet in Vienna", "L1", "L3", "Has body", "Talks in Ravna", "latin1"}


def test_missing_store_for_docs_and_search(tmp_path):
    nowhere = tmp_path / "no-such-store"
    env = cli_env(tmp_path)
    for args in (["docs"], ["search", "grain corridor"], ["stats"]):
        r = run_cli([*args, "--store", nowhere], env)
        assert r.returncode != 0
        lines = attache_lines(r.stderr)
        assert len(lines) == 1 and "store not found" in lines[0] and str(nowhere) in lines[0], r.stderr
        assert "Traceback" not in r.stderr
    assert not nowhere.exists()  # reading never creates a store


def test_ingesting_only_missing_paths_creates_no_store(tmp_path):
    """`attache ingest missing.txt --store new`: the missing file is reported (exit 1) and no empty
    store is left behind (a new-user pass found one created)."""
    nowhere = tmp_path / "new-store"
    r = run_cli(["ingest", tmp_path / "missing.txt", "--store", nowhere], cli_env(tmp_path))
    assert r.returncode == 1
    assert "missing.txt: no such file or directory" in r.stderr, r.stderr
    assert not nowhere.exists()


def test_on_a_busy_machine_the_encoder_leaves_the_claims_parse_a_core(tmp_path, samples_dir):
    """Other processes keeping the CPUs busy (two spinning children here) are seen by OtherLoad,
    and ingestion then runs the encoder on one thread fewer beside the claims parse; the
    statements are the same as when the two run one after the other."""
    from index.ingest import BUSY_CORES, Ingestor, OtherLoad

    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        load = OtherLoad()
        deadline = time.monotonic() + 60
        seen = 0.0
        while seen < BUSY_CORES and time.monotonic() < deadline:
            time.sleep(0.5)
            seen = load.others_busy()
        assert seen >= BUSY_CORES
        a = Assistant.open(store=tmp_path / "a", create=True)
        ing = Ingestor(a.store, a.embedder)
        asked: list[int] = []
        real = ing.embedder.sharing_cores

        def spy(n):
            asked.append(n() if callable(n) else n)
            return real(n)

        ing.embedder.sharing_cores = spy  # type: ignore[method-assign]
        try:
            report = ing.ingest([samples_dir])
        finally:
            del ing.embedder.sharing_cores
        assert report.ok and asked and asked[0] == 1, asked
    finally:
        for h in hogs:
            h.kill()
            h.wait()
    b = Assistant.open(store=tmp_path / "b", create=True)
    seq = Ingestor(b.store, b.embedder)
    seq.overlap = False
    assert seq.ingest([samples_dir]).ok
    key = lambda c: (c.doc_id, c.start, c.end, c.actor, c.kind)  # noqa: E731
    assert sorted(map(key, a.store.claims())) == sorted(map(key, b.store.claims()))


def test_an_earlier_version_added_again_keeps_the_newer(tmp_path):
    """Shared case 19: a corrected file replaces the first one (updated 1); adding the first one
    again is "unchanged", says why and how to go back, and the index keeps the correction (it went
    back to the stale figure)."""
    path = tmp_path / "kessa-report.txt"
    a = Assistant.open(store=tmp_path / "store", create=True)
    v1 = ("Title: Velmor to release water from Kessa dam\nSource: Test Wire\nDate: 2025-04-08\n\n"
          "Velmor will release water from the Kessa dam, its energy minister said.\n\n"
          "\u201cWe will release forty million cubic metres before the harvest,\u201d Varga said.\n")
    v2 = v1.replace("forty", "twenty")
    path.write_text(v1, encoding="utf-8")
    first = a.ingest([path])
    assert first.added == 1, first
    path.write_text(v2, encoding="utf-8")
    assert a.ingest([path]).updated == 1
    path.write_text(v1, encoding="utf-8")
    again = a.ingest([path])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 1), again
    assert again.skipped and "newer one is kept" in again.skipped[0]["reason"] and "docs rm" in again.skipped[0]["reason"]
    [doc] = a.documents()
    assert "twenty million" in a.document(doc.doc_id).text and "forty" not in a.document(doc.doc_id).text
    hits = a.search("How much water will be released before the harvest?", k=3)
    assert hits and all("forty" not in h.text for h in hits)


def test_a_text_hard_wrapped_at_a_width_joins_a_line_that_ends_before_a_capital():
    """China's 2024 UN speech record is hard-wrapped at about 100 characters: "Both the Cairo" /
    "Declaration and the Potsdam Proclamation stated ..." was cut into two sentences, and an answer
    quoted one beginning "Declaration and ...". A headline over a capitalised line stays its own unit."""
    body = ("China is ready to engage in dialogue and exchanges with all countries and U.N. human rights bodies on\n"
            "an equal footing, and jointly promote the sound development of the global human rights cause today.\n"
            "\nMr. President,\n\n"
            "Taiwan is an inalienable part of China’s territory. This is the history and the reality. Both the Cairo\n"
            "Declaration and the Potsdam Proclamation stated in explicit terms that all the territories Japan had\n"
            "stolen from the Chinese, such as Taiwan and the Penghu Islands, shall be restored to China, and this\n"
            "constitutes an important part of the post-war international order. China will never allow anyone to\n"
            "separate Taiwan from the motherland, and we will take the most forceful steps to oppose interference.\n")
    quoted = [body[s.start:s.end] for s in split_sentences(body)]
    assert any(q.startswith("Both the Cairo\nDeclaration and the Potsdam") and q.endswith("international order.")
               for q in quoted), quoted
    assert "Mr. President," in quoted, quoted
    news = "Ministers meet in Ravna\nForeign Minister Lena Sorvik pledged aid. She said talks would resume.\n"
    assert [news[s.start:s.end] for s in split_sentences(news)][0] == "Ministers meet in Ravna"
    # a record's paragraph line broken before its sentence's last word (Russia's 2021 speech)
    record = ("Russia, together with its partners and allies, supports strengthening a network of alliances by "
              "developing integrative processes within the Collective Security Treaty Organization and the Shanghai "
              "Cooperation\nOrganization. President Putin proposed a partnership.\n")
    assert [record[s.start:s.end] for s in split_sentences(record)][0].endswith("Shanghai Cooperation\nOrganization.")


def test_a_word_ending_in_a_letter_after_digits_ends_its_sentence():
    """Croatia's 2023 speech: "... went missing during our homeland war in the 1990s. Based on that
    tragic national experience, we continue to give our unwavering support ..." was one sentence (the
    "s" of "1990s" was read as an initial), and the second sentence's statement was lost. Initials,
    dotted acronyms and titles still end nothing."""
    from index.claims import ClaimExtractor

    text = ("The Croatian Government remains committed to determining the fate of 1.806 persons who went missing "
            "during our homeland war in the 1990s. Based on that tragic national experience, we continue to give our "
            "unwavering support to all efforts to provide answers to people still suffering.")
    assert [text[s.start:s.end] for s in split_sentences(text)][0].endswith("in the 1990s.")
    for t, n in (("They bought F-35s. Then they left.", 2), ("It ended at 5pm. He left.", 2),
                 ("He met J. Smith. Then U.S. Sen. Cruz left.", 2), ("Go to the U.S. Then stop.", 1)):
        assert len(split_sentences(t)) == n, t
    ex = ClaimExtractor()
    voice = ex.voice_of({"country": "Croatia", "speaker": "Mr. X", "post": "President"})
    [claims] = ex.extract_many([(text, "hrv", "2023-09-21")], [], [voice])
    assert any(c.actor == "Croatia" and text[c.start:c.end].startswith("to give our unwavering support")
               for c in claims), [(c.actor, text[c.start:c.end]) for c in claims]


def test_a_sentence_broken_by_a_blank_line_is_one_sentence_and_keeps_its_statement():
    """Pasted news breaks a sentence where a picture or an advertisement was ("... said the" / "" /
    "government would ..."): it was two sentences, and the statement was lost. A heading over a
    capitalised paragraph and a list's comma-ended items stay units of their own."""
    from index.claims import ClaimExtractor

    body = ("Ravna talks resume\n\nForeign Minister Lena Sorvik said the\n\ngovernment would pledge 5 million crowns "
            "to the relief fund. She left for Ostmark on Friday.\n\nThe fund covers three uses:\n\n"
            "shelter for families,\n\nclean water, and\n\nschool meals.\n")
    quoted = [body[s.start:s.end] for s in split_sentences(body)]
    assert quoted[:3] == ["Ravna talks resume", "Foreign Minister Lena Sorvik said the\n\ngovernment would pledge 5 "
                          "million crowns to the relief fund.", "She left for Ostmark on Friday."], quoted
    assert quoted[-3:] == ["shelter for families,", "clean water, and", "school meals."], quoted
    said = [c for c in ClaimExtractor().extract(body, "d", "2026-05-02") if "5 million crowns" in c.text]
    assert [c.actor for c in said] == ["Lena Sorvik"], said
    assert body[said[0].start:said[0].end] == said[0].text
