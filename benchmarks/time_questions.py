"""Time in questions on MultiHop-RAG: recall of questions that name a time, apart from the rest,
with the question's time applied (``assistant.query.TIME_FILTERS``) and without, in one run.

A question "names a time" when it carries a year, a month name, a weekday, a day ("October 12th")
or a publication-time phrase ("published after", "reported ... before", "between ... and").
Writes ``benchmarks/results/time_questions.json``.

    python benchmarks/time_questions.py --store /tmp/mh [--rest 400]

The store is the one ``benchmarks/multihop.py`` builds (it is built here the same way if absent).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "datasets" / "multihop-rag"
RESULTS = ROOT / "benchmarks" / "results"

from assistant.evaluation import evidence_ranks, mrr_at_k, recall_at_k  # noqa: E402

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
NAMES_TIME = re.compile(
    rf"\b(?:(?:19|20)\d\d|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|(?:{_MONTHS})\b|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:published|posted|reported|released)\b[^?]{0,40}\b(?:after|before|between|since|on|in))", re.I)


def score(a, questions, k: int = 10) -> dict:
    """recall@4/@10 and MRR@10 of hybrid search (``a.search``) over ``questions``."""
    r4 = r10 = mrr = 0.0
    t0 = time.perf_counter()
    for q in questions:
        texts = [p.text for p in a.search(q["query"], k)]
        ranks = evidence_ranks([e["fact"] for e in q["evidence_list"]], texts)
        r4 += recall_at_k(ranks, 4)
        r10 += recall_at_k(ranks, 10)
        mrr += mrr_at_k(ranks, 10)
    n = max(1, len(questions))
    return {"questions": len(questions), "recall@4": round(r4 / n, 4), "recall@10": round(r10 / n, 4),
            "mrr@10": round(mrr / n, 4), "seconds_per_question": round((time.perf_counter() - t0) / n, 3)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="/tmp/attache-bench-multihop", help="index folder (built if absent)")
    ap.add_argument("--rest", type=int, default=400, help="seeded sample of the other questions (0 = all)")
    args = ap.parse_args()
    if not (DATA / "corpus.json").exists():
        print(f"MultiHop-RAG not found at {DATA}; skipping", file=sys.stderr)
        return 0

    import assistant.query as query_mod
    from assistant import Assistant

    a = Assistant.open(store=args.store)
    if a.stats().documents == 0:
        a.ingest([DATA / "corpus.json"], progress=True)
    qs = json.loads((DATA / "queries-dev.json").read_text())
    answerable = [q for q in qs if q["question_type"] != "null_query" and q["evidence_list"]]
    timed = [q for q in answerable if NAMES_TIME.search(q["query"])]
    rest = [q for q in answerable if not NAMES_TIME.search(q["query"])]
    if args.rest and args.rest < len(rest):
        rest = random.Random(7).sample(rest, args.rest)
    filtered = [q for q in timed if a.parser.parse(q["query"]).filters.since or a.parser.parse(q["query"]).filters.until]
    out: dict = {"answerable": len(answerable), "names_a_time": len(timed), "get_a_date_filter": len(filtered)}
    for label, flag in (("without time filters", False), ("with time filters", True)):
        query_mod.TIME_FILTERS = flag
        out[label] = {"names a time": score(a, timed), "of those, filtered": score(a, filtered),
                      "the rest (sample)": score(a, rest)}
        print(label, json.dumps(out[label]), file=sys.stderr)
    query_mod.TIME_FILTERS = True
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "time_questions.json").write_text(json.dumps(out, indent=2))
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
