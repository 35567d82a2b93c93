"""Latency, memory and ingestion speed against index size (about 1k, 10k and 100k chunks).

    python benchmarks/scale.py [--sizes 1000,10000,100000] [--questions 30] [--out benchmarks/results]
                               [--work DIR] [--skip speed,cold,serve,probe,server,profile]

Stores (kept in ``--work``, default /tmp/attache-scale, and reused by later runs):

- ``base/``: one real ``Assistant.ingest`` (claims on) of the MultiHop-RAG corpus (609 articles) and the
  UN General Debate speeches (1,938): about 47k chunks, every distinct text encoded once.
- ``store-<size>/``: whole documents in a fixed order until the store holds at least ``size`` chunks:
  first the MultiHop-RAG articles the seeded question order cites as evidence (so the questions asked
  find their evidence in the small stores too), then the other MultiHop-RAG articles, the UN speeches,
  then copies. Documents are copied from ``base/`` through the store's own API (``stage``,
  ``write_vectors``, ``mark_ready``, ``link_near_duplicates``) with their chunks, claims, sentence
  vectors and chunk vectors. A copy has a new id, " (copy N)" in its title and a slightly changed text
  (one letter changed in 1 in 40 lower-case words of 4+ letters, length-preserving, so offsets, chunks,
  claims and sentence boundaries carry over); it reuses the original's vectors (not re-encoded). The
  copies are not exact duplicates; near-duplicate detection (``index/neardup.py``) links each to its
  original (they are indexed, not dropped), as it would for a lightly edited update.

Measured at each size (each phase in a child process, so models and memory do not leak between them):

- warm ``search`` (hybrid), ``search(rerank=True)`` and offline ``ask``: p50/p95/mean ms over
  ``--questions`` seeded MultiHop-RAG dev questions after ``--warmup`` untimed ones, in the embedded
  store and (``--server-sizes``) with the vectors in a ``chroma run`` server;
- cold one-question processes ``attache ask`` / ``attache search`` (wall time, ``--cold-runs`` runs, median;
  one untimed run first, so disk caches are warm: this is a cold *process*, not a cold disk);
- ``attache serve``: peak RSS (process tree, sampled every 50 ms) from start to after a few ``/api/ask``;
- ``attache ingest`` of 20 new (changed-text) articles into a copy of the store: wall time and peak RSS.

Once: ingestion speed, a real ``Assistant.ingest`` with claims of a ``--ingest-chunks`` subset against raw
``SentenceTransformer.encode`` in fp32 on the same chunk texts, in the same process (ratio by wall and by
CPU time). At the largest size: where the time goes (timing of parts and cProfile) for search, re-ranked
search and ask. Writes ``scale-<size>.json`` after each size, then ``scale.json`` and ``scale.png``.
Progress on stderr.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import platform
import pstats
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import MH, UN, RSSSampler, StageTimer, chunk_texts, instrumented, machine_load  # noqa: E402

from assistant.evaluation import evidence_ranks, percentile, recall_at_k  # noqa: E402

QUESTIONS = MH.parent / "queries-dev.json"
RESULTS = ROOT / "benchmarks" / "results"
SAMPLES = ROOT / "index" / "samples"
BIN = Path(sys.executable).parent
ATTACHE = BIN / "attache"
CHROMA = BIN / "chroma"
SEED = 16
COPY_EVERY = 40  # one lower-case word in COPY_EVERY gets a changed letter in a copy
PROBE_ROUND = 97  # the "copy round" of the probe articles ingested into each store
TARGETS = {"cold_ask_s": 2.0, "cold_search_s": 2.0, "search_p50_ms_at_100k": 50.0,
           "rerank_p50_ms_at_100k": 150.0, "ask_p50_ms_at_100k": 150.0, "serve_rss_mb": 1536.0,
           "ingest_ratio_claims_vs_raw_fp32": 2.0}


def log(msg: str) -> None:
    print(f"[scale {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def child_env() -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}
    for k in ("ATTACHE_STORE", "ATTACHE_CHROMA_URL", "ATTACHE_LLM", "ATTACHE_AUTH", "ATTACHE_API_TOKEN"):
        env.pop(k, None)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
            "mean_ms": round(statistics.fmean(ms), 1), "max_ms": round(max(ms), 1)}


# ---------------------------------------------------------------------------------- questions, order
def load_questions() -> list[dict]:
    """All dev questions in a seeded (SEED) order; the first ``warmup + n`` are used at every size."""
    qs = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    order = list(range(len(qs)))
    random.Random(SEED).shuffle(order)
    return [qs[i] for i in order]


def mutate(text: str, r: int, every: int = COPY_EVERY) -> str:
    """``text`` with one letter changed (to another lower-case letter) in one of every ``every``
    lower-case words of 4+ letters; length-preserving, so every offset into it still holds."""
    chars = list(text)
    for i, m in enumerate(re.finditer(r"\b[a-z]{4,}\b", text)):
        if (i + 13 * r) % every == 0:
            p = m.start() + 1
            chars[p] = chr((ord(chars[p]) - 97 + 1 + r % 25) % 26 + 97)
    return "".join(chars)


# ---------------------------------------------------------------------------------- phase: base
def phase_base(work: Path, base_limit: int) -> dict:
    """A real ingest (claims on) of both corpora into ``work/base``; incremental on reruns."""
    from assistant import Assistant

    inputs = [MH, UN]
    if base_limit:  # smoke tests: the first records of each corpus only
        d = work / "base-input"
        d.mkdir(parents=True, exist_ok=True)
        recs = json.loads(MH.read_text(encoding="utf-8"))[:base_limit]
        (d / MH.name).write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
        with UN.open(encoding="utf-8") as f:
            lines = [line for line in f if line.strip()][:base_limit]
        (d / UN.name).write_text("".join(lines), encoding="utf-8")
        inputs = [d / MH.name, d / UN.name]
    a = Assistant.open(store=work / "base")
    t0 = time.perf_counter()
    rep = a.ingest(inputs, progress=True)
    s = a.stats()
    out = {"inputs": [str(p) for p in inputs], "added": rep.added, "unchanged": rep.unchanged,
           "failed": len(rep.failed), "duplicates": len(rep.duplicates), "ingest_seconds": round(time.perf_counter() - t0, 1),
           "documents": s.documents, "chunks": s.chunks, "claims": s.claims, "vectors": s.vectors}
    assert s.vectors == s.chunks and not s.pending, out
    log(f"base store: {s.documents} documents, {s.chunks} chunks, {s.claims} claims")
    return out


# ---------------------------------------------------------------------------------- phase: store
def base_order(base) -> list[tuple[str, int]]:
    """(doc_id, n_chunks) of the base documents: MultiHop-RAG articles in the order the seeded
    questions cite them, the other MultiHop-RAG articles, then the UN speeches (file order)."""
    rows = base.db.execute("SELECT doc_id, source_id, n_chunks, added_at FROM documents WHERE state='ready' "
                           "ORDER BY added_at, rowid").fetchall()
    by_source = {r["source_id"]: (r["doc_id"], r["n_chunks"]) for r in rows}
    order: list[tuple[str, int]] = []
    seen: set[str] = set()
    for q in load_questions():
        for e in q["evidence_list"]:
            hit = by_source.get(e.get("url", ""))
            if hit and hit[0] not in seen:
                seen.add(hit[0])
                order.append(hit)
    mh = [(r["doc_id"], r["n_chunks"]) for r in rows if r["source_id"].startswith("http")]
    rest = [(r["doc_id"], r["n_chunks"]) for r in rows if not r["source_id"].startswith("http")]
    order += [x for x in mh if x[0] not in seen]
    order += rest
    return order


def store_plan(base, size: int) -> list[tuple[str, int]]:
    """``(base doc_id, copy round)`` pairs (round 0 = the document itself) until ``size`` chunks."""
    order = base_order(base)
    plan, total, r = [], 0, 0
    while total < size:
        for doc_id, n in order:
            plan.append((doc_id, r))
            total += n
            if total >= size:
                break
        r += 1
    return plan


def copy_of(doc, chunks, claims, r: int):
    """Document, chunks and claims of copy round ``r`` (new ids, changed text, same offsets)."""
    from index.ingest import text_hash
    from index.models import Document, short_hash

    if r == 0:
        return doc, chunks, claims
    text = mutate(doc.text, r)
    meta = {k: v for k, v in doc.meta.items() if k != "near_duplicates"}
    meta.update(text_hash=text_hash(text), scale_copy_of=doc.doc_id, scale_copy=r)
    new = Document(source_id=f"{doc.source_id}#scale-copy-{r}", text=text, title=f"{doc.title} (copy {r})",
                   source=doc.source, published=doc.published, url=f"{doc.url}#copy-{r}" if doc.url else "",
                   author=doc.author, path=doc.path, meta=meta)
    content = new.content_hash
    new_chunks = [replace(c, chunk_id=short_hash("chunk", new.doc_id, content, str(c.seq), str(c.start)),
                          doc_id=new.doc_id, text=text[c.start:c.end], title=new.title, url=new.url)
                  for c in chunks]
    new_claims = [replace(k, claim_id=short_hash("claim", new.doc_id, k.claim_id), doc_id=new.doc_id,
                          text=text[k.start:k.end]) for k in claims]
    return new, new_chunks, new_claims


def phase_store(work: Path, size: int) -> dict:
    """Build (or reuse) ``work/store-<size>`` from ``work/base`` (see the module docstring)."""
    import numpy as np

    from index.config import Settings
    from index.models import Claim
    from index.neardup import fingerprint
    from index.store import Store

    base = Store(Settings(store=str(work / "base")), create=False)
    plan = store_plan(base, size)
    digest = hashlib.sha256(json.dumps(plan).encode()).hexdigest()[:16]
    target = work / f"store-{size}"
    manifest = target / "scale-manifest.json"
    if manifest.is_file():
        m = json.loads(manifest.read_text())
        if m.get("plan") == digest and m.get("complete"):
            log(f"store-{size}: reusing ({m['chunks']} chunks, {m['documents']} documents)")
            reused = Store(Settings(store=str(target)), create=False)
            reused.sync_lexical(announce=True)  # a store built before the tantivy index had none
            reused.close()
            return m
    if target.exists():
        shutil.rmtree(target)
    dst = Store(Settings(store=str(target)))
    t0 = time.perf_counter()
    done = chunks_total = 0
    for i in range(0, len(plan), 100):
        part = plan[i:i + 100]
        items, sentences, vectors, chunk_ids, doc_ids, prints = [], {}, [], [], [], []
        ids = [c.chunk_id for d, _ in part for c in base.chunks_of(d)]
        got = base.collection.get(ids=list(dict.fromkeys(ids)), include=["embeddings"])
        vec_of = dict(zip(got["ids"], got["embeddings"]))
        for doc_id, r in part:
            doc, chunks = base.document(doc_id), base.chunks_of(doc_id)
            claims = [Claim.from_dict({**dict(row), "topics": json.loads(row["topics"] or "[]")})
                      for row in base.db.execute("SELECT * FROM claims WHERE doc_id=?", (doc_id,))]
            sv = base.sentence_vectors_of(doc_id)
            vecs = np.asarray([vec_of[c.chunk_id] for c in chunks], dtype=np.float32)
            doc, chunks, claims = copy_of(doc, chunks, claims, r)
            items.append((doc, chunks, claims))
            if sv is not None:
                sentences[doc.doc_id] = sv
            vectors.append(vecs)
            chunk_ids += [c.chunk_id for c in chunks]
            doc_ids.append(doc.doc_id)
            prints.append((doc.doc_id, fingerprint(doc.text)))
            chunks_total += len(chunks)
        dst.stage(items, sentences)
        dst.write_vectors(doc_ids, chunk_ids, np.concatenate(vectors))
        dst.mark_ready(doc_ids)
        dst.link_near_duplicates(prints)
        done += len(part)
        log(f"store-{size}: {done}/{len(plan)} documents, {chunks_total} chunks, {time.perf_counter() - t0:.0f} s")
    t1 = time.perf_counter()
    dst.sync_lexical(announce=True)
    lexical_s = time.perf_counter() - t1
    s = dst.stats()
    links = dst.db.execute("SELECT count(*) FROM near_duplicates").fetchone()[0] // 2
    m = {"plan": digest, "complete": True, "documents": s.documents, "chunks": s.chunks, "claims": s.claims,
         "vectors": s.vectors, "copies": sum(1 for _, r in plan if r), "copy_rounds": max(r for _, r in plan),
         "near_duplicate_links": links, "build_seconds": round(time.perf_counter() - t0, 1),
         "lexical_index_seconds": round(lexical_s, 1)}
    assert s.vectors == s.chunks and not s.pending, m
    manifest.write_text(json.dumps(m, indent=2))
    dst.close()
    log(f"store-{size}: built {m}")
    return m


# ---------------------------------------------------------------------------------- phase: speed
def speed_inputs(work: Path, base, target_chunks: int) -> tuple[list[Path], int]:
    """The first MultiHop-RAG articles and UN speeches (alternating) until ``target_chunks``
    chunks (counted in the base store), written as files of the corpora's own formats."""
    n_of = {r["source_id"]: r["n_chunks"] for r in base.db.execute("SELECT source_id, n_chunks FROM documents")}
    mh = json.loads(MH.read_text(encoding="utf-8"))
    with UN.open(encoding="utf-8") as f:
        un = [line for line in f if line.strip()]
    pick_mh, pick_un, total = [], [], 0
    for i in range(max(len(mh), len(un))):
        if total >= target_chunks:
            break
        if i < len(mh):
            pick_mh.append(mh[i])
            total += n_of.get(mh[i]["url"], 0)
        if i < len(un) and total < target_chunks:
            pick_un.append(un[i])
            total += n_of.get(f"{UN.name}#{json.loads(un[i])['id']}", 0)
    d = work / "speed-input"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    (d / MH.name).write_text(json.dumps(pick_mh, ensure_ascii=False), encoding="utf-8")
    (d / UN.name).write_text("".join(pick_un), encoding="utf-8")
    return [d / MH.name, d / UN.name], len(pick_mh) + len(pick_un)


