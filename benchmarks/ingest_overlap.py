"""Ingestion with claims, the claims parse overlapped with the encoder (adaptive: the encoder leaves
the parse a core only while other processes keep the CPUs busy) against one after the other, on an
idle machine and beside one CPU-bound process, in one run.

    python benchmarks/ingest_overlap.py ARTICLES.json OUT.json
    (e.g. the first 80 MultiHop-RAG articles; results in benchmarks/results/ingest_overlap.json)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant import Assistant  # noqa: E402
from index.embedding import shared_embedder  # noqa: E402
from index.ingest import Ingestor  # noqa: E402

e = shared_embedder()
e.embed(["warm"] * 300)
from index.claims import _nlp  # noqa: E402

_nlp()
out = []
for load in ("idle", "one other busy process"):
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"])] if load != "idle" else []
    try:
        for mode in ("overlapped (adaptive)", "one after the other"):
            d = tempfile.mkdtemp()
            a = Assistant.open(store=d + "/s", create=True)
            ing = Ingestor(a.store, a.embedder)
            ing.overlap = mode.startswith("overlapped")
            t0, c0 = time.perf_counter(), os.times()
            r = ing.ingest([sys.argv[1]])
            w, c1 = time.perf_counter() - t0, os.times()
            row = {"machine": load, "mode": mode, "chunks": r.chunks, "claims": r.claims, "seconds": round(w, 1),
                   "cpu_seconds": round(c1.user - c0.user + c1.system - c0.system, 1)}
            print(row, flush=True)
            out.append(row)
            a.store.close()
            shutil.rmtree(d)
    finally:
        for h in hogs:
            h.kill()
            h.wait()
json.dump(out, open(sys.argv[2], "w"), indent=1)
