"""Same-run A/B of hybrid retrieval with its rankings run one after another against side by side
(the threads of ``assistant.retrieval``), on a built store and the MultiHop-RAG dev questions.

    python benchmarks/retrieval_threads.py --store /tmp/attache-scale/store-100000 [--questions 40]
        [--rounds 2] [--out benchmarks/results/retrieval_threads.json]

Reports p50/mean latency of ``Assistant.search(rerank=False)`` per variant and round, their ratio,
and whether both variants return the same chunk ids for every question.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from concurrent.futures import Future
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import assistant.retrieval as retrieval  # noqa: E402
from assistant.core import Assistant  # noqa: E402

QUESTIONS = ROOT.parent / "shared" / "datasets" / "multihop-rag" / "queries-dev.json"


class Inline:
    """An executor that runs each call at once: the sequential baseline."""

    def submit(self, fn, *args):
        f: Future = Future()
        f.set_result(fn(*args))
        return f


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", required=True)
    ap.add_argument("--questions", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "retrieval_threads.json")
    args = ap.parse_args()
    if not QUESTIONS.is_file():
        print(f"not found: {QUESTIONS}", file=sys.stderr)
        return 2
    qs = [q["query"] for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))][:args.questions]
    a = Assistant.open(store=args.store, create=False)
    for q in qs[:3]:
        a.search(q, k=10, rerank=False)  # warm
    threaded = retrieval._POOL
    rows, ids = [], {}
    for rnd in range(args.rounds):
        for label, pool in (("sequential", Inline()), ("threads", threaded)):
            retrieval._POOL = pool  # type: ignore[assignment]
            ts = []
            for q in qs:
                t = time.perf_counter()
                got = a.search(q, k=10, rerank=False)
                ts.append(time.perf_counter() - t)
                ids.setdefault((label, q), [p.chunk_id for p in got])
            row = {"round": rnd, "variant": label, "p50_ms": round(statistics.median(ts) * 1000, 1),
                   "mean_ms": round(statistics.mean(ts) * 1000, 1)}
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    retrieval._POOL = threaded
    same = all(ids[("sequential", q)] == ids[("threads", q)] for q in qs)
    ratios = [s["p50_ms"] / t["p50_ms"] for s, t in zip(rows[0::2], rows[1::2])]
    out = {"store": args.store, "questions": len(qs), "rows": rows, "p50_speedup": [round(r, 2) for r in ratios],
           "same_results": same}
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