def phase_speed(work: Path, target_chunks: int) -> dict:
    """Assistant.ingest (claims on) of a subset into a fresh store vs raw fp32 encode of its chunks."""
    import index.claims as claims_mod
    from assistant import Assistant
    from assistant import core as core_mod
    from index.config import Settings
    from index.embedding import AUTO_TORCH_MIN_BATCH, Embedder
    from index.store import Store

    base = Store(Settings(store=str(work / "base")), create=False)
    paths, n_docs = speed_inputs(work, base, target_chunks)
    base.close()
    for name in ("speed-store", "speed-warm"):
        shutil.rmtree(work / name, ignore_errors=True)
    # Load everything ingestion uses before timing: the bulk model (torch bf16 or int8 ONNX; the
    # embedder's choice for a large batch), ONNX, spaCy, actor tables.
    sampler = RSSSampler()
    t0 = time.perf_counter()
    warm = Assistant.open(store=work / "speed-warm")
    warm.embedder.embed(["A warm-up sentence about the Northern Straits."] * AUTO_TORCH_MIN_BATCH)
    warm.embedder.onnx_model  # noqa: B018
    claims_mod._nlp()
    warm.ingest([SAMPLES])
    load_s = time.perf_counter() - t0
    log(f"speed: models warm in {load_s:.1f} s ({warm.embedder.dtype}); {n_docs} documents to ingest")
    a = Assistant.open(store=work / "speed-store")
    timer = StageTimer()
    real, made = core_mod.Ingestor, []

    def ingestor(*args, **kw):  # Assistant.ingest's own Ingestor, with its stages timed
        ing = real(*args, **kw)
        cm = instrumented(ing, timer)
        cm.__enter__()
        made.append(cm)
        return ing

    load_before = machine_load()
    core_mod.Ingestor = ingestor
    sampler.reset()
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        rep = a.ingest(paths)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        core_mod.Ingestor = real
        for cm in made:
            cm.__exit__(None, None, None)
    peak = sampler.peak
    texts = chunk_texts(a.store)
    assert rep.chunks == len(texts) and not rep.failed, rep.failed[:3]
    stages = {k: round(v, 2) for k, v in sorted(timer.seconds.items(), key=lambda kv: -kv[1])}
    stages["other"] = round(wall - sum(timer.seconds.values()), 2)
    ingest = {"documents": rep.added, "chunks": rep.chunks, "claims": rep.claims, "seconds": round(wall, 1),
              "cpu_seconds": round(cpu, 1), "chunks_per_second": round(rep.chunks / wall, 1),
              "chunks_per_cpu_second": round(rep.chunks / cpu, 1), "stage_seconds": stages,
              "peak_rss_mb": round(peak / 2**20), "embedder": a.embedder.dtype,
              "bulk_backend": a.embedder.backend_for(AUTO_TORCH_MIN_BATCH),
              "sentences_encoded": a.store.db.execute("SELECT count(*) FROM sentence_vectors").fetchone()[0]}
    log(f"speed: ingest {rep.chunks} chunks ({rep.claims} claims) in {wall:.1f} s = {ingest['chunks_per_second']} chunks/s")
    fp32 = Embedder("float32", a.embedder.batch_size, "torch").model  # a separate fp32 model
    fp32.encode(["A warm-up sentence about the Northern Straits."] * 8)
    t0, c0 = time.perf_counter(), time.process_time()
    vecs = fp32.encode(texts, batch_size=a.embedder.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                       show_progress_bar=False)
    rwall, rcpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(vecs) == len(texts)
    raw = {"chunks": len(texts), "seconds": round(rwall, 1), "cpu_seconds": round(rcpu, 1),
           "chunks_per_second": round(len(texts) / rwall, 1), "chunks_per_cpu_second": round(len(texts) / rcpu, 1),
           "model": "SentenceTransformer all-MiniLM-L6-v2 float32", "batch_size": a.embedder.batch_size}
    log(f"speed: raw fp32 encode {len(texts)} chunks in {rwall:.1f} s = {raw['chunks_per_second']} chunks/s")
    # Diagnostic: the product's bulk model (bf16, or int8 ONNX) on the same chunk texts (the
    # precision gain alone; the ingest's "encode" stage differs from it by encoding sentences
    # instead of chunks). One call, as large as ingestion's, so the embedder picks its bulk model.
    t0, c0 = time.perf_counter(), time.process_time()
    a.embedder.embed(texts)
    bwall, bcpu = time.perf_counter() - t0, time.process_time() - c0
    raw_bf16 = {"chunks": len(texts), "seconds": round(bwall, 1), "cpu_seconds": round(bcpu, 1),
                "chunks_per_second": round(len(texts) / bwall, 1), "dtype": a.embedder.dtype}
    log(f"speed: raw {a.embedder.dtype} encode {len(texts)} chunks in {bwall:.1f} s = {raw_bf16['chunks_per_second']} chunks/s")
    sampler.stop()
    out = {"input_documents": n_docs, "mean_chunk_chars": round(sum(map(len, texts)) / len(texts)),
           "model_load_seconds": round(load_s, 1), "ingest_with_claims": ingest, "raw_fp32_encode": raw,
           "raw_product_dtype_encode_of_chunks": raw_bf16,
           "ratio_wall": round(ingest["chunks_per_second"] / raw["chunks_per_second"], 2),
           "ratio_cpu": round(ingest["chunks_per_cpu_second"] / raw["chunks_per_cpu_second"], 2),
           "load_before": load_before, "load_after": machine_load()}
    for name in ("speed-store", "speed-warm"):
        shutil.rmtree(work / name, ignore_errors=True)
    return out


