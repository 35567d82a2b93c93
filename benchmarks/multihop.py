"""Retrieval and citation quality on MultiHop-RAG (dev questions).

Reports, in one run and on the same index, evidence recall@4/@10 (share of gold `fact`
sentences contained in the top-k passages; a fact counts as found when a passage contains it or
their longest common substring covers 60% of it), MRR@10 (first passage holding any gold fact),
for: plain dense top-k over attache's chunks; hybrid (dense + lexical, fused, diversified);
hybrid + sentence re-ranking; and optionally the reference pipeline (RecursiveCharacterTextSplitter
1000/200 + MiniLM + Chroma top-k). Also abstention of the offline answerer on null questions.

    python benchmarks/multihop.py --store /tmp/mh [--limit N] [--reference] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "datasets" / "multihop-rag"
RESULTS = ROOT / "benchmarks" / "results"

# The matching rule and the metrics are attache's own (`attache eval` uses the same functions).
from assistant.evaluation import evidence_ranks, mrr_at_k, recall_at_k  # noqa: E402


def evaluate(questions, retrieve, ks=(4, 10)) -> dict:
    recalls = {k: 0.0 for k in ks}
    mrr = 0.0
    chars = []
    t0 = time.perf_counter()
    for q in questions:
        texts = retrieve(q["query"], max(ks))
        chars += [len(t) for t in texts]
        ranks = evidence_ranks([e["fact"] for e in q["evidence_list"]], texts)
        for k in ks:
            recalls[k] += recall_at_k(ranks, k)
        mrr += mrr_at_k(ranks, 10)
    n = len(questions)
    out = {f"recall@{k}": round(recalls[k] / n, 4) for k in ks}
    out["mrr@10"] = round(mrr / n, 4)
    out["mean_passage_chars"] = round(sum(chars) / max(1, len(chars)))
    out["seconds_per_question"] = round((time.perf_counter() - t0) / n, 4)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", default="/tmp/attache-bench-multihop", help="index folder (reused if present)")
    ap.add_argument("--limit", type=int, default=0, help="answerable questions to use (0 = all)")
    ap.add_argument("--rerank-limit", type=int, default=400, help="questions for the slower re-ranked run")
    ap.add_argument("--null-limit", type=int, default=0, help="null questions for abstention (0 = all)")
    ap.add_argument("--reference", action="store_true", help="also run the RecursiveCharacterTextSplitter baseline")
    ap.add_argument("--abstention-only", action="store_true", help="only the abstention measurement")
    ap.add_argument("--plot-only", action="store_true", help="redraw multihop.png from the saved results")
    ap.add_argument("--half", choices=["tune", "test", "both"], default="both",
                    help="which half of the seeded split of the dev questions to score (tune on 'tune' only)")
    ap.add_argument("--out", default="multihop.json", help="results file name under benchmarks/results")
    ap.add_argument("--ranker", action="append", default=[], metavar="NAME=VALUE",
                    help="set a SentenceRanker setting for this run (rank_weight, title_weight, outlet_weight, "
                         "cover_parts); tune on --half tune only")
    ap.add_argument("--retrieval", action="append", default=[], metavar="NAME=VALUE",
                    help="set a RetrievalConfig setting for this run (e.g. dense_pool, clause_dense); "
                         "tune on --half tune only")
    ap.add_argument("--skip", default="", help="comma-separated runs to skip (dense, hybrid, abstention)")
    ap.add_argument("--lexical-max-df", type=float, default=None, metavar="SHARE",
                    help="drop query words in more than this share of the chunks from BM25 (0 = keep all; "
                         "default: index.catalog.LEXICAL_MAX_DF); tune on --half tune only")
    ap.add_argument("--lexical", choices=["tantivy", "fts5"], default="tantivy",
                    help="BM25 ranking of the pooled lexical search: the tantivy index (default) or the "
                         "catalog's FTS5 table (as before the tantivy index existed), to compare the two")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.lexical == "fts5":
        import index.lexical
        index.lexical.LexicalIndex.search = lambda self, *a, **kw: None  # always "behind": FTS5 ranks
    if args.lexical_max_df is not None:
        import index.catalog
        index.catalog.LEXICAL_MAX_DF = args.lexical_max_df
    if args.plot_only:
        saved = json.loads((RESULTS / args.out).read_text())
        plot(saved.get("test") or saved.get("tune") or saved, (RESULTS / args.out).with_suffix(".png"))
        return 0
    if not (DATA / "corpus.json").exists():
        print(f"MultiHop-RAG not found at {DATA}; skipping", file=sys.stderr)
        return 0

    from assistant import Assistant

    a = Assistant.open(store=args.store)
    for setting in args.ranker:
        name, _, value = setting.partition("=")
        if not hasattr(a.ranker, name):
            ap.error(f"--ranker: no setting {name!r}")
        setattr(a.ranker, name, value.lower() == "true" if value.lower() in ("true", "false") else float(value))
    for setting in args.retrieval:
        name, _, value = setting.partition("=")
        if not hasattr(a.retriever.config, name):
            ap.error(f"--retrieval: no setting {name!r}")
        old = getattr(a.retriever.config, name)
        setattr(a.retriever.config, name, value.lower() == "true" if isinstance(old, bool) else type(old)(value))
    results_settings = {s.partition("=")[0]: s.partition("=")[2] for s in args.ranker + args.retrieval}
    results_settings["lexical"] = args.lexical
    if args.lexical_max_df is not None:
        results_settings["lexical_max_df"] = str(args.lexical_max_df)
    t0 = time.perf_counter()
    rep = a.ingest([DATA / "corpus.json"], progress=True)
    ingest_s = time.perf_counter() - t0
    print(f"index: {a.stats().documents} documents, {a.stats().chunks} chunks "
          f"(ingest run: added {rep.added}, {ingest_s:.0f} s)", file=sys.stderr)

    qs = json.load(open(DATA / "queries-dev.json"))
    answerable = [q for q in qs if q["question_type"] != "null_query" and q["evidence_list"]]
    nulls = [q for q in qs if q["question_type"] == "null_query"]
    halves = split_halves(answerable)
    results: dict = {"split": "seeded (16) halves of the answerable dev questions: "
                              f"tune {len(halves['tune'])}, test {len(halves['test'])}",
                     "null_questions": len(nulls), "ranker": results_settings}
    for half in (["tune", "test"] if args.half == "both" else [args.half]):
        subset = halves[half]
        if args.limit:
            subset = random.Random(7).sample(subset, min(args.limit, len(subset)))
        print(f"--- {half} half: {len(subset)} questions", file=sys.stderr)
        results[half] = score_retrieval(a, subset, args)
    answerable = halves["test" if args.half != "tune" else "tune"]

    if "abstention" in set(filter(None, args.skip.split(","))):
        nulls = []
    null_subset = nulls[: args.null_limit] if args.null_limit else nulls
    abst = sum(a.ask(q["query"]).abstained for q in null_subset)
    ans_subset = answerable[:200] if null_subset else []
    false_abst = sum(a.ask(q["query"]).abstained for q in ans_subset)
    if null_subset:
        results["abstention"] = {"null_questions": len(null_subset),
                                 "abstained_on_null": round(abst / len(null_subset), 4),
                                 "answerable_checked": len(ans_subset),
                                 "abstained_on_answerable": round(false_abst / len(ans_subset), 4)}
        print(f"abstention {results['abstention']}", file=sys.stderr)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / args.out
    out.write_text(json.dumps(results, indent=2))
    plot(results.get("test") or results.get("tune") or results, out.with_suffix(".png"))
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


def split_halves(answerable: list[dict]) -> dict[str, list[dict]]:
    """The answerable dev questions split once, seeded (16), into a tuning half and a test half:
    retrieval settings are chosen on "tune" only; "test" is only scored."""
    order = list(range(len(answerable)))
    random.Random(16).shuffle(order)
    mid = len(order) // 2
    return {"tune": [answerable[i] for i in sorted(order[:mid])],
            "test": [answerable[i] for i in sorted(order[mid:])]}


def score_retrieval(a, answerable: list[dict], args) -> dict:
    """recall@4/@10, MRR@10 of dense, hybrid and re-ranked hybrid (and the reference) on ``answerable``."""
    results: dict = {"questions": len(answerable)}
    def dense(q, k):
        return [p.text for p in a.retriever.dense(a.parser.embed(a.parser.parse(q), parts=False), k)]

    def hybrid(q, k):
        return [p.text for p in a.search(q, k, rerank=False)]

    def hybrid_rerank(q, k):
        return [p.text for p in a.search(q, k, rerank=True)]

    skip = set(filter(None, args.skip.split(",")))
    runs = [(n, f, answerable) for n, f in (("dense", dense), ("hybrid", hybrid)) if n not in skip]
    rr_qs = answerable[: args.rerank_limit] if args.rerank_limit else answerable
    runs.append(("hybrid+rerank", hybrid_rerank, rr_qs))
    if args.rerank_limit and args.rerank_limit < len(answerable):
        runs.append(("hybrid (same subset as rerank)", hybrid, rr_qs))
    if args.reference:
        runs.insert(0, ("reference: splitter 1000/200 + dense", reference_retriever(a), answerable))
    prev_file = RESULTS / "multihop.json"
    if not args.reference and prev_file.exists():
        # Keep the slow reference figures from an earlier --reference run, marked as such.
        old = json.loads(prev_file.read_text())
        for key, val in old.items():
            if key.startswith("reference") and isinstance(val, dict):
                results[key] = {**val, "from_earlier_run": True}
    if args.abstention_only:
        runs = []
    for name, fn, subset in runs:
        r = evaluate(subset, fn)
        r["questions"] = len(subset)
        results[name] = r
        print(f"{name:36} {r}", file=sys.stderr)

    return results


def plot(results: dict, path: Path) -> None:
    """Grouped bars: recall@4, recall@10 and MRR@10 for each retrieval row."""
    try:
        import matplotlib
    except ImportError:
        print("matplotlib not installed (pip install -e .[bench]); no plot", file=sys.stderr)
        return
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [(k, v) for k, v in results.items() if isinstance(v, dict) and "recall@10" in v]
    metrics = ["recall@4", "recall@10", "mrr@10"]
    fig, ax = plt.subplots(figsize=(11, 4.8))
    width = 0.8 / max(1, len(rows))
    for i, (name, r) in enumerate(rows):
        xs = [m + i * width for m in range(len(metrics))]
        note = ", earlier run" if r.get("from_earlier_run") else ""
        bars = ax.bar(xs, [r[m] for m in metrics], width, label=f"{name} ({r.get('questions', '?')} q{note})")
        ax.bar_label(bars, fmt="%.2f", fontsize=7)
    ax.axhline(0.70, color="grey", linestyle="--", linewidth=1)
    ax.text(len(metrics) - 0.2, 0.71, "target recall@10 0.70", fontsize=8, color="grey", ha="right")
    ax.set_xticks([m + width * (len(rows) - 1) / 2 for m in range(len(metrics))], metrics)
    ax.set_ylim(0, 1)
    ax.set_title("MultiHop-RAG dev: evidence retrieval (one index; rows measured in one run unless marked)")
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def reference_retriever(a):
    """The plain pipeline the issue measured: RecursiveCharacterTextSplitter(1000, 200), MiniLM, Chroma."""
    import chromadb
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    corpus = json.load(open(DATA / "corpus.json"))
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts = [c for doc in corpus for c in splitter.split_text(doc["body"])]
    client = chromadb.EphemeralClient()
    col = client.create_collection("reference", embedding_function=None, metadata={"hnsw:space": "cosine"})
    vecs = a.embedder.embed(texts)
    for i in range(0, len(texts), 4000):
        col.add(ids=[str(j) for j in range(i, min(i + 4000, len(texts)))], embeddings=vecs[i:i + 4000],
                documents=texts[i:i + 4000])

    def retrieve(q, k):
        res = col.query(query_embeddings=[a.embedder.embed_one(q).tolist()], n_results=k, include=["documents"])
        return res["documents"][0]

    return retrieve


if __name__ == "__main__":
    sys.exit(main())
