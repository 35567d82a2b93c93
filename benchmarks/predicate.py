"""Predicate-mismatch abstention on MultiHop-RAG dev: false answers on null questions and false
abstentions on answerable ones, with the check of ``assistant/support.py`` off (before) and on
(after), in the same small index and the same run.

The index holds the evidence articles of a seeded sample of answerable questions (yes/no ones
first, as only yes/no questions are checked). Writes ``benchmarks/results/predicate.json``.

    python benchmarks/predicate.py --answerable 60 --nulls 100
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "datasets" / "multihop-rag"
RESULTS = ROOT / "benchmarks" / "results"


def main() -> int:
    """Build (or reuse) the small index, ask every question with the check off and on, print and
    save the rates. Returns the exit code (0; also when the dataset is absent: skipped)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="/tmp/attache-bench-predicate")
    ap.add_argument("--answerable", type=int, default=60, help="answerable questions whose articles are indexed")
    ap.add_argument("--nulls", type=int, default=100, help="null questions asked")
    args = ap.parse_args()
    if not (DATA / "corpus.json").exists():
        print(f"MultiHop-RAG not found at {DATA}; skipping", file=sys.stderr)
        return 0
    from assistant import Assistant, support

    corpus = {d["url"]: d for d in json.loads((DATA / "corpus.json").read_text())}
    qs = json.loads((DATA / "queries-dev.json").read_text())
    rnd = random.Random(15)
    answerable = [q for q in qs if q["question_type"] != "null_query" and q["evidence_list"]]
    rnd.shuffle(answerable)
    answerable.sort(key=lambda q: not support.is_yes_no(q["query"]))  # yes/no first (stable)
    answerable = answerable[: args.answerable]
    nulls = [q for q in qs if q["question_type"] == "null_query"][: args.nulls]
    urls = {e["url"] for q in answerable for e in q["evidence_list"] if e["url"] in corpus}
    a = Assistant.open(store=args.store)
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "subset.json"
        f.write_text(json.dumps([corpus[u] for u in sorted(urls)]))
        rep = a.ingest([f], progress=True)
    print(f"index: {a.stats().documents} documents (added {rep.added})", file=sys.stderr)

    def asked(questions: list[dict]) -> list[bool]:
        return [a.ask(q["query"]).abstained for q in questions]

    def share(xs: list[bool]) -> float:
        return round(sum(xs) / len(xs), 4) if xs else 0.0

    t0 = time.perf_counter()
    yn_ans = [q for q in answerable if support.is_yes_no(q["query"])]
    other_ans = [q for q in answerable if not support.is_yes_no(q["query"])]
    support.ENABLED = False
    null_before, yn_before, other = asked(nulls), asked(yn_ans), asked(other_ans)
    support.ENABLED = True
    # Only yes/no questions are checked: the others' answers cannot change, so they are not re-asked.
    null_after = [a.ask(q["query"]).abstained if support.is_yes_no(q["query"]) else b
                  for q, b in zip(nulls, null_before)]
    yn_after = asked(yn_ans)
    res: dict = {"documents": a.stats().documents, "nulls": len(nulls),
                 "nulls_yes_no": sum(support.is_yes_no(q["query"]) for q in nulls),
                 "answerable_yes_no": len(yn_ans), "answerable_other": len(other_ans)}
    for name, nl, yn in (("before", null_before, yn_before), ("after", null_after, yn_after)):
        res[name] = {"false_answer_rate_on_null": round(1 - share(nl), 4),
                     "false_abstention_on_answerable_yes_no": share(yn),
                     "false_abstention_on_answerable_all": share(yn + other)}
    res["seconds"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(res, indent=2))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "predicate.json").write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