# ---------------------------------------------------------------------------------- phase: warm
def populate_server(store_dir: Path, url: str) -> dict:
    """Copy the embedded store's vectors (ids, vectors, metadata, texts) into the server's collection."""
    from urllib.parse import urlparse

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from index.config import Settings
    from index.store import EMBEDDING_MODEL, Store

    src = Store(Settings(store=str(store_dir)), create=False).collection
    u = urlparse(url)
    client = chromadb.HttpClient(host=u.hostname, port=u.port, settings=ChromaSettings(anonymized_telemetry=False))
    meta = {"hnsw:space": "cosine", "embedding_model": EMBEDDING_MODEL}
    col = client.get_or_create_collection(Settings().collection, embedding_function=None, metadata=meta)
    n = src.count()
    if col.count() == n:
        return {"vectors": n, "copied": False}
    client.delete_collection(Settings().collection)
    col = client.create_collection(Settings().collection, embedding_function=None, metadata=meta)
    t0 = time.perf_counter()
    for off in range(0, n, 4000):
        got = src.get(limit=4000, offset=off, include=["embeddings", "metadatas", "documents"])
        col.upsert(ids=got["ids"], embeddings=got["embeddings"], metadatas=got["metadatas"],
                   documents=got["documents"])
    assert col.count() == n, (col.count(), n)
    log(f"server: copied {n} vectors in {time.perf_counter() - t0:.0f} s")
    return {"vectors": n, "copied": True, "seconds": round(time.perf_counter() - t0, 1)}


