"""How far two human annotators of the attribution gold agree, beside the extractor's score.

A second annotator annotates documents of the gold again, blind to the extractor and to the first
annotation (brief: benchmarks/gold/GUIDELINE.md; files: benchmarks/gold/agreement/*.jsonl, the
gold's format, one line per re-annotated document). Each second annotation is scored against the
gold exactly as the extractor is (``claims_eval.score_document``: speaker and span (a), speaker and
sentence (b)), with the second annotator's statements as the predictions; a null speaker becomes an
unnamed actor. The same documents are scored for the extractor against the gold and against the
second annotator. The second annotator's named recall (a) is the ceiling a rule set can be expected
to reach on that gold: what one careful reader finds of what another careful reader listed.

    python benchmarks/claims_agreement.py [--second FILE ...] [--json] [--no-save]

Table to stdout, warnings to stderr, metrics to benchmarks/results/claims_agreement.json. Exits 2
when the datasets are missing, 1 when no second annotation matches a gold document.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import claims_eval as ce

AGREEMENT_DIR = ce.ROOT / "benchmarks" / "gold" / "agreement"
RESULTS = ce.ROOT / "benchmarks" / "results" / "claims_agreement.json"


def as_predictions(second: ce.Prepared, gold: ce.Prepared) -> list[ce.Prediction]:
    """The second annotator's statements as predictions on the gold's text: the actor is the
    speaker, or the first of its aliases the gold knows (so "Blinken" against "Antony Blinken"
    is judged as the extractor's actors are), or "unnamed source" for a null speaker."""
    out = []
    for g in second.golds:
        if g.speaker is None:
            out.append(ce.Prediction("unnamed source", g.start, g.end, g.content))
            continue
        names = [g.speaker, *g.aliases]
        actor = next((n for n in names if any(ce.speaker_matches(n, h.speaker, h.aliases)
                                              for h in gold.golds if h.speaker)), g.speaker)
        out.append(ce.Prediction(actor, g.start, g.end, g.content))
    return out


def as_gold(prepared: ce.Prepared) -> list[ce.GoldStatement]:
    """A prepared annotation's statements, used as the gold of a comparison."""
    return list(prepared.golds)


def compare(paths: list[Path]) -> dict[str, Any]:
    """Score every second annotation in ``paths`` against the gold document of the same id.
    Returns ``{"metrics": {row: aggregate}, "documents": [ids], "unmatched": [ids]}``; rows are
    "<who> vs <reference>" overall and per corpus ("news", "UN")."""
    gold_docs = {d["id"]: d for d in ce.load_gold_docs(sorted(ce.GOLD_DIR.glob("*.jsonl")))}
    seconds = ce.load_gold_docs(paths)
    pairs, unmatched = [], []
    for s in seconds:
        g = gold_docs.get(s["id"])
        if g is None or g["range"] != s["range"]:
            unmatched.append(s["id"])
            print(f"warning: {s['id']}: no gold document with this id and range; skipped", file=sys.stderr)
            continue
        pg, ps = ce.prepare(g), ce.prepare(s)
        if pg.text != ps.text or pg.text_mode != ps.text_mode:
            pg, ps = ce.prepare(g, raw_text=True), ce.prepare(s, raw_text=True)
        pairs.append((pg, ps))
    extracted = ce.run_extractor([pg for pg, _ in pairs]) if pairs else []
    rows: dict[str, list[ce.DocScore]] = {}
    for (pg, ps), ex in zip(pairs, extracted):
        rng = (min(pg.rng[0], ps.rng[0]), max(pg.rng[1], ps.rng[1]))
        scored = {
            "second vs gold": ce.score_document(pg.doc_id, pg.corpus, pg.golds, as_predictions(ps, pg), rng),
            "extractor vs gold": ce.score_document(pg.doc_id, pg.corpus, pg.golds, ex, rng),
            "extractor vs second": ce.score_document(pg.doc_id, pg.corpus, as_gold(ps), ex, rng),
        }
        for name, sc in scored.items():
            rows.setdefault(name, []).append(sc)
            rows.setdefault(f"{name} / {'news' if 'multihop' in pg.corpus else 'UN'}", []).append(sc)
    order = sorted(rows, key=lambda k: (k.split(" / ")[0] != "second vs gold",
                                        k.split(" / ")[0], " / " in k, k))
    return {"metrics": {k: ce.aggregate(rows[k]) for k in order},
            "documents": [pg.doc_id for pg, _ in pairs], "unmatched": unmatched}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--second", type=Path, action="append",
                    help=f"a second annotation JSONL (repeatable; default {AGREEMENT_DIR.relative_to(ce.ROOT)}/*.jsonl)")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--no-save", action="store_true", help=f"do not write {RESULTS.relative_to(ce.ROOT)}")
    args = ap.parse_args(argv)
    v = ce._validator()
    if not v.MULTIHOP.is_file() or not v.UN.is_file():
        print(f"datasets not found under {v.DATASETS}: cannot score the agreement", file=sys.stderr)
        return 2
    paths = args.second or sorted(AGREEMENT_DIR.glob("*.jsonl"))
    res = compare(paths)
    if not res["documents"]:
        print("no second annotation matches a gold document", file=sys.stderr)
        return 1
    if not args.no_save and not args.second:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ce.ROOT)}", file=sys.stderr)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    ce.print_table(res["metrics"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
