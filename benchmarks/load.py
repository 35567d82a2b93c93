"""Concurrent questions while another process ingests into the same store.

    python benchmarks/load.py [--threads 16] [--seconds 60] [--articles 40] [--work DIR]
                              [--out benchmarks/results/load.json]

1. A fresh store (``--work``/store, default a temporary folder) gets the bundled sample articles.
2. ``attache serve`` starts on a free loopback port (a real server process, warmed up).
3. ``attache ingest`` starts in another process, into the same store: ``--articles`` MultiHop-RAG
   articles (../shared/datasets/multihop-rag/corpus.json), or renamed copies of the samples when
   the dataset is absent.
4. ``--threads`` client threads ask for ``--seconds`` (and at least until the ingest ends),
   alternating ``POST /api/ask`` and ``POST /v1/chat/completions`` (streamed every third time),
   over ``QUESTIONS``. Every reply is checked (``check_reply``): HTTP 200, every quote the exact
   text of its document at its offsets, and the grain-corridor question citing the sample
   article that reports the pledge.

Prints and writes (``--out``) requests, failures (with the first few), requests/s, latency
p50/p95/p99/max in ms overall and per endpoint, the ingest's wall time and exit code, and the
documents the server saw before and after. The test (tests/test_load.py) runs the same
``hammer``/``check_reply`` against an in-process server, asserts correctness, not speed.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "index" / "samples"
CORPUS = ROOT.parent / "shared" / "datasets" / "multihop-rag" / "corpus.json"
GRAIN_Q = "What did Veloria pledge about a grain corridor through the Northern Straits?"
GRAIN_SOURCE = "2026-03-14-meridian-herald-veloria-grain-pledge.md"  # the sample that reports the pledge
QUESTIONS = [
    GRAIN_Q,
    "How has Ostmark's stance on sanctions relief talks with Veloria changed?",
    "What did Koval and Brandt pledge?",
    "What did Calderra propose about the naval drills?",
]


@dataclass
class Record:
    """One request: endpoint, question, wall time (s), HTTP status, and the problem found ("" = none)."""

    endpoint: str
    question: str
    seconds: float
    status: int
    problem: str = ""


@dataclass
class Load:
    """What ``hammer`` measured."""

    records: list[Record] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failures(self) -> list[Record]:
        return [r for r in self.records if r.problem]

    def summary(self) -> dict:
        """Counts, requests/s and latency percentiles (ms), overall and per endpoint."""
        def stats(rs: list[Record]) -> dict:
            ms = sorted(r.seconds * 1000 for r in rs)
            if not ms:
                return {"requests": 0}
            pick = lambda q: round(ms[min(len(ms) - 1, int(q * len(ms)))], 1)  # noqa: E731
            return {"requests": len(ms), "p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99),
                    "max_ms": round(ms[-1], 1), "mean_ms": round(sum(ms) / len(ms), 1)}

        by = sorted({r.endpoint for r in self.records})
        return {**stats(self.records), "failures": len(self.failures),
                "first_failures": [f"{r.endpoint} {r.question[:40]!r}: {r.problem}" for r in self.failures[:5]],
                "seconds": round(self.seconds, 1),
                "requests_per_s": round(len(self.records) / self.seconds, 2) if self.seconds else 0,
                "endpoints": {e: stats([r for r in self.records if r.endpoint == e]) for e in by}}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def reply_of(client: httpx.Client, endpoint: str, question: str) -> tuple[int, dict | None, str]:
    """Ask ``question`` through ``endpoint`` ("ask", "chat" or "chat-stream"): (status, the answer
    as {"answer", "abstained", "citations"}, problem). Raises nothing: transport errors are problems."""
    try:
        if endpoint == "ask":
            r = client.post("/api/ask", json={"question": question})
            if r.status_code != 200:
                return r.status_code, None, f"HTTP {r.status_code}: {r.text[:200]}"
            return 200, r.json(), ""
        body = {"model": "attache", "messages": [{"role": "user", "content": question}],
                "stream": endpoint == "chat-stream"}
        if endpoint == "chat":
            r = client.post("/v1/chat/completions", json=body)
            if r.status_code != 200:
                return r.status_code, None, f"HTTP {r.status_code}: {r.text[:200]}"
            d = r.json()
            content = d["choices"][0]["message"]["content"]
            return 200, {"answer": content.partition("\n\nSources:\n")[0], "abstained": d["abstained"],
                         "citations": d["citations"]}, ""
        pieces, last = [], None
        with client.stream("POST", "/v1/chat/completions", json=body) as r:
            if r.status_code != 200:
                return r.status_code, None, f"HTTP {r.status_code}: {r.read()[:200]!r}"
            for line in r.iter_lines():
                if not line.startswith("data: ") or line == "data: [DONE]":
                    continue
                chunk = json.loads(line[6:])
                if "error" in chunk:
                    return 200, None, f"stream error: {chunk['error']}"
                pieces.append(chunk["choices"][0]["delta"].get("content") or "")
                last = chunk
        if not last or last["choices"][0].get("finish_reason") != "stop":
            return 200, None, "stream ended without finish_reason stop"
        return 200, {"answer": "".join(pieces).partition("\n\nSources:\n")[0], "abstained": last["abstained"],
                     "citations": last["citations"]}, ""
    except (httpx.HTTPError, ValueError, KeyError) as err:
        return 0, None, f"{type(err).__name__}: {err}"


def check_reply(question: str, answer: dict, text_of: Callable[[str], str], grain_doc: str) -> str:
    """"" when the reply is right, else what is wrong: an answer (not an abstention) whose [n]
    markers all have citations, every quote equal to its document's text at [start, end), and
    the grain-corridor question citing ``grain_doc``."""
    if answer["abstained"] or not answer["citations"]:
        return f"abstained: {answer['answer'][:120]!r}"
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer["answer"])}
    if not markers or not markers <= {c["n"] for c in answer["citations"]}:
        return f"markers {sorted(markers)} without citations"
    for c in answer["citations"]:
        if text_of(c["doc_id"])[c["start"]:c["end"]] != c["quote"]:
            return f"quote [{c['n']}] is not the text of {c['doc_id']} at {c['start']}:{c['end']}"
    if question == GRAIN_Q and grain_doc not in {c["doc_id"] for c in answer["citations"]}:
        return f"grain question cites {sorted({c['source'] for c in answer['citations']})}, not the pledge article"
    return ""


def hammer(url: str, text_of: Callable[[str], str], grain_doc: str, threads: int = 16, seconds: float = 30.0,
           until: Callable[[], bool] | None = None, max_seconds: float = 600.0, headers: dict | None = None,
           questions: list[str] | None = None) -> Load:
    """``threads`` clients asking ``questions`` (default ``QUESTIONS``) in turn through /api/ask,
    /v1/chat/completions and its stream, for ``seconds`` and then until ``until()`` is true
    (never past ``max_seconds``); each reply checked with ``check_reply``."""
    questions = questions or QUESTIONS
    load, lock = Load(), threading.Lock()
    start = time.monotonic()

    def done() -> bool:
        spent = time.monotonic() - start
        return spent >= max_seconds or (spent >= seconds and (until is None or until()))

    def client_loop(i: int) -> None:
        rng = random.Random(i)
        endpoints = ["ask", "chat", "chat-stream"]
        with httpx.Client(base_url=url, timeout=300, headers=headers) as client:
            n = i
            while not done():
                endpoint, question = endpoints[n % 3], questions[rng.randrange(len(questions))]
                n += 1
                t0 = time.monotonic()
                status, answer, problem = reply_of(client, endpoint, question)
                took = time.monotonic() - t0
                if not problem and answer is not None:
                    try:
                        problem = check_reply(question, answer, text_of, grain_doc)
                    except Exception as err:  # noqa: BLE001 - a check that cannot run is a failure
                        problem = f"check failed: {type(err).__name__}: {err}"
                with lock:
                    load.records.append(Record(endpoint, question, took, status, problem))

    workers = [threading.Thread(target=client_loop, args=(i,), daemon=True) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    load.seconds = time.monotonic() - start
    return load


def ingest_input(folder: Path, articles: int) -> Path:
    """A JSON file of ``articles`` MultiHop-RAG articles (or renamed, re-addressed copies of the
    samples when the dataset is absent) for the concurrent ``attache ingest``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "concurrent-articles.json"
    if CORPUS.is_file():
        records = json.loads(CORPUS.read_text(encoding="utf-8"))[:articles]
    else:
        from index.cleaning import split_front_matter

        records = []
        samples = sorted(SAMPLES.glob("*.md"))
        for i in range(articles):
            front, body = split_front_matter(samples[i % len(samples)].read_text(encoding="utf-8"))
            records.append({"title": f"{front.get('title', 'Sample')} (copy {i})", "source": front.get("source"),
                            "published": front.get("published"), "url": f"https://example.org/load-copy/{i}",
                            "body": f"{body}\n\nThis copy, number {i}, was made for a load test."})
    out.write_text(json.dumps(records), encoding="utf-8")
    return out