def phase_warm(work: Path, size: int, n: int, warmup: int, chroma_url: str = "") -> dict:
    """Warm search / re-ranked search / offline ask latency over the seeded questions."""
    from assistant import Assistant

    store = work / f"store-{size}"
    out: dict = {"mode": "server" if chroma_url else "embedded"}
    if chroma_url:
        out["populate"] = populate_server(store, chroma_url)
    a = Assistant.open(store=store, chroma_url=chroma_url or None, create=False)
    qs = load_questions()[: warmup + n]
    warm, timed = qs[:warmup], qs[warmup:]
    t0 = time.perf_counter()
    for q in warm:
        a.search(q["query"], rerank=False)
        a.search(q["query"], rerank=True)
        a.ask(q["query"], llm="")
    out["warmup_seconds"] = round(time.perf_counter() - t0, 1)
    out["load_before"] = os.getloadavg()[0]
    for kind in ("search", "rerank", "ask"):
        times, recalls, abstained, cites = [], [], 0, 0
        for q in timed:
            t0 = time.perf_counter()
            if kind == "ask":
                ans = a.ask(q["query"], llm="")
                times.append(time.perf_counter() - t0)
                abstained += ans.abstained
                cites += len(ans.citations)
            else:
                res = a.search(q["query"], k=10, rerank=kind == "rerank")
                times.append(time.perf_counter() - t0)
                facts = [e["fact"] for e in q["evidence_list"]]
                if facts:
                    recalls.append(recall_at_k(evidence_ranks(facts, [p.text for p in res]), 10))
        out[kind] = summary_ms(times)
        out[kind]["seconds"] = [round(t, 4) for t in times]
        if kind == "ask":
            out[kind].update(abstained=abstained, mean_citations=round(cites / len(timed), 2))
        else:
            out[kind]["recall@10"] = round(statistics.fmean(recalls), 3) if recalls else None
        log(f"size {size} {out['mode']} {kind}: p50 {out[kind]['p50_ms']} ms, p95 {out[kind]['p95_ms']} ms")
    out["load_after"] = os.getloadavg()[0]
    import psutil

    out["process_rss_mb"] = round(psutil.Process().memory_info().rss / 2**20)
    out["questions"] = {"timed": len(timed), "warmup": len(warm),
                        "null": sum(q["question_type"] == "null_query" for q in timed)}
    return out


