"""Precision and recall of ClaimExtractor against the gold claims in tests/gold/claims.json.

A predicted claim matches a gold one when the actors are equal (case-insensitive) and the spans
overlap with character IoU >= 0.5 or one contains the other. Precision counts predictions that
match some gold claim; recall counts gold claims matched by some prediction. Micro-averaged.

    python benchmarks/claims_eval.py [--gold PATH] [--json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.claims import ClaimExtractor  # noqa: E402
from index.cleaning import split_front_matter  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "claims.json"
SEARCH_DIRS = [ROOT / "index" / "samples", ROOT.parent / "shared" / "articles"]


def load_article(name: str) -> tuple[str, str]:
    """(body text after any front matter, published date) of a gold file by basename."""
    for d in SEARCH_DIRS:
        path = d / name
        if path.is_file():
            front, body = split_front_matter(path.read_text(encoding="utf-8"))
            m = re.match(r"(\d{4}-\d{2}-\d{2})", name)
            return body, front.get("published") or (m.group(1) if m else "")
    raise FileNotFoundError(name)


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return False
    contains = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
    return contains or inter / (max(a[1], b[1]) - min(a[0], b[0])) >= 0.5


def evaluate(gold_path: Path = GOLD, extractor: ClaimExtractor | None = None) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    extractor = extractor or ClaimExtractor()
    names = sorted(gold)
    articles = [load_article(n) for n in names]
    predictions = extractor.extract_many([(body, n, pub) for n, (body, pub) in zip(names, articles)])
    files, tp_pred, n_pred, tp_gold, n_gold = {}, 0, 0, 0, 0
    for name, (body, _), preds in zip(names, articles, predictions):
        golds = []
        for g in gold[name]:
            at = body.find(g["span"])
            if at < 0:
                raise ValueError(f"{name}: gold span not found: {g['span'][:60]!r}")
            golds.append((g["actor"].lower(), (at, at + len(g["span"]))))
        pairs = [(p.actor.lower(), (p.start, p.end)) for p in preds]
        hit = lambda x, ys: any(x[0] == y[0] and spans_match(x[1], y[1]) for y in ys)  # noqa: E731
        p_ok = sum(hit(p, golds) for p in pairs)
        g_ok = sum(hit(g, pairs) for g in golds)
        files[name] = {
            "predicted": len(pairs), "gold": len(golds), "precision": p_ok / len(pairs) if pairs else 0.0,
            "recall": g_ok / len(golds) if golds else 0.0,
            "false_positives": [f"{p.actor}: {p.text[:80]}" for p, x in zip(preds, pairs) if not hit(x, golds)],
            "missed": [f"{g['actor']}: {g['span'][:80]}" for g, x in zip(gold[name], golds) if not hit(x, pairs)],
        }
        tp_pred, n_pred, tp_gold, n_gold = tp_pred + p_ok, n_pred + len(pairs), tp_gold + g_ok, n_gold + len(golds)
    return {"files": files, "precision": tp_pred / n_pred if n_pred else 0.0,
            "recall": tp_gold / n_gold if n_gold else 0.0, "predicted": n_pred, "gold": n_gold}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false positives and misses")
    args = ap.parse_args()
    res = evaluate(args.gold)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return
    for name, f in res["files"].items():
        print(f"{f['precision']:6.2f} {f['recall']:6.2f}  {f['predicted']:3d}/{f['gold']:3d}  {name}")
        if args.verbose:
            for x in f["false_positives"]:
                print("      FP", x)
            for x in f["missed"]:
                print("      FN", x)
    print(f"micro precision {res['precision']:.3f}  recall {res['recall']:.3f}  "
          f"({res['predicted']} predicted, {res['gold']} gold)")


if __name__ == "__main__":
    main()
