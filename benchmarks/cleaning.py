"""What cleaning removes from the MultiHop-RAG corpus, per outlet: characters, lines and the
statements (claims) that would have been extracted from removed or headline-like lines, plus a
seeded sample of removed lines to check by hand. Cleaning and statement extraction only (no
embedding). Writes ``benchmarks/results/cleaning.json``.

    python benchmarks/cleaning.py [--no-claims] [--sample 60]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "datasets" / "multihop-rag" / "corpus.json"
RESULTS = ROOT / "benchmarks" / "results"


def main() -> int:
    """Clean every article body, count what went per outlet, print a summary and save the JSON.
    Returns the exit code (0, also when the corpus is absent: skipped)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-claims", action="store_true", help="skip statement extraction (faster)")
    ap.add_argument("--sample", type=int, default=60, help="removed lines in the hand-check sample")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"MultiHop-RAG not found at {DATA}; skipping", file=sys.stderr)
        return 0
    from index.cleaning import clean_text, headline_spans

    t0 = time.perf_counter()
    corpus = json.loads(DATA.read_text())
    per: dict[str, Counter] = defaultdict(Counter)
    removed_all: list[dict] = []
    spans: list[tuple[str, list[tuple[int, int]]]] = []
    for art in corpus:
        body, outlet = art["body"], art["source"]
        text, meta = clean_text(body)
        c = per[outlet]
        c["articles"] += 1
        c["chars_in"] += len(body)
        c["chars_out"] += len(text)
        c["lines_removed"] += len(meta["removed"])
        for r in meta["removed"]:
            c["chars_removed_by_lines"] += len(r["text"])
            removed_all.append({"outlet": outlet, "what": r["what"], "text": r["text"]})
        cut = [(r["start"], r["end"]) for r in meta["removed"]] + headline_spans(body)
        spans.append((body, cut))
    clean_s = time.perf_counter() - t0
    claims_s = 0.0
    if not args.no_claims:
        from index.actors import ActorResolver
        from index.claims import ClaimExtractor

        t1 = time.perf_counter()
        extractor = ClaimExtractor(ActorResolver())
        found = extractor.extract_many([(body, f"d{i}", "") for i, (body, _) in enumerate(spans)], [])
        for art, (body, cut), claims in zip(corpus, spans, found):
            c = per[art["source"]]
            c["statements_raw"] += len(claims)
            c["statements_removed"] += sum(any(s < k.end and k.start < e for s, e in cut) for k in claims)
        claims_s = time.perf_counter() - t1
    outlets = {o: {**c, "chars_removed": c["chars_in"] - c["chars_out"],
                   "share_removed": round(1 - c["chars_out"] / max(1, c["chars_in"]), 4)}
               for o, c in sorted(per.items(), key=lambda kv: -kv[1]["articles"])}
    total = Counter()
    for c in per.values():
        total.update(c)
    by_what = Counter(r["what"] for r in removed_all)
    sample = random.Random(15).sample(removed_all, min(args.sample, len(removed_all)))
    res = {"articles": len(corpus), "seconds_cleaning": round(clean_s, 2), "seconds_claims": round(claims_s, 1),
           "total": {**total, "chars_removed": total["chars_in"] - total["chars_out"]},
           "lines_removed_by_reason": dict(by_what.most_common()), "outlets": outlets, "sample": sample}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cleaning.json").write_text(json.dumps(res, indent=2, ensure_ascii=False))
    print(json.dumps({k: res[k] for k in ("articles", "seconds_cleaning", "seconds_claims", "total",
                                          "lines_removed_by_reason")}, indent=2))
    for o, c in list(outlets.items())[:12]:
        print(f"{o[:40]:40} {c['articles']:4d} art  {c['chars_removed']:7d} chars ({c['share_removed']:.1%})  "
              f"{c['lines_removed']:4d} lines  {c.get('statements_removed', 0):3d}/{c.get('statements_raw', 0)} stmts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