# ---------------------------------------------------------------------------------- phase: coldparts
COLD_PARTS = r"""
import json, sys, time
t, t0 = {}, time.perf_counter()
def lap(name, since):
    t[name] = round(time.perf_counter() - since, 3)
import chromadb
lap("import chromadb", t0); t1 = time.perf_counter()
from assistant import Assistant
lap("import assistant (rest)", t1); t1 = time.perf_counter()
a = Assistant.open(store=sys.argv[1], create=False)
lap("Assistant.open (catalog + Chroma client)", t1); t1 = time.perf_counter()
a.embedder.onnx_model
lap("ONNX model load", t1); t1 = time.perf_counter()
a.search(sys.argv[2], rerank=True)
lap("first search (rerank)", t1); t1 = time.perf_counter()
a.search(sys.argv[3], rerank=True)
lap("second search (another question)", t1); t1 = time.perf_counter()
a.ask(sys.argv[2], llm="")
lap("first ask (first question)", t1); t1 = time.perf_counter()
a.ask(sys.argv[3], llm="")
lap("second ask (another question)", t1)
lap("total after interpreter start", t0)
print(json.dumps(t))
"""


def cold_parts(store: Path, questions: list[str]) -> dict:
    """Where a cold one-question process spends its time, in a fresh interpreter: imports, opening
    the store, the ONNX model, then two searches and two asks (so the first-call costs show)."""
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", COLD_PARTS, str(store), questions[0], questions[1]], cwd=ROOT,
                       env=child_env(), capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise RuntimeError(f"cold parts failed: {r.stderr[-1500:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["process wall"] = round(time.perf_counter() - t0, 3)
    log(f"cold parts: {out}")
    return out


# ---------------------------------------------------------------------------------- phase: profile
class PartTimer(StageTimer):
    """``StageTimer`` that also counts calls."""

    def __init__(self):
        super().__init__()
        self.calls: dict[str, int] = defaultdict(int)

    def wrap(self, stage: str, fn):
        timed = super().wrap(stage, fn)

        def counted(*a, **kw):
            self.calls[stage] += 1
            return timed(*a, **kw)
        return counted


def phase_profile(work: Path, size: int, n: int, warmup: int) -> dict:
    """Where the time of search / re-ranked search / ask goes at ``size``: inclusive wall time of
    the parts (nested: a part's time includes the parts it calls) and cProfile's top functions."""
    from assistant import Assistant

    a = Assistant.open(store=work / f"store-{size}", create=False)
    qs = [q["query"] for q in load_questions()[: warmup + n]]
    for q in qs[:warmup]:
        a.search(q, rerank=True)
        a.ask(q, llm="")
    qs = qs[warmup:]
    s, cat, vec = a.store, a.store.catalog, a.store.vectors
    parts = [
        ("query: parse", a.parser, "parse"), ("query: embed (all)", a.parser, "embed"),
        ("  query texts encoded (ONNX)", a.parser, "_embed"),
        ("retrieve (hybrid, all)", a.retriever, "retrieve"),
        ("  store.search_dense_many (Chroma + ids or ready check)", s, "search_dense_many"),
        ("    catalog.chunk_ids (filter to ids)", cat, "chunk_ids"),
        ("    chroma query", vec.collection, "query"),
        ("  catalog.search_lexical_many (FTS5 BM25)", cat, "search_lexical_many"),
        ("  catalog.passages", cat, "passages"),
        ("rerank_passages (all)", a.ranker, "rerank_passages"), ("ranker.rank (all)", a.ranker, "rank"),
        ("  catalog.sentence_vectors", cat, "sentence_vectors"),
        ("  ranker: sentences encoded (not stored)", a.ranker, "embed_sentences"),
        ("evidence.gather (all)", a.evidence, "gather"),
        ("  catalog.claims", cat, "claims"), ("  catalog.actors", cat, "actors"),
        ("  catalog.near_duplicates", cat, "near_duplicates"), ("  catalog.document", cat, "document"),
        ("  catalog.passage_covering", cat, "passage_covering"),
        ("answerer.answer (all)", a.answerer, "answer"),
    ]
    runs = {"search": lambda q: a.search(q, rerank=False), "rerank": lambda q: a.search(q, rerank=True),
            "ask": lambda q: a.ask(q, llm="")}
    out: dict = {"size": size, "questions": len(qs)}
    for kind, fn in runs.items():
        timer = PartTimer()
        patched = []
        for label, obj, name in parts:
            own = vars(obj).get(name) if hasattr(obj, "__dict__") else None
            try:
                setattr(obj, name, timer.wrap(label, getattr(obj, name)))
            except (AttributeError, TypeError, ValueError):  # e.g. a pydantic object: not timed
                continue
            patched.append((obj, name, own))
        try:
            t0 = time.perf_counter()
            for q in qs:
                fn(q)
            total = time.perf_counter() - t0
        finally:
            for obj, name, own in reversed(patched):
                if own is None:
                    delattr(obj, name)
                else:
                    setattr(obj, name, own)
        per_q = {label: {"ms_per_question": round(timer.seconds[label] * 1000 / len(qs), 1),
                         "calls_per_question": round(timer.calls[label] / len(qs), 1),
                         "share": round(timer.seconds[label] / total, 3)}
                 for label, _, _ in parts if timer.calls.get(label)}
        prof = cProfile.Profile()
        prof.enable()
        t0 = time.perf_counter()
        for q in qs:
            fn(q)
        prof_total = time.perf_counter() - t0
        prof.disable()
        top = {}
        for key in ("cumulative", "tottime"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(30)
            top[key] = [line for line in buf.getvalue().splitlines() if line.strip()][-31:]
        out[kind] = {"ms_per_question": round(total * 1000 / len(qs), 1), "parts": per_q,
                     "cprofile_ms_per_question": round(prof_total * 1000 / len(qs), 1), "cprofile_top": top}
        log(f"profile {kind}: {out[kind]['ms_per_question']} ms/question; "
            + ", ".join(f"{k.strip()} {v['ms_per_question']}" for k, v in per_q.items()))
    return out


# ---------------------------------------------------------------------------------- subprocess figures
class TreeRSS:
    """Peak RSS of a process and its children, sampled every 50 ms in a thread."""

    def __init__(self, pid: int):
        import psutil

        self.proc = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def now(self) -> int:
        import psutil

        total = 0
        try:
            for p in [self.proc, *self.proc.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.now())
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def cold_runs(store: Path, questions: list[str], runs: int) -> dict:
    """Wall time of fresh `attache ask` / `attache search` processes (one untimed run first)."""
    out = {}
    for cmd in ("ask", "search"):
        times = []
        for i, q in enumerate([questions[0], *questions[:runs]]):
            t0 = time.perf_counter()
            r = subprocess.run([str(ATTACHE), cmd, q, "--store", str(store), "--json"], env=child_env(),
                               capture_output=True, text=True, timeout=600)
            wall = time.perf_counter() - t0
            if r.returncode != 0:
                raise RuntimeError(f"attache {cmd} failed ({r.returncode}): {r.stderr[-1500:]}")
            json.loads(r.stdout)
            if i:
                times.append(wall)
        out[cmd] = {"runs_s": [round(t, 2) for t in times], "median_s": round(statistics.median(times), 2)}
        log(f"cold attache {cmd}: {out[cmd]['runs_s']} s")
    return out


def serve_rss(store: Path, questions: list[str]) -> dict:
    """`attache serve` on a free loopback port: ready time, peak RSS through a few /api/ask."""
    import httpx

    port = free_port()
    proc = subprocess.Popen([str(ATTACHE), "serve", "--store", str(store), "--port", str(port)], env=child_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True).start()
    rss = TreeRSS(proc.pid)
    t0 = time.perf_counter()
    try:
        deadline = time.monotonic() + 900
        url = f"http://127.0.0.1:{port}"
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"attache serve exited {proc.returncode}: {''.join(lines)[-1500:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"attache serve not ready in 900 s: {''.join(lines)[-1500:]}")
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        ready_s = time.perf_counter() - t0
        rss_ready = rss.now()
        asks = []
        for q in questions:
            t1 = time.perf_counter()
            r = httpx.post(f"{url}/api/ask", json={"question": q}, timeout=300)
            r.raise_for_status()
            asks.append(round(time.perf_counter() - t1, 3))
        rss_after = rss.now()
    finally:
        peak = rss.stop()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    out = {"ready_s": round(ready_s, 1), "rss_ready_mb": round(rss_ready / 2**20), "rss_after_asks_mb":
           round(rss_after / 2**20), "peak_rss_mb": round(peak / 2**20), "ask_s": asks}
    log(f"serve: ready in {out['ready_s']} s, peak RSS {out['peak_rss_mb']} MB, asks {asks} s")
    return out


def probe_inputs(work: Path) -> Path:
    """20 articles not in any store (10 UN speeches, 10 MultiHop-RAG articles, changed text, new ids)."""
    d = work / "probe-input"
    if (d / "done").is_file():
        return d
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    mh = json.loads(MH.read_text(encoding="utf-8"))[-10:]
    for rec in mh:
        rec["body"], rec["url"] = mutate(rec["body"], PROBE_ROUND), rec["url"] + "#scale-probe"
        rec["title"] += " (update)"
    (d / "probe-mh.json").write_text(json.dumps(mh, ensure_ascii=False), encoding="utf-8")
    with UN.open(encoding="utf-8") as f:
        un = [json.loads(line) for line in f if line.strip()][-10:]
    for rec in un:
        rec["text"], rec["id"] = mutate(rec["text"], PROBE_ROUND), rec["id"] + "-scale-probe"
    (d / "probe-un.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in un), encoding="utf-8")
    (d / "done").write_text("ok")
    return d


def ingest_probe(work: Path, store: Path) -> dict:
    """`attache ingest` of the probe articles into a copy of ``store``: wall time and peak RSS."""
    src = probe_inputs(work)
    copy = work / "probe-store"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(ATTACHE), "ingest", str(src), "--store", str(copy), "--json", "--quiet"],
                                env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        rss = TreeRSS(proc.pid)
        out_s, err_s = proc.communicate(timeout=3600)
        wall = time.perf_counter() - t0
        peak = rss.stop()
        if proc.returncode != 0:
            raise RuntimeError(f"attache ingest failed ({proc.returncode}): {err_s[-1500:]}")
        rep = json.loads(out_s)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    out = {"added": rep["added"], "chunks": rep["chunks"], "claims": rep["claims"], "wall_s": round(wall, 1),
           "ingest_s": rep["seconds"], "peak_rss_mb": round(peak / 2**20),
           "near_duplicate_links": len(rep.get("near_duplicates", []))}
    log(f"ingest probe: {out}")
    return out


def start_chroma(path: Path, port: int, log_file: Path) -> subprocess.Popen:
    """`chroma run` on a loopback port, ready when its heartbeat answers (as tests/test_ingest.py)."""
    import urllib.request

    proc = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log_file.open("ab"), stderr=subprocess.STDOUT, env=child_env(),
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma run exited: {log_file.read_text(errors='replace')[-1500:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    stop_process(proc)
    raise RuntimeError("chroma server did not answer its heartbeat within 120 s")


def stop_process(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# ---------------------------------------------------------------------------------- orchestration
def run_phase(args, phase: str, size: int = 0, chroma_url: str = "") -> dict:
    """Run one phase in a child process of this script; its JSON result."""
    result = args.work / f".{phase}-{size}.json"
    result.unlink(missing_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--phase", phase, "--size", str(size),
           "--work", str(args.work), "--result", str(result), "--questions", str(args.questions),
           "--warmup", str(args.warmup), "--ingest-chunks", str(args.ingest_chunks),
           "--base-limit", str(args.base_limit)]
    if chroma_url:
        cmd += ["--chroma-url", chroma_url]
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=child_env())
    if r.returncode != 0:
        raise RuntimeError(f"phase {phase} (size {size}) failed with exit code {r.returncode}")
    log(f"phase {phase} {size or ''} done in {time.perf_counter() - t0:.0f} s")
    return json.loads(result.read_text())


def measure_size(args, size: int, store_info: dict) -> dict:
    store = args.work / f"store-{size}"
    qs = [q["query"] for q in load_questions()[args.warmup: args.warmup + args.questions]]
    out: dict = {"size": size, "store": store_info, "embedded": run_phase(args, "warm", size)}
    if "server" not in args.skip and size in args.server_sizes:
        port = free_port()
        data = args.work / f"chroma-server-{size}"
        server = start_chroma(data, port, args.work / f"chroma-server-{size}.log")
        server_rss = TreeRSS(server.pid)
        try:
            out["server"] = run_phase(args, "warm", size, chroma_url=f"http://127.0.0.1:{port}")
            out["server"]["chroma_server_rss_mb"] = round(server_rss.now() / 2**20)
        finally:
            out.get("server", {})["chroma_server_peak_rss_mb"] = round(server_rss.stop() / 2**20)
            stop_process(server)
    if "cold" not in args.skip:
        out["cold"] = cold_runs(store, qs, args.cold_runs)
        out["cold"]["parts_s"] = cold_parts(store, qs)
    if "serve" not in args.skip:
        out["serve"] = serve_rss(store, qs[: args.serve_questions])
    if "probe" not in args.skip:
        out["ingest_probe"] = ingest_probe(args.work, store)
    return out


def targets_check(results: dict) -> dict:
    """Each target of the issue with the measured figure and whether it is met."""
    sizes = results["sizes"]
    checks = {}
    for size, r in sizes.items():
        if "cold" in r:
            checks[f"cold ask < 2 s ({size})"] = (r["cold"]["ask"]["median_s"], r["cold"]["ask"]["median_s"] < 2)
            checks[f"cold search < 2 s ({size})"] = (r["cold"]["search"]["median_s"],
                                                     r["cold"]["search"]["median_s"] < 2)
        if "serve" in r:
            checks[f"serve peak RSS < 1.5 GB ({size})"] = (r["serve"]["peak_rss_mb"], r["serve"]["peak_rss_mb"] < 1536)
    big = sizes.get("100000")
    if big:
        e = big["embedded"]
        checks["search p50 < 50 ms (100k)"] = (e["search"]["p50_ms"], e["search"]["p50_ms"] < 50)
        checks["reranked search p50 < 150 ms (100k)"] = (e["rerank"]["p50_ms"], e["rerank"]["p50_ms"] < 150)
        checks["ask p50 < 150 ms (100k)"] = (e["ask"]["p50_ms"], e["ask"]["p50_ms"] < 150)
    if "speed" in results:
        ratio = results["speed"]["ratio_wall"]
        checks["ingest with claims >= 2x raw fp32 encode"] = (ratio, ratio >= 2)
    return {k: {"value": v, "met": ok} for k, (v, ok) in checks.items()}


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, NullFormatter

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.8), sharey=True)
    titles = {"search": "hybrid search", "rerank": "search(rerank=True)", "ask": "offline ask"}
    goal = {"search": 50, "rerank": 150, "ask": 150}
    for ax, kind in zip(axes, ("search", "rerank", "ask")):
        for mode, color in (("embedded", "tab:blue"), ("server", "tab:orange")):
            pts = sorted((r["store"]["chunks"], r[mode][kind]) for r in results["sizes"].values() if mode in r)
            if not pts:
                continue
            xs = [p[0] for p in pts]
            ax.plot(xs, [p[1]["p50_ms"] for p in pts], "o-", color=color, label=f"{mode} p50")
            ax.plot(xs, [p[1]["p95_ms"] for p in pts], "o--", color=color, alpha=0.7, label=f"{mode} p95")
        ax.axhline(goal[kind], color="grey", linestyle=":", linewidth=1)
        ax.text(ax.get_xlim()[0] if ax.lines else 1000, goal[kind] * 1.05, f" target p50 at 100k: {goal[kind]} ms",
                fontsize=8, color="grey")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.yaxis.set_minor_formatter(FuncFormatter(lambda v, _: f"{v:g}" if f"{v:g}"[0] in "25" else ""))
        ticks = sorted({r["store"]["chunks"] for r in results["sizes"].values()})
        ax.set_xticks(ticks, [f"{t:,}" for t in ticks])
        ax.set_xlabel("chunks in the store")
        ax.set_title(titles[kind])
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    axes[0].set_ylabel("latency per query, ms (warm)")
    m = results["machine"]
    fig.suptitle(f"attache latency against index size ({results['questions']} MultiHop-RAG questions per point; "
                 f"{m['cpus']} shared CPUs, load average {m['load_before']['loadavg_1m']}"
                 f"-{m['load_after']['loadavg_1m']})", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="store sizes in chunks (comma-separated)")
    ap.add_argument("--questions", type=int, default=30, help="timed questions per size and mode")
    ap.add_argument("--warmup", type=int, default=3, help="untimed questions asked first")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--work", type=Path, default=Path("/tmp/attache-scale"), help="stores, kept for reruns")
    ap.add_argument("--server-sizes", default="", help="sizes also measured with a chroma server (default: all)")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--serve-questions", type=int, default=3)
    ap.add_argument("--ingest-chunks", type=int, default=2000, help="chunks in the ingestion-speed subset")
    ap.add_argument("--profile-size", type=int, default=0, help="size to profile (default: the largest)")
    ap.add_argument("--skip", default="", help="comma-separated: speed, cold, serve, probe, server, profile")
    ap.add_argument("--base-limit", type=int, default=0, help=argparse.SUPPRESS)  # smoke tests: tiny base
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--size", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--chroma-url", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.work = args.work.resolve()
    args.skip = set(filter(None, args.skip.split(",")))

    if args.phase:  # a child process: one phase, result as JSON in --result
        phases = {
            "base": lambda: phase_base(args.work, args.base_limit),
            "store": lambda: phase_store(args.work, args.size),
            "speed": lambda: phase_speed(args.work, args.ingest_chunks),
            "warm": lambda: phase_warm(args.work, args.size, args.questions, args.warmup, args.chroma_url),
            "profile": lambda: phase_profile(args.work, args.size, args.questions, args.warmup),
        }
        args.result.write_text(json.dumps(phases[args.phase](), indent=2))
        return 0

    missing = [p for p in (UN, MH, QUESTIONS) if not p.is_file()]
    if missing:
        print(f"skipped: dataset not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 0
    sizes = sorted(int(s) for s in args.sizes.split(","))
    args.server_sizes = {int(s) for s in args.server_sizes.split(",")} if args.server_sizes else set(sizes)
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    load_before = machine_load()
    log(f"work folder {args.work}; sizes {sizes}; load average {load_before['loadavg_1m']}")

    results: dict = {"questions": args.questions, "warmup": args.warmup, "seed": SEED, "targets": TARGETS,
                     "base": run_phase(args, "base"), "sizes": {}}
    stores = {size: run_phase(args, "store", size) for size in sizes}
    if "speed" not in args.skip:
        results["speed"] = run_phase(args, "speed")
        log(f"ingestion speed ratio (claims vs raw fp32): {results['speed']['ratio_wall']} wall, "
            f"{results['speed']['ratio_cpu']} CPU")
    for size in sizes:
        log(f"--- size {size} ({stores[size]['chunks']} chunks)")
        r = measure_size(args, size, stores[size])
        if "profile" not in args.skip and size == (args.profile_size or sizes[-1]):
            r["profile"] = run_phase(args, "profile", size)
        r["loadavg_1m_after"] = os.getloadavg()[0]
        results["sizes"][str(size)] = r
        (args.out / f"scale-{size}.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    results["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                          "load_before": load_before, "load_after": machine_load()}
    results["checks"] = targets_check(results)
    (args.out / "scale.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    plot(results, args.out / "scale.png")
    for name, c in results["checks"].items():
        log(f"{'met    ' if c['met'] else 'NOT met'}  {name}: {c['value']}")
    print(json.dumps({"results": str(args.out / "scale.json"), "plot": str(args.out / "scale.png"),
                      "checks": results["checks"]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
