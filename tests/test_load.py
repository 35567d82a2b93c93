"""Many clients at once while another process ingests into the same store (issue 17).

The same ``hammer``/``check_reply`` as ``benchmarks/load.py`` (which measures and writes
benchmarks/results/load.json), against an in-process server: this test asserts correctness,
not speed. Prints the latency figures it saw.
"""
import json
import sys
import time
from pathlib import Path

import httpx
import pytest
from test_web import ServerThread

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import GRAIN_Q, GRAIN_SOURCE, QUESTIONS, hammer, ingest_input, start_ingest  # noqa: E402

THREADS = 16
ARTICLES = 6  # what the concurrent `attache ingest` adds (MultiHop-RAG articles, else sample copies)


@pytest.fixture(scope="module")
def served(samples_store):
    from assistant.api import build_app

    a, path = samples_store
    with ServerThread(build_app(a)) as u:
        yield a, path, u


def test_clients_ask_while_another_process_ingests(served, tmp_path):
    """16 threads through /api/ask, /v1/chat/completions and its stream, for at least 20 s and
    until a concurrent `attache ingest` process (same store) has finished: no request fails,
    every reply is cited verbatim, the grain-corridor question keeps citing its article, and
    the server then finds the newly ingested articles."""
    a, store, u = served
    grain_doc = next(d.doc_id for d in a.documents() if d.path.endswith(GRAIN_SOURCE))
    before = httpx.get(u + "/api/health", timeout=60).json()["documents"]
    articles = ingest_input(tmp_path, ARTICLES)
    ingest = start_ingest(store, articles, tmp_path / "ingest.log")
    try:
        load = hammer(u, lambda doc_id: a.document(doc_id).text, grain_doc, threads=THREADS, seconds=20,
                      until=lambda: ingest.poll() is not None, max_seconds=600)
    finally:
        if ingest.poll() is None:
            ingest.kill()
        ingest.wait(timeout=60)
    summary = load.summary()
    print(json.dumps(summary, indent=1), file=sys.stderr)
    log = (tmp_path / "ingest.log").read_text(encoding="utf-8", errors="replace")
    assert ingest.returncode == 0, log[-3000:]
    assert json.loads(log[log.index("{"):])["added"] == ARTICLES, log[-3000:]
    assert not load.failures, summary["first_failures"]
    assert summary["requests"] >= 3 * THREADS and summary["seconds"] >= 20
    assert {e for e, s in summary["endpoints"].items() if s["requests"] >= THREADS} == {"ask", "chat", "chat-stream"}
    assert {r.question for r in load.records} == set(QUESTIONS)
    assert sum(r.question == GRAIN_Q for r in load.records) >= THREADS
    # the running server sees what the other process wrote: the catalog and the vectors
    assert httpx.get(u + "/api/health", timeout=60).json()["documents"] == before + ARTICLES
    first = json.loads(articles.read_text(encoding="utf-8"))[0]
    deadline = time.monotonic() + 60
    while True:
        found = httpx.post(u + "/api/search", json={"query": first["title"][:300], "k": 5}, timeout=60).json()
        if first["title"] in [p["title"] for p in found["results"]] or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert first["title"] in [p["title"] for p in found["results"]], [p["title"] for p in found["results"]]
