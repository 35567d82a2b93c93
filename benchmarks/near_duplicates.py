"""Near-duplicate pairs in the MultiHop-RAG corpus at ``index.neardup.THRESHOLD``: every article
body is cleaned as ingestion cleans it and fingerprinted (MinHash, no embedding); all pairs are
compared on the full signature (brute force, to check the LSH bands miss nothing) and the pairs
the bands make candidates are counted too. Prints a summary and writes
``benchmarks/results/near_duplicates.json`` with the similarity distribution, the linked pairs
and the closest unlinked pairs (with their exact shingle Jaccard) for checking by hand.

    python benchmarks/near_duplicates.py
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "datasets" / "multihop-rag" / "corpus.json"
RESULTS = ROOT / "benchmarks" / "results"


def main() -> int:
    """Returns the exit code (0, also when the corpus is absent: skipped)."""
    from index.cleaning import clean_text
    from index.neardup import BANDS, PERMUTATIONS, ROWS, SHINGLE, THRESHOLD, fingerprint, jaccard

    if not DATA.is_file():
        print(f"skipped: corpus not found: {DATA}")
        return 0
    corpus = json.loads(DATA.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    texts = [clean_text(d["body"])[0] for d in corpus]
    t1 = time.perf_counter()
    fps = [fingerprint(t) for t in texts]
    t2 = time.perf_counter()
    sig = np.stack([f.minhash for f in fps])
    pairs, hist = [], Counter()
    for i in range(len(fps)):
        sims = (sig[i + 1:] == sig[i]).mean(axis=1)
        for s in sims:
            hist[f"{min(int(s * 10), 9) / 10:.1f}"] += 1
        pairs += [(float(sims[j]), i, i + 1 + int(j)) for j in np.nonzero(sims >= 0.1)[0]]
    bands = [set(f.bands) for f in fps]
    candidates = sum(1 for i in range(len(fps)) for j in range(i + 1, len(fps)) if bands[i] & bands[j])
    pairs.sort(reverse=True)

    def row(s: float, i: int, j: int) -> dict:
        return {"similarity": round(s, 3), "jaccard": round(jaccard(texts[i], texts[j]), 3),
                "a": {"source": corpus[i]["source"], "published": corpus[i]["published_at"][:10],
                      "title": corpus[i]["title"]},
                "b": {"source": corpus[j]["source"], "published": corpus[j]["published_at"][:10],
                      "title": corpus[j]["title"]},
                "lsh_candidate": bool(bands[i] & bands[j])}

    linked = [row(*p) for p in pairs if p[0] >= THRESHOLD]
    closest_unlinked = [row(*p) for p in pairs if p[0] < THRESHOLD][:15]
    out = {
        "corpus": str(DATA.relative_to(ROOT.parent)), "documents": len(corpus),
        "pairs_compared": len(fps) * (len(fps) - 1) // 2,
        "params": {"shingle_words": SHINGLE, "permutations": PERMUTATIONS, "bands": BANDS, "rows": ROWS,
                   "threshold": THRESHOLD},
        "near_duplicate_pairs": len(linked),
        "linked_pairs_missed_by_lsh": sum(1 for r in linked if not r["lsh_candidate"]),
        "lsh_candidate_pairs": candidates,
        "similarity_histogram": dict(sorted(hist.items())),
        "seconds": {"clean": round(t1 - t0, 2), "fingerprint": round(t2 - t1, 2),
                    "per_document_ms": round(1000 * (t2 - t1) / len(fps), 2)},
        "linked": linked,
        "closest_unlinked": closest_unlinked,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "near_duplicates.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")
    print(f"{len(corpus)} documents, {out['pairs_compared']} pairs: {len(linked)} near-duplicate pairs at "
          f"similarity >= {THRESHOLD} ({out['linked_pairs_missed_by_lsh']} missed by the LSH bands; "
          f"{candidates} band candidates); fingerprinting {out['seconds']['per_document_ms']} ms/document")
    for r in linked + closest_unlinked[:5]:
        print(f"  {r['similarity']:.3f} (exact {r['jaccard']:.3f})  {r['a']['source']}: {r['a']['title'][:50]}"
              f"  |  {r['b']['source']}: {r['b']['title'][:50]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