def start_ingest(store: Path, path: Path, log: Path) -> subprocess.Popen:
    """``attache ingest PATH --store STORE --json`` in a new process (stdout and stderr to ``log``)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with open(log, "wb") as f:
        return subprocess.Popen([sys.executable, "-m", "assistant.cli", "ingest", str(path), "--store", str(store),
                                 "--json", "--quiet"], stdout=f, stderr=subprocess.STDOUT, cwd=ROOT, env=env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=60.0, help="ask at least this long (s)")
    ap.add_argument("--articles", type=int, default=40, help="articles the concurrent ingest adds")
    ap.add_argument("--work", type=Path, default=None, help="folder for the store (default: a temporary one)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "load.json")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="attache-load-"))
    store = work / "store"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
    cli = [sys.executable, "-m", "assistant.cli"]
    print(f"load: store {store}: ingesting the samples", file=sys.stderr)
    subprocess.run([*cli, "ingest", str(SAMPLES), "--store", str(store), "--quiet"], check=True, cwd=ROOT, env=env,
                   stdout=subprocess.DEVNULL)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*cli, "serve", "--store", str(store), "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=open(work / "serve.log", "wb"))
    ingest = None
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(url + "/api/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"attache serve did not start (see {work / 'serve.log'})")
            time.sleep(0.5)
        docs = httpx.get(url + "/api/documents", timeout=60).json()
        grain_doc = next(d["doc_id"] for d in docs if d["path"].endswith(GRAIN_SOURCE))
        texts: dict[str, str] = {}

        def text_of(doc_id: str) -> str:
            if doc_id not in texts:
                texts[doc_id] = httpx.get(f"{url}/api/documents/{doc_id}", timeout=60).json()["text"]
            return texts[doc_id]

        before = httpx.get(url + "/api/health", timeout=60).json()["documents"]
        path = ingest_input(work, args.articles)
        print(f"load: {args.threads} threads for >= {args.seconds:.0f} s while `attache ingest` adds "
              f"{args.articles} articles ({path.name})", file=sys.stderr)
        t0 = time.monotonic()
        ingest = start_ingest(store, path, work / "ingest.log")
        ended: list[float] = []

        def ingest_done() -> bool:
            if ingest.poll() is not None and not ended:
                ended.append(time.monotonic() - t0)
            return bool(ended)

        load = hammer(url, text_of, grain_doc, threads=args.threads, seconds=args.seconds, until=ingest_done)
        after = httpx.get(url + "/api/health", timeout=60).json()["documents"]
        result = {"threads": args.threads, "articles_ingested_concurrently": args.articles,
                  "ingest_exit_code": ingest.returncode, "ingest_seconds": round(ended[0], 1) if ended else None,
                  "documents_before": before, "documents_after": after, **load.summary(),
                  "command": "python benchmarks/load.py " + " ".join(sys.argv[1:]), "cpus": os.cpu_count()}
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
            ingest.wait()
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"load: wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
